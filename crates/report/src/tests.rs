//! A custom rule set's categories in every format that shows category titles:
//! its declared title, else the standard title, else the key.

use super::{Format, RenderOptions, render};
use crate::Lang;
use crate::check::{CheckOptions, check_documents};
use crate::findings::CheckReport;
use crate::rules::{RuleSet, RuleSetSource};
use std::io::Read as _;
use std::sync::Arc;

const SET: &str = r#"id: egne-krav
version: 1.0.0
title: {nb: Egne krav}
categories:
  egen: {nb: Egen kategori, nn: Eigen kategori, en: Own category}
rules:
  - id: EGEN-001
    title: {nb: Pålogging med HelseID}
    message: {nb: Mangler}
    category: egen
    severity: error
    kind: require
    match: {any: [helseid]}
    rationale: {nb: Fordi.}
    sources: [{url: 'https://example.org', verified: V}]
    suggestion: {nb: Løsningen skal støtte HelseID.}
  - id: EGEN-002
    title: {nb: Logging}
    message: {nb: Mangler}
    category: security
    severity: error
    kind: require
    match: {any: [logging]}
    rationale: {nb: Fordi.}
    sources: [{url: 'https://example.org', verified: V}]
    suggestion: {nb: Løsningen skal logge.}
  - id: EGEN-003
    title: {nb: Noe eget}
    message: {nb: Mangler}
    category: uten-tittel
    severity: error
    kind: require
    match: {any: [tilgjengelig]}
    rationale: {nb: Fordi.}
    sources: [{url: 'https://example.org', verified: V}]
    suggestion: {nb: Løsningen skal være tilgjengelig.}
"#;

fn set() -> RuleSet {
    RuleSet::load(&RuleSetSource {
        name: "egne.yaml".into(),
        text: Arc::from(SET),
    })
    .expect("the custom set loads")
}

fn report(lang: Lang) -> CheckReport {
    let doc = tenderlint_core::document::markdown::read(
        std::path::PathBuf::from("anbud.md"),
        "# Krav\n\nLeverandøren skal levere en løsning.\n",
    );
    let options = CheckOptions {
        lang: Some(lang),
        ..CheckOptions::default()
    };
    check_documents(&[doc], &[set()], &options)
}

fn text(report: &CheckReport, format: Format, options: &RenderOptions<'_>) -> String {
    let bytes = render(report, format, options);
    if matches!(format, Format::Docx | Format::RequirementsDocx) {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        xml
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

#[test]
fn a_custom_sets_category_shows_its_own_title_in_every_format_with_titles() {
    let formats = [
        Format::Human,
        Format::Html,
        Format::Markdown,
        Format::Docx,
        Format::RequirementsMd,
        Format::RequirementsDocx,
    ];
    for (lang, own, standard) in [
        (
            Lang::Nb,
            "Egen kategori",
            "Informasjonssikkerhet og personvern",
        ),
        (Lang::En, "Own category", "Security and privacy"),
    ] {
        let report = report(lang);
        for verbose in [false, true] {
            for format in formats {
                let options = RenderOptions {
                    lang,
                    verbose,
                    ..RenderOptions::default()
                };
                let out = text(&report, format, &options);
                // The requirement table is in the tender's language (bokmål here).
                let (own, standard) =
                    if matches!(format, Format::RequirementsMd | Format::RequirementsDocx) {
                        ("Egen kategori", "Informasjonssikkerhet og personvern")
                    } else {
                        (own, standard)
                    };
                for title in [own, standard, "uten-tittel"] {
                    assert!(
                        out.contains(title),
                        "{format:?} {lang:?}: no «{title}» in\n{out}"
                    );
                }
                assert!(
                    !out.contains(">egen<") && !out.contains("### egen"),
                    "{format:?}"
                );
            }
        }
    }
}

#[test]
fn explain_shows_a_declared_category_title() {
    let set = set();
    let out = super::explain::render(&set, &set.rules[0], Lang::Nn, false);
    assert!(out.contains("kategori: Eigen kategori"), "{out}");
}

#[test]
fn a_nynorsk_terminal_report_uses_the_nynorsk_title() {
    let report = report(Lang::Nn);
    let options = RenderOptions {
        lang: Lang::Nn,
        verbose: true,
        ..RenderOptions::default()
    };
    let out = text(&report, Format::Human, &options);
    assert!(out.contains("Eigen kategori"), "{out}");
    assert!(out.contains("Informasjonstryggleik og personvern"), "{out}");
}
