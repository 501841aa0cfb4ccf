#!/usr/bin/env bash
# The APP files the tests read, made by Debian's own tools (tools/setup.sh installs them), for
# tests/app_file.rs and the JS tests (tests/js/app-file*.mjs) alike: `openssl` and `keytool`
# make keys and certificates, `aapt` compiles a manifest, `zipalign` and `apksigner` sign APKs
# with each scheme, `openssl cms` signs a provisioning profile, `zip` and Python's plistlib
# build the IPA; `hap-sign` (the CLI of the Rust crate hapsigner, tools/setup.sh) signs HarmonyOS
# profiles and HAPs, `zip` packs signed HAPs into `.app`s. Expected values are for the tests
# to ask the same tools.
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
# HarmonyOS: an unsigned HAP, HAPs signed by `hap-sign` (the CLI of the Rust crate `hapsigner`) with an
# OpenHarmony-shaped PKI made by openssl (root CA, sub-CA, ECDSA P-256 and RSA leaves, a
# profile signer), and `.app` packs built around signed HAPs (the signer signs HAPs only).
module_json() { # dir bundle module type
  mkdir -p "$1/ets"
  printf '{"app":{"bundleName":"%s","versionCode":1},"module":{"name":"%s","type":"%s"}}' "$2" "$3" "$4" > "$1/module.json"
  # Code signing covers .abc and .so files: one to sign.
  printf 'abc bytecode stand-in %s\n' "$3" > "$1/ets/modules.abc"
}
module_json hap com.example.filing.harmony entry entry
(cd hap && zip -q -r ../entry.hap module.json ets)
module_json hap_feature com.example.filing.harmony feature feature
(cd hap_feature && zip -q -r ../feature.hap module.json ets)
ca_ext=$(mktemp) leaf_ext=$(mktemp)
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' > "$ca_ext"
printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n' > "$leaf_ext"
ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }
issue() { # name subject issuer extfile days
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days "$5" -extfile "$4" -out "$1.pem" 2>/dev/null
}
keystore() { openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -name "$1" -passout pass:harmony -out "$1.p12"; }
ec_key hm_root
openssl req -x509 -new -key hm_root.key -subj "/C=CN/O=Example/CN=Example Harmony Root CA" -days 3650 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -out hm_root.pem
ec_key hm_sub && issue hm_sub "/C=CN/O=Example/CN=Example Harmony Sub CA" hm_root "$ca_ext" 3650
ec_key hm_ec && issue hm_ec "/C=CN/O=Example/OU=Release/CN=Example Harmony Release" hm_sub "$leaf_ext" 365
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out hm_rsa.key 2>/dev/null
issue hm_rsa "/C=CN/O=Example/OU=Release/CN=Example Harmony RSA Release" hm_sub "$leaf_ext" 365
ec_key hm_debug && issue hm_debug "/C=CN/O=Example/OU=Debug/CN=Example Harmony Debug" hm_sub "$leaf_ext" 365
ec_key hm_profile && issue hm_profile "/C=CN/O=Example/CN=Example Harmony Profile Signer" hm_root "$leaf_ext" 365
rm -f "$ca_ext" "$leaf_ext" ./*.csr
for k in hm_ec hm_rsa hm_debug hm_profile; do keystore $k; done
for k in hm_ec hm_rsa hm_debug; do cat $k.pem hm_sub.pem hm_root.pem > $k.chain.pem; done
cat hm_profile.pem hm_root.pem > hm_profile.chain.pem
# Profiles as OpenHarmony's templates shape them (UnsgnedReleasedProfileTemplate.json).
python3 - <<'PY'
import json, time, uuid
now = int(time.time())
def profile(name, kind, cert, bundle):
    info = {"developer-id": "Example", "bundle-name": bundle, "apl": "normal", "app-feature": "hos_normal_app",
            ("development-certificate" if kind == "debug" else "distribution-certificate"): open(cert).read()}
    p = {"version-name": "2.0.0", "version-code": 2, "uuid": str(uuid.uuid4()), "type": kind,
         "validity": {"not-before": now - 300, "not-after": now + 365 * 86400}, "bundle-info": info, "issuer": "pki_internal"}
    if kind == "debug":
        p["debug-info"] = {"device-ids": ["*"], "device-id-type": "udid"}
    open(name, "w").write(json.dumps(p))
profile("profile_release.json", "release", "hm_ec.pem", "com.example.filing.harmony")
profile("profile_rsa.json", "release", "hm_rsa.pem", "com.example.filing.harmony")
profile("profile_debug.json", "debug", "hm_debug.pem", "com.example.filing.harmony")
profile("profile_other_bundle.json", "release", "hm_ec.pem", "com.example.other")
PY
export HAPSIGNER_STORE_PASSWORD=harmony HAPSIGNER_KEY_PASSWORD=harmony
for p in release rsa debug other_bundle; do
  hap-sign sign-profile profile_$p.json --output profile_$p.p7b --keystore hm_profile.p12 --certificate hm_profile.chain.pem --key-alias hm_profile >/dev/null
done
hap_sign() { # out key profile [hap-sign flags]
  local out=$1 key=$2 profile=$3; shift 3
  local alg=SHA256withECDSA; [ "$key" = hm_rsa ] && alg=SHA256withRSA/PSS
  hap-sign sign-app "${in:-entry.hap}" --output "$out" --keystore $key.p12 --certificate $key.chain.pem --key-alias $key \
    --profile "$profile" --sign-alg "$alg" --force "$@" >/dev/null
}
hap_sign hap_v3.hap hm_ec profile_release.p7b
hap_sign hap_v3_no_code.hap hm_ec profile_release.p7b --no-code-signing
hap_sign hap_v2.hap hm_ec profile_release.p7b --compatible-version 7 --no-code-signing
hap_sign hap_rsa.hap hm_rsa profile_rsa.p7b
hap_sign hap_debug.hap hm_debug profile_debug.p7b
hap_sign hap_raw_profile.hap hm_ec profile_release.json --profile-signed 0
hap_sign hap_profile_other_cert.hap hm_ec profile_rsa.p7b
hap_sign hap_profile_other_bundle.hap hm_ec profile_other_bundle.p7b
in=feature.hap hap_sign feature_ec.hap hm_ec profile_release.p7b
in=feature.hap hap_sign feature_rsa.hap hm_rsa profile_rsa.p7b
# The same signed HAP with its signature's certificate set root first (a SET OF has no
# order; signers that sort it put the root first): the SignerInfo still names the leaf. The
# set is outside what is signed, so the HAP stays valid.
python3 - hap_v3.hap hap_root_first.hap <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
eocd = data.rindex(b"PK\x05\x06")
cd = struct.unpack_from("<I", data, eocd + 16)[0]
count, size = struct.unpack_from("<IQ", data, cd - 32)
start = cd - size
def tlv(at):
    n = data[at + 1]
    if n < 0x80:
        return at + 2, n
    k = n & 0x7f
    return at + 2 + k, int.from_bytes(data[at + 2:at + 2 + k], "big")
def children(at, end):
    while at < end:
        body, n = tlv(at)
        yield at, body, body + n
        at = body + n
for i in range(count):
    kind, length, offset = struct.unpack_from("<III", data, start + 12 * i)
    if kind == 0x20000000:
        at = start + offset
        body, n = tlv(at)                                   # ContentInfo
        _, explicit = [c for c in children(body, body + n)][:2]
        sd_body, sd_n = tlv(explicit[1])                    # SignedData
        items = list(children(sd_body, sd_body + sd_n))
        certs_at, certs_body, certs_end = next(c for c in items if data[c[0]] == 0xa0)
        certs = [bytes(data[a:e]) for a, _, e in children(certs_body, certs_end)]
        assert len(certs) == 3, len(certs)
        data[certs_body:certs_end] = b"".join(reversed(certs))
open(sys.argv[2], "wb").write(data)
PY
# The signature sub-block's length pointing past the block (a damaged or cut signing block).
python3 - hap_v3.hap hap_truncated_block.hap <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
eocd = data.rindex(b"PK\x05\x06")
cd = struct.unpack_from("<I", data, eocd + 16)[0]
count, size = struct.unpack_from("<IQ", data, cd - 32)
start = cd - size
for i in range(count):
    kind, length, offset = struct.unpack_from("<III", data, start + 12 * i)
    if kind == 0x20000000:
        struct.pack_into("<I", data, start + 12 * i + 4, length + 100000)
open(sys.argv[2], "wb").write(data)
PY
# App Packs: pack.info names the entry module; the feature HAP comes first in the archive.
pack_info() { # dir
  mkdir -p "$1"
  printf '%s' '{"summary":{"app":{"bundleName":"com.example.filing.harmony","version":{"code":1}}},"packages":[{"name":"feature-default","moduleType":"feature","deviceType":["phone"]},{"name":"entry-default","moduleType":"entry","deviceType":["phone"]}]}' > "$1/pack.info"
}
pack_info harmony_app
cp feature_ec.hap harmony_app/feature-default.hap && cp hap_v3.hap harmony_app/entry-default.hap
(cd harmony_app && zip -q -0 ../filing.app feature-default.hap entry-default.hap pack.info && zip -q -9 ../filing_deflated.app feature-default.hap entry-default.hap pack.info)
cp feature_rsa.hap harmony_app/feature-default.hap
(cd harmony_app && zip -q -0 ../mixed.app feature-default.hap entry-default.hap pack.info)
pack_info unsigned_app
cp entry.hap unsigned_app/entry-default.hap && cp feature.hap unsigned_app/feature-default.hap
(cd unsigned_app && zip -q -0 ../unsigned.app feature-default.hap entry-default.hap pack.info)
# A chain: a CA and a leaf it issued, as PEM.
openssl_key ca "/CN=Example Root CA/O=Example/C=CN" 3650
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=Example Harmony Release/O=Example/C=CN" 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out leaf.pem 2>/dev/null
cat leaf.pem ca.pem > chain.pem
