// Shared by the targets: the embedded rule sets, loaded once, and a full check of
// a document so the engine and the JSON reporter see whatever the reader produced.
use std::sync::OnceLock;
use tenderlint::document::Document;
use tenderlint::rules::RuleSet;

pub fn sets() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(|| tenderlint::rules::embedded::load_defaults().expect("embedded rules"))
}

pub fn check(doc: Document) {
    let report =
        tenderlint::check_documents(std::slice::from_ref(&doc), sets(), &Default::default());
    let options = tenderlint::report::RenderOptions::default();
    for format in [tenderlint::report::Format::Json, tenderlint::report::Format::Human] {
        std::hint::black_box(tenderlint::report::render(&report, format, &options));
    }
}
