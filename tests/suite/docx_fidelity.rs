//! Fidelity as a number: how many of the words an independent reader finds in every
//! DOCX of the shared corpora does tenderlint read as tender text?
//!
//! The independent reader is `tests/fidelity/reference.py` (Python with lxml: the
//! `w:t` of body, footnotes, endnotes, headers and footers, minus hidden and deleted
//! text). Tenderlint's side is the text `tenderlint extract` shows, header rows by
//! their statements only. The score is token recall (each word counted
//! as often as the reference has it). The test fails below 98 % overall, or for a
//! file below 90 % that `tests/fidelity/allowlist.txt` does not explain, for an
//! allowlist entry that is no longer needed, and when fewer than 99 % of the words
//! tenderlint reads are the reference's (hidden or deleted text read).
//!
//! Measured on the 324 files of the shared corpora: before header rows were read by
//! evidence, 99.16 % overall (87.98 % on average per file, 79 files below 90 %);
//! after, 100.00 % (no file below 90 %).
use crate::support::docx as support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::corpora;
use unicode_normalization::UnicodeNormalization;

const OVERALL_FLOOR: f64 = 0.98;
const FILE_FLOOR: f64 = 0.90;
/// Of the words tenderlint reads, how many the reference has too: text read that
/// the vendor never sees (hidden, deleted) would show here.
const PRECISION_FLOOR: f64 = 0.99;

fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            docx_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        {
            out.push(path);
        }
    }
}

/// Words as the reference counts them: letters and digits, lower-cased, composed,
/// soft hyphens dropped.
fn count_words(text: &str, counts: &mut HashMap<String, u32>) {
    let text: String = text.nfc().filter(|&c| c != '\u{AD}').collect();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_default() += 1;
    }
}

/// The words tenderlint reads as tender text: every block `extract` shows, except
/// that a header row counts only with what it states (its titles name columns; a
/// first row wrongly taken for a header is lost to the engine, and must count so).
fn tenderlint_words(path: &Path) -> Result<HashMap<String, u32>, String> {
    let doc = tenderlint::document::read_file(path).map_err(|e| e.to_string())?;
    let mut counts = HashMap::new();
    for block in tenderlint::extract::extract(&doc, None) {
        if block.kind.ends_with("-header") {
            for statement in &block.statements {
                count_words(&statement.text, &mut counts);
            }
        } else {
            count_words(&block.text, &mut counts);
        }
    }
    Ok(counts)
}

/// Words of `reference` that `ours` has too, each counted as often as both have it,
/// and the reference's total.
fn recall(reference: &HashMap<String, u32>, ours: &HashMap<String, u32>) -> (u64, u64) {
    let total: u64 = reference.values().map(|&n| u64::from(n)).sum();
    let found: u64 = reference
        .iter()
        .map(|(w, &n)| u64::from(n.min(ours.get(w).copied().unwrap_or(0))))
        .sum();
    (found, total)
}

/// `file name<TAB>reason` lines; `#` starts a comment.
fn allowlist() -> HashMap<String, String> {
    let text = include_str!("../fidelity/allowlist.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (name, reason) = l.split_once('\t')?;
            Some((name.trim().to_string(), reason.trim().to_string()))
        })
        .collect()
}

type Words = HashMap<String, u32>;

/// The reference reader's words of every file (or why it could not read one).
fn reference_words(python: &Path, files: &[PathBuf]) -> HashMap<PathBuf, Result<Words, String>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fidelity/reference.py");
    let output = Command::new(python)
        .arg(script)
        .args(files)
        .output()
        .expect("the reference reader runs");
    assert!(
        output.status.success(),
        "reference reader failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut reference = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        let file = PathBuf::from(value["file"].as_str().unwrap_or_default());
        let entry = match value.get("tokens") {
            Some(tokens) => Ok(serde_json::from_value(tokens.clone()).unwrap_or_default()),
            None => Err(value["error"].as_str().unwrap_or("?").to_string()),
        };
        reference.insert(file, entry);
    }
    reference
}

/// The comparison over the whole corpus.
#[derive(Default)]
struct Fidelity {
    /// Reference words tenderlint reads too, and all reference words.
    found: u64,
    total: u64,
    /// The other way round: words tenderlint reads that the reference sees too (hidden or
    /// deleted text read, text read twice, would be missing here), and all words it reads.
    ours_found: u64,
    ours_total: u64,
    /// (recall, file name, reference words) per file, worst first.
    scores: Vec<(f64, String, u64)>,
    unreadable_by_reference: Vec<String>,
    refused: Vec<String>,
}

impl Fidelity {
    fn measure(
        root: &Path,
        files: &[PathBuf],
        reference: &HashMap<PathBuf, Result<Words, String>>,
    ) -> Fidelity {
        let mut f = Fidelity::default();
        for file in files {
            let name = file
                .strip_prefix(root)
                .unwrap_or(file)
                .display()
                .to_string();
            let reference = match reference.get(file) {
                Some(Ok(r)) => r,
                Some(Err(e)) => {
                    f.unreadable_by_reference.push(format!("{name}: {e}"));
                    continue;
                }
                None => panic!("the reference reader said nothing about {name}"),
            };
            let ours = tenderlint_words(file).unwrap_or_else(|e| {
                f.refused.push(format!("{name}: {e}"));
                HashMap::new()
            });
            let (found, total) = recall(reference, &ours);
            let (extra_found, extra_total) = recall(&ours, reference);
            f.ours_found += extra_found;
            f.ours_total += extra_total;
            f.found += found;
            f.total += total;
            if total > 0 {
                f.scores.push((found as f64 / total as f64, name, total));
            }
        }
        // Worst first; of equal scores, the file with more words first.
        f.scores
            .sort_by(|a, b| a.0.total_cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
        f
    }

    fn overall(&self) -> f64 {
        self.found as f64 / self.total.max(1) as f64
    }

    fn precision(&self) -> f64 {
        self.ours_found as f64 / self.ours_total.max(1) as f64
    }

    fn print(&self, allowed: &HashMap<String, String>) {
        println!(
            "DOCX fidelity: {} files, {} of {} reference words read: {:.2} % overall",
            self.scores.len(),
            self.found,
            self.total,
            self.overall() * 100.0
        );
        println!(
            "  and {} of the {} words tenderlint reads are the reference's: {:.2} % precision",
            self.ours_found,
            self.ours_total,
            self.precision() * 100.0
        );
        println!("worst ten:");
        for (score, name, total) in self.scores.iter().take(10) {
            let note = allowed
                .get(name)
                .map(|r| format!("  (allowed: {r})"))
                .unwrap_or_default();
            println!("  {:6.2} %  {total:>7} words  {name}{note}", score * 100.0);
        }
        // TENDERLINT_FIDELITY_SCORES=FILE keeps every file's score, to compare two runs.
        if let Some(out) = std::env::var_os("TENDERLINT_FIDELITY_SCORES") {
            let lines: String = self
                .scores
                .iter()
                .map(|(score, name, total)| format!("{score:.4}\t{total}\t{name}\n"))
                .collect();
            std::fs::write(out, lines).expect("scores written");
        }
        for r in &self.refused {
            println!("  refused by tenderlint: {r}");
        }
        for r in &self.unreadable_by_reference {
            println!("  not readable by the reference: {r}");
        }
    }

    fn assert_floors(&self, allowed: &HashMap<String, String>) {
        let unexplained: Vec<String> = self
            .scores
            .iter()
            .filter(|(score, name, _)| *score < FILE_FLOOR && !allowed.contains_key(name))
            .map(|(score, name, _)| format!("{name}: {:.2} %", score * 100.0))
            .collect();
        let stale: Vec<&String> = allowed
            .keys()
            .filter(|name| {
                self.scores
                    .iter()
                    .find(|(_, n, _)| n == *name)
                    .is_none_or(|(score, _, _)| *score >= FILE_FLOOR)
            })
            .collect();
        assert!(
            self.precision() >= PRECISION_FLOOR,
            "precision {:.2} % is below {:.0} %",
            self.precision() * 100.0,
            PRECISION_FLOOR * 100.0
        );
        assert!(
            self.overall() >= OVERALL_FLOOR,
            "overall recall {:.2} % is below {:.0} %",
            self.overall() * 100.0,
            OVERALL_FLOOR * 100.0
        );
        assert!(
            unexplained.is_empty(),
            "files below {:.0} % that the allowlist does not explain: {unexplained:#?}",
            FILE_FLOOR * 100.0
        );
        assert!(
            stale.is_empty(),
            "allowlist entries no longer needed (at or above the floor, or gone): {stale:#?}"
        );
    }
}

#[test]
fn tenderlint_reads_at_least_98_percent_of_the_words_an_independent_reader_finds() {
    let Some(root) = corpora() else { return };
    let Some(python) = crate::support::python_or_skip("lxml", "DOCX fidelity test") else {
        return;
    };
    let mut files = Vec::new();
    for dir in ["docx-real", "docx-generated", "tenders-real"] {
        docx_files(&root.join(dir), &mut files);
    }
    files.sort();
    assert!(!files.is_empty(), "no .docx under {}", root.display());

    let reference = reference_words(&python, &files);
    let fidelity = Fidelity::measure(&root, &files, &reference);
    let allowed = allowlist();
    fidelity.print(&allowed);
    fidelity.assert_floors(&allowed);
}
