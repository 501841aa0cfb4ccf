package icpvalidate

// Benchmarks on the inputs of the native benchmarks (examples/bench_native.rs): set
// ICP_BENCH_INPUTS to the file `cargo run --release --example bench_native -- --dump FILE`
// writes, and the figures sit side by side with that command's. Without it the shared
// vectors of the same fields are used. BENCHMARKS.md, "Go module", has a run.

import (
	"context"
	"encoding/json"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

type benchSet struct {
	name, field string
	values      []string
	contexts    []Context
}

type benchFiling struct {
	name  string
	json  []byte
	today time.Time
}

var benchFields = []string{"resident_id", "mobile", "domain", "uscc"}

// benchInputs are the native benchmark's inputs, or the vectors of the same fields.
func benchInputs(b *testing.B) ([]benchSet, []benchFiling) {
	b.Helper()
	if path := os.Getenv("ICP_BENCH_INPUTS"); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var dump struct {
			Fields []struct {
				Name, Field string
				Values      []string
				Contexts    []map[string]string
			}
			Filings []struct {
				Name    string
				Filing  json.RawMessage
				Options struct{ Today string }
			}
		}
		if err := json.Unmarshal(raw, &dump); err != nil {
			b.Fatal(err)
		}
		var sets []benchSet
		for _, f := range dump.Fields {
			s := benchSet{name: f.Name, field: f.Field, values: f.Values}
			for _, c := range f.Contexts {
				s.contexts = append(s.contexts, Context{Today: c["today"], Province: c["province"]})
			}
			sets = append(sets, s)
		}
		var filings []benchFiling
		for _, f := range dump.Filings {
			day, _ := time.Parse("2006-01-02", f.Options.Today)
			filings = append(filings, benchFiling{f.Name, f.Filing, day})
		}
		return sets, filings
	}
	var sets []benchSet
	vectors := loadVectors(b)
	for _, field := range benchFields {
		s := benchSet{name: field, field: field}
		for _, v := range vectors {
			if v.Field == field && len(v.Context) == 1 {
				s.values = append(s.values, v.Value)
				s.contexts = append(s.contexts, Context{Today: v.Context["today"].(string)})
			}
		}
		sets = append(sets, s)
	}
	var filings []benchFiling
	for _, name := range []string{"valid_website", "valid_app_three_platforms"} {
		c := caseFromObject(b, name, readFile(b, "tests/filings/"+name+".json"))
		day, _ := time.Parse("2006-01-02", c.today)
		filings = append(filings, benchFiling{name, c.json, day})
	}
	return sets, filings
}

func benchValidator(b *testing.B) *Validator {
	return newValidator(b, WithToday(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)))
}

// BenchmarkIsValid: the verdict alone, one value per op, cycling through the set. The
// sets whose contexts name a province run a second time without it ("_no_province"): the
// module parses each call's context, which the native figure (a parsed Context) leaves out.
func BenchmarkIsValid(b *testing.B) {
	sets, _ := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	for _, s := range sets {
		if slices.ContainsFunc(s.contexts, func(c Context) bool { return c.Province != "" }) {
			plain := benchSet{name: s.name + "_no_province", field: s.field, values: s.values}
			for _, c := range s.contexts {
				plain.contexts = append(plain.contexts, Context{Today: c.Today})
			}
			sets = append(sets, plain)
		}
	}
	benchEachValue(b, sets, true, func(s *benchSet, j int) error {
		_, err := v.IsValid(ctx, s.field, s.values[j], s.contexts[j])
		return err
	})
}

// benchEachValue runs call over each set's values in turn, one sub-benchmark a set; warm
// first calls it once per value before timing (buffers grown to size).
func benchEachValue(b *testing.B, sets []benchSet, warm bool, call func(s *benchSet, j int) error) {
	for _, s := range sets {
		b.Run(s.name, func(b *testing.B) {
			if warm {
				for j := range s.values {
					call(&s, j)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := call(&s, i%len(s.values)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidateField: the whole result, worded in zh-CN and decoded into a Result.
func BenchmarkValidateField(b *testing.B) {
	sets, _ := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	benchEachValue(b, sets, false, func(s *benchSet, j int) error {
		_, err := v.ValidateField(ctx, s.field, s.values[j], s.contexts[j])
		return err
	})
}

// BenchmarkValidateFieldModule: ValidateField without decoding the answer into a Result:
// the module's work and the crossing, with the answer copied out.
func BenchmarkValidateFieldModule(b *testing.B) {
	sets, _ := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	benchEachValue(b, sets, false, func(s *benchSet, j int) error {
		return v.with(ctx, func(in *instance) error {
			cj, today := in.contextJSON(&s.contexts[j], v.todayFor(time.Time{}))
			var params [8]uint64
			p, err := in.inputs(ctx, params[:0], s.field, s.values[j], cj)
			if err != nil {
				return err
			}
			p = append(p, uint64(v.locale), uint64(today))
			_, err = in.answer(in.call(ctx, in.fn.validateField, p...))
			return err
		})
	})
}

// BenchmarkValidateFiling: a whole filing, the report decoded into a FilingReport.
func BenchmarkValidateFiling(b *testing.B) {
	_, filings := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	for _, f := range filings {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := v.ValidateFiling(ctx, f.json, FilingOptions{Today: f.today}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCrossing: where an IsValid call's time goes outside the rule. empty_export calls
// an export that does nothing (icp_abi_version) on an instance; pool_and_empty_export adds
// the pool's check-out and return; is_valid_unknown_field makes a full IsValid call whose
// rule returns at once (no such field): inputs written, context parsed, verdict read.
func BenchmarkCrossing(b *testing.B) {
	v := benchValidator(b)
	ctx := context.Background()
	b.Run("empty_export", func(b *testing.B) {
		in, err := v.get(ctx)
		if err != nil {
			b.Fatal(err)
		}
		defer v.put(ctx, in)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			in.call(ctx, in.fn.abiVersion)
		}
	})
	b.Run("pool_and_empty_export", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			v.with(ctx, func(in *instance) error { _, err := in.call(ctx, in.fn.abiVersion); return err })
		}
	})
	for _, c := range []struct {
		name string
		c    Context
	}{{"is_valid_unknown_field", Context{}}, {"is_valid_unknown_field_with_context", Context{Today: "2026-11-23", Province: "北京"}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				v.IsValid(ctx, "no_such_field", "11010519491231002X", c.c)
			}
		})
	}
}

// BenchmarkIsValidParallel: resident IDs from every GOMAXPROCS goroutine on one Validator.
func BenchmarkIsValidParallel(b *testing.B) {
	sets, _ := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	s := sets[0]
	for i := range s.values {
		v.IsValid(ctx, s.field, s.values[i], s.contexts[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			j := i % len(s.values)
			if _, err := v.IsValid(ctx, s.field, s.values[j], s.contexts[j]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkNew: New and a first IsValid. cold compiles the module (an empty cache dir per
// op); warm takes it from the process's shared cache (every New after the first).
func BenchmarkNew(b *testing.B) {
	ctx := context.Background()
	first := func(b *testing.B, opts ...Option) {
		v, err := New(ctx, opts...)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := v.IsValid(ctx, "resident_id", "11010519491231002X", Context{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Microseconds()), "µs-first-call")
		v.Close()
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			first(b, WithCompilationCacheDir(b.TempDir()))
		}
	})
	b.Run("warm", func(b *testing.B) {
		New(ctx) // fills the shared cache
		for i := 0; i < b.N; i++ {
			first(b)
		}
	})
}

// BenchmarkRSS1M: the process's resident memory after 1M IsValid and 100k ValidateField
// calls on resident IDs, mobiles and domains (run with -benchtime=1x).
func BenchmarkRSS1M(b *testing.B) {
	sets, _ := benchInputs(b)
	v := benchValidator(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		before := rssKB()
		for n := 0; n < 1_000_000; n++ {
			s := sets[n%3]
			j := (n / 3) % len(s.values)
			if _, err := v.IsValid(ctx, s.field, s.values[j], s.contexts[j]); err != nil {
				b.Fatal(err)
			}
			if n%10 == 0 {
				if _, err := v.ValidateField(ctx, s.field, s.values[j], s.contexts[j]); err != nil {
					b.Fatal(err)
				}
			}
		}
		runtime.GC()
		b.ReportMetric(float64(before)/1024, "MB-rss-before")
		b.ReportMetric(float64(rssKB())/1024, "MB-rss-after")
	}
}

// rssKB is VmRSS from /proc/self/status (0 where there is none).
func rssKB() int {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return n
		}
	}
	return 0
}
