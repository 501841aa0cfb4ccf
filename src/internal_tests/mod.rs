//! Tests of the internals, moved here from tests/ when the modules became private: they
//! reach below the facade (the wire between the wasm modules, the checksums, the rule
//! tables, the source itself), which integration tests can no longer do. They use the paths
//! the integration tests used (`icp_validate::…`, through `extern crate self` in lib.rs) and
//! the same helpers and corpora under tests/. Native only: they read files and spawn nothing.

#[allow(dead_code)]
#[path = "../../tests/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../../tests/source/mod.rs"]
mod source;

mod attachment;
mod bridge;
mod catalog;
mod codes;
mod properties;
