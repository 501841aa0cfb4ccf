#!/usr/bin/env bash
# The Go module's tests (called by tools/test.sh): the committed core .wasm is the bytes a
# fresh tools/build-core.sh gives; go vet; go test (the shared vectors, the baseline corpus,
# the sample filings, attachments and APP files against the native command line, byte for
# byte; the command's stdout and exit statuses); the concurrency tests under -race; the
# command through tools/host.sh go; under CI=true, a fuzz smoke of each target.
# go fetches wazero through the module proxy itself (go.sum pins it).
# Usage: bindings/go/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
say() { printf '[go %ss] %s\n' "$SECONDS" "$*"; }
command -v go >/dev/null || { echo "bindings/go/test.sh: needs Go 1.25 or later on PATH" >&2; exit 1; }

say "core module: the committed bindings/go/icp_validate_core.wasm is a fresh build's bytes"
tools/build-core.sh --quiet
if ! cmp -s target/core/icp_validate_core.wasm bindings/go/icp_validate_core.wasm; then
  echo "bindings/go/icp_validate_core.wasm differs from a fresh tools/build-core.sh build;" >&2
  echo "commit the new one: cp target/core/icp_validate_core.wasm bindings/go/" >&2
  exit 1
fi

cargo build --quiet --bin icp-validate
export ICP_VALIDATE_NATIVE="$root/target/debug/icp-validate"

cd bindings/go
say "go vet, go test"
go vet ./...
go test -count=1 ./...
say "go test -race (concurrent callers, Close during calls, errors)"
go test -count=1 -race -run 'Concurrent|Close|Errors' .

if [ "${CI:-}" = true ]; then
  for target in FuzzValidateField FuzzValidateFiling; do
    say "fuzz smoke: $target (10 s)"
    out=$(go test -run '^$' -fuzz "^$target\$" -fuzztime 10s . 2>&1) || { echo "$out" >&2; exit 1; }
    echo "$out" | tail -3
    grep -q 'execs: [1-9]' <<<"$out" || { echo "fuzz smoke $target: no input was run" >&2; exit 1; }
  done
fi
cd "$root"

say "tools/host.sh go batch / filing: the native command line's bytes and exit statuses"
compare() { # compare STDIN_FILE ARGS...: stdout and exit status of both
  local input=$1; shift
  local want got
  want=$("$ICP_VALIDATE_NATIVE" "$@" < "$input"; echo "exit $?")
  got=$(tools/host.sh go "$@" < "$input"; echo "exit $?")
  [ "$want" = "$got" ] || { echo "tools/host.sh go $* < $input: differs from the native command line" >&2; exit 1; }
}
compare examples/requests.jsonl batch --locale en
compare tests/baseline/fields.jsonl batch --locale en
for f in examples/filings/*.json; do compare "$f" filing - --today 2026-11-30 --locale en; done
say "ok"
