//! Issue 22, part «scope»: verdicts that hold on wording nobody here wrote — what a
//! tender puts out of scope, options for the rules about options, the service a
//! tender buys named bare where it says what it buys, an instruction to describe
//! that is no service level, and two rules that share evidence agreeing on it. Each
//! tender is checked through `check_paths` with the 1.2.0 rule sets.

use crate::support::tender::{check_markdown, result};
use std::path::PathBuf;
use tenderlint::findings::{CheckReport, Coverage, Status};
use tenderlint::report::{self, Format, RenderOptions};
use tenderlint::{CheckOptions, Lang, check_paths};

const KS: &str = "ks-felles-journalloft@1.2.0";
const HYGIENE: &str = "anskaffelse-hygiene@1.2.0";

fn check(markdown: &str, set: &str) -> CheckReport {
    check_markdown(markdown, set)
}

/// The real tenders beside the checkout (`../shared`), or beside the folder of
/// worktrees a checkout may sit in (`../../shared`).
fn real_tender(name: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found = ["../shared", "../../shared"]
        .iter()
        .map(|up| manifest.join(up).join("corpora/tenders-real").join(name))
        .find(|dir| dir.is_dir());
    if found.is_none() {
        eprintln!("note: the real tender {name} is absent; skipped");
    }
    found
}

fn check_real(dir: PathBuf) -> CheckReport {
    let sets = [
        tenderlint::rules::resolve(KS).expect("embedded"),
        tenderlint::rules::resolve(HYGIENE).expect("embedded"),
    ];
    let report = check_paths(&[dir], &sets, &CheckOptions::default());
    for f in &report.files {
        assert!(f.error.is_none(), "{}: {:?}", f.path, f.error);
    }
    report
}

const ARCHIVE_EXCLUDED: &str = "# Kravspesifikasjon\n\n## 5 Arkiv\n\nDet stilles ikke krav til \
bevaring og kassasjon i journalløsningen; det håndteres av kommunens sak- og arkivsystem.\n\n\
## 9 Avslutning\n\nVed avtalens slutt skal leverandøren levere et arkivuttrekk i henhold til \
Riksarkivarens forskrift.\n";

#[test]
fn a_topic_the_tender_excludes_stays_missing_and_the_exclusion_is_cited() {
    let report = check(ARCHIVE_EXCLUDED, KS);
    let arc = result(&report, "ARC-001");
    assert_eq!(arc.status, Status::Missing, "{:?}", arc.evidence);
    assert!(
        arc.evidence.iter().any(|e| e.coverage == Coverage::Negated
            && e.excerpt
                .contains("Det stilles ikke krav til bevaring og kassasjon")),
        "the exclusion is the evidence: {:?}",
        arc.evidence
    );
}

#[test]
fn a_statement_sharing_only_a_neighbouring_term_with_an_exclusion_is_excluded_evidence() {
    // The exclusion names «kassasjon»; the later binding sentence cites only the
    // regulation, for disposal: it does not bring the topic back.
    let tender = "# Krav\n\n## Arkiv\n\nKassasjon inngår ikke i leveransen.\n\n## Drift\n\n\
Løsningen skal følge Riksarkivarens forskrift for sletting av loggdata.\n";
    let report = check(tender, KS);
    let arc = result(&report, "ARC-001");
    assert_eq!(arc.status, Status::Missing, "{:?}", arc.evidence);
    let coverages: Vec<Coverage> = arc.evidence.iter().map(|e| e.coverage).collect();
    assert!(coverages.contains(&Coverage::Negated), "{coverages:?}");
    assert!(coverages.contains(&Coverage::Excluded), "{coverages:?}");
}

#[test]
fn a_binding_sentence_that_names_the_excluded_topic_itself_still_covers_it() {
    let tender = "# Krav\n\n## Arkiv\n\nBevaring og kassasjon av papirarkivet inngår ikke i \
leveransen.\n\n## Journal\n\nLøsningen skal støtte bevaring og kassasjon av pasientopplysninger \
etter Riksarkivarens forskrift § 7-29.\n";
    let report = check(tender, KS);
    assert_eq!(result(&report, "ARC-001").status, Status::Met);
}

#[test]
fn an_inflection_or_compound_of_the_excluded_topic_brings_it_back() {
    // "retention periods" names the retention the exclusion named, with another term.
    let tender = "# Requirements\n\n## Archive\n\nRetention and disposal is out of scope.\n\n\
## Records\n\nThe solution shall support retention periods for patient records.\n";
    let report = check(tender, KS);
    assert_eq!(result(&report, "ARC-001").status, Status::Met);
}

#[test]
fn a_nynorsk_exclusion_blocks_a_neighbouring_citation() {
    let tender = "# Krav\n\n## Arkiv\n\nKassasjon inngår ikkje i leveransen.\n\n## Drift\n\n\
Løysinga skal følgje forskrifta til Riksarkivaren for sletting av loggdata.\n";
    let report = check(tender, KS);
    let arc = result(&report, "ARC-001");
    assert_eq!(arc.status, Status::Missing, "{:?}", arc.evidence);
    assert!(
        arc.evidence
            .iter()
            .any(|e| e.coverage == Coverage::Excluded)
    );
}

#[test]
fn an_exclusion_in_background_text_blocks_nothing() {
    let tender = "# Krav\n\n## Bakgrunn\n\nI dagens avtale inngår ikke kassasjon.\n\n## Drift\n\n\
Løsningen skal følge Riksarkivarens forskrift for sletting av loggdata.\n";
    let report = check(tender, KS);
    assert_eq!(result(&report, "ARC-001").status, Status::Met);
}

#[test]
fn the_archive_extract_under_the_regulation_is_not_retention_and_disposal() {
    let tender = "# Krav\n\n## Avslutning\n\nVed avtalens slutt skal leverandøren levere et \
arkivuttrekk i henhold til Riksarkivarens forskrift.\n";
    let report = check(tender, KS);
    assert_eq!(result(&report, "ARC-001").status, Status::Missing);
    assert_eq!(result(&report, "ARC-002").status, Status::Met);
}

#[test]
fn an_option_with_scope_cap_price_and_window_meets_the_option_rule() {
    let tender = "# Konkurransegrunnlag\n\n## 6 Opsjoner\n\nOpsjon 2: Kommunen kan bestille modul \
for fysio- og ergoterapitjenesten for inntil 60 brukere, til fast pris per bruker etter bilag 7, \
ved skriftlig bestilling innen tre år etter kontraktsinngåelse.\n";
    let report = check(tender, HYGIENE);
    let con = result(&report, "CON-003");
    assert_eq!(con.status, Status::Met, "{:?}", con.evidence);
}

#[test]
fn a_topic_rule_still_reads_an_option_as_weak() {
    let tender = "# Krav\n\n## Opsjoner\n\nOpsjon 1: Leverandøren skal levere integrasjon med \
kjernejournal til fast pris etter prisskjemaet.\n";
    let report = check(tender, KS);
    assert_eq!(result(&report, "INT-001").status, Status::Weak);
}

#[test]
fn an_instruction_to_describe_the_service_is_no_service_level() {
    let tender = "# Bilag 2\n\n## 3 Service og support\n\nKonsulenten skal levere en kort og presis \
beskrivelse av sin tilbudte service, support og responstid.\n";
    let report = check(tender, HYGIENE);
    let con = result(&report, "CON-004");
    assert_ne!(con.status, Status::Met, "{:?}", con.evidence);
}

#[test]
fn a_required_service_level_is_still_one() {
    let tender = "# Krav\n\n## Tjenestenivå\n\nLeverandøren skal levere tjenesten med \
tjenestenivå etter SSA-D bilag 7, med standardiserte kompensasjoner ved brudd.\n";
    let report = check(tender, HYGIENE);
    assert_eq!(result(&report, "CON-004").status, Status::Met);
}

#[test]
fn a_numbered_contract_annex_that_is_the_dpa_meets_both_dpa_rules() {
    let tender = "# Bilag 1\n\n## Avtalens punkt 7.2.2 Behandling av personopplysninger\n\n\
Se SSA-O Generell avtaletekst punkt 7.2.2 og SSA-O Bilag 8 Databehandleravtaler.\n";
    let ks = check(tender, KS);
    let hygiene = check(tender, HYGIENE);
    assert_eq!(result(&ks, "SEC-002").status, Status::Met);
    assert_eq!(result(&hygiene, "CON-005").status, Status::Met);
}

#[test]
fn an_attached_dpa_meets_both_dpa_rules_and_a_bare_mention_neither() {
    let attached = "# Krav\n\n## Personvern\n\nDatabehandleravtalen ligger ved som vedlegg.\n";
    let mentioned = "# Krav\n\n## Personvern\n\nLeverandøren har databehandleravtaler med \
sine underleverandører.\n";
    for (tender, met) in [(attached, true), (mentioned, false)] {
        let sec = check(tender, KS);
        let con = check(tender, HYGIENE);
        assert_eq!(
            result(&sec, "SEC-002").status == Status::Met,
            met,
            "{tender}"
        );
        assert_eq!(
            result(&con, "CON-005").status == Status::Met,
            met,
            "{tender}"
        );
    }
}

#[test]
fn antidoping_describing_the_support_offered_does_not_meet_the_sla_rule() {
    let Some(dir) = real_tender("antidoping") else {
        return;
    };
    let report = check_real(dir);
    let con = result(&report, "CON-004");
    assert!(
        con.status != Status::Met
            || con
                .evidence
                .iter()
                .all(|e| !e.excerpt.contains("kort og presis beskrivelse")),
        "{:?}",
        con.evidence
    );
}

#[test]
fn antidoping_dpa_rules_agree_on_the_ssa_annex() {
    let Some(dir) = real_tender("antidoping") else {
        return;
    };
    let report = check_real(dir);
    let sec = result(&report, "SEC-002");
    let con = result(&report, "CON-005");
    assert_eq!(
        sec.status == Status::Met,
        con.status == Status::Met,
        "SEC-002 {:?} vs CON-005 {:?}",
        sec.status,
        con.status
    );
    assert_eq!(sec.status, Status::Met, "{:?}", sec.evidence);
}

const LEGEVAKT_TENDER: &str = "# Journalsystem for Nordvik legevakt\n\n## 1 Omfang\n\nKommunen \
anskaffer et journalsystem for legevakten.\n\n## 2 Krav\n\nLøsningen skal ha god ytelse.\n";

#[test]
fn a_tender_titled_for_the_legevakt_has_legevakt_in_scope_and_its_legal_duties_are_errors() {
    let report = check(LEGEVAKT_TENDER, KS);
    assert!(
        report.services.detected.contains(&"legevakt".to_string()),
        "{:?}",
        report.services
    );
    for rule in ["INT-001", "INT-004"] {
        let r = result(&report, rule);
        assert_eq!(r.status, Status::Missing, "{rule}");
        assert_eq!(r.severity, tenderlint::rules::Severity::Error, "{rule}");
    }
}

#[test]
fn the_report_says_which_line_put_the_service_in_scope() {
    let report = check(LEGEVAKT_TENDER, KS);
    let origin = report
        .services
        .origins
        .iter()
        .find(|o| o.service == "legevakt")
        .expect("an origin for legevakt");
    assert_eq!(origin.line, Some(1), "{origin:?}");
    let render = |format, lang| {
        let options = RenderOptions {
            lang,
            ..RenderOptions::default()
        };
        String::from_utf8(report::render(&report, format, &options)).expect("UTF-8")
    };
    let json = render(Format::Json, Lang::Nb);
    assert!(json.contains("\"line\": 1"), "{json}");
    // Every format states the services in words, with the line.
    let markdown = render(Format::Markdown, Lang::En);
    assert!(markdown.contains(", line 1"), "{markdown}");
    let human = render(Format::Human, Lang::Nb);
    assert!(human.contains(", linje 1"), "{human}");
}

#[test]
fn a_bare_legevakt_in_background_or_in_another_requirement_puts_nothing_in_scope() {
    let tender = "# Journalsystem for pleie og omsorg\n\n## 1 Nåsituasjon\n\nLegevakten bruker \
i dag et annet system.\n\n## 2 Krav\n\nLøsningen skal sende epikrise til legevakten.\n";
    let report = check(tender, KS);
    assert!(
        !report.services.detected.contains(&"legevakt".to_string()),
        "{:?}",
        report.services
    );
}

#[test]
fn a_legevakt_the_scope_section_leaves_out_is_not_in_scope() {
    let tender = "# Journalsystem for sykehjem\n\n## 1 Omfang\n\nLegevakten inngår ikke i \
anskaffelsen.\n";
    let report = check(tender, KS);
    assert!(
        !report.services.detected.contains(&"legevakt".to_string()),
        "{:?}",
        report.services
    );
}

#[test]
fn explain_says_which_rules_read_options_or_annexes_as_binding() {
    let explain = |rule: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tenderlint"))
            .args(["explain", rule, "--lang", "en"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(explain("CON-003").contains("Reads an option as binding"));
    assert!(explain("SEC-002").contains("Reads an annex of the contract as binding"));
    let topic = explain("INT-001");
    assert!(!topic.contains("Reads an option") && !topic.contains("Reads an annex"));
}
