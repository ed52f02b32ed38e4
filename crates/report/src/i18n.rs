//! The words every renderer prints, in one table (bokmål, nynorsk, English), and
//! the titles of categories: the rule set's own (`categories:` in its YAML), else
//! the standard ones (`rules/categories.yaml`), else the category's key.
//!
//! Results carry no words: places ([`place`]), notices and file errors are data
//! that every format words here, in the reader's language, nynorsk included.

mod compare;
mod messages;
mod outcomes;
mod refusals;
mod review;
mod services;
mod usage;

pub use messages::{files_worded, notice, unknown_service, unreadable, unreadable_with_cause};
pub use services::service_name;

use crate::Lang;
use crate::findings::CheckReport;
use crate::rules::Localized;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One entry: (key, bokmål, nynorsk, English).
type Entry = (&'static str, &'static str, &'static str, &'static str);

const WORDS: &[Entry] = &[
    // The outcomes (`findings::Outcome`): one word each, the same in every format.
    ("met", "oppfylt", "oppfylt", "met"),
    ("weak", "svakt", "svakt", "weak"),
    ("missing", "mangler", "manglar", "missing"),
    ("violation", "brudd", "brot", "violation"),
    ("passed", "bestått", "bestått", "passed"),
    (
        "not-applicable",
        "ikke relevant",
        "ikkje relevant",
        "not applicable",
    ),
    ("waived", "unntatt", "unnateke", "waived"),
    // Severities.
    ("error", "feil", "feil", "error"),
    ("warning", "advarsel", "åtvaring", "warning"),
    ("info", "info", "info", "info"),
    // What was found, and how the text covers a topic.
    (
        "accepted",
        "godtatt: regelen overlater styrken til kommunen",
        "godteke: regelen overlèt styrken til kommunen",
        "accepted: the rule leaves the strength to the municipality",
    ),
    (
        "not-accepted",
        "ikke nok: regelen krever et bindende krav",
        "ikkje nok: regelen krev eit bindande krav",
        "not enough: the rule wants a binding requirement",
    ),
    ("binding", "bindende", "bindande", "binding"),
    ("weak-coverage", "svakt", "svakt", "weak"),
    (
        "possibly-covered",
        "mulig dekket — sjekk",
        "mogleg dekt — sjekk",
        "possibly covered — check",
    ),
    (
        "negated",
        "holdt utenfor",
        "halde utanfor",
        "put out of scope",
    ),
    ("conditional", "betinget", "vilkårsbunde", "conditional"),
    (
        "evaluated",
        "evalueres, kreves ikke",
        "blir evaluert, blir ikkje kravd",
        "evaluated, not required",
    ),
    (
        "redefined",
        "definert annerledes i konkurransegrunnlaget",
        "definert annleis i konkurransegrunnlaget",
        "defined otherwise by the tender",
    ),
    (
        "excluded",
        "ikke temaet konkurransegrunnlaget holder utenfor",
        "ikkje temaet konkurransegrunnlaget held utanfor",
        "not the topic the tender puts out of scope",
    ),
    (
        "non-normative",
        "bakgrunnstekst, ikke et krav",
        "bakgrunnstekst, ikkje eit krav",
        "background text, not a requirement",
    ),
    (
        "descriptive",
        "beskrivelse uten «skal»/«bør»",
        "skildring utan «skal»/«bør»",
        "description without «skal»/«bør»",
    ),
    ("here", "her", "her", "here"),
    (
        "defined-as",
        "er i dette dokumentet definert som",
        "er i dette dokumentet definert som",
        "is defined in this tender as",
    ),
    // The terminal reports.
    ("rules", "regler", "reglar", "rules"),
    ("files", "filer", "filer", "files"),
    ("file", "fil", "fil", "file"),
    ("more", "flere", "fleire", "more"),
    (
        "also-used-at",
        "også brukt i",
        "også brukt i",
        "also used at",
    ),
    (
        "unreadable",
        "kunne ikke leses",
        "kunne ikkje lesast",
        "could not be read",
    ),
    ("errors", "Feil", "Feil", "Errors"),
    ("warnings", "Advarsler", "Åtvaringar", "Warnings"),
    (
        "infos",
        "{n} info-funn vises med --verbose.",
        "{n} info-funn blir viste med --verbose.",
        "{n} info findings are shown with --verbose.",
    ),
    (
        "more-verbose",
        "Alle regler med funn og kravtekst: tenderlint check --verbose",
        "Alle reglar med funn og kravtekst: tenderlint check --verbose",
        "Every rule with evidence and requirement text: tenderlint check --verbose",
    ),
    (
        "more-explain",
        "Hva en regel sjekker og hvorfor: tenderlint explain {rule}",
        "Kva ein regel sjekkar og kvifor: tenderlint explain {rule}",
        "What a rule checks and why: tenderlint explain {rule}",
    ),
    // Labels of the document and CI formats.
    (
        "suggestion",
        "Forslag til kravtekst",
        "Forslag til kravtekst",
        "Suggested requirement",
    ),
    ("replacement", "Bruk heller", "Bruk heller", "Use instead"),
    ("rule", "Regel", "Regel", "Rule"),
    ("title", "Tittel", "Tittel", "Title"),
    ("status", "Status", "Status", "Status"),
    ("severity", "Alvorlighet", "Alvorsgrad", "Severity"),
    ("category", "Kategori", "Kategori", "Category"),
    ("evidence", "Funn", "Funn", "Evidence"),
    ("location", "Plassering", "Plassering", "Location"),
    ("sources", "Kilder", "Kjelder", "Sources"),
    ("summary", "Sammendrag", "Samandrag", "Summary"),
    ("rulesets", "Regelsett", "Regelsett", "Rule sets"),
    ("files-heading", "Filer", "Filer", "Files"),
    ("date", "Dato", "Dato", "Date"),
    ("failing", "Avvik", "Avvik", "Failing rules"),
    ("all", "Alle", "Alle", "All"),
    ("copy", "Kopier", "Kopier", "Copy"),
    ("copied", "Kopiert", "Kopiert", "Copied"),
    ("none", "Ingen avvik.", "Ingen avvik.", "No failing rules."),
    (
        "report-title",
        "Samsvarsrapport for konkurransegrunnlag",
        "Samsvarsrapport for konkurransegrunnlag",
        "Tender compliance report",
    ),
    (
        "matrix",
        "Samsvarsmatrise",
        "Samsvarsmatrise",
        "Compliance matrix",
    ),
    (
        "whole-tender",
        "hele konkurransegrunnlaget",
        "heile konkurransegrunnlaget",
        "the whole tender",
    ),
    ("total", "Totalt", "Totalt", "Total"),
    (
        "language",
        "Språk i konkurransegrunnlaget",
        "Språk i konkurransegrunnlaget",
        "Tender language",
    ),
    ("tool", "Verktøy", "Verktøy", "Tool"),
    ("show", "Vis", "Vis", "Show"),
    ("failing-only", "Bare avvik", "Berre avvik", "Failing only"),
    (
        "below-fail-on",
        "under --fail-on: stopper ikke kjøringen",
        "under --fail-on: stoppar ikkje køyringa",
        "below --fail-on: does not fail the run",
    ),
    (
        "gate-in-baseline",
        "ikke verre enn i referansen: stopper ikke kjøringen",
        "ikkje verre enn i referansen: stoppar ikkje køyringa",
        "no worse than in the baseline: does not fail the run",
    ),
    ("fill-in", "fyll inn", "fyll inn", "fill in"),
    // A place in a Word file: «3.2 Integrasjoner, tabell 1, rad 3, kolonne 2».
    ("place-heading", "overskrift", "overskrift", "heading"),
    ("place-paragraph", "avsnitt", "avsnitt", "paragraph"),
    ("place-table", "tabell", "tabell", "table"),
    ("place-row", "rad", "rad", "row"),
    ("place-column", "kolonne", "kolonne", "column"),
    (
        "report-file-stem",
        "tenderlint-rapport",
        "tenderlint-rapport",
        "tenderlint-report",
    ),
    // The page, when it has nothing to show.
    (
        "none-readable",
        "Ingen av filene kunne leses",
        "Ingen av filene kunne lesast",
        "None of the files could be read",
    ),
    // CLI usage errors.
    (
        "no-tender-files",
        "fant ingen Markdown- eller DOCX-filer i {paths}",
        "fann ingen Markdown- eller DOCX-filer i {paths}",
        "no Markdown or DOCX files found in {paths}",
    ),
    // The baseline.
    ("baseline-label", "referanse", "referanse", "baseline"),
    ("baseline-new", "ny", "ny", "new"),
    ("baseline-same", "uendret", "uendra", "same"),
    ("baseline-fixed", "bedre", "betre", "fixed"),
    ("baseline-worse", "verre", "verre", "worse"),
    (
        "baseline-against",
        "mot referansen",
        "mot referansen",
        "against the baseline",
    ),
    // The services statement.
    ("services-title", "Tjenester", "Tenester", "Services"),
    (
        "services-none",
        "ingen oppgitt eller funnet; ingen regel avhenger av dem.",
        "ingen oppgjevne eller funne; ingen regel avheng av dei.",
        "none declared or detected; no rule depends on them.",
    ),
    (
        "services-none-scoped",
        "ingen oppgitt eller funnet, så {n} regler som er strengere for noen tjenester (som legevakt), er sjekket etter standardkravet.",
        "ingen oppgjevne eller funne, så {n} reglar som er strengare for nokre tenester (som legevakt), er sjekka etter standardkravet.",
        "none given or found, so {n} rules that are stricter for some services (such as legevakt) were checked at their default.",
    ),
    (
        "services-if-wrong",
        "Stemmer ikke det?",
        "Stemmer ikkje det?",
        "Not right?",
    ),
    (
        "services-change-flag",
        "Oppgi tjenestene med --services, for eksempel --services legevakt.",
        "Oppgje tenestene med --services, til dømes --services legevakt.",
        "Name them with --services, for example --services legevakt.",
    ),
    (
        "services-change-property",
        "Oppgi tjenestene i Word som dokumentegenskapen «services» (Fil › Info › Egenskaper › Avanserte egenskaper › Egendefinert).",
        "Oppgje tenestene i Word som dokumenteigenskapen «services» (Fil › Info › Eigenskapar › Avanserte eigenskapar › Eigendefinert).",
        "Name them in Word as the document property «services» (File › Info › Properties › Advanced Properties › Custom).",
    ),
    (
        "services-change-any",
        "Oppgi tjenestene med --services eller i tenderlint.yaml (services:).",
        "Oppgje tenestene med --services eller i tenderlint.yaml (services:).",
        "Name them with --services or in tenderlint.yaml (services:).",
    ),
    (
        "services-change-page",
        "Velg tjenestene under «Tjenester anskaffelsen gjelder» og sjekk på nytt.",
        "Vel tenestene under «Tenester anskaffinga gjeld» og sjekk på nytt.",
        "Choose them under «Services the procurement covers» and check again.",
    ),
    (
        "origin-front-matter",
        "front matter i",
        "front matter i",
        "front matter of",
    ),
    ("origin-detected", "funnet i", "funne i", "detected in"),
    ("origin-line", "linje", "linje", "line"),
    ("origin-paragraph", "avsnitt", "avsnitt", "paragraph"),
    (
        "origin-title",
        "funnet i tittelen i",
        "funne i tittelen i",
        "detected in the title of",
    ),
    (
        "origin-title-properties",
        "funnet i tittel/emne/nøkkelord i",
        "funne i tittel/emne/nøkkelord i",
        "detected in the title/subject/keywords of",
    ),
    (
        "origin-properties",
        "dokumentegenskapene i",
        "dokumenteigenskapane i",
        "document properties of",
    ),
    // The requirement table («Tillegg til kravspesifikasjon»).
    (
        "addendum-title",
        "Tillegg til kravspesifikasjon",
        "Tillegg til kravspesifikasjon",
        "Addendum to the requirements specification",
    ),
    (
        "addendum-intro",
        "Tabellen under er laget av tenderlint {version} med regelsettene {sets}. Hver rad er en anbefaling som konkurransegrunnlaget mangler eller bare nevner svakt. Vurder hver rad, tilpass teksten til anskaffelsen og flytt radene inn i kravspesifikasjonen.",
        "Tabellen under er laga av tenderlint {version} med regelsetta {sets}. Kvar rad er ei tilråding som konkurransegrunnlaget manglar eller berre nemner svakt. Vurder kvar rad, tilpass teksten til anskaffinga og flytt radene inn i kravspesifikasjonen.",
        "The table below was made by tenderlint {version} with the rule sets {sets}. Each row is a recommendation the tender lacks or only mentions weakly. Review each row, adapt the text to the procurement and move the rows into the requirements specification.",
    ),
    (
        "addendum-legend",
        "Type: M = minstekrav, E = evalueres.",
        "Type: M = minstekrav, E = vert evaluert.",
        "Type: M = minimum requirement, E = evaluated.",
    ),
    (
        "addendum-none",
        "Konkurransegrunnlaget mangler ingen av anbefalingene.",
        "Konkurransegrunnlaget manglar ingen av tilrådingane.",
        "The tender lacks none of the recommendations.",
    ),
    ("addendum-id", "Krav-ID", "Krav-ID", "Req. ID"),
    ("addendum-text", "Kravtekst", "Kravtekst", "Requirement"),
    ("addendum-type", "Type", "Type", "Type"),
    ("addendum-source", "Kilde", "Kjelde", "Source"),
    (
        "addendum-rationale",
        "Begrunnelse",
        "Grunngjeving",
        "Rationale",
    ),
    // `tenderlint explain`.
    ("explain-ruleset", "Regelsett", "Regelsett", "Rule set"),
    ("explain-category", "kategori", "kategori", "category"),
    ("explain-severity", "alvorlighet", "alvorsgrad", "severity"),
    ("explain-kind", "type", "type", "kind"),
    (
        "explain-strength",
        "Styrke som kreves",
        "Styrke som blir kravd",
        "Strength wanted",
    ),
    ("explain-why", "Hvorfor", "Kvifor", "Why"),
    (
        "explain-options-binding",
        "Leser en opsjon som bindende: den er regelens tema",
        "Les ein opsjon som bindande: han er temaet til regelen",
        "Reads an option as binding: it is the rule's topic",
    ),
    (
        "explain-annexes-binding",
        "Leser et bilag eller vedlegg til kontrakten som bindende, også uten modalverb",
        "Les eit bilag eller vedlegg til kontrakten som bindande, også utan modalverb",
        "Reads an annex of the contract as binding, even without a modal verb",
    ),
    (
        "explain-award-criteria-binding",
        "Leser det tildelingskriteriene sier som bindende: hvordan tilbudene evalueres er regelens tema",
        "Les det tildelingskriteria seier som bindande: korleis tilboda blir evaluerte er temaet til regelen",
        "Reads what the award criteria state as binding: how tenders are evaluated is the rule's topic",
    ),
    (
        "explain-concepts",
        "Begreper regelen bruker (med ordene)",
        "Omgrep regelen bruker (med orda)",
        "Concepts the rule uses (with their words)",
    ),
    (
        "explain-paste",
        "Kravtekst å lime inn",
        "Kravtekst å lime inn",
        "Requirement text to paste",
    ),
    ("explain-scope", "Omfang", "Omfang", "Scope"),
    ("explain-otherwise", "ellers", "elles", "otherwise"),
    (
        "explain-not-applicable",
        "gjelder ikke",
        "gjeld ikkje",
        "not applicable",
    ),
    ("explain-examples", "Eksempler", "Døme", "Examples"),
    (
        "explain-defined-in",
        "Definert i",
        "Definert i",
        "Defined in",
    ),
    ("verified-v", "verifisert", "verifisert", "verified"),
    (
        "verified-s",
        "sekundærkilde",
        "sekundærkjelde",
        "secondary source",
    ),
    (
        "verified-u",
        "ikke verifisert",
        "ikkje verifisert",
        "unverified",
    ),
    (
        "kind-require",
        "krav som må stå i konkurransegrunnlaget",
        "krav som må stå i konkurransegrunnlaget",
        "must be required by the tender",
    ),
    (
        "kind-forbid",
        "formulering som ikke skal stå i et krav",
        "formulering som ikkje skal stå i eit krav",
        "wording a requirement must not use",
    ),
    (
        "kind-require-with",
        "må følges av en bestemt formulering",
        "må følgjast av ei bestemt formulering",
        "must be followed by a given wording",
    ),
    (
        "kind-prefer",
        "utdatert begrep med erstatning",
        "utdatert omgrep med erstatning",
        "outdated term with a replacement",
    ),
    (
        "kind-check",
        "strukturell kontroll",
        "strukturell kontroll",
        "structural check",
    ),
    (
        "strength-binding",
        "bindende krav («skal», «må», minstekrav)",
        "bindande krav («skal», «må», minstekrav)",
        "a binding requirement (shall, must, minimum requirement)",
    ),
    (
        "strength-any",
        "bindende krav, eller svakt («bør», evalueringsspørsmål, opsjon) som godtas",
        "bindande krav, eller svakt («bør», evalueringsspørsmål, opsjon) som blir godteke",
        "a binding requirement, or a weak one (should, evaluation question, option), accepted",
    ),
    (
        "strength-mention",
        "at konkurransegrunnlaget sier det, også uten modalverb",
        "at konkurransegrunnlaget seier det, også utan modalverb",
        "that the tender states it, even without a modal verb",
    ),
];

fn lookup(key: &str) -> Option<&'static Entry> {
    WORDS
        .iter()
        .chain(messages::MESSAGES)
        .chain(outcomes::OUTCOMES)
        .chain(compare::COMPARE)
        .chain(refusals::REFUSALS)
        .chain(review::REVIEW)
        .chain(usage::USAGE)
        .find(|(k, ..)| *k == key)
}

/// A word in the language asked for; the key itself if the table has none.
pub fn word(lang: Lang, key: &'static str) -> &'static str {
    match lookup(key) {
        Some((_, nb, nn, en)) => match lang {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        },
        None => key,
    }
}

/// A word with its marks (`{name}`) filled in wherever they stand, in one pass: a
/// value that holds a mark is left as it is.
pub fn filled(lang: Lang, key: &'static str, values: &[(&str, &str)]) -> String {
    let mut rest = word(lang, key);
    let mut text = String::new();
    while let Some((at, mark, value)) = values
        .iter()
        .filter_map(|(mark, value)| Some((rest.find(mark)?, *mark, *value)))
        .min_by_key(|(at, ..)| *at)
    {
        text.push_str(&rest[..at]);
        text.push_str(value);
        rest = &rest[at + mark.len()..];
    }
    text.push_str(rest);
    text
}

/// The same as [`word`]: the document and CI formats once showed bokmål to a
/// nynorsk reader through it. Every format now speaks nynorsk; the name stays
/// until the branches that call it have merged.
pub fn label(lang: Lang, key: &'static str) -> &'static str {
    word(lang, key)
}

/// A place in a Word file in words: «3.2 Integrasjoner, avsnitt 4» or
/// «3.2 Integrasjoner, tabell 2, rad 5, kolonne 2».
pub fn place(p: &crate::document::FindablePlace, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(h) = &p.heading {
        parts.push(h.clone());
    }
    if p.is_heading {
        parts.push(word(lang, "place-heading").to_string());
    }
    if let Some(n) = p.paragraph {
        parts.push(format!("{} {n}", word(lang, "place-paragraph")));
    }
    if let (Some(t), Some(r)) = (p.table, p.row) {
        parts.push(format!("{} {t}", word(lang, "place-table")));
        parts.push(format!("{} {r}", word(lang, "place-row")));
        if let Some(c) = p.column {
            parts.push(format!("{} {c}", word(lang, "place-column")));
        }
    }
    parts.join(", ")
}

/// The standard category titles, from `rules/categories.yaml`.
fn standard_categories() -> &'static BTreeMap<String, Localized> {
    static TITLES: OnceLock<BTreeMap<String, Localized>> = OnceLock::new();
    TITLES.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct File {
            categories: BTreeMap<String, Localized>,
        }
        // The file is built in and a unit test reads it, so it parses; were it
        // ever broken, categories would show by their keys, not crash a check.
        serde_saphyr::from_str::<File>(include_str!("../../../rules/categories.yaml"))
            .map(|f| f.categories)
            .unwrap_or_default()
    })
}

/// A category's title given the titles its rule set declares: the declared
/// one, else the standard one, else the key.
pub fn category_title_in(
    declared: &BTreeMap<String, Localized>,
    category: &str,
    lang: Lang,
) -> String {
    declared
        .get(category)
        .or_else(|| standard_categories().get(category))
        .map_or_else(|| category.to_string(), |t| t.get(lang).to_string())
}

/// A category's title in a report: as declared by the rule set of the first
/// result in that category (see [`category_title_in`]).
pub fn category_title(report: &CheckReport, category: &str, lang: Lang) -> String {
    let declared = report
        .results
        .iter()
        .find(|r| r.category == category)
        .and_then(|r| {
            report
                .rulesets
                .iter()
                .find(|s| s.id == r.ruleset && s.version == r.ruleset_version)
        })
        .map(|s| &s.categories);
    match declared {
        Some(declared) => category_title_in(declared, category, lang),
        None => category_title_in(&BTreeMap::new(), category, lang),
    }
}

#[cfg(test)]
mod tests;
