//! Real Norwegian tenders that are not health-record procurements
//! (`../shared/corpora/tenders-real/`: a forms solution, an app, media monitoring, a
//! web site) as negatives: a rule whose topic is absent from a tender must not be
//! «met» there. Each tender lists the rules that are legitimately met, with the
//! reason; any other «met» is a reading error (issue 14 point 8: the customer's own
//! «kodeverk» is not national terminology, error messages are not correction of
//! records).

use std::collections::BTreeMap;
use std::path::PathBuf;

use tenderlint::findings::Status;
use tenderlint::{CheckOptions, check_paths};

/// (tender folder, [(rule, why it is legitimately met there)]).
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
    (
        "antidoping",
        &[
            ("CON-001", "SSA-O bilag: the contract standard is named"),
            // CON-004 is no longer met (issue 22): «Konsulenten skal levere en kort og presis
            // beskrivelse av sin tilbudte service, support …» sits in the award table the
            // consultant answers in («Konsulentens besvarelse»), an answer template, and asks
            // for a description; it states no service level and no compensation.
            (
                "CON-005",
                "the SSA-O bilag 8 is the data processing agreement",
            ),
            (
                "SEC-002",
                "the SSA-O bilag 8 data processing agreement is an annex of the contract",
            ),
            (
                "CON-009",
                "the consultant's subcontractors are to be listed",
            ),
        ],
    ),
    (
        "digiskjema-SSA-L",
        &[
            (
                "INT-011",
                "Folkeregisteret, KRR and Enhetsregisteret are national registers",
            ),
            ("INT-018", "documented APIs for other systems"),
            (
                "INF-002",
                "export of data (statistics) in standard formats (CSV)",
            ),
            // INF-008 is no longer met (issue 22): «the supplier is data processor» was read in
            // the SSA-L general terms, the state's standard text, which 1.2.0 reads as a form.
            ("ARK-001", "Digdir's national architecture principles"),
            ("UX-001", "universell utforming / WCAG 2.1"),
            ("SEC-002", "databehandleravtale (GDPR art. 28)"),
            ("SEC-003", "the supplier helps with a ROS analysis"),
            ("SEC-004", "tilgangsstyring of roles"),
            ("SEC-005", "logging among the security requirements"),
            ("SEC-010", "controlled remote access (fjernaksess)"),
            ("SEC-011", "ISO/IEC 27001"),
            (
                "ARC-003",
                "the municipality's deletion rules (sletteregler) for submitted forms",
            ),
            ("HYG-006", "fulfilment by the tender deadline is stated"),
            ("HYG-011", "environmental and sustainability requirements"),
            ("CON-001", "SSA-L"),
            ("CON-003", "an option (flytprosesser) with its prices"),
            (
                "CON-004",
                "Bilag 4 service levels with standardised compensation",
            ),
            (
                "CON-005",
                "the data processing agreement is attached to bilag 2",
            ),
            ("CON-009", "subcontractors follow the security requirements"),
            ("CON-010", "prices per large, medium and small municipality"),
        ],
    ),
    (
        "nve-medieovervaking",
        &[
            ("INF-001", "the customer keeps ownership of its data"),
            // Met through the attached DFØ data processing agreement («DFØ sin mal for
            // databehandleravtale er vedlagt»: SEC-002 reads annexes as binding, and «vedlagt»
            // names one); neither the standard agreement's own clauses nor the contents line
            // «Bilag 8: Databehandleravtale 11» count since 1.2.0 reads forms.
            (
                "SEC-002",
                "the data processing agreement (Databehandleravtalen)",
            ),
            ("SEC-004", "tilgangskontroll"),
            ("CON-001", "SSA-O bilag"),
            ("CON-004", "guaranteed and documented uptime"),
            ("CON-005", "bilag 8 is the data processing agreement"),
        ],
    ),
    (
        "vetinst-nettsider",
        &[
            ("INF-008", "the supplier acts as data processor"),
            ("ARK-006", "an overview of integrations is to be delivered"),
            (
                "ARK-008",
                "separate production, test and staging environments",
            ),
            ("UX-001", "universell utforming, WCAG 2.1"),
            ("SEC-002", "databehandleravtale (GDPR art. 28)"),
            (
                "SEC-009",
                "data stored and processed within the EU/EEA, transfer to third countries",
            ),
            ("ARC-004", "data handed back at the end of the contract"),
            ("HYG-011", "environmental and social responsibility"),
            ("CON-004", "service level (SLA)"),
            ("CON-008", "assistance at the end of the contract"),
        ],
    ),
];

/// The real tenders: under `TENDERLINT_SHARED` when it is set, else beside this checkout
/// (`../shared`) or beside the folder of worktrees it sits in (`../../shared`).
fn real_tenders() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = match std::env::var_os("TENDERLINT_SHARED") {
        Some(shared) => vec![PathBuf::from(shared)],
        None => vec![manifest.join("../shared"), manifest.join("../../shared")],
    };
    let found = candidates
        .into_iter()
        .map(|shared| shared.join("corpora/tenders-real"))
        .find(|dir| dir.is_dir());
    if found.is_none() {
        eprintln!(
            "note: no shared/corpora/tenders-real (TENDERLINT_SHARED, ../shared, ../../shared); real-tender negatives skipped"
        );
    }
    found
}

fn met_rules(dir: &PathBuf) -> BTreeMap<String, Vec<String>> {
    let sets = tenderlint::rules::embedded::load_defaults().expect("default rule sets load");
    let report = check_paths(std::slice::from_ref(dir), &sets, &CheckOptions::default());
    for f in &report.files {
        assert!(f.error.is_none(), "{}: {:?}", f.path, f.error);
    }
    report
        .results
        .iter()
        .filter(|r| r.status == Status::Met)
        .map(|r| {
            let excerpts = r
                .evidence
                .iter()
                .map(|e| e.excerpt.chars().take(160).collect())
                .collect();
            (r.rule.clone(), excerpts)
        })
        .collect()
}

#[test]
fn no_rule_is_met_on_a_real_tender_whose_topic_it_lacks() {
    let Some(root) = real_tenders() else { return };
    let mut folders: Vec<String> = std::fs::read_dir(&root)
        .expect("list tenders-real")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut wrong = Vec::new();
    for folder in &folders {
        let Some((_, allowed)) = EXPECTED.iter().find(|(name, _)| name == folder) else {
            panic!("{folder}: a real tender without an expectation in this test; add one");
        };
        let met = met_rules(&root.join(folder));
        for (rule, excerpts) in &met {
            if !allowed.iter().any(|(r, _)| r == rule) {
                wrong.push(format!("{folder} {rule}: met by {excerpts:?}"));
            }
        }
        // An expectation that no longer holds is stale: say so, so it is removed.
        for (rule, why) in *allowed {
            if !met.contains_key(*rule) {
                eprintln!("note: {folder} {rule} ({why}) is no longer met");
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "rules met on real tenders whose topic they lack:\n{}",
        wrong.join("\n")
    );
}

/// Issue 14 point 8, named: the two readings that were wrong on the Indigo tender.
#[test]
fn indigo_own_code_lists_and_error_messages_meet_no_health_rule() {
    let Some(root) = real_tenders() else { return };
    let met = met_rules(&root.join("digiskjema-SSA-L"));
    assert!(!met.contains_key("INT-017"), "{:?}", met.get("INT-017"));
    if let Some(excerpts) = met.get("ARC-003") {
        assert!(
            excerpts.iter().all(|e| !e.contains("Feilmeldinger")),
            "ARC-003 met by the error-message sentence: {excerpts:?}"
        );
    }
}
