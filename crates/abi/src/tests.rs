//! The exports called natively as a host calls them (pointers into Rust memory), against the
//! CLI's own functions; the Python host's tests run the built module on the shared corpora.

use super::*;

fn output() -> String {
    let [ptr, len] = unsafe { *icp_reply().cast::<[usize; 2]>() };
    String::from_utf8(unsafe { std::slice::from_raw_parts(ptr as *const u8, len) }.to_vec()).unwrap()
}

const TODAY: i32 = 20261123;

fn field(field: &str, value: &[u8], context: &str) -> (i32, String) {
    let status = icp_validate_field(field.as_ptr(), field.len(), value.as_ptr(), value.len(), context.as_ptr(), context.len(), 1, TODAY);
    (status, output())
}

#[test]
fn a_field_answers_the_cli_bytes_and_is_valid_agrees() {
    let (status, out) = field("resident_id", b"11010519491231002x", "");
    let ctx = icp_validate::Context { today: Date::parse("2026-11-23"), ..Default::default() };
    let expected = json_text(&icp_validate::validate_field("resident_id", "11010519491231002x", &ctx, Locale::En), false).unwrap();
    assert_eq!((status, out), (0, expected));
    let (status, out) = field("resident_id", b"110105194912310021", r#"{"province":"北京"}"#);
    assert_eq!(status, 1);
    assert!(out.contains("resident_id.checksum"), "{out}");
    let v = b"110105194912310021";
    assert_eq!(icp_is_valid(b"resident_id".as_ptr(), 11, v.as_ptr(), v.len(), std::ptr::null(), 0, TODAY), 1);
    let v = b"11010519491231002X";
    assert_eq!(icp_is_valid(b"resident_id".as_ptr(), 11, v.as_ptr(), v.len(), std::ptr::null(), 0, TODAY), 0);
}

#[test]
fn bad_input_gives_typed_errors_never_an_answer() {
    let error = |(status, out): (i32, String)| -> String {
        assert_eq!(status, Status::Error as i32, "{out}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["error"].as_str().unwrap().to_owned()
    };
    assert_eq!(error(field("mobile", b"\xff\xfe", "")), "bad_utf8");
    assert_eq!(error(field("mobile", b"138", "[]")), "bad_context");
    assert_eq!(error(field(&"x".repeat(MAX_NAME_BYTES + 1), b"138", "")), "too_large");
    let v = b"1";
    assert_eq!(error((icp_validate_field(b"mobile".as_ptr(), 6, v.as_ptr(), 1, std::ptr::null(), 0, 7, TODAY), output())), "bad_locale");
    assert_eq!(error((icp_validate_field(b"mobile".as_ptr(), 6, v.as_ptr(), 1, std::ptr::null(), 0, 0, 20261131), output())), "bad_today");
    assert_eq!(error((icp_validate_field(b"mobile".as_ptr(), 6, std::ptr::null(), 5, std::ptr::null(), 0, 0, TODAY), output())), "bad_pointer");
    assert_eq!(error((icp_app_run(0, 0, TODAY), output())), "no_reading");
    let p = b"bogus";
    assert_eq!(error((icp_validate_filing(b"{}".as_ptr(), 2, p.as_ptr(), p.len(), 0, TODAY), output())), "unknown_provider");
}

#[test]
fn a_10_mb_value_is_too_long_whatever_follows_its_judged_prefix() {
    let mut big = "一".repeat(4 << 20).into_bytes();
    let (status, out) = field("website_name", &big, "");
    assert_eq!(status, 1);
    assert!(out.contains("input.too_long"), "{out}");
    // A cut inside a character past the judged bytes is no error; bad UTF-8 inside them is.
    big.truncate(VALUE_JUDGED_BYTES + 1);
    assert_eq!(field("website_name", &big, "").0, 1);
    big[10] = 0xff;
    assert_eq!(field("website_name", &big, "").0, Status::Error as i32);
}

#[test]
fn a_batch_chunk_is_the_cli_output_of_its_lines() {
    let chunk = b"{\"field\":\"mobile\",\"value\":\"13800138000\"}\nnope\n";
    let status = icp_batch(chunk.as_ptr(), chunk.len(), 0, TODAY);
    let mut expected = Vec::new();
    let valid = wire::batch_chunk(chunk, Locale::ZhCn, Date::parse("2026-11-23"), &mut expected);
    assert!(!valid);
    assert_eq!((status, output().into_bytes()), (1, expected));
}

#[test]
fn the_scratch_grows_and_alloc_answers_zero_when_it_cannot() {
    let small = icp_scratch(10);
    assert!(!small.is_null());
    assert_eq!(icp_scratch(100), small);
    assert!(!icp_scratch(1 << 20).is_null());
    assert!(icp_alloc(usize::MAX - 4).is_null());
    let p = icp_alloc(0);
    assert!(!p.is_null());
    unsafe { icp_free(p, 0) };
}

#[test]
fn an_app_file_is_read_in_rounds_to_the_cli_answer() {
    // A ZIP whose end record sits 200 KB past its first bytes: the reader asks for both.
    let mut file = b"PK\x03\x04".to_vec();
    file.resize(200_000, 0);
    file.extend_from_slice(b"PK\x05\x06");
    file.resize(file.len() + 18, 0);
    assert_eq!(icp_app_begin(file.len() as i64), 0);
    let mut rounds = 0;
    let status = loop {
        rounds += 1;
        match icp_app_run(0, 1, TODAY) {
            2 => {
                let need: serde_json::Value = serde_json::from_str(&output()).unwrap();
                for r in need["need"].as_array().unwrap() {
                    let (o, n) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
                    assert_eq!(icp_app_add(o as i64, file[o..o + n].as_ptr(), n), 0);
                }
            }
            s => break s,
        }
    };
    assert!(rounds > 1);
    let whole = icp_validate::app_file::read(&file, Date::parse("2026-11-23").unwrap());
    let (json, valid) = wire::app_info_json(whole, Locale::En).unwrap();
    assert_eq!((status, output()), (i32::from(!valid), json_text(&json, true).unwrap()));
}
