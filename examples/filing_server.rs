//! A filing-validation endpoint with axum, reusing the crate exactly as the browser does:
//!
//! ```text
//! cargo run --example filing_server -- 127.0.0.1:8787
//! curl -X POST --data-binary @tests/filings/valid_website.json 'http://127.0.0.1:8787/filings/validate?locale=en'
//! ```
//! `POST /filings/validate?provider=&locale=&today=` with a filing JSON body answers the
//! report JSON: 200 when valid, 422 when not. Prints `listening on http://ADDR` once bound.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use icp_validate::wire::{filing_report, FILING_READ_LIMIT};
use icp_validate::Options;

#[derive(serde::Deserialize)]
struct Params {
    provider: Option<String>,
    locale: Option<String>,
    today: Option<String>,
}

async fn validate(Query(params): Query<Params>, body: Bytes) -> impl IntoResponse {
    let options = Options { provider: params.provider, today: params.today.as_deref().and_then(icp_validate::Date::parse), locale: params.locale };
    // The CLI's reading of the bytes: a body that is not UTF-8 is a malformed filing.
    let report = filing_report(&body, &options);
    let status = if report.valid { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let json = serde_json::to_string(&report).unwrap_or_else(|_| "{}".to_owned());
    (status, [(header::CONTENT_TYPE, "application/json; charset=utf-8")], json)
}

/// The routes (tests/examples.rs serves this same router).
pub fn app() -> Router {
    // One byte over the crate's own limit, so oversized filings get its clear error.
    Router::new().route("/filings/validate", post(validate)).layer(DefaultBodyLimit::max(FILING_READ_LIMIT))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8787".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app()).await
}
