//! Every CLI command line in the README's ```sh blocks runs as written, with the built binary
//! first on PATH, and exits as its comment says ("exit 1"; no exit named means 0).
use std::path::Path;
use std::process::{Command, Stdio};

/// Set-up commands the README shows that this test does not run (they build or serve).
const NOT_RUN: &[&str] = &["tools/demo.sh", "tools/test.sh", "cargo install --path crates/cli"];

/// Commands the README shows that other scripts run as written, with the script: the server
/// hosts' lines once the hosts are built (tools/readme-hosts.sh, from tools/test.sh), the
/// esbuild lines in the compatibility matrix (tests/compat/run.mjs reads them from the README).
const RUN_ELSEWHERE: &[(&str, &str)] = &[
    ("tools/host.sh ", "tools/readme-hosts.sh"),
    ("tools/build-core.sh", "tools/readme-hosts.sh"),
    ("mvn ", "tools/readme-hosts.sh"),
    ("spark-submit ", "tools/readme-hosts.sh"),
    ("node_modules/.bin/esbuild ", "tests/compat/run.mjs"),
    ("cp -r node_modules/icp-validate/web ", "tests/compat/run.mjs"),
];

/// The lines of ```sh blocks, without blank and comment-only lines.
fn sh_lines(markdown: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut in_sh = None;
    for line in markdown.lines() {
        if let Some(lang) = line.trim_start().strip_prefix("```") {
            in_sh = match in_sh {
                None => Some(lang.trim() == "sh"),
                Some(_) => None,
            };
        } else if in_sh == Some(true) && !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            lines.push(line.trim());
        }
    }
    lines
}

fn expected_status(line: &str) -> i32 {
    let comment = line.split_once(" # ").map_or("", |(_, c)| c);
    comment.split("exit ").nth(1).and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next()).and_then(|n| n.parse().ok()).unwrap_or(0)
}

#[test]
fn readme_cli_commands_run_as_written() {
    // The repository root, two levels above this crate.
    let root = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_icp-validate"));
    // Commands may write files (`> filing.schema.json`): run them in a scratch directory that
    // sees the repository's examples/ at the same relative path.
    let scratch = std::env::temp_dir().join(format!("icp-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    std::os::unix::fs::symlink(root.join("examples"), scratch.join("examples")).unwrap();
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());

    let mut ran = 0;
    for line in sh_lines(&readme) {
        let command = line.split(" # ").next().unwrap().trim();
        if NOT_RUN.contains(&command) {
            continue;
        }
        if let Some((prefix, runner)) = RUN_ELSEWHERE.iter().find(|(prefix, _)| command.starts_with(prefix)) {
            let script = std::fs::read_to_string(root.join(runner)).unwrap_or_else(|e| panic!("{runner}: {e}"));
            let program = prefix.split(['/', ' ']).filter(|w| !w.is_empty()).last().unwrap();
            assert!(script.contains(program), "{runner} is said to run {line:?} but never names {program}");
            continue;
        }
        assert!(command.starts_with("icp-validate "), "README shows {line:?}: run it here or list it in NOT_RUN");
        let out = Command::new("sh").arg("-c").arg(line).current_dir(&scratch).env("PATH", &path).stdin(Stdio::null()).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(expected_status(line)), "{line}\n{stderr}");
        assert!(stderr.is_empty(), "{line}: {stderr}");
        ran += 1;
    }
    // The example filings' commands, among others: a parser that finds nothing must fail.
    assert!(ran >= 10, "only {ran} CLI lines found in README.md");
    assert!(scratch.join("filing.schema.json").metadata().unwrap().len() > 1000);
    std::fs::remove_dir_all(&scratch).unwrap();
}

