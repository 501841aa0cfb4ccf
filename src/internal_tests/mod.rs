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

// Those that read worded messages, UTS 46 answers or local field answers need the default
// features (as their integration-test forms did).
#[cfg(all(feature = "messages", feature = "uts46", feature = "local-field-answers"))]
mod attachment;
#[cfg(all(feature = "messages", feature = "uts46", feature = "local-field-answers"))]
mod bridge;
#[cfg(all(feature = "messages", feature = "uts46", feature = "local-field-answers"))]
mod catalog;
mod codes;
#[cfg(all(feature = "messages", feature = "uts46", feature = "local-field-answers"))]
mod properties;
