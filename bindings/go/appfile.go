package icpvalidate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// AppFileOptions adjust a ReadAppFile call; the zero value uses the Validator's locale and date.
type AppFileOptions struct {
	Locale string
	Today  time.Time
}

// maxRangeBytes bounds one range the host reads for the module; the module holds at most
// 64 MiB per reading and asks for a few hundred KB for a real APK.
const maxRangeBytes = 64 << 20

// ReadAppFile reads what an APP file (APK, IPA, HAP/APP, provisioning profile or signing
// certificate) of size bytes says for a filing: package, signing certificates, MD5 and
// public key, with findings. It reads only the ranges the module asks for, in rounds
// (docs/ABI.md, "APP files"), never the whole file; a read that fails is reported in the
// answer as app_file.read_failed.
func (v *Validator) ReadAppFile(ctx context.Context, file io.ReaderAt, size int64, opts AppFileOptions) (AppInfo, error) {
	var info AppInfo
	if size < 0 {
		return info, &Error{Kind: "bad_size", Message: fmt.Sprintf("size %d is negative", size)}
	}
	err := v.with(ctx, func(in *instance) error {
		locale, err := v.localeFor(ctx, in, opts.Locale)
		if err != nil {
			return err
		}
		today := v.todayFor(opts.Today)
		if _, err := in.answer(in.call(ctx, in.fn.appBegin, uint64(size))); err != nil {
			return err
		}
		// A reading left behind (an error, a cancelled context) is dropped before the
		// instance is reused.
		defer in.call(ctx, in.fn.appEnd)
		failed := uint64(0)
		var buf []byte
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			status, err := in.call(ctx, in.fn.appRun, failed, uint64(locale), uint64(today))
			out, err := in.answer(status, err)
			if err != nil {
				return err
			}
			if uint32(status) != statusNeedRanges {
				info.JSON = out
				return json.Unmarshal(out, &info)
			}
			var need struct {
				Need [][2]int64 `json:"need"`
			}
			if err := json.Unmarshal(out, &need); err != nil {
				return fmt.Errorf("icpvalidate: the module's ranges: %w", err)
			}
			for _, rg := range need.Need {
				offset, length := rg[0], rg[1]
				if length < 0 || length > maxRangeBytes {
					return fmt.Errorf("icpvalidate: the module asked for %d bytes at once", length)
				}
				if cap(buf) < int(length) {
					buf = make([]byte, length)
				}
				buf = buf[:length]
				n, err := file.ReadAt(buf, offset)
				if n < int(length) && err != nil {
					failed = 1 // the module answers at once, reporting the failed read
					break
				}
				p, err := in.inputs(ctx, nil, unsafeString(buf))
				if err != nil {
					return err
				}
				if _, err := in.answer(in.call(ctx, in.fn.appAdd, uint64(offset), p[0], p[1])); err != nil {
					return err
				}
			}
		}
	})
	return info, err
}
