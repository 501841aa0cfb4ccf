package icpvalidate

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// fuzzValidator is shared by every input of a fuzz run (one compile per process).
var fuzzValidator *Validator

// fuzzSetup: every fuzz worker is a process of its own; the compiled module is kept on disk
// so that only the first compiles it (seconds on a busy machine, a whole smoke run's time).
func fuzzSetup(f *testing.F) *Validator {
	if fuzzValidator == nil {
		dir := filepath.Join(os.TempDir(), "icpvalidate-fuzz-wazero")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			f.Fatal(err)
		}
		v, err := New(context.Background(), WithLocale("en"), WithCompilationCacheDir(dir))
		if err != nil {
			f.Fatal(err)
		}
		fuzzValidator = v
	}
	return fuzzValidator
}

// FuzzValidateField: any field, value and context gets an answer or an *Error of a kind the
// input explains, never a panic or a trap; the answer is JSON whose verdict IsValid repeats.
func FuzzValidateField(f *testing.F) {
	v := fuzzSetup(f)
	for _, s := range [][3]string{
		{"resident_id", "11010519491231002X", ""}, {"mobile", "１３８００１３８０００", `{"province":"北京"}`},
		{"domain", "例子.中国", ""}, {"certificate", "E12345678", `{"type":"护照"}`}, {"email", "a@b.cn", `{"today":"nope"}`},
		{"website_name", "中国\u200b云", `{"national_document":true}`}, {"public_key", "-----BEGIN PUBLIC KEY-----", "{}"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, field, value, contextJSON string) {
		c := Context{JSON: contextJSON}
		r, err := v.ValidateField(ctx, field, value, c)
		valid, err2 := v.IsValid(ctx, field, value, c)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("ValidateField error %v, IsValid error %v", err, err2)
		}
		if err != nil {
			switch kindOf(err) {
			case "bad_utf8":
				if utf8.ValidString(field) && utf8.ValidString(value) && utf8.ValidString(contextJSON) {
					t.Fatalf("bad_utf8 for UTF-8 input: %v", err)
				}
			case "too_large":
				if len(field) <= 1024 && len(contextJSON) <= 64<<10 {
					t.Fatalf("too_large for small input: %v", err)
				}
			case "bad_context":
				if contextJSON == "" {
					t.Fatalf("bad_context without a context: %v", err)
				}
			default:
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if !json.Valid(r.JSON) || valid != r.Valid {
			t.Fatalf("answer %s, IsValid %v", r.JSON, valid)
		}
	})
}

// FuzzValidateFiling: any bytes get a report (filing.malformed for what is not a filing).
func FuzzValidateFiling(f *testing.F) {
	v := fuzzSetup(f)
	for _, dir := range []string{"examples/filings", "tests/filings"} {
		paths, _ := filepath.Glob(filepath.Join(repoRoot, dir, "*.json"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`{"entity":{"name":"\ud800"}}`))
	f.Add([]byte("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["))
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, filing []byte) {
		r, err := v.ValidateFiling(ctx, filing, FilingOptions{})
		if err != nil {
			t.Fatalf("error %v", err)
		}
		if !json.Valid(r.JSON) || r.Valid != (len(r.Errors) == 0) || r.Summary.Errors != len(r.Errors) {
			t.Fatalf("report %s", r.JSON)
		}
	})
}
