//! Property tests: generated valid resident IDs and USCCs round-trip as valid, every
//! single-character substitution of a valid check-character code is caught, and every
//! registered field answers any string with a well-formed result (no panic).
//!
//! Case counts are kept small so the suite stays fast on 2 cores; raise them with
//! `PROPTEST_CASES=10000 cargo test --lib internal_tests::properties`.


use icp_validate::checksum::{mod11_2, org_code_check, uscc_check, USCC_ALPHABET};
use icp_validate::catalog::placeholders;
use icp_validate::region::{provinces, region_code_status};
use icp_validate::rules::uscc::DEPARTMENTS;
use icp_validate::{catalog, registry, validate_field, Context, Date, FieldResult, Locale};
use proptest::prelude::*;
use proptest::sample::select;

const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

fn ctx() -> Context {
    Context { today: Some(TODAY), ..Context::default() }
}

/// `cases` unless PROPTEST_CASES is set.
fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c
}

/// A valid 18-character resident ID: a GB/T 2260 county code from the generated table (not
/// Taiwan, Hong Kong or Macao, which no 居民身份证 carries), a real birth date in
/// 1900..=today, any sequence, and the MOD 11-2 check character.
fn resident_id() -> impl Strategy<Value = String> {
    let province_codes: Vec<u8> = provinces().map(|p| p.code).filter(|c| !matches!(c, 71 | 81 | 82)).collect();
    let first = Date { year: 1900, month: 1, day: 1 }.to_days();
    (select(province_codes), 0u32..10_000, first..=TODAY.to_days(), 0u32..1000).prop_map(|(prov, rest, day, seq)| {
        let d = Date::from_days(day);
        // The nearest county code the GB/T 2260 table knows (every province has some).
        let rest = (0..10_000).map(|k| (rest + k) % 10_000).find(|r| region_code_status(&format!("{prov:02}{r:04}")).is_some()).unwrap_or(0);
        let body = format!("{prov:02}{rest:04}{:04}{:02}{:02}{seq:03}", d.year, d.month, d.day);
        let check = mod11_2(body.as_bytes()).expect("17 digits");
        format!("{body}{}", check as char)
    })
}

/// A valid USCC: department and entity type from GB 32100 Table 1, a province region or
/// the national `100000`, an organization code with its GB 11714 check, then MOD 31.
fn uscc() -> impl Strategy<Value = String> {
    let pairs: Vec<(u8, u8)> = DEPARTMENTS.iter().flat_map(|&(d, _, types)| types.iter().map(move |&(t, _)| (d, t))).collect();
    let province_codes: Vec<u8> = provinces().map(|p| p.code).collect();
    let region = prop_oneof![
        (select(province_codes), 0u32..10_000).prop_map(|(p, r)| format!("{p:02}{r:04}")),
        Just("100000".to_owned()),
    ];
    let body_char = select(USCC_ALPHABET.to_vec());
    (select(pairs), region, proptest::collection::vec(body_char, 8)).prop_map(|((d, t), region, org)| {
        let mut code = vec![d, t];
        code.extend_from_slice(region.as_bytes());
        code.extend_from_slice(&org);
        code.push(org_code_check(&org).expect("alphabet chars"));
        code.push(uscc_check(&code).expect("alphabet chars"));
        String::from_utf8(code).expect("ascii")
    })
}

fn assert_valid(field: &str, value: &str, normalized: &str) -> FieldResult {
    let r = validate_field(field, value, &ctx(), Locale::En);
    assert!(r.valid && r.codes().is_empty(), "{field} {value:?}: {:?}", r.codes());
    assert_eq!(r.normalized.as_deref(), Some(normalized));
    r
}

/// Every substitution of one character by another from `alphabet` must be refused.
fn assert_substitutions_caught(field: &str, code: &str, alphabet: &[char]) {
    let chars: Vec<char> = code.chars().collect();
    for i in 0..chars.len() {
        for &c in alphabet.iter().filter(|&&c| c != chars[i]) {
            let mut m = chars.clone();
            m[i] = c;
            let m: String = m.into_iter().collect();
            let r = validate_field(field, &m, &ctx(), Locale::En);
            assert!(!r.valid, "{field}: {code} with character {} -> {c:?} ({m}) accepted", i + 1);
        }
    }
}

/// Full-width digits/letters and grouping spaces, as typed with a Chinese IME.
fn as_typed(code: &str, full_width: bool, group: bool) -> String {
    let mut s = String::new();
    for (i, c) in code.chars().enumerate() {
        if group && i > 0 && i % 6 == 0 {
            s.push(' ');
        }
        s.push(if full_width { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c });
    }
    s
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn resident_id_round_trips(id in resident_id(), fw in any::<bool>(), group in any::<bool>()) {
        let r = assert_valid("resident_id", &id, &id);
        let birth = format!("{}-{}-{}", &id[6..10], &id[10..12], &id[12..14]);
        prop_assert_eq!(r.details["birth_date"].to_string(), birth);
        assert_valid("resident_id", &as_typed(&id.to_ascii_lowercase(), fw, group), &id);
    }

    #[test]
    fn uscc_round_trips(code in uscc(), fw in any::<bool>(), group in any::<bool>()) {
        assert_valid("uscc", &code, &code);
        assert_valid("uscc", &as_typed(&code.to_ascii_lowercase(), fw, group), &code);
    }
}

proptest! {
    // Each case tries 18 x ~40 substitutions.
    #![proptest_config(config(64))]

    #[test]
    fn resident_id_substitutions_caught(id in resident_id()) {
        let alphabet: Vec<char> = "0123456789XAZ*中".chars().collect();
        assert_substitutions_caught("resident_id", &id, &alphabet);
    }

    #[test]
    fn uscc_substitutions_caught(code in uscc()) {
        let alphabet: Vec<char> = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*中".chars().collect();
        assert_substitutions_caught("uscc", &code, &alphabet);
    }
}

/// A valid GB 11714 organization code: 8 body characters and the check character, written
/// with the hyphen the certificates print half of the time.
fn org_code() -> impl Strategy<Value = (String, bool)> {
    let body_char = select(b"0123456789ABCDEFGHJKLMNPQRTUWXY".to_vec());
    (proptest::collection::vec(body_char, 8), any::<bool>()).prop_map(|(body, hyphen)| {
        let check = org_code_check(&body).expect("alphabet chars") as char;
        let body = String::from_utf8(body).expect("ascii");
        (if hyphen { format!("{body}-{check}") } else { format!("{body}{check}") }, hyphen)
    })
}

/// A registrable domain under approved suffixes: one LDH label (no leading or trailing
/// hyphen, no `xn--`), ASCII or Han. Labels are at least 4 ASCII or 3 Han characters: every
/// second-level public suffix under these TLDs is shorter (`bj.cn`, `com.cn`, `网络.cn`,
/// `公司.cn`), and a suffix is not a registrable domain.
fn domain() -> impl Strategy<Value = String> {
    let ldh = "[a-z0-9][a-z0-9-]{2,20}[a-z0-9]".prop_filter("not an A-label prefix", |l| l.get(2..4) != Some("--"));
    let han = proptest::collection::vec(select("云帆科技网络数据中心山峰笔记".chars().collect::<Vec<_>>()), 3..6).prop_map(|v| v.into_iter().collect::<String>());
    let suffix = select(vec!["com", "cn", "com.cn", "net", "org.cn", "中国", "信息", "top", "gov.cn"]);
    (prop_oneof![ldh, han], suffix).prop_map(|(label, suffix)| format!("{label}.{suffix}"))
}

/// An Android applicationId: 2-5 segments, each a letter then letters, digits or `_`,
/// avoiding Java keywords by construction (a trailing digit-free `x` segment prefix).
fn android_package() -> impl Strategy<Value = String> {
    proptest::collection::vec("x[a-z][a-zA-Z0-9_]{0,10}", 2..5).prop_map(|segments| segments.join("."))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn org_code_round_trips((code, _hyphen) in org_code()) {
        let r = validate_field("org_code", &code, &ctx(), Locale::En);
        prop_assert!(r.valid, "{} {:?}", code, r.codes());
    }

    #[test]
    fn domains_round_trip(d in domain()) {
        let r = validate_field("domain", &d, &ctx(), Locale::En);
        prop_assert!(r.valid, "{} {:?}", d, r.codes());
        let a_label = r.normalized.clone().expect("normalized when valid");
        let again = validate_field("domain", &a_label, &ctx(), Locale::En);
        prop_assert_eq!(again.normalized, Some(a_label.clone()));
        // A subdomain of it is refused with the domain to file instead.
        let sub = validate_field("domain", &format!("www.{d}"), &ctx(), Locale::En);
        prop_assert_eq!(sub.codes(), vec!["domain.subdomain"]);
        let www = format!("www.{d}");
        prop_assert!(validate_field("app_domain", &www, &ctx(), Locale::En).valid);
    }

    #[test]
    fn android_packages_round_trip(p in android_package()) {
        let r = validate_field("android_package", &p, &ctx(), Locale::En);
        prop_assert!(r.valid, "{} {:?}", p, r.codes());
        let ctx = Context { platform: Some(icp_validate::context::Platform::Android), ..ctx() };
        prop_assert!(validate_field("app_package", &p, &ctx, Locale::En).valid);
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// GB 11714 values letters A=10 ... Z=35 and checks modulo 11, so a body substitution
    /// between characters whose values agree modulo 11 (0 and B, 1 and C, ...) cannot be
    /// detected by any implementation; every other one must be.
    #[test]
    fn org_code_substitutions_caught((code, hyphen) in org_code()) {
        let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().collect();
        let value = |c: char| c.to_digit(36).unwrap_or(0);
        let chars: Vec<char> = code.chars().collect();
        for i in (0..chars.len()).filter(|&i| chars[i] != '-') {
            let is_body = i < 8;
            for &c in alphabet.iter().filter(|&&c| c != chars[i] && !(is_body && value(c) % 11 == value(chars[i]) % 11)) {
                let mut m = chars.clone();
                m[i] = c;
                let m: String = m.into_iter().collect();
                let r = validate_field("org_code", &m, &ctx(), Locale::En);
                prop_assert!(!r.valid, "org_code {} -> {} accepted (hyphen {})", code, m, hyphen);
            }
        }
    }
}

/// Characters that exercise the shared screening and the rules: digits, check letters,
/// full-width forms, separators, controls, zero-width/bidi, surrogate replacements, CJK.
fn nasty_string() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = vec![
        "0", "1", "9", "X", "x", "A", "Z", "-", " ", ".", "１", "Ｘ", "\u{3000}", "\u{0}", "\n", "\u{200B}", "\u{200D}",
        "\u{202E}", "\u{FEFF}", "\u{FFFD}", "中", "京", "а", "xn--", "é", "\u{301}", "😀", "{", "}", "{length}",
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(select(pieces), 0..64).prop_map(|v| v.concat()),
        (select(vec!["1", "a", "中"]), 0usize..4096).prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// The public result shape: valid iff no errors, normalized only when valid, messages fully
/// rendered, codes in the catalog, no long echo of the input.
fn assert_shape(field: &str, value: &str, r: &FieldResult, locale: Locale) {
    assert_eq!(r.field, field);
    assert_eq!(r.valid, r.errors.is_empty(), "{field} {value:?}");
    assert!(r.valid || r.normalized.is_none());
    for issue in r.errors.iter().chain(&r.warnings) {
        let code = catalog::code(issue.code).unwrap_or_else(|| panic!("{} not in the catalog", issue.code));
        for name in placeholders(code.template(locale)) {
            assert!(issue.params.contains_key(name), "{}: no param for {{{name}}}", issue.code);
        }
        for v in issue.params.values() {
            assert!(v.to_string().chars().count() <= 200, "{field}: {} echoes {} chars", issue.code, v.to_string().len());
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn every_field_answers_any_string(value in nasty_string(), zh in any::<bool>()) {
        let locale = if zh { Locale::ZhCn } else { Locale::En };
        for rule in registry::rules() {
            let r = validate_field(rule.id, &value, &ctx(), locale);
            assert_shape(rule.id, &value, &r, locale);
            if let Some(n) = &r.normalized {
                let again = validate_field(rule.id, n, &ctx(), locale);
                prop_assert!(again.valid, "{}: normalized {:?} invalid", rule.id, n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n));
            }
        }
    }
}
