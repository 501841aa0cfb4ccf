package icpvalidate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// A Validator is an io.Closer.
var _ io.Closer = (*Validator)(nil)

func kindOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

// TestErrorsAreValues: misuse is an *Error with the module's kind; bad content is an answer.
func TestErrorsAreValues(t *testing.T) {
	ctx := context.Background()
	if _, err := New(ctx, WithLocale("fr")); kindOf(err) != "bad_locale" {
		t.Errorf("locale fr: %v", err)
	}
	v := newValidator(t, WithLocale("en"))
	if _, err := v.ValidateFiling(ctx, []byte("{}"), FilingOptions{Provider: "acme"}); kindOf(err) != "unknown_provider" {
		t.Errorf("provider acme: %v", err)
	}
	if _, err := v.ValidateField(ctx, "mobile", "13800138000", Context{JSON: "[1]"}); kindOf(err) != "bad_context" {
		t.Errorf("context [1]: %v", err)
	}
	if _, err := v.IsValid(ctx, "mobile", "13800138000", Context{JSON: "{"}); kindOf(err) != "bad_context" {
		t.Errorf("IsValid context {: %v", err)
	}
	if _, err := v.CheckAttachment(ctx, "selfie", nil, 0, Context{}); kindOf(err) != "unknown_attachment_kind" {
		t.Errorf("attachment kind selfie: %v", err)
	}
	if _, err := v.ValidateField(ctx, "mobile", "138\xff", Context{}); kindOf(err) != "bad_utf8" {
		t.Errorf("value not UTF-8: %v", err)
	}
	if _, err := v.ValidateField(ctx, strings.Repeat("f", 2000), "x", Context{}); kindOf(err) != "too_large" {
		t.Errorf("field id of 2000 bytes: %v", err)
	}
	// Bad content: answers with findings, never errors.
	r, err := v.ValidateField(ctx, "no_such_field", "x", Context{})
	if err != nil || r.Valid || r.Errors[0].Code != "field.unknown" {
		t.Errorf("unknown field: %+v, %v", r, err)
	}
	huge := strings.Repeat("1", 10<<20)
	r, err = v.ValidateField(ctx, "resident_id", huge, Context{})
	if err != nil || r.Valid || r.Errors[0].Code != "input.too_long" {
		t.Errorf("10 MB value: %v, %v", r.Errors, err)
	}
	rep, err := v.ValidateFiling(ctx, []byte("not json"), FilingOptions{})
	if err != nil || rep.Valid || rep.Errors[0].Code != "filing.malformed" {
		t.Errorf("filing not JSON: %+v, %v", rep.Errors, err)
	}
	// The instance that took 10 MB still answers small calls.
	if ok, err := v.IsValid(ctx, "resident_id", "11010519491231002X", Context{}); !ok || err != nil {
		t.Errorf("after a 10 MB value: %v, %v", ok, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := v.IsValid(cancelled, "mobile", "13800138000", Context{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := v.IsValid(ctx, "mobile", "13800138000", Context{}); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
	if err := v.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestTypedContextAndDates: a typed Context is the JSON one, and dates come from the
// Validator's today unless the context names a day.
func TestTypedContextAndDates(t *testing.T) {
	ctx := context.Background()
	v := newValidator(t, WithLocale("en"), WithToday(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	typed := Context{Province: "上海", Provider: "aliyun", Type: "居民身份证", Platform: "ios", EntityType: "enterprise", NationalDocument: true, Today: "2026-11-23"}
	raw := `{"today":"2026-11-23","province":"上海","provider":"aliyun","type":"居民身份证","platform":"ios","entity_type":"enterprise","national_document":true}`
	for _, c := range []struct{ field, value string }{{"mobile", "13000100000"}, {"certificate", "11010519491231002X"}, {"website_name", "中国云帆"}, {"app_package", "com.example.app"}} {
		a, err1 := v.ValidateField(ctx, c.field, c.value, typed)
		b, err2 := v.ValidateField(ctx, c.field, c.value, Context{JSON: raw})
		if err1 != nil || err2 != nil || !bytes.Equal(a.JSON, b.JSON) {
			t.Errorf("%s: typed %s (%v), raw %s (%v)", c.field, a.JSON, err1, b.JSON, err2)
		}
	}
	// A typed Today passed as the call's date answers as the same day in the JSON context,
	// and the forms the Go side leaves to the module answer as the module reads them.
	for _, day := range []string{"2026-11-23", "2024-02-29", "2026-02-29", "2026-1-5", " 2026-11-23", "20261123", "0999-12-31", "1000-01-01", "9999-12-31", "nope", "2026-13-01"} {
		for _, c := range []struct{ field, value string }{{"resident_id", "11010519491231002X"}, {"id_validity", "2016-08-01~2026-12-01"}} {
			a, err1 := v.ValidateField(ctx, c.field, c.value, Context{Today: day})
			b, err2 := v.ValidateField(ctx, c.field, c.value, Context{JSON: `{"today":"` + day + `"}`})
			ok, err3 := v.IsValid(ctx, c.field, c.value, Context{Today: day})
			if err1 != nil || err2 != nil || err3 != nil || !bytes.Equal(a.JSON, b.JSON) || ok != b.Valid {
				t.Errorf("today %q, %s: typed %s, raw %s, IsValid %v (%v %v %v)", day, c.field, a.JSON, b.JSON, ok, err1, err2, err3)
			}
		}
	}
	// A birth date after today is refused; which day is today decides it.
	id := "110105202611290018" // born 2026-11-29
	if !strings.Contains(string(must(v.ValidateField(ctx, "resident_id", id, Context{})).JSON), "birth_date") {
		t.Fatal("no birth date in details")
	}
	for _, c := range []struct {
		today string
		code  string
	}{{"2026-11-28", "resident_id.birth_date_future"}, {"2026-11-30", ""}} {
		r := must(v.ValidateField(ctx, "resident_id", id, Context{Today: c.today}))
		codes := ""
		for _, f := range r.Errors {
			codes += f.Code
		}
		if (c.code == "") != r.Valid || !strings.Contains(codes, c.code) {
			t.Errorf("today %s: %s", c.today, r.JSON)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestConcurrentCallers: many goroutines share one Validator; every answer is the one a
// single caller gets. Run with -race.
func TestConcurrentCallers(t *testing.T) {
	ctx := context.Background()
	v := newValidator(t, WithLocale("en"), WithPoolSize(2), WithToday(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	type call struct{ field, value string }
	calls := []call{{"resident_id", "11010519491231002X"}, {"resident_id", "110105194912310021"}, {"mobile", "13800138000"}, {"domain", "例子.中国"}, {"uscc", "91110000600037341L"}, {"email", "a@b"}}
	want := make([][]byte, len(calls))
	for i, c := range calls {
		want[i] = must(v.ValidateField(ctx, c.field, c.value, Context{})).JSON
	}
	filing := readFile(t, "examples/filings/website_with_mistakes.json")
	wantFiling := must(v.ValidateFiling(ctx, filing, FilingOptions{})).JSON
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				c := calls[(g+i)%len(calls)]
				r, err := v.ValidateField(ctx, c.field, c.value, Context{})
				if err != nil || !bytes.Equal(r.JSON, want[(g+i)%len(calls)]) {
					errs <- fmt.Errorf("goroutine %d: %s %s: %s %v", g, c.field, c.value, r.JSON, err)
					return
				}
				ok, err := v.IsValid(ctx, c.field, c.value, Context{})
				if err != nil || ok != r.Valid {
					errs <- fmt.Errorf("goroutine %d: IsValid %s: %v %v", g, c.value, ok, err)
					return
				}
				if i%10 == 0 {
					rep, err := v.ValidateFiling(ctx, filing, FilingOptions{})
					if err != nil || !bytes.Equal(rep.JSON, wantFiling) {
						errs <- fmt.Errorf("goroutine %d: filing differs: %v", g, err)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCloseWhileCalling: Close waits for calls in progress; later calls get ErrClosed.
func TestCloseWhileCalling(t *testing.T) {
	ctx := context.Background()
	v, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if _, err := v.IsValid(ctx, "mobile", "13800138000", Context{}); err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Errorf("during Close: %v", err)
					}
					return
				}
			}
		}()
	}
	time.Sleep(5 * time.Millisecond)
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
}

// TestVersionAndFields: the version the command line prints, and every field listed.
func TestVersionAndFields(t *testing.T) {
	ctx := context.Background()
	v := newValidator(t, WithLocale("en"))
	ver := v.Version()
	if ver.ABIVersion != 1 || !strings.HasPrefix(ver.Version, "0.") || ver.DataVersion == "" {
		t.Errorf("version %+v", ver)
	}
	out, _ := runNative(t, nil, "--version")
	if string(out) != "icp-validate "+ver.Version+"\n" {
		t.Errorf("native %q, module %q", out, ver.Version)
	}
	fields, err := v.Fields(ctx)
	if err != nil || len(fields) < 30 || fields[0].ID != "resident_id" || fields[0].Label != "Resident ID number" || len(fields[0].Codes) == 0 {
		t.Errorf("fields: %d, %v", len(fields), err)
	}
	cat, err := v.Catalog(ctx)
	native, _ := runNative(t, nil, "catalog")
	if err != nil || !bytes.Equal(cat, native) {
		t.Errorf("catalog differs from the native one (%d vs %d bytes, %v)", len(cat), len(native), err)
	}
}
