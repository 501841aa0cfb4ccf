// Package icpvalidate validates Chinese ICP filing (ICP备案) form fields, attachments, APP
// files and whole filings with icp-validate's rules: the same verdicts, codes and messages as
// the browser package and the Rust command line, from the same WebAssembly core module
// (embedded in this package) run on wazero, in pure Go without cgo.
//
// Create one [Validator] per process with [New] and share it: it compiles the module once and
// keeps a pool of instances, so its methods are safe for concurrent use. Every answer is a
// value; the only errors are misuse (an unknown locale, provider or attachment kind, a
// context that is not a JSON object, a closed Validator) or a cancelled context.
//
// The module has no clock: every date check is made against today's date in China Standard
// Time (Asia/Shanghai) at the time of the call, unless [WithToday] or a context's Today says
// otherwise.
package icpvalidate

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
)

// coreWasm is tools/build-core.sh's output, committed beside this file (go:embed cannot
// reach outside the module); bindings/go/test.sh checks it is the bytes a fresh build gives.
//
//go:embed icp_validate_core.wasm
var coreWasm []byte

// abiVersion is the core module's ABI version this package speaks (docs/ABI.md).
const abiVersion = 1

// memoryLimitPages caps each instance's linear memory at 256 MiB: the module's own caps keep
// it under about 100 MB, and docs/ABI.md asks for no limit below 128 MB.
const memoryLimitPages = 4096

// ErrClosed is returned by every method of a Validator after Close.
var ErrClosed = errors.New("icpvalidate: validator is closed")

// Error is a call the core module refused, with the module's error kind (docs/ABI.md:
// "bad_locale", "bad_context", "unknown_provider", "unknown_attachment_kind", "too_large", …)
// and its English message. Bad content is never an Error: a value or filing the rules reject
// is a Result or report with findings.
type Error struct {
	Kind    string `json:"error"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return "icpvalidate: " + e.Kind + ": " + e.Message }

// Option configures a Validator.
type Option func(*config)

type config struct {
	locale   string
	today    time.Time
	poolSize int
	cacheDir string
}

// WithLocale sets the locale of messages: "zh-CN" (the default), "zh", "en", "en-US", … as
// the command line's --locale reads them.
func WithLocale(tag string) Option { return func(c *config) { c.locale = tag } }

// WithToday fixes the date every check is made against (its year, month and day as t's
// location sees them). Without it, each call uses today's date in Asia/Shanghai.
func WithToday(t time.Time) Option { return func(c *config) { c.today = t } }

// WithPoolSize sets how many idle module instances the Validator keeps for reuse (default:
// GOMAXPROCS). Busier moments create more; those beyond the pool are closed when returned.
func WithPoolSize(n int) Option { return func(c *config) { c.poolSize = n } }

// WithCompilationCacheDir keeps the compiled module in dir (created if missing) and reuses
// it in later processes: a command line started often pays for compiling once, not per run.
// Without it the compiled module is shared in memory by the Validators of one process only.
func WithCompilationCacheDir(dir string) Option { return func(c *config) { c.cacheDir = dir } }

// sharedCache holds the compiled module for every Validator of the process: New compiles
// only the first time.
var sharedCache = wazero.NewCompilationCache()

// Validator runs the core module. It is safe for concurrent use; create one per process.
type Validator struct {
	runtime  wazero.Runtime
	compiled wazero.CompiledModule
	idle     chan *instance
	locale   int32
	today    int32 // yyyymmdd, or 0: today in Asia/Shanghai at each call
	version  VersionInfo
	dirCache wazero.CompilationCache // WithCompilationCacheDir's, closed with the Validator

	// closing is held for reading by every call, for writing by Close.
	closing sync.RWMutex
	closed  bool
}

// New compiles the embedded core module (the costly step, once per Validator) and checks
// its ABI version. Close the Validator when done with it.
func New(ctx context.Context, opts ...Option) (*Validator, error) {
	cfg := config{locale: "zh-CN", poolSize: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.poolSize < 1 {
		cfg.poolSize = 1
	}
	cache, dirCache := sharedCache, wazero.CompilationCache(nil)
	if cfg.cacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cfg.cacheDir)
		if err != nil {
			return nil, fmt.Errorf("icpvalidate: compilation cache: %w", err)
		}
		cache, dirCache = c, c
	}
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithMemoryLimitPages(memoryLimitPages).WithCompilationCache(cache))
	compiled, err := rt.CompileModule(ctx, coreWasm)
	if err != nil {
		rt.Close(ctx)
		closeCache(ctx, dirCache)
		return nil, fmt.Errorf("icpvalidate: compiling the core module: %w", err)
	}
	v := &Validator{runtime: rt, compiled: compiled, idle: make(chan *instance, cfg.poolSize), dirCache: dirCache}
	if !cfg.today.IsZero() {
		y, m, d := cfg.today.Date()
		v.today = int32(y*10000 + int(m)*100 + d)
	}
	if err := v.start(ctx, cfg.locale); err != nil {
		rt.Close(ctx)
		closeCache(ctx, dirCache)
		return nil, err
	}
	return v, nil
}

func closeCache(ctx context.Context, c wazero.CompilationCache) error {
	if c == nil {
		return nil
	}
	return c.Close(ctx)
}

// start checks the module on a first instance and resolves the locale.
func (v *Validator) start(ctx context.Context, locale string) error {
	in, err := v.newInstance(ctx)
	if err != nil {
		return err
	}
	defer v.put(ctx, in)
	if got := in.abiVersion(ctx); got != abiVersion {
		return fmt.Errorf("icpvalidate: the core module speaks ABI %d, this package ABI %d", got, abiVersion)
	}
	out, err := in.answer(in.call(ctx, in.fn.version))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(out, &v.version); err != nil {
		return fmt.Errorf("icpvalidate: the core module's version: %w", err)
	}
	v.locale, err = in.resolveLocale(ctx, locale)
	return err
}

// Close releases the compiled module and every instance (a Validator is an io.Closer).
// Calls after Close return ErrClosed; Close waits for calls in progress.
func (v *Validator) Close() error {
	ctx := context.Background()
	v.closing.Lock()
	defer v.closing.Unlock()
	if v.closed {
		return nil
	}
	v.closed = true
	close(v.idle)
	err := v.runtime.Close(ctx)
	if cerr := closeCache(ctx, v.dirCache); err == nil {
		err = cerr
	}
	return err
}

// get checks out an instance: an idle one, else a new one. The caller holds closing.RLock.
func (v *Validator) get(ctx context.Context) (*instance, error) {
	select {
	case in := <-v.idle:
		return in, nil
	default:
		return v.newInstance(ctx)
	}
}

// maxPooledMemory: an instance whose memory grew past this (a 10 MB value, a large batch
// chunk) is closed rather than pooled, as wasm memory never shrinks.
const maxPooledMemory = 32 << 20

// put returns an instance to the pool; a broken one, a grown one or one beyond the pool is
// closed.
func (v *Validator) put(ctx context.Context, in *instance) {
	if !in.broken && in.mem.Size() <= maxPooledMemory {
		select {
		case v.idle <- in:
			return
		default:
		}
	}
	in.mod.Close(ctx)
}

// with runs f on a checked-out instance.
func (v *Validator) with(ctx context.Context, f func(*instance) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	v.closing.RLock()
	defer v.closing.RUnlock()
	if v.closed {
		return ErrClosed
	}
	in, err := v.get(ctx)
	if err != nil {
		return err
	}
	defer v.put(ctx, in)
	return f(in)
}

// shanghai is China Standard Time; a fixed UTC+8 zone where tzdata is missing (China has
// kept UTC+8 without daylight saving since 1991, so the two agree for any current date).
var shanghai = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*60*60)
}()

// todayFor is the date as the module takes it (yyyymmdd): the fixed one, else today in China.
func (v *Validator) todayFor(fixed time.Time) int32 {
	if !fixed.IsZero() {
		y, m, d := fixed.Date()
		return int32(y*10000 + int(m)*100 + d)
	}
	if v.today != 0 {
		return v.today
	}
	y, m, d := time.Now().In(shanghai).Date()
	return int32(y*10000 + int(m)*100 + d)
}

// VersionInfo is the core module's version.
type VersionInfo struct {
	// ABIVersion is the module's ABI version (docs/ABI.md).
	ABIVersion int `json:"abi_version"`
	// Version is what `icp-validate --version` prints after the program name.
	Version string `json:"version"`
	// DataVersion is the date of the newest data table behind the rules.
	DataVersion string `json:"data_version"`
}

// Version reports the core module's version and data date.
func (v *Validator) Version() VersionInfo { return v.version }
