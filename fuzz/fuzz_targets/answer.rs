//! Arbitrary answers, options and typed replies through the answer check.
//! The input is split at 0x1f bytes: the answer, the reply, then options.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::answer_bytes(data));
