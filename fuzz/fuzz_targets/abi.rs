//! The core module (target/core/icp_validate_core.wasm, tools/build-core.sh) driven through its
//! ABI as a host drives it (docs/ABI.md), on the wasmi interpreter: any argument, length,
//! locale, date or APP file gives a status 0..=3 and JSON output (an error object for 3),
//! never a trap, in bounded fuel. One instance serves every input, as a host's pool would.
//!
//! Input: byte 0 the operation, byte 1 the locale id (2 is no locale), bytes 2..6 today
//! (a real date unless byte 2 has its top bit), then the arguments separated by 0x1F.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use wasmi::{Config, Engine, Instance, Linker, Memory, Module, Store, WasmParams, WasmResults};

const CORE: &[u8] = include_bytes!("../../target/core/icp_validate_core.wasm");
/// Far above what any call needs (a 4 MiB filing); running out is a hang.
const FUEL: u64 = 50_000_000_000;
const FIELDS: &[&str] = &["resident_id", "uscc", "mobile", "phone", "domain", "app_domain", "email", "public_key", "certificate", "app_package", "website_name", "id_validity", "icp_record_number", "md5", "ip"];
const KINDS: &[&str] = &["entity_certificate", "person_certificate", "verification_photo", "app_icon", "domain_certificate", "authenticity_form", "other"];

struct Host {
    store: Store<()>,
    instance: Instance,
    memory: Memory,
    reply: usize,
}

impl Host {
    fn new() -> Host {
        let mut config = Config::default();
        config.consume_fuel(true);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, CORE).expect("the core module compiles");
        assert_eq!(module.imports().count(), 0, "the core module imports nothing");
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate_and_start(&mut store, &module).expect("instantiates with no imports");
        let memory = instance.get_memory(&store, "memory").expect("memory export");
        let mut host = Host { store, instance, memory, reply: 0 };
        assert_eq!(host.call::<(), i32>("icp_abi_version", ()), 1);
        host.reply = host.call::<(), i32>("icp_reply", ()) as u32 as usize;
        host
    }

    fn call<P: WasmParams, R: WasmResults>(&mut self, name: &str, params: P) -> R {
        self.store.set_fuel(FUEL).unwrap();
        let f = self.instance.get_typed_func::<P, R>(&self.store, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        f.call(&mut self.store, params).unwrap_or_else(|e| panic!("{name} trapped: {e}"))
    }

    /// Writes the parts one after another into the scratch buffer.
    fn put(&mut self, parts: &[&[u8]]) -> Vec<(i32, i32)> {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        let mut at = self.call::<i32, i32>("icp_scratch", total as i32) as u32 as usize;
        assert_ne!(at, 0, "scratch of {total} bytes");
        parts
            .iter()
            .map(|p| {
                self.memory.write(&mut self.store, at, p).unwrap();
                at += p.len();
                ((at - p.len()) as i32, p.len() as i32)
            })
            .collect()
    }

    fn output(&mut self) -> Vec<u8> {
        let mut block = [0u8; 8];
        self.memory.read(&self.store, self.reply, &mut block).unwrap();
        let ptr = u32::from_le_bytes(block[..4].try_into().unwrap()) as usize;
        let len = u32::from_le_bytes(block[4..].try_into().unwrap()) as usize;
        let mut out = vec![0; len];
        self.memory.read(&self.store, ptr, &mut out).unwrap();
        out
    }

    /// A status and its output as docs/ABI.md says: one JSON document.
    fn check(&mut self, status: i32) -> Vec<u8> {
        self.check_as(status, false)
    }

    /// `lines`: JSON lines (a batch's answer), one document each.
    fn check_as(&mut self, status: i32, lines: bool) -> Vec<u8> {
        assert!((0..=3).contains(&status), "status {status}");
        let out = self.output();
        let text = std::str::from_utf8(&out).expect("output is UTF-8");
        let docs: Vec<&str> = if lines && status != 3 { text.lines().collect() } else { vec![text] };
        for line in docs {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line:.200}"));
            if status == 3 {
                assert!(v["error"].is_string() && v["message"].is_string(), "{line}");
            }
        }
        out
    }
}

static HOST: Mutex<Option<Host>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let mut guard = HOST.lock().unwrap_or_else(|e| e.into_inner());
    let h = guard.get_or_insert_with(Host::new);
    let op = data[0] % 8;
    let locale = i32::from(data[1] % 3);
    let today = if data[2] & 0x80 != 0 { i32::from_le_bytes(data[2..6].try_into().unwrap()) } else { 20261123 };
    let rest = &data[6..];
    let parts: Vec<&[u8]> = rest.splitn(4, |&b| b == 0x1f).collect();
    let part = |i: usize| parts.get(i).copied().unwrap_or(b"");
    // A one-byte field or kind picks a known one, so the rules run, not only `field.unknown`.
    let named = |p: &[u8], names: &[&'static str]| -> Vec<u8> { if p.len() == 1 { names[p[0] as usize % names.len()].as_bytes().to_vec() } else { p.to_vec() } };
    match op {
        0 | 1 => {
            let field = named(part(0), FIELDS);
            let args = h.put(&[&field, part(1), part(2)]);
            let (f, v, c) = (args[0], args[1], args[2]);
            if op == 0 {
                let status = h.call::<(i32, i32, i32, i32, i32, i32, i32, i32), i32>("icp_validate_field", (f.0, f.1, v.0, v.1, c.0, c.1, locale, today));
                h.check(status);
            } else {
                // A verdict writes no output: only an error has one.
                let status = h.call::<(i32, i32, i32, i32, i32, i32, i32), i32>("icp_is_valid", (f.0, f.1, v.0, v.1, c.0, c.1, today));
                assert!((0..=3).contains(&status) && status != 2, "is_valid status {status}");
                if status == 3 {
                    h.check(status);
                }
            }
        }
        2 => {
            let args = h.put(&[rest]);
            let status = h.call::<(i32, i32, i32, i32), i32>("icp_batch", (args[0].0, args[0].1, locale, today));
            let out = h.check_as(status, true);
            if status != 3 {
                let lines = rest.split_inclusive(|&b| b == b'\n').count();
                assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), lines, "one result per line");
            }
        }
        3 => {
            let args = h.put(&[part(0), part(1)]);
            let status = h.call::<(i32, i32, i32, i32, i32, i32), i32>("icp_validate_filing", (args[0].0, args[0].1, args[1].0, args[1].1, locale, today));
            h.check(status);
        }
        4 => {
            let kind = named(part(0), KINDS);
            let size = i64::from_le_bytes(data[..8.min(data.len())].iter().copied().chain([0; 8]).take(8).collect::<Vec<_>>().try_into().unwrap()) >> 20;
            let args = h.put(&[&kind, part(1), part(2)]);
            let status = h.call::<(i32, i32, i32, i32, i64, i32, i32, i32, i32), i32>("icp_check_attachment", (args[0].0, args[0].1, args[1].0, args[1].1, size, args[2].0, args[2].1, locale, today));
            h.check(status);
        }
        5 => {
            let file = rest;
            let began = h.call::<i64, i32>("icp_app_begin", file.len() as i64);
            assert_eq!(began, 0);
            let mut rounds = 0;
            loop {
                rounds += 1;
                assert!(rounds <= 40, "the reading does not end");
                let status = h.call::<(i32, i32, i32), i32>("icp_app_run", (0, locale, today));
                let out = h.check(status);
                if status != 2 {
                    break;
                }
                let need: serde_json::Value = serde_json::from_slice(&out).unwrap();
                for r in need["need"].as_array().expect("need list") {
                    let (o, n) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
                    assert!(o + n <= file.len(), "range past the end");
                    let args = h.put(&[&file[o..o + n]]);
                    let added = h.call::<(i64, i32, i32), i32>("icp_app_add", (o as i64, args[0].0, args[0].1));
                    h.check(added);
                }
            }
        }
        6 => {
            // Wrong pointers and lengths from a careless host. A length under 64 KiB unless its
            // top bit is set (then mostly past the memory): the interpreter under ASan takes
            // seconds to read megabytes that the module would answer in milliseconds.
            let word = |i: usize| {
                let w = i32::from_le_bytes(rest.iter().copied().skip(i * 4).chain([0; 4]).take(4).collect::<Vec<_>>().try_into().unwrap());
                if i % 2 == 1 && w >= 0 { w & 0xffff } else { w }
            };
            let status = h.call::<(i32, i32, i32, i32, i32, i32, i32, i32), i32>("icp_validate_field", (word(0), word(1), word(2), word(3), word(4), word(5), locale, today));
            h.check(status);
            let status = h.call::<(i32, i32, i32, i32), i32>("icp_batch", (word(2), word(3), locale, today));
            h.check_as(status, true);
        }
        _ => {
            let len = i32::from_le_bytes(rest.iter().copied().chain([0; 4]).take(4).collect::<Vec<_>>().try_into().unwrap()) & 0x0fff_ffff;
            let ptr = h.call::<i32, i32>("icp_alloc", len);
            if ptr != 0 {
                h.call::<(i32, i32), ()>("icp_free", (ptr, len));
            }
            let tag = h.put(&[part(0)])[0];
            let status = h.call::<(i32, i32), i32>("icp_locale", tag);
            h.check(status);
        }
    }
});
