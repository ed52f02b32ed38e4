//! Released rule-set versions stay what they were: a tender pinned to
//! `ks-felles-journalloft@1.0.0` / `anskaffelse-hygiene@1.0.0` gets the results it
//! got when 1.0.0 was the newest version, and the released 1.1.0, 1.2.0, 1.2.1, 1.2.2 and
//! 1.2.3 files stay as they were, while the defaults move to 1.2.4.

use std::fmt::Write as _;
use std::path::PathBuf;

use tenderlint::rules::{self, embedded};
use tenderlint::{CheckOptions, check_paths};

const SETS: &[&str] = &["ks-felles-journalloft", "anskaffelse-hygiene"];

/// SHA-256 of the 1.0.0 files as released (2026-11-25). A change here means a
/// released version was edited: every rule change belongs in a newer version.
const RELEASED_1_0_0: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "18bebe274ddf450ca51de3a1c86c1ffcb7ba93a0f3f3c03ccb536edbe2bc1c40",
    ),
    (
        "anskaffelse-hygiene",
        "b9080398e1a2159f7c32eca20070bc056cb450593f7e2f02f3a8ed878340b00e",
    ),
];

/// SHA-256 of the 1.1.0 files as released (2026-12-02); rule changes since go into 1.2.0.
const RELEASED_1_1_0: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "3219f74475260f2fcd5f79218cbb387d3501af2de242c574745552638e5b12a3",
    ),
    (
        "anskaffelse-hygiene",
        "7e5b5a586a8e8e3205b41afcdd7d3091040f125ea71ebe4efb44284da4eaddd7",
    ),
];

/// SHA-256 of the 1.2.0 files as released (2026-12-07); changes since go into 1.2.1.
const RELEASED_1_2_0: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "b67f08c9f3df1df76d0fca3ba8b5e9e6c0317d2defc8de14f7e8a8f79c8827ee",
    ),
    (
        "anskaffelse-hygiene",
        "130a4bddc7500d7b8b29f454ac983a1aad8ec9f9606714f3ef5ab02dbadc9d8b",
    ),
];

/// SHA-256 of the 1.2.1 files as released (2026-12-07); changes since go into 1.2.2.
const RELEASED_1_2_1: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "96570c42c84bb3f1f3d7fbb130982c07daa23bdab9b4ab7744c8ef8959bcd856",
    ),
    (
        "anskaffelse-hygiene",
        "8965390a48da06fcf30e0c09d70e6c5a19dd6d4f3512ee351607e2f75d4a838e",
    ),
];

/// SHA-256 of the 1.2.2 files as released (2026-12-08); changes since go into 1.2.3.
const RELEASED_1_2_2: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "62a6a02915ef780cf65d4d23eab08f70dd55b2f8aa4858e5a652de269c53b5e7",
    ),
    (
        "anskaffelse-hygiene",
        "bdd18e1d5eff383dd0692146811264747175867003354979fd4dedade71fa026",
    ),
];

/// Every released version with its digests, oldest first.
/// SHA-256 of the 1.2.3 files as released (2026-12-08); changes since go into 1.2.4.
const RELEASED_1_2_3: &[(&str, &str)] = &[
    (
        "ks-felles-journalloft",
        "134409ce14f7a01bf07ccd32d497da01df5b84ec65e5b7db083e75e8fb0ed1d3",
    ),
    (
        "anskaffelse-hygiene",
        "8a9038f559ca99efebf3cf14727b0c1bb545d909ff241d98cd2fc62f16caa63f",
    ),
];

const RELEASED: &[(&str, &[(&str, &str)])] = &[
    ("1.0.0", RELEASED_1_0_0),
    ("1.1.0", RELEASED_1_1_0),
    ("1.2.0", RELEASED_1_2_0),
    ("1.2.1", RELEASED_1_2_1),
    ("1.2.2", RELEASED_1_2_2),
    ("1.2.3", RELEASED_1_2_3),
];

#[test]
fn released_sets_are_embedded_byte_for_byte() {
    for (version, digests) in RELEASED {
        for (id, sha) in *digests {
            let set = rules::resolve(&format!("{id}@{version}"))
                .unwrap_or_else(|e| panic!("{id}@{version} is embedded: {e}"));
            assert_eq!(set.version.to_string(), *version);
            assert_eq!(&set.sha256, sha, "{id}@{version} was edited after release");
        }
    }
}

#[test]
fn the_defaults_are_1_2_4() {
    for id in SETS {
        assert_eq!(
            embedded::newest(id),
            Some(semver::Version::new(1, 2, 4)),
            "{id}"
        );
    }
    let defaults = embedded::load_defaults().expect("defaults load");
    assert!(
        defaults
            .iter()
            .all(|s| s.version == semver::Version::new(1, 2, 4))
    );
}

/// Every rule status of the 1.0.0 sets over the held-out and fixture tenders, as
/// recorded while 1.0.0 was the newest version. What it guards is that rule changes
/// stay in 1.1.0; a change of the readers or the engine (tables read better, a new
/// reading rule every set gets) may legitimately change a 1.0.0 status too: then
/// review the diff and update the snapshot, saying so in the commit.
#[test]
fn a_pin_to_1_0_0_gives_the_results_of_1_0_0() {
    let sets: Vec<_> = SETS
        .iter()
        .map(|id| rules::resolve(&format!("{id}@1.0.0")).expect("1.0.0 is embedded"))
        .collect();
    let mut tenders: Vec<PathBuf> = Vec::new();
    for corpus in ["fixtures/heldout", "fixtures/tenders", "fixtures/accuracy"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus)
            .unwrap_or_else(|e| panic!("{corpus}: {e}"))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        tenders.extend(dirs);
    }
    let mut out = String::new();
    for dir in &tenders {
        let report = check_paths(std::slice::from_ref(dir), &sets, &CheckOptions::default());
        let _ = writeln!(out, "## {}", dir.display());
        for r in &report.results {
            assert_eq!(r.ruleset_version, "1.0.0");
            let _ = writeln!(out, "{} {}", r.rule, r.status.as_str());
        }
    }
    insta::assert_snapshot!("pinned_1_0_0_statuses", out);
}

/// `rules diff FROM TO` as the command computes it: each set beside its YAML text.
fn diff(from: &str, to: &str) -> rules::versions::RuleSetDiff {
    let from = rules::resolve_with_yaml(from).expect("from");
    let to = rules::resolve_with_yaml(to).expect("to");
    rules::versions::diff((&from.0, &from.1), (&to.0, &to.1)).expect("diff")
}

#[test]
fn rules_diff_shows_what_1_1_0_changed() {
    let d = diff("ks-felles-journalloft@1.0.0", "ks-felles-journalloft@1.1.0");
    let added: Vec<&str> = d.added.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(added, vec!["INF-009", "INF-010"], "KS 2026 rules");
    assert!(d.removed.is_empty(), "ids are never dropped");
    for rule in ["SEC-005", "INT-017", "ARC-003"] {
        assert!(
            d.changed
                .iter()
                .any(|c| c.rule == rule && c.fields.iter().any(|f| f.field == "match")),
            "{rule}: {d:#?}"
        );
    }
    let d = diff("anskaffelse-hygiene@1.0.0", "anskaffelse-hygiene@1.1.0");
    assert!(d.changed.iter().any(|c| c.rule == "HYG-001"), "{d:#?}");
}
