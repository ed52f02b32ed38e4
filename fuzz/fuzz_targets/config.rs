#![no_main]
//! The configuration loader (`tenderlint.yaml`) on arbitrary text: parsing,
//! validation, path confinement and waiver dates must never panic.
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::Arc;
use tenderlint::rules::RuleSetSource;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = RuleSetSource { name: "tenderlint.yaml".into(), text: Arc::from(text.as_ref()) };
    let dir = std::env::temp_dir();
    match tenderlint::config::parse(source, &dir.join("tenderlint.yaml"), Path::new(&dir)) {
        Ok(config) => {
            std::hint::black_box(config);
        }
        Err(e) => {
            std::hint::black_box(e.to_string());
            std::hint::black_box(e.diagnostics());
        }
    }
});
