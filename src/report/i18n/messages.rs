//! The word table's sentences about the run itself: notices and where a name
//! was written. Placeholders in braces are filled by [`notice`].

use super::{Entry, word};
use crate::Lang;
use crate::findings::{About, NamedIn, Notice, Skip, UnknownService};

pub(super) const MESSAGES: &[Entry] = &[
    (
        "notice-newer-versions",
        "nyere versjon av regelsett finnes: {list}; resultatene følger den festede versjonen til festet endres",
        "nyare versjon av regelsett finst: {list}; resultata følgjer den festa versjonen til festet blir endra",
        "newer rule-set version available: {list}; results follow the pinned version until the pin is changed",
    ),
    (
        "notice-newer-one",
        "{set} (sjekket med {checked}; `tenderlint rules diff {from} {to}` viser hva som er endret)",
        "{set} (sjekka med {checked}; `tenderlint rules diff {from} {to}` viser kva som er endra)",
        "{set} (checked with {checked}; `tenderlint rules diff {from} {to}` shows what changed)",
    ),
    (
        "notice-baseline-versions",
        "referansen ble laget med andre regelsettversjoner ({list}); resultatene er sammenlignet etter regel-ID",
        "referansen vart laga med andre regelsettversjonar ({list}); resultata er samanlikna etter regel-ID",
        "the baseline was made with other rule-set versions ({list}); results are matched by rule id",
    ),
    (
        "notice-not-in-baseline",
        "ikke i referansen",
        "ikkje i referansen",
        "not in the baseline",
    ),
    (
        "notice-skipped",
        "hoppet over {path}: {why}; ikke lest som tekst i konkurransegrunnlaget",
        "hoppa over {path}: {why}; ikkje lesen som tekst i konkurransegrunnlaget",
        "skipped {path}: {why}; not read as tender text",
    ),
    (
        "skip-named-like-report",
        "navnet er som på en tenderlint-rapport (oppgi filen på kommandolinjen for å lese den likevel)",
        "namnet er som på ein tenderlint-rapport (oppgje fila på kommandolinja for å lese henne likevel)",
        "named like a tenderlint report (name it on the command line to read it anyway)",
    ),
    (
        "skip-carries-marker",
        "en rapport tenderlint har skrevet (den har tenderlints merke)",
        "ein rapport tenderlint har skrive (han har merket til tenderlint)",
        "a report tenderlint wrote (it carries tenderlint's marker)",
    ),
    (
        "skip-standard-output",
        "denne kjøringen skriver rapporten sin dit",
        "denne køyringa skriv rapporten sin dit",
        "this run writes its report there",
    ),
    (
        "notice-empty-file",
        "{path} er tom: ingenting i den ble sjekket",
        "{path} er tom: ingenting i henne vart sjekka",
        "{path} is empty: nothing in it was checked",
    ),
    (
        "notice-unknown-service",
        "ukjent tjeneste `{name}` i {origin}",
        "ukjend teneste `{name}` i {origin}",
        "unknown service `{name}` in {origin}",
    ),
    (
        "did-you-mean",
        "mente du `{name}`?",
        "meinte du `{name}`?",
        "did you mean `{name}`?",
    ),
    (
        "known-services",
        "kjente tjenester: {list}",
        "kjende tenester: {list}",
        "known services: {list}",
    ),
    (
        "no-services-defined",
        "regelsettene definerer ingen tjenester",
        "regelsetta definerer ingen tenester",
        "the rule sets define no services",
    ),
    (
        "named-in-front-matter",
        "front matter i {path}",
        "front matter i {path}",
        "the front matter of {path}",
    ),
    (
        "named-in-properties",
        "dokumentegenskapene i {path}",
        "dokumenteigenskapane i {path}",
        "the Word document properties of {path}",
    ),
];

/// A notice in words.
pub fn notice(n: &Notice, lang: Lang) -> String {
    let w = |key| word(lang, key);
    match &n.about {
        About::NewerVersions(newer) => {
            let list: Vec<String> = newer
                .iter()
                .map(|v| {
                    w("notice-newer-one")
                        .replace("{set}", &format!("{}@{}", v.id, v.newest))
                        .replace("{checked}", &v.checked.to_string())
                        .replace("{from}", &v.checked_reference)
                        .replace("{to}", &v.newest_reference)
                })
                .collect();
            w("notice-newer-versions").replace("{list}", &list.join("; "))
        }
        About::BaselineVersions(sets) => {
            let list: Vec<String> = sets
                .iter()
                .map(|(id, before, now)| match before {
                    Some(before) => format!("{id}@{before} → {now}"),
                    None => format!("{id} ({})", w("notice-not-in-baseline")),
                })
                .collect();
            w("notice-baseline-versions").replace("{list}", &list.join(", "))
        }
        About::Skipped { path, why } => {
            let why = w(match why {
                Skip::NamedLikeReport => "skip-named-like-report",
                Skip::CarriesMarker => "skip-carries-marker",
                Skip::IsStandardOutput => "skip-standard-output",
            });
            w("notice-skipped")
                .replace("{path}", path)
                .replace("{why}", why)
        }
        About::EmptyFile { path } => w("notice-empty-file").replace("{path}", path),
        About::UnknownService(e) => unknown_service(e, lang),
    }
}

/// «unknown service `legvakt` in the front matter of a.md (did you mean
/// `legevakt`?); known services: …».
fn unknown_service(e: &UnknownService, lang: Lang) -> String {
    let w = |key| word(lang, key);
    let origin = match &e.origin {
        NamedIn::Flag => "--services".to_string(),
        NamedIn::Config(name) => name.clone(),
        NamedIn::FrontMatter(path) => w("named-in-front-matter").replace("{path}", path),
        NamedIn::DocumentProperties(path) => w("named-in-properties").replace("{path}", path),
    };
    let mut s = w("notice-unknown-service")
        .replace("{name}", &e.name)
        .replace("{origin}", &origin);
    if let Some(suggestion) = &e.suggestion {
        s.push_str(&format!(
            " ({})",
            w("did-you-mean").replace("{name}", suggestion)
        ));
    }
    if e.known.is_empty() {
        s.push_str(&format!("; {}", w("no-services-defined")));
    } else {
        s.push_str(&format!(
            "; {}",
            w("known-services").replace("{list}", &e.known.join(", "))
        ));
    }
    s
}
