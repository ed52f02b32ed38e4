//! Precision, recall and F1 of the brand and option findings (HYG-001: a product
//! named without «eller tilsvarende»; CON-002: an option for other municipalities
//! without named parties or a cap) on every labelled corpus, one finding per tender
//! and rule: a `violation` where the label says `violation` is a true positive.
//!
//! Issue 22 measured the brand/option findings at F1 0.82 on a corpus written from
//! the brief alone; its misses were a class (a brand excused because «integrasjon»
//! stood in its heading or sentence). The floors below are what 1.2.0 reaches
//! (2026-12-07): HYG-001 1.0 on every corpus, so a lost brand or a new false one shows.

use std::collections::BTreeMap;
use std::path::Path;

use tenderlint::findings::Status;
use tenderlint::{CheckOptions, check_paths};

const CORPORA: &[&str] = &["fixtures/accuracy", "fixtures/heldout", "fixtures/fresh"];

/// The least F1 HYG-001 may have on any corpus.
const HYG_001_FLOOR: f64 = 0.9;
/// The least F1 of HYG-001 and CON-002 together, over all corpora.
const BRAND_AND_OPTION_FLOOR: f64 = 0.9;

#[derive(serde::Deserialize)]
struct Labels {
    labels: BTreeMap<String, String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    tp: usize,
    fp: usize,
    missed: usize,
}

impl Count {
    fn add(&mut self, other: Count) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.missed += other.missed;
    }

    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.missed)
    }

    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A ratio with nothing to find and nothing found counted as perfect.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

/// Per rule, what the default sets find on the tenders of `corpus`.
fn measure(corpus: &str, rules: &[&str], misses: &mut Vec<String>) -> BTreeMap<String, Count> {
    let sets = tenderlint::rules::embedded::load_defaults().expect("default rule sets load");
    let mut counts: BTreeMap<String, Count> = BTreeMap::new();
    let mut tenders: Vec<_> = std::fs::read_dir(corpus)
        .unwrap_or_else(|e| panic!("{corpus}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    tenders.sort();
    for dir in tenders {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let labels_path = Path::new(corpus).join(format!("{name}.expected.yaml"));
        let text = std::fs::read_to_string(&labels_path)
            .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
        let labels: Labels = serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
        let report = check_paths(std::slice::from_ref(&dir), &sets, &CheckOptions::default());
        for &rule in rules {
            let found = report
                .results
                .iter()
                .find(|r| r.rule == rule)
                .is_some_and(|r| r.status == Status::Violation);
            let labelled = labels.labels.get(rule).is_some_and(|l| l == "violation");
            let count = counts.entry(rule.to_string()).or_default();
            match (found, labelled) {
                (true, true) => count.tp += 1,
                (true, false) => {
                    count.fp += 1;
                    misses.push(format!("{corpus}/{name} {rule}: false violation"));
                }
                (false, true) => {
                    count.missed += 1;
                    misses.push(format!("{corpus}/{name} {rule}: violation missed"));
                }
                (false, false) => {}
            }
        }
    }
    counts
}

#[test]
fn brand_and_option_findings_reach_their_f1_floor_on_every_labelled_corpus() {
    let rules = ["HYG-001", "CON-002"];
    let mut misses = Vec::new();
    let mut both = Count::default();
    let mut low = Vec::new();
    for corpus in CORPORA {
        let counts = measure(corpus, &rules, &mut misses);
        for (rule, count) in &counts {
            println!(
                "{corpus:<18} {rule}: tp {} fp {} missed {}  precision {:.2} recall {:.2} F1 {:.2}",
                count.tp,
                count.fp,
                count.missed,
                count.precision(),
                count.recall(),
                count.f1()
            );
            both.add(*count);
        }
        let brand = counts.get("HYG-001").copied().unwrap_or_default();
        if brand.f1() < HYG_001_FLOOR {
            low.push(format!("{corpus}: HYG-001 F1 {:.2}", brand.f1()));
        }
    }
    println!(
        "all corpora, HYG-001 and CON-002: precision {:.2} recall {:.2} F1 {:.2}",
        both.precision(),
        both.recall(),
        both.f1()
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        low.is_empty(),
        "{} (floor {HYG_001_FLOOR}); misses:\n{}",
        low.join(", "),
        misses.join("\n")
    );
    assert!(
        both.f1() >= BRAND_AND_OPTION_FLOOR,
        "brand and option F1 {:.2} below {BRAND_AND_OPTION_FLOOR}; misses:\n{}",
        both.f1(),
        misses.join("\n")
    );
}
