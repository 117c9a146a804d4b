//! Arbitrary bytes as a deck file: read or refused in one line; a deck
//! that reads writes itself back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::deck_bytes(data));
