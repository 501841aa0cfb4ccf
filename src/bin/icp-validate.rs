//! `icp-validate`: the command-line contract for servers and scripts. `icp-validate --help`
//! prints the usage and the exit status (0 valid, 1 invalid, 2 usage or unreadable input,
//! 141 stdout closed early).

use std::fmt;
use std::io::{self, BufRead, BufWriter, Write};
use std::marker::PhantomData;
use std::process::ExitCode;

use serde::de::{value::MapAccessDeserializer, Deserialize, Deserializer, MapAccess, Visitor};

use icp_validate::{attachment, input, list_fields, providers, registry, validate_field, Context, FieldResult, Locale, Outcome};

const SYNOPSIS: &str = "usage:
  icp-validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
  icp-validate batch [--locale zh-CN|en]   (JSON lines {\"field\",\"value\",\"context\"} on stdin)
  icp-validate fields [--locale zh-CN|en] [--markdown]
  icp-validate attachment <KIND> <FILE> [--context JSON] [--locale zh-CN|en]
  icp-validate app-info <FILE> [--today YYYY-MM-DD] [--locale zh-CN|en]
                                            package, certificates, MD5 and public key of
                                            an APK, IPA, HAP/APP, profile or certificate
  icp-validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]
  icp-validate schema
  icp-validate catalog                      every code, term, province and provider per locale
  icp-validate --help | --version";

const EXIT_STATUS: &str = "exit status:
  0    valid (batch: every line valid)
  1    invalid: an error finding, a malformed filing (filing.malformed), any invalid batch line
  2    usage error (unknown command, field, attachment kind or option, bad option value)
       or an input file that cannot be read
  141  stdout closed early (e.g. `| head -1`): output stops quietly, as after SIGPIPE";

/// Exit status when stdout is closed: what a shell reports for a tool killed by SIGPIPE.
const CLOSED_STDOUT: u8 = 141;

fn provider_ids() -> String {
    providers::PROVIDERS.iter().map(|p| p.id).collect::<Vec<_>>().join(", ")
}

fn help() -> String {
    format!(
        "icp-validate {version}: validates Chinese ICP filing (ICP备案) form fields, attachments and whole filings; JSON out.

{SYNOPSIS}

--context takes a JSON object ({{\"today\":\"2026-11-23\",\"province\":\"北京\"}}); --provider is one of
{providers}. A provider named inside a filing is checked as part of the report.
Values that start with '-' (PEM keys, negative numbers) go after '--', which ends the options:
  icp-validate field public_key -- \"-----BEGIN PUBLIC KEY-----...\"
Sample filings to try: examples/filings/*.json in the source tree.

{EXIT_STATUS}
",
        version = env!("CARGO_PKG_VERSION"),
        providers = provider_ids(),
    )
}

/// Why the program stops without a result.
enum Failure {
    /// Bad command line: the message and the synopsis on stderr, exit 2.
    Usage(String),
    /// An input or output that cannot be read or written: one line on stderr, exit 2.
    Io(String),
    /// stdout was closed by the reader: stop quietly.
    Closed,
}

fn usage(msg: impl Into<String>) -> Failure {
    Failure::Usage(msg.into())
}

fn write_failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Io(format!("stdout: {e}"))
    }
}

/// Writes to stdout without the panic `println!` raises on a closed pipe.
fn emit(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(write_failure)
}

fn emit_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<(), Failure> {
    let mut text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }.map_err(|e| Failure::Io(e.to_string()))?;
    text.push('\n');
    emit(&text)
}

enum Request {
    Help,
    Version,
    Run(Args),
}

struct Args {
    positional: Vec<String>,
    context: Option<String>,
    locale: Locale,
    markdown: bool,
    provider: Option<String>,
    today: Option<String>,
}

fn parse_args(raw: Vec<String>) -> Result<Request, Failure> {
    let mut args = Args { positional: Vec::new(), context: None, locale: Locale::default(), markdown: false, provider: None, today: None };
    let mut it = raw.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(Request::Help),
            "-V" | "--version" => return Ok(Request::Version),
            "--context" => args.context = Some(it.next().ok_or_else(|| usage("--context needs a JSON object"))?),
            "--locale" => {
                let tag = it.next().ok_or_else(|| usage("--locale needs zh-CN or en"))?;
                args.locale = Locale::parse(&tag).ok_or_else(|| usage(format!("unknown locale {tag:?} (zh-CN or en)")))?;
            }
            "--markdown" => args.markdown = true,
            "--provider" => {
                let id = it.next().ok_or_else(|| usage(format!("--provider needs one of {}", provider_ids())))?;
                if providers::find(&id).is_none() {
                    return Err(usage(format!("unknown provider {id:?} (one of {})", provider_ids())));
                }
                args.provider = Some(id);
            }
            "--today" => args.today = Some(it.next().ok_or_else(|| usage("--today needs YYYY-MM-DD"))?),
            "--" => args.positional.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(usage(format!("unknown option {s} (values starting with '-' go after '--')"))),
            _ => args.positional.push(a),
        }
    }
    Ok(Request::Run(args))
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(raw).and_then(|request| match request {
        Request::Help => emit(&help()).map(|()| ExitCode::SUCCESS),
        Request::Version => emit(&format!("icp-validate {}\n", icp_validate::catalog::version())).map(|()| ExitCode::SUCCESS),
        Request::Run(args) => run(&args),
    });
    match result {
        Ok(code) => code,
        Err(failure) => {
            // stderr may be closed too; there is nowhere left to report that.
            let mut err = io::stderr().lock();
            match failure {
                Failure::Usage(msg) => {
                    let _ = writeln!(err, "icp-validate: {msg}\n{SYNOPSIS}\n(icp-validate --help: options and exit status)");
                    ExitCode::from(2)
                }
                Failure::Io(msg) => {
                    let _ = writeln!(err, "icp-validate: {msg}");
                    ExitCode::from(2)
                }
                Failure::Closed => ExitCode::from(CLOSED_STDOUT),
            }
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, Failure> {
    let pos = &args.positional;
    if pos.is_empty() {
        return Err(usage("no command given"));
    }
    let no_arguments = |cmd: &str| if pos.len() == 1 { Ok(()) } else { Err(usage(format!("{cmd} takes no arguments, got {:?}", &pos[1..]))) };
    match pos[0].as_str() {
        "field" => cmd_field(args),
        "batch" => no_arguments("batch").and_then(|()| cmd_batch(args.locale)),
        "fields" => no_arguments("fields").and_then(|()| cmd_fields(args.locale, args.markdown)),
        "attachment" => cmd_attachment(args),
        "app-info" => cmd_app_info(args),
        "filing" => cmd_filing(args),
        "schema" => no_arguments("schema").and_then(|()| cmd_schema()),
        "catalog" => no_arguments("catalog").and_then(|()| cmd_catalog()),
        other => Err(usage(format!("unknown command {other:?} (field, batch, fields, attachment, app-info, filing, schema)"))),
    }
}

fn exit_for(valid: bool) -> ExitCode {
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn cmd_field(args: &Args) -> Result<ExitCode, Failure> {
    let [_, field, value] = args.positional.as_slice() else {
        return Err(usage("field takes <FIELD> <VALUE>"));
    };
    if registry::find(field).is_none() {
        return Err(usage(format!("unknown field {field:?}; `icp-validate fields` lists them")));
    }
    let ctx = context_arg(args)?;
    let result = validate_field(field, value, &ctx, args.locale);
    emit_json(&result, false)?;
    Ok(exit_for(result.valid))
}

/// A derived struct also deserializes from a JSON array (fields by position), so `[]` would
/// pass as an empty context: requests and contexts must be objects.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapOnly<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for MapOnly<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(MapOnly(PhantomData)).map(Object)
    }
}

fn context_arg(args: &Args) -> Result<Context, Failure> {
    match &args.context {
        Some(json) => serde_json::from_str::<Object<Context>>(json).map(|o| o.0).map_err(|e| usage(format!("--context: {e}"))),
        None => Ok(Context::default()),
    }
}

/// Reads only the header the browser would read, plus the file's size from its metadata.
fn cmd_attachment(args: &Args) -> Result<ExitCode, Failure> {
    use std::io::Read;
    let [_, kind, path] = args.positional.as_slice() else {
        return Err(usage("attachment takes <KIND> <FILE>"));
    };
    if !attachment::KINDS.iter().any(|k| k.id == kind) {
        let kinds: Vec<&str> = attachment::KINDS.iter().map(|k| k.id).collect();
        return Err(usage(format!("unknown attachment kind {kind:?} (one of {})", kinds.join(", "))));
    }
    let ctx = context_arg(args)?;
    let io_failure = |e: io::Error| Failure::Io(format!("{path}: {e}"));
    let file = std::fs::File::open(path).map_err(io_failure)?;
    let size = file.metadata().map_err(io_failure)?.len();
    let mut header = Vec::with_capacity(attachment::HEADER_LEN);
    file.take(attachment::HEADER_LEN as u64).read_to_end(&mut header).map_err(io_failure)?;
    let result = icp_validate::check_attachment(kind, &header, size, &ctx, args.locale);
    emit_json(&result, false)?;
    Ok(exit_for(result.valid))
}

/// What an APP file says: read by ranges from the file, never whole.
fn cmd_app_info(args: &Args) -> Result<ExitCode, Failure> {
    let [_, path] = args.positional.as_slice() else {
        return Err(usage("app-info takes <FILE>"));
    };
    let today = today_arg(args)?.or_else(icp_validate::Date::today).ok_or_else(|| usage("--today is needed: no system clock"))?;
    let source = icp_validate::appfile::FileSource::open(path).map_err(|e| Failure::Io(format!("{path}: {e}")))?;
    let mut info = icp_validate::appfile::read(&source, today);
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for f in std::mem::take(&mut info.findings) {
        match f.severity {
            icp_validate::Severity::Error => errors.push(registry::render::issue(f, args.locale)),
            icp_validate::Severity::Warning => warnings.push(registry::render::issue(f, args.locale)),
        }
    }
    let valid = errors.is_empty();
    let mut json = serde_json::to_value(&info).map_err(|e| Failure::Io(e.to_string()))?;
    json["valid"] = valid.into();
    json["errors"] = serde_json::to_value(errors).map_err(|e| Failure::Io(e.to_string()))?;
    json["warnings"] = serde_json::to_value(warnings).map_err(|e| Failure::Io(e.to_string()))?;
    emit_json(&json, true)?;
    Ok(exit_for(valid))
}

fn today_arg(args: &Args) -> Result<Option<icp_validate::Date>, Failure> {
    match &args.today {
        Some(t) => Ok(Some(icp_validate::Date::parse(t).ok_or_else(|| usage(format!("--today: {t:?} is not YYYY-MM-DD")))?)),
        None => Ok(None),
    }
}

/// Validates a filing JSON file (`-` for stdin) and prints the report.
fn cmd_filing(args: &Args) -> Result<ExitCode, Failure> {
    use std::io::Read;
    let [_, path] = args.positional.as_slice() else {
        return Err(usage("filing takes <FILE.json|->"));
    };
    let today = today_arg(args)?;
    let mut bytes = Vec::new();
    let limit = icp_validate::filing::MAX_JSON_BYTES as u64 + 1;
    if path == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| Failure::Io(format!("stdin: {e}")))?;
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map_err(|e| Failure::Io(format!("{path}: {e}")))?;
    }
    let options = icp_validate::Options { provider: args.provider.clone(), today, locale: Some(args.locale.tag().to_owned()) };
    let report = match std::str::from_utf8(&bytes) {
        Ok(text) => icp_validate::validate_filing_json(text, &options),
        Err(e) => icp_validate::filing::malformed(&icp_validate::filing::NOT_JSON, &format!("not UTF-8: {e}"), &options),
    };
    emit_json(&report, true)?;
    Ok(exit_for(report.valid))
}

fn cmd_schema() -> Result<ExitCode, Failure> {
    emit(&format!("{}\n", icp_validate::filing::schema_json()))?;
    Ok(ExitCode::SUCCESS)
}

/// The message catalog as one JSON table, for front ends that word findings themselves.
fn cmd_catalog() -> Result<ExitCode, Failure> {
    emit_json(&icp_validate::catalog::table(), true)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Deserialize)]
struct BatchLine {
    field: String,
    value: String,
    #[serde(default)]
    context: Option<Object<Context>>,
}

/// One result per input line, in order; a line that is not a valid request becomes a
/// result with `input.malformed` instead of stopping the batch.
fn cmd_batch(locale: Locale) -> Result<ExitCode, Failure> {
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let mut all_valid = true;
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|e| Failure::Io(format!("stdin: {e}")))? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        let result = match serde_json::from_str::<Object<BatchLine>>(text) {
            Ok(Object(req)) => validate_field(&req.field, &req.value, &req.context.map(|c| c.0).unwrap_or_default(), locale),
            Err(e) => malformed(&e, locale),
        };
        all_valid &= result.valid;
        serde_json::to_writer(&mut w, &result).map_err(|e| match e.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => Failure::Closed,
            _ => Failure::Io(format!("stdout: {e}")),
        })?;
        w.write_all(b"\n").map_err(write_failure)?;
    }
    w.flush().map_err(write_failure)?;
    Ok(exit_for(all_valid))
}

/// `input.malformed` for a batch line: not JSON at all, or JSON of the wrong shape; the
/// parser's own text goes to `params.detail`.
fn malformed(e: &serde_json::Error, locale: Locale) -> FieldResult {
    let reason = match e.classify() {
        serde_json::error::Category::Data => &input::LINE_NOT_OBJECT,
        _ => &input::LINE_NOT_JSON,
    };
    let mut out = Outcome::default();
    out.error(&input::MALFORMED).param("reason", icp_validate::Value::Term(reason)).param("detail", input::excerpt(&e.to_string(), 120));
    registry::render::field_result(out, "", locale)
}

fn cmd_fields(locale: Locale, markdown: bool) -> Result<ExitCode, Failure> {
    if markdown {
        emit(&icp_validate::docs::fields_markdown())?;
    } else {
        emit_json(&list_fields(locale), true)?;
    }
    Ok(ExitCode::SUCCESS)
}
