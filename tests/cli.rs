//! The CLI contract: JSON on stdout, exit 0 valid / 1 invalid / 2 usage error.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_icp-validate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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

#[test]
fn context_today_is_honoured() {
    let body = "11010520261124002";
    let number = format!("{body}{}", icp_validate::checksum::mod11_2(body.as_bytes()).unwrap() as char);
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
