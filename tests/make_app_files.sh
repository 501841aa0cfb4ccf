#!/usr/bin/env bash
# The APP files the tests read, made by Debian's own tools (tools/setup.sh installs them), for
# tests/app_file.rs and the JS tests (tests/js/app-file*.mjs) alike: `openssl` and `keytool`
# make keys and certificates, `aapt` compiles a manifest, `zipalign` and `apksigner` sign APKs
# with each scheme, `openssl cms` signs a provisioning profile, `zip` and Python's plistlib
# build the IPA and HarmonyOS shapes. Expected values are for the tests to ask the same tools.
# Usage: tests/make_app_files.sh DIR            the small files, in DIR (made anew)
#        tests/make_app_files.sh --large MB DIR  large.apk alone: a stored random asset of MB
#                                                megabytes, signed v1+v2+v3 by alpha's key
set -euo pipefail
large_mb=
if [ "${1:-}" = "--large" ]; then large_mb=$2; shift 2; fi
dir=${1:?usage: tests/make_app_files.sh [--large MB] DIR}

# A key and self-signed certificate by openssl, with the PKCS#8 key apksigner takes.
openssl_key() { # name subject days
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -subj "$2" -days "$3" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$1.key" -outform DER -out "$1.pk8"
}
signer() { echo --key "$1.pk8" --cert "$1.pem"; }
# apksigner sign, without v4 (a separate .idsig file), of aligned.apk.
sign() { # out, then apksigner flags
  local out=$1; shift
  apksigner sign --v4-signing-enabled false "$@" --out "$out" aligned.apk
}
only() { echo --v1-signing-enabled "$1" --v2-signing-enabled "$2" --v3-signing-enabled "$3"; }
manifest() {
  printf '%s\n' '<?xml version="1.0" encoding="utf-8"?>' \
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.filing">' \
    '  <application/>' '</manifest>' > AndroidManifest.xml
}

if [ -n "$large_mb" ]; then
  mkdir -p "$dir" && cd "$dir"
  [ -f alpha.pk8 ] || openssl_key alpha "/C=CN/O=Example/CN=Alpha Release" 3650
  manifest
  rm -rf large-assets && mkdir -p large-assets
  # Random bytes do not compress: stored or deflated, the asset is as large as asked.
  head -c "$((large_mb << 20))" /dev/urandom > large-assets/payload.bin
  aapt package -f -0 bin -M AndroidManifest.xml -A large-assets -F large-unsigned.apk
  zipalign -f 4 large-unsigned.apk aligned.apk
  # shellcheck disable=SC2046
  sign large.apk $(only true true true) $(signer alpha)
  rm -rf large-assets large-unsigned.apk aligned.apk
  exit 0
fi

rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
openssl_key alpha "/C=CN/O=Example/CN=Alpha Release" 3650
openssl_key beta "/C=CN/O=Example/CN=Beta Release" 3650
# The debug keystore as Android Studio makes it, by keytool.
keytool -genkeypair -keystore debug.p12 -storetype PKCS12 -alias androiddebugkey -storepass android -keypass android \
  -keyalg RSA -keysize 2048 -validity 10000 -dname "CN=Android Debug,O=Android,C=US" -noprompt 2>/dev/null
manifest
aapt package -f -M AndroidManifest.xml -F unsigned.apk
zipalign -f 4 unsigned.apk aligned.apk
# shellcheck disable=SC2046
{
  sign v1.apk $(only true false false) $(signer alpha)
  sign v2.apk $(only false true false) --min-sdk-version 24 $(signer alpha)
  sign v123.apk $(only true true true) $(signer alpha)
  sign debug.apk --ks debug.p12 --ks-pass pass:android
  sign two.apk $(only true true false) $(signer alpha) --next-signer $(signer beta)
  # Key rotation: alpha's lineage to beta (APK Signature Scheme v3 proof-of-rotation).
  apksigner rotate --out rotation.lineage --old-signer $(signer alpha) --new-signer $(signer beta)
  sign rotated.apk --lineage rotation.lineage $(signer alpha) --next-signer $(signer beta)
}

# The IPA (binary Info.plist, CMS-signed XML profile), the HarmonyOS HAP and APP shapes, and
# standalone certificates.
openssl_key apple_dev "/UID=ABCDE12345/CN=Apple Distribution: Example Ltd (ABCDE12345)/OU=ABCDE12345/O=Example Ltd/C=CN" 365
openssl_key profile_signer "/CN=Profile Signer/O=Example/C=CN" 365
openssl x509 -in apple_dev.pem -outform DER -out apple_dev.cer
python3 - <<'PY'
import plistlib
der = open("apple_dev.cer", "rb").read()
open("Info.plist", "wb").write(plistlib.dumps({"CFBundleIdentifier": "com.example.filing.ios", "CFBundleName": "Filing"}, fmt=plistlib.FMT_BINARY))
profile = {"AppIDName": "Filing", "DeveloperCertificates": [der], "Entitlements": {"application-identifier": "ABCDE12345.com.example.filing.ios"}, "TeamIdentifier": ["ABCDE12345"]}
open("profile.plist", "wb").write(plistlib.dumps(profile, fmt=plistlib.FMT_XML))
PY
openssl cms -sign -in profile.plist -signer profile_signer.pem -inkey profile_signer.key -outform DER -nodetach -binary -out embedded.mobileprovision
mkdir -p ipa/Payload/Filing.app
cp Info.plist embedded.mobileprovision ipa/Payload/Filing.app/
(cd ipa && zip -q -r ../app.ipa Payload)
mkdir -p hap
printf '%s' '{"app":{"bundleName":"com.example.filing.harmony","versionCode":1},"module":{"name":"entry","type":"entry"}}' > hap/module.json
(cd hap && zip -q ../entry.hap module.json)
mkdir -p harmony_app
printf '%s' '{"summary":{"app":{"bundleName":"com.example.filing.harmony","version":{"code":1}}},"packages":[]}' > harmony_app/pack.info
cp entry.hap harmony_app/entry-default.hap
(cd harmony_app && zip -q -0 ../filing.app pack.info entry-default.hap)
# A chain: a CA and a leaf it issued, as PEM.
openssl_key ca "/CN=Example Root CA/O=Example/C=CN" 3650
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=Example Harmony Release/O=Example/C=CN" 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out leaf.pem 2>/dev/null
cat leaf.pem ca.pem > chain.pem
