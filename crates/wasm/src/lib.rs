//! The browser shell of icp-validate: the wasm-bindgen modules of the npm package
//! (tools/build-pkg.sh builds one per feature: `field-module`, `filing-module`, `idn-module`,
//! `app-file-module`; with none, one module has all). Only on wasm32; elsewhere this crate is
//! empty. It turns the core's default features off and installs what stands in for them: the
//! IDN module's UTS 46 answers in the field module, the field module's answers in the filing
//! module; messages are worded in JS from the catalog.

#[cfg(all(target_arch = "wasm32", not(any(feature = "idn-module", feature = "app-file-module"))))]
mod wasm;
// The filing module's field answers, asked of the field module through JS.
#[cfg(all(target_arch = "wasm32", feature = "filing-module"))]
mod filing_bridge;
// The npm package's IDN module: UTS 46 alone, for the field module (the core's src/rules/idn.rs).
#[cfg(all(target_arch = "wasm32", feature = "idn-module"))]
mod wasm_idn;
// The npm package's app-file module: the APP-file reader alone (the core's src/appfile/).
#[cfg(all(target_arch = "wasm32", feature = "app-file-module"))]
mod wasm_app_file;
