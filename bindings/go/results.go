package icpvalidate

import "encoding/json"

// Finding is one error or warning, in the shape of every icp-validate surface (Rust, JS,
// the command line): a stable code, its severity, the message in the Validator's locale and
// the typed parameters the message mentions.
type Finding struct {
	Code     string         `json:"code"`
	Severity string         `json:"severity"` // "error" or "warning"
	Message  string         `json:"message"`
	Params   map[string]any `json:"params"`
}

// Result is one field value's verdict: what `icp-validate field` prints.
type Result struct {
	Field string `json:"field"`
	// Valid means no error finding (warnings allowed).
	Valid bool `json:"valid"`
	// Normalized is the canonical form to file; nil unless Valid.
	Normalized *string   `json:"normalized"`
	Errors     []Finding `json:"errors"`
	Warnings   []Finding `json:"warnings"`
	// Details are what the value says (a resident ID's birth date and region, a domain's
	// A-label, a mobile's carrier, …).
	Details map[string]any `json:"details"`

	// JSON is the module's answer as the command line prints it (one line, newline
	// included): forward it unchanged where the exact bytes matter.
	JSON json.RawMessage `json:"-"`
}

// PathFinding is a finding of a filing report, at the path of the value it concerns.
type PathFinding struct {
	Path string `json:"path"`
	// Field is the field rule that judged the value at Path; empty for cross-field rules.
	Field    string         `json:"field,omitempty"`
	Code     string         `json:"code"`
	Severity string         `json:"severity"`
	Message  string         `json:"message"`
	Params   map[string]any `json:"params"`
}

// Document is one line of a filing's documents checklist.
type Document struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Need           string `json:"need"` // "required", "conditional", …
	Reason         string `json:"reason"`
	ReasonCode     string `json:"reason_code"`
	Source         string `json:"source"`
	Subject        string `json:"subject"`
	AttachmentKind string `json:"attachment_kind,omitempty"`
	Upload         string `json:"upload"` // "provider" or "wechat_mini_program"
	Provided       *bool  `json:"provided,omitempty"`
}

// Verification is the verification route a filing takes.
type Verification struct {
	Route           string   `json:"route"` // "electronic" or "manual"
	Reason          string   `json:"reason"`
	ReasonCode      string   `json:"reason_code"`
	SMSVerification *bool    `json:"sms_verification,omitempty"`
	Notes           []string `json:"notes"`
}

// Summary counts a filing report's findings and documents.
type Summary struct {
	Errors               int `json:"errors"`
	Warnings             int `json:"warnings"`
	FieldsChecked        int `json:"fields_checked"`
	Services             int `json:"services"`
	DocumentsRequired    int `json:"documents_required"`
	DocumentsConditional int `json:"documents_conditional"`
}

// FilingReport is a whole filing's verdict: what `icp-validate filing` prints.
type FilingReport struct {
	Valid    bool          `json:"valid"`
	Provider string        `json:"provider"`
	Kind     string        `json:"kind"`
	Errors   []PathFinding `json:"errors"`
	Warnings []PathFinding `json:"warnings"`
	// Normalized holds, by path, the values whose canonical form differs from what was typed.
	Normalized   map[string]string `json:"normalized"`
	Documents    []Document        `json:"documents"`
	Verification *Verification     `json:"verification,omitempty"`
	Summary      Summary           `json:"summary"`

	// JSON is the report as the command line prints it (pretty, newline included).
	JSON json.RawMessage `json:"-"`
}

// AttachmentResult is an attachment's verdict from its first bytes and size: what
// `icp-validate attachment` prints.
type AttachmentResult struct {
	Kind       string         `json:"kind"`
	Valid      bool           `json:"valid"`
	Format     string         `json:"format"`
	Width      *int           `json:"width"`
	Height     *int           `json:"height"`
	ColourMode *string        `json:"colour_mode"`
	ByteSize   int64          `json:"byte_size"`
	Errors     []Finding      `json:"errors"`
	Warnings   []Finding      `json:"warnings"`
	Details    map[string]any `json:"details"`

	// JSON is the answer as the command line prints it.
	JSON json.RawMessage `json:"-"`
}

// Certificate is a signing certificate found in an APP file.
type Certificate struct {
	FoundIn      []string `json:"found_in"`
	Subject      string   `json:"subject"`
	Issuer       string   `json:"issuer"`
	Serial       string   `json:"serial"`
	NotBefore    string   `json:"not_before"`
	NotAfter     string   `json:"not_after"`
	KeyAlgorithm string   `json:"key_algorithm"`
	KeyBits      int      `json:"key_bits"`
	MD5          string   `json:"md5"`
	MD5Hex       string   `json:"md5_hex"`
	SHA1         string   `json:"sha1"`
	SHA256       string   `json:"sha256"`
	PublicKey    string   `json:"public_key"`
}

// AppInfo is what an APP file (APK, IPA, HAP/APP, provisioning profile, certificate) says
// for a filing: what `icp-validate app-info` prints.
type AppInfo struct {
	Kind         string        `json:"kind"`
	Platform     *string       `json:"platform"`
	Package      *string       `json:"package"`
	MD5          *string       `json:"md5"`
	PublicKey    *string       `json:"public_key"`
	Schemes      []string      `json:"schemes"`
	Certificates []Certificate `json:"certificates"`
	BytesRead    int64         `json:"bytes_read"`
	Reads        int           `json:"reads"`
	Valid        bool          `json:"valid"`
	Errors       []Finding     `json:"errors"`
	Warnings     []Finding     `json:"warnings"`

	// JSON is the answer as the command line prints it (pretty, newline included).
	JSON json.RawMessage `json:"-"`
}

// FieldInfo describes one field rule: what `icp-validate fields` lists.
type FieldInfo struct {
	ID          string   `json:"id"`
	Family      string   `json:"family"`
	Label       string   `json:"label"`
	Codes       []string `json:"codes"`
	DataVersion string   `json:"data_version"`
}
