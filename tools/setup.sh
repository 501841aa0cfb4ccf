#!/usr/bin/env bash
# Installs what building and testing need, on a fresh Debian machine with rustup, node and
# npm: the wasm32 target, the wasm-bindgen CLI of exactly the version in Cargo.lock,
# Chromium + ChromeDriver + CJK fonts (browser tests), the tools that make the APP test files,
# and the npm packages (tests, wasm-opt).
# Idempotent: a second run only checks.  Usage: tools/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

say() { printf '[setup] %s\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (have: ${have:-none})"
  # --locked: the CLI's own Cargo.lock, not a fresh resolution of its ~200 dependencies.
  # It fails at resolution (seconds) when the registry index lacks a locked version, as a
  # lagging mirror can: then resolve afresh rather than leave the machine without the CLI.
  cargo install wasm-bindgen-cli --version "=$wb_version" --locked --force || {
    say "--locked install failed (see above); retrying with a fresh resolution"
    cargo install wasm-bindgen-cli --version "=$wb_version" --force
  }
fi

# tests/make_app_files.sh signs HarmonyOS HAPs with `hap-sign`, the CLI of the Rust
# `hapsigner` crate (MIT; a Java-free OpenHarmony signer), at exactly this version. --debug:
# half the CPU of its release profile (thin LTO, one codegen unit) to build, and the test
# files take as long to sign.
hapsigner_version=0.2.0
if [ "$(hap-sign --version 2>/dev/null | awk '{print $2}' || true)" != "$hapsigner_version" ]; then
  say "installing hapsigner $hapsigner_version (hap-sign)"
  cargo install hapsigner --version "=$hapsigner_version" --locked --debug --force
fi

apt_pkgs=()
if [ $want_browser = 1 ]; then
  command -v chromium >/dev/null || apt_pkgs+=(chromium)
  command -v chromedriver >/dev/null || apt_pkgs+=(chromium-driver)
  # Screenshots and visual checks of the zh-CN form need CJK glyphs, not boxes.
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || apt_pkgs+=(fonts-noto-cjk)
fi
# tests/app_file.rs makes real APP files with Debian's tools: keys and certificates
# (openssl, keytool from a JDK), a compiled manifest (aapt), aligned and signed APKs
# (zipalign, apksigner), the IPA and HAP shapes (zip, Python's plistlib).
command -v openssl >/dev/null || apt_pkgs+=(openssl)
command -v keytool >/dev/null || apt_pkgs+=(openjdk-17-jdk-headless)
command -v aapt >/dev/null || apt_pkgs+=(aapt)
command -v zipalign >/dev/null || apt_pkgs+=(zipalign)
command -v apksigner >/dev/null || apt_pkgs+=(apksigner)
command -v zip >/dev/null || apt_pkgs+=(zip)
command -v python3 >/dev/null || apt_pkgs+=(python3)
# The Python host's tests run in a venv (tools/python-env.sh); Debian ships venv apart.
python3 -c 'import ensurepip' 2>/dev/null || apt_pkgs+=(python3-venv)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_pkgs[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
fi

if [ -f tests/js/package.json ] && [ ! -d tests/js/node_modules ]; then
  say "installing npm test packages"
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi
say "ready: $(rustc --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), node $(node --version)"
