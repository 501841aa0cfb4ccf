//! The CLI contract: JSON on stdout, exit 0 valid / 1 invalid / 2 usage error or unreadable
//! input / 141 stdout closed early.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

/// The repository root (two levels above this crate): the paths below are relative to it.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The program with every stream piped, run at the repository root.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_icp-validate"))
        .current_dir(root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = spawn(args);
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn field_valid_and_invalid() {
    let ok = run(&["field", "resident_id", "11010519491231002X"], None);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(json(&ok)["valid"], true);

    let bad = run(&["field", "resident_id", "110105194912310021", "--locale", "en"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(json(&bad)["errors"][0]["code"], "resident_id.checksum");

    let ok = run(&["field", "uscc", "91110000600037341L"], None);
    assert_eq!(ok.status.code(), Some(0));
    let bad = run(&["field", "uscc", "91110000600037341A"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(json(&bad)["errors"][0]["code"], "uscc.checksum");
    assert!(json(&bad)["errors"][0]["message"].as_str().unwrap().contains("校验位"));
}

/// The GB 11643 check character (ISO 7064 MOD 11-2) of a 17-digit body, worked out here
/// rather than borrowed from the crate so that the test checks the crate.
fn mod11_2(body: &str) -> char {
    let sum: u32 = body.bytes().rev().enumerate().map(|(i, b)| u32::from(b - b'0') * ((1u32 << (i + 1)) % 11)).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

#[test]
fn context_today_is_honoured() {
    let body = "11010520261124002";
    let number = format!("{body}{}", mod11_2(body));
    let before = run(&["field", "resident_id", &number, "--context", r#"{"today":"2026-11-23"}"#], None);
    assert_eq!(json(&before)["errors"][0]["code"], "resident_id.birth_date_future");
    let on_the_day = run(&["field", "resident_id", &number, "--context", r#"{"today":"2026-11-24"}"#], None);
    assert_eq!(on_the_day.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["field", "no_such_field", "x"], None).status.code(), Some(2));
    assert_eq!(run(&["field", "uscc"], None).status.code(), Some(2));
    assert_eq!(run(&["field", "uscc", "x", "--locale", "fr"], None).status.code(), Some(2));
    assert_eq!(run(&["field", "uscc", "x", "--context", "{not json"], None).status.code(), Some(2));
    assert_eq!(run(&["--help"], None).status.code(), Some(0));
}

#[test]
fn batch_answers_every_line_in_order() {
    let input = concat!(
        r#"{"field":"resident_id","value":"11010519491231002X"}"#, "\n",
        "this is not json\n",
        r#"{"field":"uscc","value":"91110000600037341L","context":{"today":"2026-01-01"}}"#, "\n",
        r#"{"field":"nope","value":"1"}"#, "\n",
        "\n",
    );
    let out = run(&["batch", "--locale", "en"], Some(input));
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["errors"][0]["code"], "input.malformed");
    assert_eq!(lines[2]["valid"], true);
    assert_eq!(lines[3]["errors"][0]["code"], "field.unknown");
    assert_eq!(lines[4]["errors"][0]["code"], "input.malformed");
}

#[test]
fn batch_survives_invalid_utf8() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_icp-validate")).arg("batch").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"{\"field\":\"uscc\",\"value\":\"\xff\xfe\"}\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["errors"][0]["code"], "input.invalid_char");
}

/// A baseline colour JPEG (SOF0, three components) of `width`×`height`, padded to `size` bytes.
fn jpeg_file(width: u16, height: u16, size: usize) -> std::path::PathBuf {
    let [h1, h0] = height.to_be_bytes();
    let [w1, w0] = width.to_be_bytes();
    let mut bytes = vec![0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, h1, h0, w1, w0, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
    bytes.extend_from_slice(&[0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]);
    bytes.resize(size - 2, 0);
    bytes.extend_from_slice(&[0xff, 0xd9]);
    let path = std::env::temp_dir().join(format!("icp-cli-{width}x{height}-{}.jpg", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn attachment_reads_the_file_header_and_size() {
    let small = jpeg_file(1280, 720, 150 * 1024);
    let out = run(&["attachment", "entity_certificate", small.to_str().unwrap(), "--locale", "en"], None);
    assert_eq!(out.status.code(), Some(1));
    let body = json(&out);
    assert_eq!(body["format"], "jpeg");
    assert_eq!(body["errors"][0]["code"], "attachment.too_small_dimensions");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("1280×720"));

    let good = jpeg_file(1600, 1200, 150 * 1024);
    let out = run(&["attachment", "entity_certificate", good.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    let missing = run(&["attachment", "entity_certificate", "/nonexistent/icp.png"], None);
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_file(small);
    let _ = std::fs::remove_file(good);
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_documents_exit_status_and_double_dash_on_stdout() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stderr.is_empty());
        let text = String::from_utf8(out.stdout).unwrap();
        for needle in ["exit status", "0    valid", "1    invalid", "2    usage error", "141", "go after '--'", "examples/filings"] {
            assert!(text.contains(needle), "{flag}: {needle:?} missing from\n{text}");
        }
    }
    // No command at all is a usage error, reported on stderr only.
    for args in [&[][..], &["--locale", "en"]] {
        let none = run(args, None);
        assert_eq!(none.status.code(), Some(2), "{args:?}");
        assert!(none.stdout.is_empty());
        assert!(stderr(&none).contains("no command given\nusage:"), "{args:?}");
    }
}

#[test]
fn version_is_the_crate_version_with_the_data_version() {
    let out = run(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    let data = icp_validate::data_version();
    assert!(data.len() >= 7 && data.starts_with("20"), "{data}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("icp-validate {}+data.{data}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn every_generated_table_names_its_source_and_date() {
    let sources = icp_validate::data_sources();
    for d in &sources {
        assert!(!d.source.is_empty(), "{}", d.table);
        assert!(d.date.len() >= 7 && d.date[..4].parse::<u32>().is_ok_and(|y| (1990..2100).contains(&y)), "{}: {}", d.table, d.date);
    }
    assert_eq!(icp_validate::data_version(), sources.iter().map(|d| d.date).max().unwrap());
    let fields = run(&["fields"], None);
    let list: serde_json::Value = serde_json::from_slice(&fields.stdout).unwrap();
    assert!(list.as_array().unwrap().iter().all(|f| f["data_version"] == icp_validate::data_version()));
}

#[test]
fn usage_errors_name_what_is_wrong() {
    let cases: &[(&[&str], &str)] = &[
        (&["frobnicate"], "\"frobnicate\""),
        (&["field", "no_such_field", "x"], "\"no_such_field\""),
        (&["attachment", "no_such_kind", "Cargo.toml"], "\"no_such_kind\""),
        (&["filing", "examples/filings/website.json", "--provider", "bogus"], "\"bogus\""),
        (&["filing", "examples/filings/website.json", "--today", "2026-13-01"], "--today"),
        (&["field", "resident_id", "x", "--context", "[]"], "--context"),
        (&["fields", "extra"], "fields takes no arguments"),
        (&["field", "uscc", "x", "--frob"], "--frob"),
    ];
    for (args, needle) in cases {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(needle) && err.contains("usage:"), "{args:?}: {err}");
    }
}

#[test]
fn unreadable_input_is_one_line_naming_the_file() {
    for args in [&["filing", "no/such/filing.json"][..], &["attachment", "other", "no/such/filing.json"]] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("icp-validate: no/such/filing.json: "), "{err}");
    }
}

#[test]
fn filing_exit_status_and_provider_inside_the_filing() {
    let ok = run(&["filing", "examples/filings/website.json", "--today", "2026-11-23", "--provider", "sinnet"], None);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stdout));
    assert_eq!(json(&ok)["provider"], "sinnet");
    let malformed = run(&["filing", "-"], Some("[1, 2]"));
    assert_eq!(malformed.status.code(), Some(1));
    assert_eq!(json(&malformed)["errors"][0]["code"], "filing.malformed");
    // A bad provider inside the filing is a finding of the report, not a usage error.
    let inside = run(&["filing", "-"], Some(r#"{"provider": "bogus"}"#));
    assert_eq!(inside.status.code(), Some(1));
    assert!(inside.stderr.is_empty());
    assert!(json(&inside)["warnings"].as_array().unwrap().iter().any(|e| e["code"] == "filing.provider_unknown"), "{}", json(&inside));
}

#[test]
fn contexts_and_batch_lines_must_be_objects() {
    let input = concat!(
        r#"["resident_id","11010519491231002X"]"#, "\n",
        r#"{"field":"resident_id","value":"11010519491231002X","context":[]}"#, "\n",
        r#"{"field":"resident_id","value":"11010519491231002X","context":{"today":"2026-11-23"}}"#, "\n",
        r#"{"field":"resident_id","value":"11010519491231002X","context":null}"#, "\n",
    );
    let out = run(&["batch", "--locale", "en"], Some(input));
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    for line in &lines[..2] {
        assert_eq!(line["errors"][0]["code"], "input.malformed", "{line}");
        assert!(line["errors"][0]["message"].as_str().unwrap().contains("JSON object"), "{line}");
    }
    // null is no context, as validateField(field, value, null) in JS.
    assert_eq!((&lines[2]["valid"], &lines[3]["valid"]), (&serde_json::json!(true), &serde_json::json!(true)));
    assert_eq!(run(&["field", "resident_id", "11010519491231002X", "--context", "{}"], None).status.code(), Some(0));
}

#[test]
fn values_starting_with_a_dash_go_after_double_dash() {
    let pem = "-----BEGIN PUBLIC KEY-----";
    assert_eq!(run(&["field", "public_key", pem], None).status.code(), Some(2));
    let out = run(&["field", "public_key", "--", pem], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["field"], "public_key");
    // After `--`, even `--help` is a value.
    let out = run(&["field", "ip", "--locale", "en", "--", "--help"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["field"], "ip");
}

/// Reads the first line, then closes the pipe while the program is still writing.
fn first_line_then_close(args: &[&str], stdin: Option<Vec<u8>>) -> (String, Option<i32>, String) {
    use std::io::{BufRead, BufReader, Read};
    let mut child = spawn(args);
    let mut stdin_pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The program may stop reading once its stdout is gone.
        let _ = stdin_pipe.write_all(&stdin.unwrap_or_default());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    writer.join().unwrap();
    (first, status.code(), err)
}

#[test]
fn closed_stdout_ends_quietly() {
    // docs/FIELDS.md is larger than a pipe buffer, so the write is still pending.
    let (first, code, err) = first_line_then_close(&["fields", "--markdown"], None);
    assert_eq!(first, "# Field reference\n");
    assert_eq!((code, err.as_str()), (Some(141), ""));

    let line = "{\"field\":\"resident_id\",\"value\":\"11010519491231002X\"}\n";
    let (first, code, err) = first_line_then_close(&["batch"], Some(line.repeat(20_000).into_bytes()));
    assert!(first.contains("\"valid\":true"), "{first}");
    assert_eq!((code, err.as_str()), (Some(141), ""));
}
