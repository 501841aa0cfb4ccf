package icpvalidate

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// Batch chunks: one call into the module per chunk is what makes a batch fast; the module
// takes at most 16 MiB and 16,384 lines per chunk (docs/ABI.md).
const (
	batchChunkBytes = 256 << 10
	maxBatchBytes   = 16 << 20
	maxBatchLines   = 16 << 10
)

// BatchOptions adjust a ValidateBatch call; the zero value uses the Validator's locale and date.
type BatchOptions struct {
	Locale string
	Today  time.Time
}

// ErrLineTooLong is returned by ValidateBatch for an input line over 16 MiB, more than the
// module takes in one call.
var ErrLineTooLong = errors.New("icpvalidate: a batch line is longer than 16 MiB")

// ValidateBatch reads JSON lines {"field","value","context"} from r and writes one result
// line per input line to w, exactly as `icp-validate batch` does (a line that is not a
// request gets input.malformed). It reports whether every line was valid.
func (v *Validator) ValidateBatch(ctx context.Context, r io.Reader, w io.Writer, opts BatchOptions) (allValid bool, err error) {
	allValid = true
	err = v.with(ctx, func(in *instance) error {
		locale, err := v.localeFor(ctx, in, opts.Locale)
		if err != nil {
			return err
		}
		today := v.todayFor(opts.Today)
		br := bufio.NewReaderSize(r, batchChunkBytes)
		chunk := make([]byte, 0, batchChunkBytes+4096)
		lines := 0
		flush := func() error {
			if len(chunk) == 0 {
				return nil
			}
			var params [4]uint64
			p, err := in.inputs(ctx, params[:0], unsafeString(chunk))
			if err != nil {
				return err
			}
			p = append(p, uint64(locale), uint64(today))
			status, err := in.call(ctx, in.fn.batch, p...)
			out, err := in.answer(status, err)
			if err != nil {
				return err
			}
			if uint32(status) != statusValid {
				allValid = false
			}
			chunk, lines = chunk[:0], 0
			_, err = w.Write(out)
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			line, readErr := br.ReadSlice('\n')
			for readErr == bufio.ErrBufferFull {
				// A line longer than the reader's buffer: gather it whole.
				long := append([]byte(nil), line...)
				for readErr == bufio.ErrBufferFull && len(long) <= maxBatchBytes {
					line, readErr = br.ReadSlice('\n')
					long = append(long, line...)
				}
				if len(long) > maxBatchBytes {
					return ErrLineTooLong
				}
				line = long
			}
			if readErr != nil && readErr != io.EOF {
				return fmt.Errorf("icpvalidate: reading the batch: %w", readErr)
			}
			if len(line) > 0 {
				if len(chunk)+len(line) > batchChunkBytes || lines == maxBatchLines {
					if err := flush(); err != nil {
						return err
					}
				}
				chunk = append(chunk, line...)
				lines++
			}
			if readErr == io.EOF {
				return flush()
			}
		}
	})
	return allValid, err
}
