#!/usr/bin/env bash
# Runs the README's server-host commands as written (the lines of its code blocks that start with
# tools/host.sh, tools/build-core.sh, mvn or spark-submit), from the repository root, and checks
# each exit status against its comment ("exit 1"; none named: 0). crates/cli/tests/readme.rs runs the CLI
# lines; tools/test.sh calls this once the hosts are built. spark-submit needs a Spark
# distribution (e.g. PyPI pyspark): without one on PATH its line is reported, not run.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=0 ran=0
while IFS= read -r line; do
  command=${line%% # *}
  comment=""; [ "$command" != "$line" ] && comment=${line#* # }
  want=0; [[ $comment =~ exit\ ([0-9]+) ]] && want=${BASH_REMATCH[1]}
  if [[ $command == spark-submit* ]] && ! command -v spark-submit >/dev/null; then
    echo "readme: not run here (no spark-submit on PATH): $command"
    continue
  fi
  status=0
  bash -c "$command" < /dev/null > /dev/null || status=$?
  ran=$((ran + 1))
  if [ "$status" != "$want" ]; then
    echo "readme: exit $status, the README says $want: $command" >&2
    failed=1
  fi
done < <(awk '/^```/ { fenced = !fenced; next } fenced && /^(tools\/host\.sh |tools\/build-core\.sh|mvn |spark-submit )/' README.md)
[ "$ran" -ge 4 ] || { echo "readme: only $ran host commands found in README.md" >&2; exit 1; }
echo "readme: $ran server-host commands ran as written"
exit $failed
