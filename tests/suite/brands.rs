//! HYG-001 finds named products through the general mechanism (vendor and product
//! gazetteers, and an unknown capitalised name after a word that introduces a
//! product), not only through names a list holds: the names below are in no list
//! of tenderlint's (checked by the first test), and national services, defined
//! terms and a product with «eller tilsvarende» give no finding.

use tenderlint::findings::Status;
use tenderlint::{CheckOptions, check_paths};

/// Real and invented products that no gazetteer or rule lists.
const UNLISTED: &[(&str, &str)] = &[
    (
        "Løsningen skal være basert på Vendrix Flow.",
        "vendrix flow",
    ),
    ("Løysinga skal byggjast på Quorvex Cloud.", "quorvex cloud"),
    ("Analysene skal leveres i Databricks.", "databricks"),
    ("Pålogging skal skje via Keycloak.", "keycloak"),
    ("Overvåkingen skal benytte Grafana.", "grafana"),
    (
        "The platform shall be based on Nextcloud Hub.",
        "nextcloud hub",
    ),
];

fn hyg001(text: &str) -> (Status, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("krav.md"), format!("# Krav\n\n{text}\n")).expect("write");
    let set = tenderlint::rules::resolve("anskaffelse-hygiene@1.1.0").expect("1.1.0 is embedded");
    let report = check_paths(
        &[dir.path().to_path_buf()],
        &[set],
        &CheckOptions::default(),
    );
    let r = report
        .results
        .iter()
        .find(|r| r.rule == "HYG-001")
        .expect("HYG-001 ran");
    let matched = r
        .evidence
        .iter()
        .filter_map(|e| e.matched.clone())
        .collect();
    (r.status, matched)
}

/// (HYG-001's own terms besides the gazetteers are only «Profil», «Epic» and «System X».)
#[test]
fn the_unlisted_names_are_in_no_list() {
    let lists = [
        include_str!("../../rules/gazetteers/vendors.txt"),
        include_str!("../../rules/gazetteers/products.txt"),
    ]
    .join("\n")
    .to_lowercase();
    for (_, product) in UNLISTED {
        let first = product.split(' ').next().unwrap_or(product);
        assert!(!lists.contains(first), "{first} is listed somewhere");
    }
}

#[test]
fn unlisted_products_in_binding_requirements_are_violations_with_their_span() {
    for (text, product) in UNLISTED {
        let (status, matched) = hyg001(text);
        assert_eq!(status, Status::Violation, "{text}");
        assert_eq!(matched, vec![product.to_string()], "{text}");
    }
}

#[test]
fn vendor_names_take_the_product_words_after_them() {
    for (text, product) in [
        (
            "Løsningen skal være basert på Microsoft SharePoint.",
            "microsoft sharepoint",
        ),
        ("Meldingane skal sendast over IBM MQ.", "ibm mq"),
        ("Appen skal leveres for Samsung Galaxy.", "samsung galaxy"),
        ("Rapporter skal lages med Qlik Sense.", "qlik sense"),
        (
            "The solution shall be based on Google Workspace.",
            "google workspace",
        ),
        ("Løsningen skal benytte PostgreSQL.", "postgresql"),
    ] {
        let (status, matched) = hyg001(text);
        assert_eq!(status, Status::Violation, "{text}");
        assert_eq!(matched, vec![product.to_string()], "{text}");
    }
}

#[test]
fn national_services_defined_terms_and_or_equivalent_are_no_finding() {
    for text in [
        "Løsningen skal integreres med Kjernejournal, og pålogging skal skje via HelseID.",
        "Løsningen skal samhandle med Helsenorge og bruke e-resept.",
        "Signering skal skje via Digdirs signeringstjeneste.",
        "Løsningen skal benytte «Vendrix» slik begrepet er definert i kapittel 1.",
        "Løsningen skal være basert på Vendrix Flow eller tilsvarende.",
        "Løsningen skal være basert på Microsoft SharePoint eller tilsvarende.",
        "Avtalen skal inngås med Leverandøren, og dataene skal deles med Fjellstrand kommune.",
        "Grensesnittet skal være basert på FHIR.",
    ] {
        let (status, matched) = hyg001(text);
        assert_eq!(status, Status::Passed, "{text}: {matched:?}");
    }
}
