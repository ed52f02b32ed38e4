//! The embedded rule sets compiled when the binary is (`build.rs`, `rules::frozen`):
//! read back, they check every fixture tender exactly as the sets loaded from YAML do.

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::rules::{RuleSet, embedded, frozen};

/// Every embedded set, loaded from its YAML.
fn from_yaml() -> Vec<RuleSet> {
    embedded::available()
        .into_iter()
        .map(|(id, v)| RuleSet::load(&embedded::source(id, Some(&v)).expect("embedded")).unwrap())
        .collect()
}

/// Every Markdown and Word file under `fixtures/`.
fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "docx") {
            out.push(path);
        }
    }
}

/// The JSON and Markdown reports of a check of `doc` with `sets`.
fn reports(doc: &tenderlint::document::Document, sets: &[RuleSet]) -> (Vec<u8>, Vec<u8>) {
    let report = tenderlint::check_documents(
        std::slice::from_ref(doc),
        sets,
        &tenderlint::CheckOptions::default(),
    );
    let options = RenderOptions {
        date: Some(tenderlint::date::Date::constant(2026, 1, 1)),
        ..RenderOptions::default()
    };
    (
        report::render(&report, Format::Json, &options),
        report::render(&report, Format::Markdown, &options),
    )
}

/// The sets read back from the catalog built with the binary check every fixture
/// tender exactly as the sets compiled from YAML do: same statuses, evidence, review
/// candidates, words.
#[test]
fn decoded_sets_check_every_fixture_like_the_yaml_loaded_ones() {
    let yaml = from_yaml();
    // The catalog `build.rs` wrote into this build, which the binary reads.
    let decoded: Vec<RuleSet> = yaml
        .iter()
        .map(|s| {
            let version = s.version.to_string();
            frozen::decode(tenderlint::COMPILED_RULE_SETS, &s.id, &version)
                .expect("decodes")
                .expect("in the catalog")
        })
        .collect();
    for (a, b) in yaml.iter().zip(&decoded) {
        assert_eq!(
            (&a.origin, &a.sha256, a.rules.len()),
            (&b.origin, &b.sha256, b.rules.len())
        );
        assert_eq!(a.concepts, b.concepts);
    }
    let mut files = Vec::new();
    fixture_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 50, "{} fixtures", files.len());
    let pairs = [
        ["ks-felles-journalloft@1.2.4", "anskaffelse-hygiene@1.2.4"],
        ["ks-felles-journalloft@1.2.3", "anskaffelse-hygiene@1.2.3"],
        ["ks-felles-journalloft@1.2.2", "anskaffelse-hygiene@1.2.2"],
        ["ks-felles-journalloft@1.2.1", "anskaffelse-hygiene@1.2.1"],
        ["ks-felles-journalloft@1.1.0", "anskaffelse-hygiene@1.1.0"],
        ["ks-felles-journalloft@1.0.0", "anskaffelse-hygiene@1.0.0"],
    ];
    let pick = |sets: &[RuleSet], keys: &[&str; 2]| -> Vec<RuleSet> {
        keys.iter()
            .map(|k| sets.iter().find(|s| s.key() == *k).expect(k).clone())
            .collect()
    };
    let differing: Vec<String> = files
        .par_iter()
        .filter_map(|path| {
            let doc = tenderlint::document::read_file(path).ok()?;
            pairs.iter().find_map(|keys| {
                let same =
                    reports(&doc, &pick(&yaml, keys)) == reports(&doc, &pick(&decoded, keys));
                (!same).then(|| format!("{} with {keys:?}", path.display()))
            })
        })
        .collect();
    assert!(differing.is_empty(), "{differing:#?}");
}

/// The library's way of loading the default sets reads them from the catalog built
/// with it (the binary hands it over in `main` too), not from YAML.
#[test]
fn the_default_sets_load_from_the_compiled_catalog() {
    let sets = tenderlint::settings::load_rulesets(&[]).expect("the default sets load");
    assert!(embedded::uses_compiled());
    let keys: Vec<String> = sets.iter().map(RuleSet::key).collect();
    assert_eq!(
        keys,
        ["ks-felles-journalloft@1.2.4", "anskaffelse-hygiene@1.2.4"]
    );
}
