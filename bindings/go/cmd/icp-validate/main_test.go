package main

// The command against the native command line: stdout bytes and exit statuses of batch and
// filing (and the others it has), usage errors included.

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/icp-validate/icp-validate/bindings/go/internal/nativecli"
)

const repoRoot = "../../../.."

func native(t *testing.T, stdin []byte, args ...string) ([]byte, int) {
	return nativecli.Run(t, repoRoot, stdin, args...)
}

func TestSameBytesAndStatuses(t *testing.T) {
	requests, err := os.ReadFile(filepath.Join(repoRoot, "examples/requests.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	filing, err := os.ReadFile(filepath.Join(repoRoot, "examples/filings/website_with_mistakes.json"))
	if err != nil {
		t.Fatal(err)
	}
	valid, _ := os.ReadFile(filepath.Join(repoRoot, "examples/filings/website.json"))
	crlf := []byte("{\"field\":\"mobile\",\"value\":\"13800138000\"}\r\n\n not json\n{\"field\":\"email\",\"value\":\"a@b.cn\"}")
	cases := []struct {
		name  string
		stdin []byte
		args  []string
	}{
		{"batch en", requests, []string{"batch", "--locale", "en"}},
		{"batch zh-CN today", requests, []string{"batch", "--today", "2026-11-30"}},
		{"batch valid only", []byte(`{"field":"mobile","value":"13800138000"}` + "\n"), []string{"batch"}},
		{"batch empty", nil, []string{"batch", "--locale", "en"}},
		{"batch crlf, blank, malformed, no final newline", crlf, []string{"batch", "--locale", "en-US"}},
		{"filing stdin", filing, []string{"filing", "-", "--today", "2026-11-30", "--locale", "en"}},
		{"filing valid", valid, []string{"filing", "-", "--today", "2026-11-30", "--locale", "en"}},
		{"filing file sinnet", nil, []string{"filing", filepath.Join(repoRoot, "examples/filings/app_three_platforms.json"), "--provider", "sinnet", "--today", "20261130"}},
		{"filing not json", []byte("{"), []string{"filing", "-", "--today", "2026-11-30", "--locale", "en"}},
		{"field", nil, []string{"field", "resident_id", "11010519491231002X", "--locale", "en"}},
		{"field context", nil, []string{"field", "mobile", "13800138000", "--context", `{"province":"上海","provider":"aliyun"}`}},
		{"field bad context", nil, []string{"field", "mobile", "13800138000", "--context", `[1]`}},
		{"field unknown", nil, []string{"field", "nope", "x"}},
		// field and attachment take no --today (the context's today, else the clock's day).
		{"field ignores --today", nil, []string{"field", "resident_id", "110105202611290018", "--today", "2026-11-28", "--locale", "en"}},
		{"attachment", nil, []string{"attachment", "app_icon", filepath.Join(repoRoot, "fuzz/seeds/attachment/06194b4379729da3b5e6f80285496ac46b5c9aa7"), "--locale", "en"}},
		{"catalog", nil, []string{"catalog"}},
		{"version", nil, []string{"--version"}},
		// Usage errors and unreadable input: exit 2, nothing on stdout.
		{"bad locale", requests, []string{"batch", "--locale", "fr"}},
		{"bad provider", filing, []string{"filing", "-", "--provider", "acme"}},
		{"bad today", filing, []string{"filing", "-", "--today", "2026-02-30"}},
		{"today missing", filing, []string{"filing", "-", "--today"}},
		{"unknown option", requests, []string{"batch", "--fast"}},
		{"batch with argument", requests, []string{"batch", "x"}},
		{"no command", nil, nil},
		{"unknown command", nil, []string{"lint"}},
		{"missing file", nil, []string{"filing", "no/such/file.json"}},
		{"filing without path", nil, []string{"filing"}},
	}
	for _, c := range cases {
		want, wantStatus := native(t, c.stdin, c.args...)
		var out, errOut bytes.Buffer
		status := run(c.args, bytes.NewReader(c.stdin), &out, &errOut)
		if !bytes.Equal(out.Bytes(), want) || status != wantStatus {
			t.Errorf("%s: exit %d, native %d\n go     %.400s\n native %.400s\n stderr %s", c.name, status, wantStatus, out.Bytes(), want, errOut.Bytes())
		}
		if status == 2 && errOut.Len() == 0 {
			t.Errorf("%s: exit 2 without a message on stderr", c.name)
		}
	}
}

// TestDates: --today reads what the Rust command line reads.
func TestDates(t *testing.T) {
	for _, s := range []string{"2026-11-30", "2026-1-5", "2026.11.30", "2026/11/30", "20261130", " 2026-11-30 "} {
		if _, ok := parseDate(s); !ok {
			t.Errorf("%q refused", s)
		}
	}
	for _, s := range []string{"2026-02-30", "26-11-30", "2026-11", "2026-11-30-1", "2026--11", "2026-011-30", "yyyy-mm-dd", "2026-13-01", "2026-11-30x", ""} {
		if _, ok := parseDate(s); ok {
			t.Errorf("%q taken", s)
		}
	}
}
