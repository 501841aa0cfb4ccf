//! `icp-validate`: the command-line contract for servers and scripts.
//!
//! ```text
//! icp-validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
//! icp-validate batch [--locale zh-CN|en]      JSON lines on stdin, one result line each
//! icp-validate fields [--locale zh-CN|en] [--markdown]
//! icp-validate attachment <KIND> <FILE> [--context JSON] [--locale zh-CN|en]
//! icp-validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]
//! icp-validate schema                         JSON Schema of the filing model
//! ```
//! Exit status: 0 valid (batch: every line valid), 1 invalid, 2 usage or I/O error.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use icp_validate::{attachment, input, list_fields, registry, validate_field, Context, FieldResult, Locale, Outcome};

const USAGE: &str = "usage:
  icp-validate field <FIELD> <VALUE> [--context JSON] [--locale zh-CN|en]
  icp-validate batch [--locale zh-CN|en]   (JSON lines {\"field\",\"value\",\"context\"} on stdin)
  icp-validate fields [--locale zh-CN|en] [--markdown]
  icp-validate attachment <KIND> <FILE> [--context JSON] [--locale zh-CN|en]
  icp-validate filing <FILE.json|-> [--provider ID] [--today YYYY-MM-DD] [--locale zh-CN|en]
  icp-validate schema
exit status: 0 valid, 1 invalid, 2 usage error";

struct Args {
    positional: Vec<String>,
    context: Option<String>,
    locale: Locale,
    markdown: bool,
    provider: Option<String>,
    today: Option<String>,
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut args = Args { positional: Vec::new(), context: None, locale: Locale::default(), markdown: false, provider: None, today: None };
    let mut it = raw.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--context" => args.context = Some(it.next().ok_or("--context needs a JSON object")?),
            "--locale" => {
                let tag = it.next().ok_or("--locale needs zh-CN or en")?;
                args.locale = Locale::parse(&tag).ok_or_else(|| format!("unknown locale {tag:?}"))?;
            }
            "--markdown" => args.markdown = true,
            "--provider" => args.provider = Some(it.next().ok_or("--provider needs a profile id")?),
            "--today" => args.today = Some(it.next().ok_or("--today needs YYYY-MM-DD")?),
            "--" => args.positional.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.positional.push(a),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty() || raw.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return if raw.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let result = match args.positional.first().map(String::as_str) {
        Some("field") => cmd_field(&args),
        Some("batch") if args.positional.len() == 1 => cmd_batch(args.locale),
        Some("fields") if args.positional.len() == 1 => cmd_fields(args.locale, args.markdown),
        Some("attachment") => cmd_attachment(&args),
        Some("filing") if args.positional.len() == 2 => cmd_filing(&args),
        Some("schema") if args.positional.len() == 1 => cmd_schema(),
        _ => Err("unknown command or wrong number of arguments".to_owned()),
    };
    match result {
        Ok(code) => code,
        Err(e) => usage_error(&e),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("icp-validate: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn exit_for(valid: bool) -> ExitCode {
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn cmd_field(args: &Args) -> Result<ExitCode, String> {
    let [_, field, value] = args.positional.as_slice() else {
        return Err("field takes <FIELD> <VALUE>".to_owned());
    };
    if registry::find(field).is_none() {
        return Err(format!("unknown field {field:?}; `icp-validate fields` lists them"));
    }
    let ctx = context_arg(args)?;
    let result = validate_field(field, value, &ctx, args.locale);
    println!("{}", serde_json::to_string(&result).map_err(|e| e.to_string())?);
    Ok(exit_for(result.valid))
}

fn context_arg(args: &Args) -> Result<Context, String> {
    match &args.context {
        Some(json) => serde_json::from_str(json).map_err(|e| format!("--context: {e}")),
        None => Ok(Context::default()),
    }
}

/// Reads only the header the browser would read, plus the file's size from its metadata.
fn cmd_attachment(args: &Args) -> Result<ExitCode, String> {
    use std::io::Read;
    let [_, kind, path] = args.positional.as_slice() else {
        return Err("attachment takes <KIND> <FILE>".to_owned());
    };
    let ctx = context_arg(args)?;
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let size = file.metadata().map_err(|e| format!("{path}: {e}"))?.len();
    let mut header = Vec::with_capacity(attachment::HEADER_LEN);
    file.take(attachment::HEADER_LEN as u64).read_to_end(&mut header).map_err(|e| format!("{path}: {e}"))?;
    let result = icp_validate::check_attachment(kind, &header, size, &ctx, args.locale);
    println!("{}", serde_json::to_string(&result).map_err(|e| e.to_string())?);
    Ok(exit_for(result.valid))
}

/// Validates a filing JSON file (`-` for stdin) and prints the report.
fn cmd_filing(args: &Args) -> Result<ExitCode, String> {
    use std::io::Read;
    let path = &args.positional[1];
    let mut bytes = Vec::new();
    let limit = icp_validate::filing::MAX_JSON_BYTES as u64 + 1;
    if path == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes).map_err(|e| format!("stdin: {e}"))?;
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map_err(|e| format!("{path}: {e}"))?;
    }
    let today = match &args.today {
        Some(t) => Some(icp_validate::Date::parse(t).ok_or_else(|| format!("--today: {t:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let options = icp_validate::Options { provider: args.provider.clone(), today, locale: Some(args.locale.tag().to_owned()) };
    let report = match std::str::from_utf8(&bytes) {
        Ok(text) => icp_validate::validate_filing_json(text, &options),
        Err(e) => icp_validate::filing::malformed(&icp_validate::filing::NOT_JSON, &format!("not UTF-8: {e}"), &options),
    };
    println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    Ok(exit_for(report.valid))
}

fn cmd_schema() -> Result<ExitCode, String> {
    println!("{}", icp_validate::filing::schema_json());
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Deserialize)]
struct BatchLine {
    field: String,
    value: String,
    #[serde(default)]
    context: Context,
}

/// One result per input line, in order; a line that is not a valid request becomes a
/// result with `input.malformed` instead of stopping the batch.
fn cmd_batch(locale: Locale) -> Result<ExitCode, String> {
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let stdout = io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let mut all_valid = true;
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        let result = match serde_json::from_str::<BatchLine>(text) {
            Ok(req) => validate_field(&req.field, &req.value, &req.context, locale),
            Err(e) => malformed(&e.to_string(), locale),
        };
        all_valid &= result.valid;
        serde_json::to_writer(&mut w, &result).map_err(|e| e.to_string())?;
        w.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    Ok(exit_for(all_valid))
}

fn malformed(reason: &str, locale: Locale) -> FieldResult {
    let mut out = Outcome::default();
    out.error(&input::MALFORMED).param("reason", icp_validate::Value::Term(&input::LINE_NOT_JSON)).param("detail", input::excerpt(reason, 120));
    registry::render::field_result(out, "", locale)
}

fn cmd_fields(locale: Locale, markdown: bool) -> Result<ExitCode, String> {
    if markdown {
        print!("{}", icp_validate::docs::fields_markdown());
    } else {
        println!("{}", serde_json::to_string_pretty(&list_fields(locale)).map_err(|e| e.to_string())?);
    }
    Ok(ExitCode::SUCCESS)
}
