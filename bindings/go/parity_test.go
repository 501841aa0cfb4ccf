package icpvalidate

// The shared corpus, answered by this module and by the native command line
// (`cargo build --bin icp-validate`): the same bytes and verdicts. The committed baseline
// results are checked without the native command line too.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/icp-validate/icp-validate/bindings/go/internal/nativecli"
)

// repoRoot is the repository holding this module (bindings/go).
const repoRoot = "../.."

var locales = []string{"zh-CN", "en"}

// runNative runs the native command line and returns its stdout and exit status.
func runNative(t testing.TB, stdin []byte, args ...string) ([]byte, int) {
	t.Helper()
	return nativecli.Run(t, repoRoot, stdin, args...)
}

func newValidator(t testing.TB, opts ...Option) *Validator {
	t.Helper()
	v, err := New(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// vector is one case of tests/vectors/**/*.json.
type vector struct {
	File, Field, Value string
	Context            map[string]any
	Expected           map[string]json.RawMessage
}

func loadVectors(t testing.TB) []vector {
	t.Helper()
	var files []string
	filepath.WalkDir(filepath.Join(repoRoot, "tests/vectors"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	slices.Sort(files)
	var out []vector
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Today   string                       `json:"today"`
			Vectors []map[string]json.RawMessage `json:"vectors"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, m := range doc.Vectors {
			v := vector{File: filepath.Base(f), Expected: m, Context: map[string]any{}}
			json.Unmarshal(m["field"], &v.Field)
			json.Unmarshal(m["value"], &v.Value)
			if c, ok := m["context"]; ok {
				json.Unmarshal(c, &v.Context)
			}
			if _, ok := v.Context["today"]; !ok && doc.Today != "" {
				v.Context["today"] = doc.Today
			}
			out = append(out, v)
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d vectors under tests/vectors", len(out))
	}
	return out
}

// batchLine is the request line the command line's batch reads for a field check.
func batchLine(field, value string, ctx any) []byte {
	line, _ := json.Marshal(map[string]any{"field": field, "value": value, "context": ctx})
	return append(line, '\n')
}

// mismatches compares a result with a vector's expectations, as tests/common/mod.rs does.
func mismatches(v vector, r Result) []string {
	var out []string
	var got map[string]any
	json.Unmarshal(r.JSON, &got)
	same := func(want json.RawMessage, have any) bool {
		var w any
		json.Unmarshal(want, &w)
		return reflect.DeepEqual(w, have)
	}
	if want, ok := v.Expected["valid"]; ok && !same(want, got["valid"]) {
		out = append(out, fmt.Sprintf("valid: want %s, got %v", want, got["valid"]))
	}
	if want, ok := v.Expected["normalized"]; ok && !same(want, got["normalized"]) {
		out = append(out, fmt.Sprintf("normalized: want %s, got %v", want, got["normalized"]))
	}
	if want, ok := v.Expected["codes"]; ok {
		codes := []any{}
		for _, f := range append(append([]Finding{}, r.Errors...), r.Warnings...) {
			codes = append(codes, f.Code)
		}
		if !same(want, codes) {
			out = append(out, fmt.Sprintf("codes: want %s, got %v", want, codes))
		}
	}
	if want, ok := v.Expected["details"]; ok {
		var details map[string]json.RawMessage
		json.Unmarshal(want, &details)
		gotDetails, _ := got["details"].(map[string]any)
		for k, w := range details {
			if !same(w, gotDetails[k]) {
				out = append(out, fmt.Sprintf("details.%s: want %s, got %v", k, w, gotDetails[k]))
			}
		}
	}
	return out
}

// TestVectors runs every shared vector in both locales: the expectations hold, IsValid
// agrees, and the answers are the native batch's bytes.
func TestVectors(t *testing.T) {
	ctx := context.Background()
	vectors := loadVectors(t)
	for _, tag := range locales {
		v := newValidator(t, WithLocale(tag))
		var requests, answers bytes.Buffer
		failures := 0
		for i, vec := range vectors {
			c, _ := json.Marshal(vec.Context)
			r, err := v.ValidateField(ctx, vec.Field, vec.Value, Context{JSON: string(c)})
			if err != nil {
				t.Fatalf("%s[%d] %s %q: %v", vec.File, i, vec.Field, vec.Value, err)
			}
			for _, m := range mismatches(vec, r) {
				failures++
				t.Errorf("%s %s %q (%s): %s", vec.File, vec.Field, vec.Value, tag, m)
			}
			valid, err := v.IsValid(ctx, vec.Field, vec.Value, Context{JSON: string(c)})
			if err != nil || valid != r.Valid {
				t.Errorf("%s %s %q: IsValid %v, %v; ValidateField valid %v", vec.File, vec.Field, vec.Value, valid, err, r.Valid)
			}
			requests.Write(batchLine(vec.Field, vec.Value, vec.Context))
			answers.Write(r.JSON)
		}
		t.Logf("%d vectors in %s, %d failures", len(vectors), tag, failures)
		want, _ := runNative(t, requests.Bytes(), "batch", "--locale", tag)
		compareLines(t, "vectors "+tag, want, answers.Bytes())
	}
}

// compareLines fails on the first lines that differ.
func compareLines(t *testing.T, what string, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 5; i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			t.Errorf("%s line %d:\n native %s\n go     %s", what, i+1, w, g)
			shown++
		}
	}
	t.Fatalf("%s: %d native bytes, %d from Go", what, len(want), len(got))
}

// TestBaselineFields: every line of tests/baseline/fields.jsonl, as ValidateField answers it
// and as ValidateBatch answers the whole file, against the committed results and the native
// batch's bytes.
func TestBaselineFields(t *testing.T) {
	ctx := context.Background()
	corpus := readFile(t, "tests/baseline/fields.jsonl")
	results := bytes.Split(bytes.TrimSuffix(readFile(t, "tests/baseline/fields.results.jsonl"), []byte("\n")), []byte("\n"))
	lines := bytes.Split(bytes.TrimSuffix(corpus, []byte("\n")), []byte("\n"))
	if len(lines) != len(results) || len(lines) < 1000 {
		t.Fatalf("%d corpus lines, %d results", len(lines), len(results))
	}
	for _, tag := range locales {
		v := newValidator(t, WithLocale(tag))
		var each bytes.Buffer
		for i, line := range lines {
			var req struct {
				Field   string          `json:"field"`
				Value   string          `json:"value"`
				Context json.RawMessage `json:"context"`
			}
			if err := json.Unmarshal(line, &req); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			r, err := v.ValidateField(ctx, req.Field, req.Value, Context{JSON: string(req.Context)})
			if err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			var want map[string]any
			json.Unmarshal(results[i], &want)
			var got any
			json.Unmarshal(r.JSON, &got)
			if !reflect.DeepEqual(want[tag], got) {
				t.Errorf("line %d (%s):\n baseline %v\n go       %s", i+1, tag, want[tag], r.JSON)
			}
			each.Write(r.JSON)
		}
		var batch bytes.Buffer
		allValid, err := v.ValidateBatch(ctx, bytes.NewReader(corpus), &batch, BatchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		compareLines(t, "ValidateBatch vs ValidateField "+tag, each.Bytes(), batch.Bytes())
		want, status := runNative(t, corpus, "batch", "--locale", tag)
		compareLines(t, "baseline fields "+tag, want, batch.Bytes())
		if allValid != (status == 0) {
			t.Errorf("batch %s: all valid %v, native exit %d", tag, allValid, status)
		}
	}
}

// filingCase is a filing and the command line's options for it.
type filingCase struct {
	name     string
	json     []byte
	today    string
	provider string
}

func (c filingCase) args(tag string) []string {
	args := []string{"filing", "-", "--locale", tag, "--today", c.today}
	if c.provider != "" {
		args = append(args, "--provider", c.provider)
	}
	return args
}

func (c filingCase) options(t testing.TB, tag string) FilingOptions {
	day, err := time.Parse("2006-01-02", c.today)
	if err != nil {
		t.Fatal(err)
	}
	return FilingOptions{Provider: c.provider, Locale: tag, Today: day}
}

// caseFromObject reads {"filing" | "filing_json", "options"} as the baseline and the
// sample-filing tests hold them.
func caseFromObject(t testing.TB, name string, raw []byte) filingCase {
	var obj struct {
		Filing     json.RawMessage `json:"filing"`
		FilingJSON *string         `json:"filing_json"`
		Options    struct {
			Today    string `json:"today"`
			Provider string `json:"provider"`
		} `json:"options"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := filingCase{name: name, json: obj.Filing, today: obj.Options.Today, provider: obj.Options.Provider}
	if obj.FilingJSON != nil {
		c.json = []byte(*obj.FilingJSON)
	}
	if c.today == "" {
		c.today = "2026-11-30"
	}
	return c
}

func sampleFilings(t testing.TB) []filingCase {
	var cases []filingCase
	tests, _ := filepath.Glob(filepath.Join(repoRoot, "tests/filings/*.json"))
	for _, p := range tests {
		raw, _ := os.ReadFile(p)
		cases = append(cases, caseFromObject(t, p, raw))
		// The case file itself is not a filing: a filing.malformed report.
		cases = append(cases, filingCase{name: p + " (whole file)", json: raw, today: "2026-11-30"})
	}
	examples, _ := filepath.Glob(filepath.Join(repoRoot, "examples/filings/*.json"))
	for _, p := range examples {
		raw, _ := os.ReadFile(p)
		cases = append(cases, filingCase{name: p, json: raw, today: "2026-11-30"})
		cases = append(cases, filingCase{name: p + " (sinnet)", json: raw, today: "2026-11-30", provider: "sinnet"})
	}
	if len(tests) < 20 || len(examples) < 3 {
		t.Fatalf("%d sample filings in tests/filings, %d in examples/filings", len(tests), len(examples))
	}
	return cases
}

// TestSampleFilings: tests/filings and examples/filings, report bytes and verdicts as the
// native `filing -` prints them and exits, in both locales.
func TestSampleFilings(t *testing.T) {
	checkFilings(t, sampleFilings(t), nil)
}

// TestBaselineFilings: tests/baseline/filings.jsonl against the committed results and the
// native command line.
func TestBaselineFilings(t *testing.T) {
	corpus := bytes.Split(bytes.TrimSuffix(readFile(t, "tests/baseline/filings.jsonl"), []byte("\n")), []byte("\n"))
	results := bytes.Split(bytes.TrimSuffix(readFile(t, "tests/baseline/filings.results.jsonl"), []byte("\n")), []byte("\n"))
	if len(corpus) != len(results) || len(corpus) < 10 {
		t.Fatalf("%d corpus lines, %d results", len(corpus), len(results))
	}
	var cases []filingCase
	for i, line := range corpus {
		cases = append(cases, caseFromObject(t, fmt.Sprintf("baseline filing %d", i+1), line))
	}
	checkFilings(t, cases, results)
}

func checkFilings(t *testing.T, cases []filingCase, baseline [][]byte) {
	ctx := context.Background()
	v := newValidator(t)
	for i, c := range cases {
		for _, tag := range locales {
			report, err := v.ValidateFiling(ctx, c.json, c.options(t, tag))
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if baseline != nil {
				var want map[string]any
				json.Unmarshal(baseline[i], &want)
				var got any
				json.Unmarshal(report.JSON, &got)
				if !reflect.DeepEqual(want[tag], got) {
					t.Errorf("%s (%s) differs from the committed baseline", c.name, tag)
				}
			}
			want, status := runNative(t, c.json, c.args(tag)...)
			if !bytes.Equal(want, report.JSON) {
				t.Errorf("%s (%s): the report differs from the native one:\n native %.300s\n go     %.300s", c.name, tag, want, report.JSON)
			}
			if (status == 0) != report.Valid || status > 1 {
				t.Errorf("%s (%s): valid %v, native exit %d", c.name, tag, report.Valid, status)
			}
		}
	}
	t.Logf("%d filings, both locales", len(cases))
}

// TestAttachmentsAndAppFiles: the fuzz seeds (real image headers, APP files and
// certificates), as the native `attachment` and `app-info` print them.
func TestAttachmentsAndAppFiles(t *testing.T) {
	ctx := context.Background()
	v := newValidator(t, WithLocale("en"), WithToday(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	attachments, _ := filepath.Glob(filepath.Join(repoRoot, "fuzz/seeds/attachment/*"))
	apps, _ := filepath.Glob(filepath.Join(repoRoot, "fuzz/seeds/app_file/*"))
	if len(attachments) < 10 || len(apps) < 3 {
		t.Fatalf("%d attachment seeds, %d APP-file seeds", len(attachments), len(apps))
	}
	for i, p := range attachments {
		data, _ := os.ReadFile(p)
		kind := []string{"app_icon", "person_certificate", "verification_photo", "entity_certificate"}[i%4]
		r, err := v.CheckAttachment(ctx, kind, data, int64(len(data)), Context{})
		if err != nil {
			t.Fatal(err)
		}
		want, status := runNative(t, nil, "attachment", kind, p, "--locale", "en")
		if !bytes.Equal(want, r.JSON) || (status == 0) != r.Valid {
			t.Errorf("%s as %s:\n native %s (exit %d)\n go     %s", p, kind, want, status, r.JSON)
		}
	}
	for _, p := range apps {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		info, err := v.ReadAppFile(ctx, f, st.Size(), AppFileOptions{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want, status := runNative(t, nil, "app-info", p, "--locale", "en", "--today", "2026-11-30")
		if !bytes.Equal(want, info.JSON) || (status == 0) != info.Valid {
			t.Errorf("%s:\n native %s (exit %d)\n go     %s", p, want, status, info.JSON)
		}
		if info.Reads < 1 || info.Kind == "" {
			t.Errorf("%s: %+v", p, info)
		}
	}
}
