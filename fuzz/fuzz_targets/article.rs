//! Arbitrary bytes as an article file: decode → read → facts → questions →
//! answer check → deck TOML and back, with every invariant of
//! `crates/core/tests/invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::article_bytes(data);
});
