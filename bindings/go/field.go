package icpvalidate

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Context carries the facts a rule needs beyond the value itself; every key is optional and
// the zero Context is none. The keys and their values are those of the JSON context
// everywhere else (README "Result shape").
type Context struct {
	// Today is the day to check dates against, "YYYY-MM-DD"; default: the Validator's.
	Today string `json:"today,omitempty"`
	// Province is the filing entity's province (a name such as "北京" or a code).
	Province string `json:"province,omitempty"`
	// Provider is a provider profile id: "nwcd", "sinnet", "aliyun", "generic".
	Provider string `json:"provider,omitempty"`
	// Type is the certificate type for the "certificate" field (console names or ids).
	Type string `json:"type,omitempty"`
	// Platform is the APP platform for "app_package": "android", "ios", "harmony".
	Platform string `json:"platform,omitempty"`
	// EntityType is the entity type, for names that depend on it.
	EntityType string `json:"entity_type,omitempty"`
	// NationalDocument: the entity holds the national-level document that allows words such
	// as 中国 in a website name.
	NationalDocument bool `json:"national_document,omitempty"`

	// JSON, when not empty, is the context as a JSON object, passed to the rules as it is
	// (a request's own context, forwarded); the fields above are then ignored. Text that is
	// not a JSON object is an *Error of kind "bad_context".
	JSON string `json:"-"`
}

// appendJSON writes c as a JSON object into dst (nothing for the zero Context), without
// reflection so that IsValid with a context costs no allocation once dst has grown.
func (c *Context) appendJSON(dst []byte) []byte {
	if c.JSON != "" {
		return append(dst, c.JSON...)
	}
	if *c == (Context{}) {
		return dst
	}
	dst = append(dst, '{')
	first := true
	key := func(k string) {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, '"')
		dst = append(dst, k...)
		dst = append(dst, '"', ':')
	}
	for _, kv := range [...]struct{ k, v string }{
		{"today", c.Today}, {"province", c.Province}, {"provider", c.Provider}, {"type", c.Type},
		{"platform", c.Platform}, {"entity_type", c.EntityType},
	} {
		if kv.v != "" {
			key(kv.k)
			dst = appendJSONString(dst, kv.v)
		}
	}
	if c.NationalDocument {
		key("national_document")
		dst = append(dst, "true"...)
	}
	return append(dst, '}')
}

// appendJSONString quotes s as encoding/json does (invalid UTF-8 becomes U+FFFD).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\\':
				dst = append(dst, '\\', b)
			case b < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			default:
				dst = append(dst, b)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, "\ufffd"...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

// contextJSON is c's JSON in the instance's reused buffer, and the date to pass as the
// call's today: c.Today when it is a plain YYYY-MM-DD date, which then stays out of the JSON
// (the module reads a context's today only to put it in place of the call's; parsing it
// there cost more than the rest of a short IsValid call), else fallback.
func (in *instance) contextJSON(c *Context, fallback int32) (string, int32) {
	today := fallback
	if day, ok := plainDate(c.Today); ok && c.JSON == "" {
		today = day
		plain := *c
		plain.Today = ""
		in.buf = plain.appendJSON(in.buf[:0])
	} else {
		in.buf = c.appendJSON(in.buf[:0])
	}
	return unsafeString(in.buf), today
}

// plainDate reads exactly YYYY-MM-DD of a real date (years 1000 to 9999) as yyyymmdd; any
// other form is left to the module's own reading.
func plainDate(s string) (int32, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	n := 0
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	y, m, d := n/10000, n/100%100, n%100
	if y < 1000 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return int32(n), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ValidateField checks one value of a field ("resident_id", "mobile", "domain", …; Fields
// lists them) and returns its verdict with findings worded in the Validator's locale. An
// unknown field id is a Result with the finding field.unknown, not an error.
func (v *Validator) ValidateField(ctx context.Context, field, value string, c Context) (Result, error) {
	var r Result
	err := v.with(ctx, func(in *instance) error {
		cj, today := in.contextJSON(&c, v.todayFor(time.Time{}))
		var params [8]uint64
		p, err := in.inputs(ctx, params[:0], field, value, cj)
		if err != nil {
			return err
		}
		p = append(p, uint64(v.locale), uint64(today))
		out, err := in.answer(in.call(ctx, in.fn.validateField, p...))
		if err != nil {
			return err
		}
		r.JSON = out
		return json.Unmarshal(out, &r)
	})
	return r, err
}

// IsValid is ValidateField's verdict alone, the fast path: no findings are worded or
// copied out, and after warm-up it allocates nothing on the Go side.
func (v *Validator) IsValid(ctx context.Context, field, value string, c Context) (bool, error) {
	valid := false
	err := v.with(ctx, func(in *instance) error {
		cj, today := in.contextJSON(&c, v.todayFor(time.Time{}))
		var params [7]uint64
		p, err := in.inputs(ctx, params[:0], field, value, cj)
		if err != nil {
			return err
		}
		p = append(p, uint64(today))
		status, err := in.call(ctx, in.fn.isValid, p...)
		if err != nil {
			return err
		}
		switch uint32(status) {
		case statusValid:
			valid = true
		case statusInvalid:
		default:
			_, err = in.answer(status, nil)
		}
		return err
	})
	return valid, err
}

// Fields lists every field rule with its codes and label in the Validator's locale.
func (v *Validator) Fields(ctx context.Context) ([]FieldInfo, error) {
	var fields []FieldInfo
	err := v.with(ctx, func(in *instance) error {
		out, err := in.answer(in.call(ctx, in.fn.fields, uint64(v.locale)))
		if err != nil {
			return err
		}
		return json.Unmarshal(out, &fields)
	})
	return fields, err
}

// Catalog is every code, term, province and provider in both locales, as JSON (what
// `icp-validate catalog` prints), for front ends that word findings themselves.
func (v *Validator) Catalog(ctx context.Context) (json.RawMessage, error) {
	var out []byte
	err := v.with(ctx, func(in *instance) (err error) {
		out, err = in.answer(in.call(ctx, in.fn.catalog))
		return err
	})
	return out, err
}

// FilingOptions adjust one ValidateFiling call; the zero value uses the filing's own
// provider and the Validator's locale and date.
type FilingOptions struct {
	// Provider overrides the filing's provider profile: "nwcd", "sinnet", "aliyun", "generic".
	Provider string
	// Locale overrides the Validator's locale for this report ("zh-CN", "en", …).
	Locale string
	// Today overrides the date the filing is checked against.
	Today time.Time
}

// MaxFilingBytes is how much of a filing's JSON is looked at: more is reported as
// filing.too_large without being read, as the command line does.
const MaxFilingBytes = 4<<20 + 1

// ValidateFiling checks a whole filing (the filing JSON object, docs/filing.schema.json):
// every field at its path, the cross-field rules, the provider profile, the documents
// checklist and the verification route. JSON that is not a filing is a report with
// filing.malformed, not an error.
func (v *Validator) ValidateFiling(ctx context.Context, filing []byte, opts FilingOptions) (FilingReport, error) {
	var r FilingReport
	err := v.with(ctx, func(in *instance) error {
		locale, err := v.localeFor(ctx, in, opts.Locale)
		if err != nil {
			return err
		}
		if len(filing) > MaxFilingBytes {
			filing = filing[:MaxFilingBytes]
		}
		var params [6]uint64
		p, err := in.inputs(ctx, params[:0], unsafeString(filing), opts.Provider)
		if err != nil {
			return err
		}
		p = append(p, uint64(locale), uint64(v.todayFor(opts.Today)))
		out, err := in.answer(in.call(ctx, in.fn.validateFiling, p...))
		if err != nil {
			return err
		}
		r.JSON = out
		return json.Unmarshal(out, &r)
	})
	return r, err
}

// localeFor is the id of tag, or the Validator's locale when tag is empty.
func (v *Validator) localeFor(ctx context.Context, in *instance, tag string) (int32, error) {
	if tag == "" {
		return v.locale, nil
	}
	return in.resolveLocale(ctx, tag)
}

// AttachmentHeaderBytes is how much of an attachment CheckAttachment reads.
const AttachmentHeaderBytes = 256 << 10

// CheckAttachment judges an attachment of a kind ("entity_certificate", "person_certificate",
// "verification_photo", "app_icon", "domain_certificate", "authenticity_form", "other") from
// its first bytes (up to AttachmentHeaderBytes; pass what the file has) and its whole size.
func (v *Validator) CheckAttachment(ctx context.Context, kind string, header []byte, size int64, c Context) (AttachmentResult, error) {
	var r AttachmentResult
	if size < 0 {
		return r, &Error{Kind: "bad_size", Message: fmt.Sprintf("size %d is negative", size)}
	}
	err := v.with(ctx, func(in *instance) error {
		if len(header) > AttachmentHeaderBytes {
			header = header[:AttachmentHeaderBytes]
		}
		cj, today := in.contextJSON(&c, v.todayFor(time.Time{}))
		var params [9]uint64
		p, err := in.inputs(ctx, params[:0], kind, unsafeString(header), cj)
		if err != nil {
			return err
		}
		// kind, header, size, context, locale, today.
		p = append(p[:4], uint64(size), p[4], p[5], uint64(v.locale), uint64(today))
		out, err := in.answer(in.call(ctx, in.fn.checkAttachment, p...))
		if err != nil {
			return err
		}
		r.JSON = out
		return json.Unmarshal(out, &r)
	})
	return r, err
}

// unsafeString views b as a string for the length of a call that only reads it.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
