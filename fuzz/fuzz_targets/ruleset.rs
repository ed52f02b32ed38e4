#![no_main]
//! The rule-set loader (YAML, validation, compilation) on arbitrary text; a set
//! that loads is run over a small tender so compiled matchers are exercised too.
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;
use tenderlint::rules::{RuleSet, RuleSetSource};

const TENDER: &str = "# Krav\n\nLøsningen skal støtte HelseID og kjernejournal.\n\n\
| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Leverandøren bør logge tilgang. | B |\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let source = RuleSetSource { name: "fuzz.yaml".into(), text: Arc::from(text.as_ref()) };
    match RuleSet::load(&source) {
        Ok(set) => {
            let doc = tenderlint::document::markdown::read("t.md".into(), TENDER);
            let report = tenderlint::check_documents(&[doc], &[set], &Default::default());
            std::hint::black_box(report);
        }
        Err(e) => {
            std::hint::black_box(e.to_string());
            std::hint::black_box(e.diagnostics());
        }
    }
});
