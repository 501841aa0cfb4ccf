// Command icp-validate is the icp-validate command line on the Go module: its batch, filing,
// field, attachment, app-info and catalog commands print the bytes the Rust
// `icp-validate` prints, with the same exit statuses (0 valid, 1 invalid, 2 usage error or
// unreadable input, 141 stdout closed early).
//
//	go run ./cmd/icp-validate batch --locale en < requests.jsonl
//	go run ./cmd/icp-validate filing filing.json --today 2026-11-30 --locale en
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	icpvalidate "github.com/icp-validate/icp-validate/bindings/go"
)

const synopsis = `usage:
  icp-validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
  icp-validate batch [--today YYYY-MM-DD] [--locale zh-CN|en]
                                            JSON lines {"field","value","context"} on stdin
  icp-validate attachment <KIND> <FILE> [--context JSON] [--locale zh-CN|en]
  icp-validate app-info <FILE> [--today YYYY-MM-DD] [--locale zh-CN|en]
  icp-validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]
  icp-validate catalog
  icp-validate --help | --version`

const exitStatus = `exit status:
  0    valid (batch: every line valid)
  1    invalid: an error finding, a malformed filing (filing.malformed), any invalid batch line
  2    usage error (unknown command, field, attachment kind or option, bad option value)
       or an input file that cannot be read
  141  stdout closed early (e.g. ` + "`| head -1`" + `): output stops quietly`

// Exit statuses, as the Rust command line's.
const (
	exitValid        = 0
	exitInvalid      = 1
	exitFailure      = 2
	exitClosedStdout = 141
)

// usageError is a bad command line: the message and the synopsis on stderr, exit 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// ioError is an input or output that cannot be read or written: one line on stderr, exit 2.
type ioError struct{ err error }

func (e ioError) Error() string { return e.err.Error() }

type args struct {
	positional    []string
	context       *string
	locale        string
	provider      string
	today         time.Time
	help, version bool
}

func parseArgs(raw []string) (*args, error) {
	a := &args{locale: "zh-CN"}
	for i := 0; i < len(raw); i++ {
		next := func(need string) (string, error) {
			if i+1 >= len(raw) {
				return "", usageError(need)
			}
			i++
			return raw[i], nil
		}
		switch s := raw[i]; {
		case s == "-h" || s == "--help":
			a.help = true
			return a, nil
		case s == "-V" || s == "--version":
			a.version = true
			return a, nil
		case s == "--context":
			c, err := next("--context needs a JSON object")
			if err != nil {
				return nil, err
			}
			a.context = &c
		case s == "--locale":
			tag, err := next("--locale needs zh-CN or en")
			if err != nil {
				return nil, err
			}
			a.locale = tag
		case s == "--provider":
			id, err := next("--provider needs one of nwcd, sinnet, aliyun, generic")
			if err != nil {
				return nil, err
			}
			a.provider = id
		case s == "--today":
			t, err := next("--today needs YYYY-MM-DD")
			if err != nil {
				return nil, err
			}
			day, ok := parseDate(t)
			if !ok {
				return nil, usageError(fmt.Sprintf("--today: %q is not YYYY-MM-DD", t))
			}
			a.today = day
		case s == "--":
			a.positional = append(a.positional, raw[i+1:]...)
			i = len(raw)
		case strings.HasPrefix(s, "--"):
			return nil, usageError(fmt.Sprintf("unknown option %s (values starting with '-' go after '--')", s))
		default:
			a.positional = append(a.positional, s)
		}
	}
	return a, nil
}

// parseDate reads a date as the Rust command line's --today does: YYYY-MM-DD (also with '.'
// or '/', one- or two-digit month and day) or YYYYMMDD, surrounding spaces ignored.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	digits := func(p string) bool {
		for _, b := range []byte(p) {
			if b < '0' || b > '9' {
				return false
			}
		}
		return true
	}
	var y, m, d string
	if len(s) == 8 && digits(s) {
		y, m, d = s[:4], s[4:6], s[6:]
	} else {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' || r == '/' })
		if len(parts) != 3 || strings.Count(s, "-")+strings.Count(s, ".")+strings.Count(s, "/") != 2 {
			return time.Time{}, false
		}
		y, m, d = parts[0], parts[1], parts[2]
		if len(y) != 4 || len(m) < 1 || len(m) > 2 || len(d) < 1 || len(d) > 2 || !digits(y+m+d) {
			return time.Time{}, false
		}
	}
	num := func(p string) int {
		n := 0
		for _, b := range []byte(p) {
			n = n*10 + int(b-'0')
		}
		return n
	}
	year, month, day := num(y), num(m), num(d)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if year < 1 || month < 1 || month > 12 || t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}

func main() {
	// With SIGPIPE watched, a write to a closed stdout is an EPIPE error (exit 141 below)
	// rather than the signal's death.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(raw []string, stdin io.Reader, stdout, stderr io.Writer) int {
	status, err := command(raw, stdin, stdout)
	var usage usageError
	switch {
	case err == nil:
		return status
	case errors.Is(err, syscall.EPIPE):
		return exitClosedStdout
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "icp-validate: %s\n%s\n(icp-validate --help: options and exit status)\n", usage, synopsis)
	default:
		fmt.Fprintf(stderr, "icp-validate: %v\n", err)
	}
	return exitFailure
}

func command(raw []string, stdin io.Reader, stdout io.Writer) (int, error) {
	a, err := parseArgs(raw)
	if err != nil {
		return 0, err
	}
	if a.help {
		_, err := fmt.Fprintf(stdout, "icp-validate (Go): validates Chinese ICP filing (ICP备案) form fields, attachments and whole filings; JSON out.\n\n%s\n\n%s\n", synopsis, exitStatus)
		return exitValid, err
	}
	ctx := context.Background()
	opts := []icpvalidate.Option{icpvalidate.WithPoolSize(1), icpvalidate.WithLocale(a.locale)}
	// Compiling the module takes a second or more; the user's cache keeps it between runs.
	if dir, err := os.UserCacheDir(); err == nil {
		dir = filepath.Join(dir, "icp-validate", "wazero")
		if os.MkdirAll(dir, 0o755) == nil {
			opts = append(opts, icpvalidate.WithCompilationCacheDir(dir))
		}
	}
	v, err := icpvalidate.New(ctx, opts...)
	if err != nil {
		return 0, asUsage(err, "")
	}
	defer v.Close()
	if a.version {
		_, err := fmt.Fprintf(stdout, "icp-validate %s\n", v.Version().Version)
		return exitValid, err
	}
	pos := a.positional
	if len(pos) == 0 {
		return 0, usageError("no command given")
	}
	noArguments := func() error {
		if len(pos) != 1 {
			return usageError(fmt.Sprintf("%s takes no arguments, got %q", pos[0], pos[1:]))
		}
		return nil
	}
	switch pos[0] {
	case "batch":
		if err := noArguments(); err != nil {
			return 0, err
		}
		return cmdBatch(ctx, v, a, stdin, stdout)
	case "filing":
		return cmdFiling(ctx, v, a, stdin, stdout)
	case "field":
		return cmdField(ctx, v, a, stdout)
	case "attachment":
		return cmdAttachment(ctx, v, a, stdout)
	case "app-info":
		return cmdAppInfo(ctx, v, a, stdout)
	case "catalog":
		if err := noArguments(); err != nil {
			return 0, err
		}
		out, err := v.Catalog(ctx)
		if err != nil {
			return 0, err
		}
		_, err = stdout.Write(out)
		return exitValid, err
	}
	return 0, usageError(fmt.Sprintf("unknown command %q (field, batch, attachment, app-info, filing, catalog)", pos[0]))
}

func exitFor(valid bool) int {
	if valid {
		return exitValid
	}
	return exitInvalid
}

// asUsage turns the module's refusal of an option value into a usage error, as the Rust
// command line reports a bad --locale, --provider or --context.
func asUsage(err error, prefix string) error {
	var e *icpvalidate.Error
	if errors.As(err, &e) {
		return usageError(prefix + e.Message)
	}
	return err
}

func cmdBatch(ctx context.Context, v *icpvalidate.Validator, a *args, stdin io.Reader, stdout io.Writer) (int, error) {
	valid, err := v.ValidateBatch(ctx, stdin, stdout, icpvalidate.BatchOptions{Today: a.today})
	if err != nil {
		return 0, err
	}
	return exitFor(valid), nil
}

func cmdFiling(ctx context.Context, v *icpvalidate.Validator, a *args, stdin io.Reader, stdout io.Writer) (int, error) {
	if len(a.positional) != 2 {
		return 0, usageError("filing takes <FILE.json|->")
	}
	path := a.positional[1]
	var src io.Reader = stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return 0, ioError{fmt.Errorf("%s: %w", path, err)}
		}
		defer f.Close()
		src, name = f, path
	}
	data, err := io.ReadAll(io.LimitReader(src, icpvalidate.MaxFilingBytes))
	if err != nil {
		return 0, ioError{fmt.Errorf("%s: %w", name, err)}
	}
	report, err := v.ValidateFiling(ctx, data, icpvalidate.FilingOptions{Provider: a.provider, Today: a.today})
	if err != nil {
		return 0, asUsage(err, "")
	}
	_, err = stdout.Write(report.JSON)
	return exitFor(report.Valid), err
}

func cmdField(ctx context.Context, v *icpvalidate.Validator, a *args, stdout io.Writer) (int, error) {
	if len(a.positional) != 3 {
		return 0, usageError("field takes <FIELD> <VALUE>")
	}
	field, value := a.positional[1], a.positional[2]
	fields, err := v.Fields(ctx)
	if err != nil {
		return 0, err
	}
	if !slices.ContainsFunc(fields, func(f icpvalidate.FieldInfo) bool { return f.ID == field }) {
		return 0, usageError(fmt.Sprintf("unknown field %q; `icp-validate fields` lists them", field))
	}
	result, err := v.ValidateField(ctx, field, value, contextArg(a))
	if err != nil {
		return 0, asUsage(err, "--")
	}
	_, err = stdout.Write(result.JSON)
	return exitFor(result.Valid), err
}

// contextArg is --context as given: the module reads the JSON text itself, as the Rust
// command line does.
func contextArg(a *args) icpvalidate.Context {
	if a.context == nil {
		return icpvalidate.Context{}
	}
	return icpvalidate.Context{JSON: *a.context}
}

// cmdAttachment reads only the header the module judges, and the size from the file's metadata.
func cmdAttachment(ctx context.Context, v *icpvalidate.Validator, a *args, stdout io.Writer) (int, error) {
	if len(a.positional) != 3 {
		return 0, usageError("attachment takes <KIND> <FILE>")
	}
	kind, path := a.positional[1], a.positional[2]
	if !slices.Contains(attachmentKinds, kind) {
		return 0, usageError(fmt.Sprintf("unknown attachment kind %q (one of %s)", kind, strings.Join(attachmentKinds, ", ")))
	}
	f, size, err := openSized(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	header, err := io.ReadAll(io.LimitReader(f, icpvalidate.AttachmentHeaderBytes))
	if err != nil {
		return 0, ioError{fmt.Errorf("%s: %w", path, err)}
	}
	result, err := v.CheckAttachment(ctx, kind, header, size, contextArg(a))
	if err != nil {
		return 0, asUsage(err, "--")
	}
	_, err = stdout.Write(result.JSON)
	return exitFor(result.Valid), err
}

// openSized opens a file the command reads by parts, with its size from the metadata; an
// error names the path and is an I/O error (exit 2).
func openSized(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, ioError{fmt.Errorf("%s: %w", path, err)}
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, ioError{fmt.Errorf("%s: %w", path, err)}
	}
	return f, st.Size(), nil
}

var attachmentKinds = []string{"entity_certificate", "person_certificate", "verification_photo", "app_icon", "domain_certificate", "authenticity_form", "other"}

// cmdAppInfo reads the APP file by the ranges the module asks for, never whole.
func cmdAppInfo(ctx context.Context, v *icpvalidate.Validator, a *args, stdout io.Writer) (int, error) {
	if len(a.positional) != 2 {
		return 0, usageError("app-info takes <FILE>")
	}
	path := a.positional[1]
	f, size, err := openSized(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := v.ReadAppFile(ctx, f, size, icpvalidate.AppFileOptions{Today: a.today})
	if err != nil {
		return 0, err
	}
	_, err = stdout.Write(info.JSON)
	return exitFor(info.Valid), err
}
