//! The server example answers a posted filing with the same report as the library.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn post(addr: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").unwrap().1;
    (status, serde_json::from_str(body).unwrap())
}

/// The newest build of an example: `cargo test` builds examples as `examples/<name>-<hash>`,
/// `cargo build --example` as `examples/<name>`.
fn example_binary(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_BIN_EXE_icp-validate")).with_file_name("examples");
    let candidates = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    candidates
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let file = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
            let stem_ok = file == name || file.strip_prefix(name).is_some_and(|rest| rest.starts_with('-') && !rest.contains('.'));
            stem_ok && p.is_file()
        })
        .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
        .unwrap_or_else(|| panic!("no build of examples/{name} in {}: examples are built by `cargo test`", dir.display()))
}

#[test]
fn filing_server_example_validates_posted_filings() {
    let bin = example_binary("filing_server");
    let mut child = Command::new(bin).arg("127.0.0.1:0").stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("listening on http://").expect("address line").to_owned();

    let case: serde_json::Value = serde_json::from_str(include_str!("filings/valid_website.json")).unwrap();
    let filing = case["filing"].to_string();
    let (status, report) = post(&addr, "/filings/validate?locale=en&today=2026-11-23", &filing);
    assert_eq!(status, 200, "{report}");
    let options = icp_validate::Options { today: icp_validate::Date::parse("2026-11-23"), locale: Some("en".into()), ..Default::default() };
    assert_eq!(report, serde_json::to_value(icp_validate::validate_filing_json(&filing, &options)).unwrap());

    let (status, report) = post(&addr, "/filings/validate?provider=nwcd", "{\"entity\": {\"type\": \"individual\"}}");
    assert_eq!(status, 422);
    assert!(report["errors"].as_array().unwrap().iter().any(|e| e["code"] == "filing.individual_not_accepted"));
    let (status, report) = post(&addr, "/filings/validate", "not json");
    assert_eq!((status, report["errors"][0]["code"].as_str()), (422, Some("filing.malformed")));
    child.kill().unwrap();
    let _ = child.wait();
}
