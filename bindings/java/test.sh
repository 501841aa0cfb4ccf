#!/usr/bin/env bash
# The JVM host's tests: JUnit 5 under Maven Surefire over the shared corpus (tests/vectors,
# tests/baseline, tests/filings, examples/filings), byte for byte against the native CLI, plus
# the Bean Validation constraints under Hibernate Validator. Builds what it needs: the core
# module (tools/build-core.sh), the native CLI, then every Maven module (dependencies come from
# Maven Central on first use; ~/.m2 keeps them).  Usage: bindings/java/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v mvn >/dev/null || { apt-get update -qq && apt-get install -y -qq maven >/dev/null; }
tools/build-core.sh --quiet
cargo build --quiet --bin icp-validate
start=$(date +%s)
status=0
mvn -B -q -Dstyle.color=never -f bindings/java/pom.xml install || status=$?
# Surefire's counts (-q hides its summary), as one closing line.
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
t = f = e = s = 0
for p in glob.glob("bindings/java/*/target/surefire-reports/TEST-*.xml"):
    r = ET.parse(p).getroot()
    t += int(r.get("tests")); f += int(r.get("failures")); e += int(r.get("errors")); s += int(r.get("skipped"))
print(f"java: {t - f - e - s} passed, {f + e} failed, {s} skipped")
PY
echo "java: maven install and tests took $(( $(date +%s) - start ))s"
exit $status
