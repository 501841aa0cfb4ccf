//! The server example answers a posted filing with the same report as the library.

use std::io::{Read, Write};
use std::net::TcpStream;

fn post(addr: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").unwrap().1;
    (status, serde_json::from_str(body).unwrap())
}

/// The example's own source: its router is served here on a free port.
#[path = "../examples/filing_server.rs"]
#[allow(dead_code)]
mod filing_server;

#[test]
fn filing_server_example_validates_posted_filings() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap().to_string()).unwrap();
            axum::serve(listener, filing_server::app()).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();

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
}
