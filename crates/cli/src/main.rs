//! `icp-validate`: the command-line contract for servers and scripts. `icp-validate --help`
//! prints the usage and the exit status (0 valid, 1 invalid, 2 usage or unreadable input,
//! 141 stdout closed early).

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use icp_validate::wire::{self, json_text};
use icp_validate::{attachments, list_fields, validate_field, Context, Locale, Provider};

const SYNOPSIS: &str = "usage:
  icp-validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
  icp-validate batch [--today YYYY-MM-DD] [--locale zh-CN|en]
                                            JSON lines {\"field\",\"value\",\"context\"} on stdin
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
    Provider::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(", ")
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
    emit(&json_text(value, pretty).map_err(|e| Failure::Io(e.to_string()))?)
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
                if id.parse::<Provider>().is_err() {
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
        "batch" => no_arguments("batch").and_then(|()| cmd_batch(args.locale, today_arg(args)?)),
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
    if !list_fields(Locale::En).iter().any(|f| f.id == field) {
        return Err(usage(format!("unknown field {field:?}; `icp-validate fields` lists them")));
    }
    let ctx = context_arg(args)?;
    let result = validate_field(field, value, &ctx, args.locale);
    emit_json(&result, false)?;
    Ok(exit_for(result.valid))
}

fn context_arg(args: &Args) -> Result<Context, Failure> {
    match &args.context {
        Some(json) => wire::context_json(json).map_err(|e| usage(format!("--context: {e}"))),
        None => Ok(Context::default()),
    }
}

/// Reads only the header the browser would read, plus the file's size from its metadata.
fn cmd_attachment(args: &Args) -> Result<ExitCode, Failure> {
    use std::io::Read;
    let [_, kind, path] = args.positional.as_slice() else {
        return Err(usage("attachment takes <KIND> <FILE>"));
    };
    if !attachments::KINDS.iter().any(|k| k.id == kind) {
        let kinds: Vec<&str> = attachments::KINDS.iter().map(|k| k.id).collect();
        return Err(usage(format!("unknown attachment kind {kind:?} (one of {})", kinds.join(", "))));
    }
    let ctx = context_arg(args)?;
    let io_failure = |e: io::Error| Failure::Io(format!("{path}: {e}"));
    let file = std::fs::File::open(path).map_err(io_failure)?;
    let size = file.metadata().map_err(io_failure)?.len();
    let mut header = Vec::with_capacity(attachments::HEADER_LEN);
    file.take(attachments::HEADER_LEN as u64).read_to_end(&mut header).map_err(io_failure)?;
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
    let source = icp_validate::app_file::FileSource::open(path).map_err(|e| Failure::Io(format!("{path}: {e}")))?;
    let info = icp_validate::app_file::read(&source, today);
    let (json, valid) = wire::app_info_json(info, args.locale).map_err(|e| Failure::Io(e.to_string()))?;
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
    let limit = wire::FILING_READ_LIMIT as u64;
    if path == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| Failure::Io(format!("stdin: {e}")))?;
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map_err(|e| Failure::Io(format!("{path}: {e}")))?;
    }
    let options = icp_validate::Options { provider: args.provider.clone(), today, locale: Some(args.locale.tag().to_owned()) };
    let report = wire::filing_report(&bytes, &options);
    emit_json(&report, true)?;
    Ok(exit_for(report.valid))
}

fn cmd_schema() -> Result<ExitCode, Failure> {
    emit(&format!("{}\n", icp_validate::catalog::filing_schema_json()))?;
    Ok(ExitCode::SUCCESS)
}

/// The message catalog as one JSON table, for front ends that word findings themselves.
fn cmd_catalog() -> Result<ExitCode, Failure> {
    emit_json(&icp_validate::catalog::table(), true)?;
    Ok(ExitCode::SUCCESS)
}

/// One result per input line, in order; a line that is not a valid request becomes a
/// result with `input.malformed` instead of stopping the batch.
fn cmd_batch(locale: Locale, today: Option<icp_validate::Date>) -> Result<ExitCode, Failure> {
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
        let result = wire::batch_line(&line, locale, today);
        all_valid &= result.valid;
        wire::write_batch_result(&mut w, &result).map_err(|e| match e.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => Failure::Closed,
            _ => Failure::Io(format!("stdout: {e}")),
        })?;
    }
    w.flush().map_err(write_failure)?;
    Ok(exit_for(all_valid))
}

fn cmd_fields(locale: Locale, markdown: bool) -> Result<ExitCode, Failure> {
    if markdown {
        emit(&icp_validate::catalog::fields_markdown())?;
    } else {
        emit_json(&list_fields(locale), true)?;
    }
    Ok(ExitCode::SUCCESS)
}
