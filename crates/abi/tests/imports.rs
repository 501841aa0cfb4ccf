//! The built core module (tools/build-core.sh) imports nothing, so any runtime instantiates it
//! with no glue (no wasm-bindgen, no WASI), and exports what docs/ABI.md lists. Reads the
//! module's section headers itself (the binary format, "Modules" chapter of the wasm spec).

use std::path::PathBuf;

/// Unsigned LEB128 at `*at`, advancing it.
fn leb(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let b = bytes[*at];
        *at += 1;
        value |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            return value;
        }
    }
}

/// `(section id, payload)` of every section.
fn sections(wasm: &[u8]) -> Vec<(u8, &[u8])> {
    assert_eq!(&wasm[..8], b"\0asm\x01\0\0\0", "not a wasm 1.0 module");
    let (mut at, mut out) = (8, Vec::new());
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let len = leb(wasm, &mut at) as usize;
        out.push((id, &wasm[at..at + len]));
        at += len;
    }
    out
}

fn module() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/core/icp_validate_core.wasm");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}; build it first with tools/build-core.sh", path.display()))
}

#[test]
fn the_core_module_has_no_import_section() {
    let wasm = module();
    let imports: Vec<&[u8]> = sections(&wasm).into_iter().filter(|(id, _)| *id == 2).map(|(_, p)| p).collect();
    assert!(imports.is_empty(), "the core module imports something: {:?}", String::from_utf8_lossy(imports[0]));
}

#[test]
fn the_core_module_exports_the_documented_functions() {
    let wasm = module();
    let (_, exports) = sections(&wasm).into_iter().find(|(id, _)| *id == 7).expect("no export section");
    let mut at = 0;
    let mut functions = Vec::new();
    for _ in 0..leb(exports, &mut at) {
        let len = leb(exports, &mut at) as usize;
        let name = std::str::from_utf8(&exports[at..at + len]).unwrap().to_owned();
        at += len;
        let kind = exports[at];
        at += 1;
        leb(exports, &mut at);
        if kind == 0 {
            functions.push(name);
        }
    }
    functions.sort();
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/ABI.md")).unwrap();
    let mut documented: Vec<String> = doc.lines().filter_map(|l| l.strip_prefix("### `")).map(|l| l.split(['(', '`']).next().unwrap().to_owned()).collect();
    documented.sort();
    assert_eq!(functions, documented, "exports vs the `### `name(…)`` headings of docs/ABI.md");
}
