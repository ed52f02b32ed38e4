#![no_main]
//! DOCX reader (zip + XML), then the engine and both reporters, on arbitrary bytes.
use libfuzzer_sys::fuzz_target;
use tenderlint::document::{Format, read_bytes};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = read_bytes("fuzz.docx".into(), Format::Docx, data) {
        common::check(doc);
    }
});
