#![no_main]
//! Markdown reader, then the engine and both reporters, on arbitrary bytes.
use libfuzzer_sys::fuzz_target;
use tenderlint::document::{Format, read_bytes};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = read_bytes("fuzz.md".into(), Format::Markdown, data) {
        common::check(doc);
    }
});
