//! The word table's sentences about the run itself: notices and where a name
//! was written. Placeholders in braces are filled by [`notice`].

use super::{Entry, word};
use crate::Lang;
use crate::document::Unreadable;
use crate::findings::{About, FileEntry, NamedIn, Notice, Skip, UnknownService};

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
    ("note", "merknad", "merknad", "note"),
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
    (
        "unreadable-not-word",
        "ikke et Word-dokument (.docx)",
        "ikkje eit Word-dokument (.docx)",
        "not a Word document (.docx)",
    ),
    (
        "unreadable-not-word-hint",
        "lagre det som Word-dokument (.docx) og prøv igjen",
        "lagre det som Word-dokument (.docx) og prøv igjen",
        "save it as a Word document (.docx) and try again",
    ),
    (
        "unreadable-damaged",
        "Word-filen er skadet eller ufullstendig",
        "Word-fila er skadd eller ufullstendig",
        "the Word file is damaged or incomplete",
    ),
    (
        "unreadable-damaged-hint",
        "åpne den i Word og lagre den på nytt",
        "opne henne i Word og lagre henne på nytt",
        "open it in Word and save it again",
    ),
    (
        "unreadable-excel",
        "dette er en Excel-arbeidsbok, ikke et Word-dokument",
        "dette er ei Excel-arbeidsbok, ikkje eit Word-dokument",
        "this is an Excel workbook, not a Word document",
    ),
    (
        "unreadable-excel-hint",
        "eksporter kravene til .docx eller Markdown",
        "eksporter krava til .docx eller Markdown",
        "export the requirements to .docx or Markdown",
    ),
    (
        "unreadable-powerpoint",
        "dette er en PowerPoint-presentasjon, ikke et Word-dokument",
        "dette er ein PowerPoint-presentasjon, ikkje eit Word-dokument",
        "this is a PowerPoint presentation, not a Word document",
    ),
    (
        "unreadable-powerpoint-hint",
        "eksporter teksten til .docx eller Markdown",
        "eksporter teksten til .docx eller Markdown",
        "export the text to .docx or Markdown",
    ),
    (
        "unreadable-encrypted",
        "dokumentet er passordbeskyttet",
        "dokumentet er passordverna",
        "the document is password-protected",
    ),
    (
        "unreadable-encrypted-hint",
        "lagre det som .docx uten passord",
        "lagre det som .docx utan passord",
        "save it as .docx without a password",
    ),
    (
        "unreadable-legacy-word",
        "dette er et gammelt Word 97–2003-dokument (.doc)",
        "dette er eit gammalt Word 97–2003-dokument (.doc)",
        "this is a legacy Word 97–2003 document (.doc)",
    ),
    (
        "unreadable-legacy-word-hint",
        "lagre det som .docx i Word",
        "lagre det som .docx i Word",
        "save it as .docx in Word",
    ),
    (
        "unreadable-word-variant",
        "denne typen Word-fil leses ikke, bare vanlig .docx",
        "denne typen Word-fil blir ikkje lesen, berre vanleg .docx",
        "this kind of Word file is not read, only plain .docx",
    ),
    (
        "unreadable-word-variant-hint",
        "lagre konkurransegrunnlaget som vanlig .docx",
        "lagre konkurransegrunnlaget som vanleg .docx",
        "save the tender as a plain .docx",
    ),
    (
        "unreadable-other-document",
        "dette filformatet leses ikke",
        "dette filformatet blir ikkje lese",
        "this file format is not read",
    ),
    (
        "unreadable-other-document-hint",
        "lagre det som .docx",
        "lagre det som .docx",
        "save it as .docx",
    ),
    (
        "unreadable-pdf",
        "PDF leses ikke",
        "PDF blir ikkje lesen",
        "PDF is not read",
    ),
    (
        "unreadable-pdf-hint",
        "sjekk Word- eller Markdown-kilden i stedet",
        "sjekk Word- eller Markdown-kjelda i staden",
        "check the Word or Markdown source instead",
    ),
    (
        "unreadable-not-tender-file",
        "tenderlint leser ikke denne filtypen",
        "tenderlint les ikkje denne filtypen",
        "not a file tenderlint reads",
    ),
    (
        "unreadable-not-tender-file-hint",
        "bruk .md, .markdown eller .docx",
        "bruk .md, .markdown eller .docx",
        "use .md, .markdown or .docx",
    ),
    (
        "unreadable-not-utf8",
        "teksten er ikke lagret som UTF-8",
        "teksten er ikkje lagra som UTF-8",
        "the text is not saved as UTF-8",
    ),
    (
        "unreadable-not-utf8-hint",
        "lagre filen som UTF-8",
        "lagre fila som UTF-8",
        "save the file as UTF-8",
    ),
    (
        "unreadable-too-large",
        "filen er for stor til å sjekkes",
        "fila er for stor til å bli sjekka",
        "the file is too large to check",
    ),
    (
        "unreadable-too-large-hint",
        "del konkurransegrunnlaget i delene (konkurransegrunnlag, bilag), og sjekk hvor filen kom fra",
        "del konkurransegrunnlaget i delane (konkurransegrunnlag, bilag), og sjekk kvar fila kom frå",
        "split the tender into its parts (konkurransegrunnlag, bilag), and check where the file came from",
    ),
    (
        "unreadable-cannot-open",
        "filen kunne ikke åpnes",
        "fila kunne ikkje opnast",
        "the file could not be opened",
    ),
    (
        "unreadable-cannot-open-hint",
        "sjekk at den finnes og at du har lov til å lese den",
        "sjekk at ho finst og at du har lov til å lese henne",
        "check that it exists and that you may read it",
    ),
];

/// Why a file could not be read, in words for the people who wrote it, with what
/// they can do about it: «Word-filen er skadet eller ufullstendig (åpne den i
/// Word og lagre den på nytt)». A file read by no kind says what it says.
pub fn unreadable(f: &FileEntry, lang: Lang) -> String {
    let Some(kind) = f.problem else {
        return f.error.clone().unwrap_or_default();
    };
    let (sentence, hint) = match kind {
        Unreadable::NotWord => ("unreadable-not-word", "unreadable-not-word-hint"),
        Unreadable::Damaged => ("unreadable-damaged", "unreadable-damaged-hint"),
        Unreadable::Excel => ("unreadable-excel", "unreadable-excel-hint"),
        Unreadable::PowerPoint => ("unreadable-powerpoint", "unreadable-powerpoint-hint"),
        Unreadable::Encrypted => ("unreadable-encrypted", "unreadable-encrypted-hint"),
        Unreadable::LegacyWord => ("unreadable-legacy-word", "unreadable-legacy-word-hint"),
        Unreadable::WordVariant => ("unreadable-word-variant", "unreadable-word-variant-hint"),
        Unreadable::OtherDocument => (
            "unreadable-other-document",
            "unreadable-other-document-hint",
        ),
        Unreadable::Pdf => ("unreadable-pdf", "unreadable-pdf-hint"),
        Unreadable::NotTenderFile => (
            "unreadable-not-tender-file",
            "unreadable-not-tender-file-hint",
        ),
        Unreadable::NotUtf8 => ("unreadable-not-utf8", "unreadable-not-utf8-hint"),
        Unreadable::TooLarge => ("unreadable-too-large", "unreadable-too-large-hint"),
        Unreadable::CannotOpen => ("unreadable-cannot-open", "unreadable-cannot-open-hint"),
    };
    format!("{} ({})", word(lang, sentence), word(lang, hint))
}

/// The files with each one's error worded for its reader ([`unreadable`]) in place
/// of the technical cause: what the page lists when none of them could be read.
pub fn files_worded(mut files: Vec<FileEntry>, lang: Lang) -> Vec<FileEntry> {
    for f in &mut files {
        if f.error.is_some() {
            f.error = Some(unreadable(f, lang));
        }
    }
    files
}

/// [`unreadable`] with the technical cause after it, for CI logs and the
/// terminal's error lines: «… (open it in Word and save it again) [not a
/// readable zip archive: …]».
pub fn unreadable_with_cause(f: &FileEntry, lang: Lang) -> String {
    match (f.problem, &f.error) {
        (Some(_), Some(cause)) => format!("{} [{cause}]", unreadable(f, lang)),
        _ => unreadable(f, lang),
    }
}

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
/// `legevakt`?); known services: …»: a notice in a report, and the error of a
/// `--services` or `services:` no rule set knows.
pub fn unknown_service(e: &UnknownService, lang: Lang) -> String {
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
