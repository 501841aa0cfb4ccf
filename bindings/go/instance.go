package icpvalidate

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// Statuses every operation returns (docs/ABI.md).
const (
	statusValid      = 0
	statusInvalid    = 1
	statusNeedRanges = 2
	statusError      = 3
)

// scratchStart is the scratch buffer's first size; the module gives at least 4 KiB.
const scratchStart = 4096

// instance is one instantiation of the core module: single-threaded state, checked out of
// the Validator's pool for each operation.
type instance struct {
	mod    api.Module
	mem    api.Memory
	fn     exports
	reply  uint32 // the reply block's address
	broken bool   // trapped: never pooled again

	scratch, scratchCap uint32
	stack               [9]uint64 // the longest signature's parameters (icp_check_attachment)
	buf                 []byte    // context JSON, reused
}

type exports struct {
	abiVersion, alloc, free, scratch, reply, version, locale          api.Function
	validateField, isValid, batch, fields, catalog                    api.Function
	validateFiling, checkAttachment, appBegin, appAdd, appRun, appEnd api.Function
}

func (v *Validator) newInstance(ctx context.Context) (*instance, error) {
	mod, err := v.runtime.InstantiateModule(ctx, v.compiled, wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		return nil, fmt.Errorf("icpvalidate: instantiating the core module: %w", err)
	}
	in := &instance{mod: mod, mem: mod.Memory()}
	missing := ""
	f := func(name string) api.Function {
		fn := mod.ExportedFunction(name)
		if fn == nil && missing == "" {
			missing = name
		}
		return fn
	}
	in.fn = exports{
		abiVersion: f("icp_abi_version"), alloc: f("icp_alloc"), free: f("icp_free"), scratch: f("icp_scratch"),
		reply: f("icp_reply"), version: f("icp_version"), locale: f("icp_locale"),
		validateField: f("icp_validate_field"), isValid: f("icp_is_valid"), batch: f("icp_batch"),
		fields: f("icp_fields"), catalog: f("icp_catalog"), validateFiling: f("icp_validate_filing"),
		checkAttachment: f("icp_check_attachment"), appBegin: f("icp_app_begin"), appAdd: f("icp_app_add"),
		appRun: f("icp_app_run"), appEnd: f("icp_app_end"),
	}
	if missing != "" || in.mem == nil {
		mod.Close(ctx)
		return nil, fmt.Errorf("icpvalidate: the core module lacks the export %q", missing)
	}
	reply, err := in.call(ctx, in.fn.reply)
	if err != nil {
		mod.Close(ctx)
		return nil, err
	}
	in.reply = uint32(reply)
	scratch, err := in.call(ctx, in.fn.scratch, scratchStart)
	if err != nil || scratch == 0 {
		mod.Close(ctx)
		return nil, fmt.Errorf("icpvalidate: the core module's scratch buffer: %v", err)
	}
	in.scratch, in.scratchCap = uint32(scratch), scratchStart
	return in, nil
}

// call calls fn with params and returns its first result (0 for none). A trap marks the
// instance broken: its state is unknown, so it is closed instead of pooled.
func (in *instance) call(ctx context.Context, fn api.Function, params ...uint64) (result uint64, err error) {
	defer func() {
		if r := recover(); r != nil {
			in.broken = true
			err = fmt.Errorf("icpvalidate: the core module failed: %v", r)
		}
	}()
	stack := in.stack[:max(len(params), 1)]
	copy(stack, params)
	if err := fn.CallWithStack(ctx, stack); err != nil {
		in.broken = true
		return 0, fmt.Errorf("icpvalidate: the core module trapped (instance discarded): %w", err)
	}
	return stack[0], nil
}

func (in *instance) abiVersion(ctx context.Context) uint32 {
	r, err := in.call(ctx, in.fn.abiVersion)
	if err != nil {
		return 0
	}
	return uint32(r)
}

// output is a copy of the last call's output.
func (in *instance) output() ([]byte, error) {
	ptr, ok1 := in.mem.ReadUint32Le(in.reply)
	n, ok2 := in.mem.ReadUint32Le(in.reply + 4)
	view, ok3 := in.mem.Read(ptr, n)
	if !ok1 || !ok2 || !ok3 {
		in.broken = true
		return nil, fmt.Errorf("icpvalidate: the core module's reply block points outside its memory")
	}
	return append([]byte(nil), view...), nil
}

// answer turns a status into the output, or into the module's error object.
func (in *instance) answer(status uint64, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	out, err := in.output()
	if err != nil {
		return nil, err
	}
	if uint32(status) == statusError {
		return nil, moduleError(out)
	}
	return out, nil
}

func moduleError(out []byte) error {
	e := &Error{}
	if err := json.Unmarshal(out, e); err != nil || e.Kind == "" {
		return &Error{Kind: "internal", Message: fmt.Sprintf("unreadable error object %q", out)}
	}
	return e
}

// inputs writes parts one after another into the scratch buffer (grown when needed) and
// returns each part's (address, length) as call parameters.
func (in *instance) inputs(ctx context.Context, dst []uint64, parts ...string) ([]uint64, error) {
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	if err := in.ensureScratch(ctx, total); err != nil {
		return nil, err
	}
	at := in.scratch
	for _, p := range parts {
		if !in.mem.WriteString(at, p) {
			in.broken = true
			return nil, fmt.Errorf("icpvalidate: the scratch buffer lies outside the module's memory")
		}
		dst = append(dst, uint64(at), uint64(len(p)))
		at += uint32(len(p))
	}
	return dst, nil
}

func (in *instance) ensureScratch(ctx context.Context, n int) error {
	if n <= int(in.scratchCap) {
		return nil
	}
	if n > 1<<31 {
		return &Error{Kind: "too_large", Message: fmt.Sprintf("%d bytes of input do not fit the module's memory", n)}
	}
	ptr, err := in.call(ctx, in.fn.scratch, uint64(n))
	if err != nil {
		return err
	}
	if ptr == 0 {
		return &Error{Kind: "too_large", Message: fmt.Sprintf("%d bytes of input do not fit the module's memory", n)}
	}
	in.scratch, in.scratchCap = uint32(ptr), uint32(n)
	return nil
}

// resolveLocale is a locale tag's id (icp_locale).
func (in *instance) resolveLocale(ctx context.Context, tag string) (int32, error) {
	var params [2]uint64
	p, err := in.inputs(ctx, params[:0], tag)
	if err != nil {
		return 0, err
	}
	out, err := in.answer(in.call(ctx, in.fn.locale, p...))
	if err != nil {
		return 0, err
	}
	var resolved struct {
		Locale int32 `json:"locale"`
	}
	if err := json.Unmarshal(out, &resolved); err != nil {
		return 0, fmt.Errorf("icpvalidate: the core module's locale answer: %w", err)
	}
	return resolved.Locale, nil
}
