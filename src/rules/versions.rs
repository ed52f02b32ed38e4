//! Rule-set versions: which newer versions exist than the ones a tender is pinned
//! to, and what changed between two versions, rule by rule.
//!
//! A pin never moves by itself: a newer version only produces a notice, so the
//! results of a tender change when someone edits the pin, not when tenderlint is
//! upgraded.

use super::RuleSet;
use crate::findings::Notice;
use crate::rules::Severity;
use serde::Serialize;
use std::path::Path;

/// The newest version available for a set, if newer than the one loaded: for an
/// embedded set the newest embedded version; for a file laid out like the embedded
/// sets (`<dir>/<id>/<version>.yaml`) the newest sibling file.
pub fn newer_version(set: &RuleSet) -> Option<semver::Version> {
    let newest = if set.origin.starts_with("embedded:") {
        super::embedded::newest(&set.id)?
    } else {
        newest_sibling(Path::new(&set.origin), &set.id)?
    };
    (newest > set.version).then_some(newest)
}

fn newest_sibling(path: &Path, id: &str) -> Option<semver::Version> {
    let dir = path.parent()?;
    let dir_name = dir
        .canonicalize()
        .ok()?
        .file_name()?
        .to_string_lossy()
        .to_string();
    if dir_name != id {
        return None;
    }
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            semver::Version::parse(name.strip_suffix(".yaml")?).ok()
        })
        .max()
}

/// One notice naming every set for which a newer version exists, or none.
pub fn newer_versions_notice(sets: &[RuleSet]) -> Option<Notice> {
    let newer: Vec<String> = sets
        .iter()
        .filter_map(|s| {
            newer_version(s).map(|v| {
                format!(
                    "{}@{} (checked with {}; `tenderlint rules diff {} {}` shows what changed)",
                    s.id,
                    v,
                    s.version,
                    reference(s, &s.version),
                    reference(s, &v)
                )
            })
        })
        .collect();
    let mut newer = newer;
    newer.dedup();
    if newer.is_empty() {
        return None;
    }
    Some(Notice {
        level: Severity::Info,
        message: format!(
            "newer rule-set version available: {}; results follow the pinned version until the pin is changed",
            newer.join("; ")
        ),
    })
}

/// How to name a version of a set on the command line.
fn reference(set: &RuleSet, version: &semver::Version) -> String {
    if set.origin.starts_with("embedded:") {
        format!("{}@{version}", set.id)
    } else {
        Path::new(&set.origin)
            .with_file_name(format!("{version}.yaml"))
            .display()
            .to_string()
    }
}

/// What changed between two versions of a rule set.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleSetDiff {
    pub from: String,
    pub to: String,
    pub added: Vec<RuleSummary>,
    pub removed: Vec<RuleSummary>,
    pub changed: Vec<RuleChange>,
    /// Reading behaviours (`reading:`) switched on or off: they change statuses
    /// without any rule changing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reading: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleSummary {
    pub rule: String,
    pub title: String,
    pub severity: String,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleChange {
    pub rule: String,
    pub title: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    /// The old and new value when they are short scalars (severity, kind …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// Fields in the order people care about; any other field that changed follows.
const FIELD_ORDER: &[&str] = &[
    "kind",
    "severity",
    "strength",
    "match",
    "with",
    "within",
    "check",
    "scopes",
    "title",
    "message",
    "suggestion",
    "replacement",
    "category",
    "rationale",
    "sources",
    "help_uri",
    "examples",
];

/// Compares two loaded rule sets rule by rule, on their parsed YAML, so that a
/// change of formatting is not a change and a change anywhere in a rule is.
pub fn diff(from: &RuleSet, to: &RuleSet) -> Result<RuleSetDiff, String> {
    let a = rules_of(from)?;
    let b = rules_of(to)?;
    let summary = |(id, v): &(String, serde_json::Value)| RuleSummary {
        rule: id.clone(),
        title: text(v.get("title").and_then(|t| t.get("nb"))),
        severity: text(v.get("severity")),
        kind: text(v.get("kind")),
    };
    let added = b
        .iter()
        .filter(|(id, _)| !a.iter().any(|(x, _)| x == id))
        .map(summary)
        .collect();
    let removed = a
        .iter()
        .filter(|(id, _)| !b.iter().any(|(x, _)| x == id))
        .map(summary)
        .collect();
    let mut changed = Vec::new();
    for (id, old) in &a {
        let Some((_, new)) = b.iter().find(|(x, _)| x == id) else {
            continue;
        };
        let (Some(old_map), Some(new_map)) = (old.as_object(), new.as_object()) else {
            continue;
        };
        let mut keys: Vec<&str> = old_map
            .keys()
            .chain(new_map.keys())
            .map(String::as_str)
            .collect();
        keys.sort_by_key(|k| {
            (
                FIELD_ORDER
                    .iter()
                    .position(|f| f == k)
                    .unwrap_or(usize::MAX),
                *k,
            )
        });
        keys.dedup();
        let fields: Vec<FieldChange> = keys
            .into_iter()
            .filter(|k| old_map.get(*k) != new_map.get(*k))
            .map(|k| {
                let (o, n) = (old_map.get(k), new_map.get(k));
                let scalar = |v: Option<&serde_json::Value>| match v {
                    None | Some(serde_json::Value::Null) => Some("—".to_string()),
                    Some(serde_json::Value::String(s)) if s.chars().count() <= 40 => {
                        Some(s.clone())
                    }
                    Some(v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))) => {
                        Some(v.to_string())
                    }
                    _ => None,
                };
                let (from, to) = match (scalar(o), scalar(n)) {
                    (Some(f), Some(t)) => (Some(f), Some(t)),
                    _ => (None, None),
                };
                FieldChange {
                    field: k.to_string(),
                    from,
                    to,
                }
            })
            .collect();
        if !fields.is_empty() {
            changed.push(RuleChange {
                rule: id.clone(),
                title: text(new.get("title").and_then(|t| t.get("nb"))),
                fields,
            });
        }
    }
    let (old, new) = (from.reading, to.reading);
    let reading = [
        ("definitions", old.definitions, new.definitions),
        ("conditions", old.conditions, new.conditions),
        ("award_criteria", old.award_criteria, new.award_criteria),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(field, a, b)| FieldChange {
        field: field.to_string(),
        from: Some(a.to_string()),
        to: Some(b.to_string()),
    })
    .collect();
    Ok(RuleSetDiff {
        from: from.key(),
        to: to.key(),
        added,
        removed,
        changed,
        reading,
    })
}

fn text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The rules of a set as (id, parsed YAML), in file order.
fn rules_of(set: &RuleSet) -> Result<Vec<(String, serde_json::Value)>, String> {
    let value: serde_json::Value = serde_saphyr::from_str(&set.text)
        .map_err(|e| format!("{}: {}", set.origin, e.without_snippet()))?;
    Ok(value
        .get("rules")
        .and_then(|r| r.as_array())
        .map(|rules| {
            rules
                .iter()
                .filter_map(|r| Some((r.get("id")?.as_str()?.to_string(), r.clone())))
                .collect()
        })
        .unwrap_or_default())
}

impl RuleSetDiff {
    /// Plain text for the terminal.
    pub fn render(&self) -> String {
        use std::fmt::Write as _;
        let mut out = format!("{} → {}\n", self.from, self.to);
        if !self.reading.is_empty() {
            let fields: Vec<String> = self
                .reading
                .iter()
                .map(|f| {
                    let value = |v: &Option<String>| v.clone().unwrap_or_default();
                    format!("{}: {} → {}", f.field, value(&f.from), value(&f.to))
                })
                .collect();
            let _ = writeln!(out, "~ reading    {}", fields.join("; "));
        }
        if self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty() {
            out.push_str("no rule changed\n");
            return out;
        }
        for r in &self.added {
            let _ = writeln!(
                out,
                "+ {:<10} {:<8} {:<12} {}",
                r.rule, r.severity, r.kind, r.title
            );
        }
        for r in &self.removed {
            let _ = writeln!(
                out,
                "- {:<10} {:<8} {:<12} {}",
                r.rule, r.severity, r.kind, r.title
            );
        }
        for r in &self.changed {
            let fields: Vec<String> = r
                .fields
                .iter()
                .map(|f| match (&f.from, &f.to) {
                    (Some(a), Some(b)) => format!("{}: {a} → {b}", f.field),
                    _ => f.field.clone(),
                })
                .collect();
            let _ = writeln!(out, "~ {:<10} {}", r.rule, fields.join("; "));
        }
        let _ = writeln!(
            out,
            "{} added, {} removed, {} changed",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(version: &str) -> RuleSet {
        let path = format!(
            "{}/fixtures/rulesets/demo/{version}.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::rules::resolve(&path).expect("fixture loads")
    }

    #[test]
    fn diff_names_the_reading_behaviours_switched_on() {
        let path = |v: &str| {
            format!(
                "{}/fixtures/rulesets/reading/{v}.yaml",
                env!("CARGO_MANIFEST_DIR")
            )
        };
        let off = crate::rules::resolve(&path("off")).expect("fixture loads");
        let on = crate::rules::resolve(&path("on")).expect("fixture loads");
        let d = diff(&off, &on).unwrap();
        let fields: Vec<&str> = d.reading.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["definitions", "conditions", "award_criteria"]);
        assert!(d.changed.is_empty());
        assert!(
            d.render()
                .contains("~ reading    definitions: false → true; conditions: false → true"),
            "{}",
            d.render()
        );
        assert!(diff(&off, &off).unwrap().reading.is_empty());
    }

    #[test]
    fn diff_names_added_removed_and_changed_rules() {
        let d = diff(&fixture("1.0.0"), &fixture("1.1.0")).unwrap();
        assert_eq!(d.from, "demo@1.0.0");
        assert_eq!(d.to, "demo@1.1.0");
        let ids = |v: &[RuleSummary]| v.iter().map(|r| r.rule.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&d.added), vec!["DEMO-004"]);
        assert_eq!(ids(&d.removed), vec!["DEMO-009"]);
        let changed: Vec<_> = d.changed.iter().map(|c| c.rule.as_str()).collect();
        assert_eq!(changed, vec!["DEMO-002", "DEMO-003"]);
        let severity = &d.changed[0].fields[0];
        assert_eq!(
            (
                severity.field.as_str(),
                severity.from.as_deref(),
                severity.to.as_deref()
            ),
            ("severity", Some("warning"), Some("error"))
        );
        assert!(d.changed[1].fields.iter().any(|f| f.field == "match"));
        let text = d.render();
        assert!(
            text.contains("~ DEMO-002   severity: warning → error"),
            "{text}"
        );
        assert!(text.contains("1 added, 1 removed, 2 changed"), "{text}");
    }

    #[test]
    fn a_newer_sibling_version_gives_one_notice() {
        let old = fixture("1.0.0");
        assert_eq!(newer_version(&old), Some(semver::Version::new(1, 1, 0)));
        let notice = newer_versions_notice(&[old.clone(), old]).unwrap();
        assert_eq!(notice.level, Severity::Info);
        assert!(notice.message.contains("demo@1.1.0"), "{}", notice.message);
        assert!(newer_versions_notice(&[fixture("1.1.0")]).is_none());
    }
}
