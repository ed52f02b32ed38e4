//! Rule-set versions: which newer versions exist than the ones a tender is pinned
//! to, and what changed between two versions, rule by rule.
//!
//! A pin never moves by itself: a newer version only produces a notice, so the
//! results of a tender change when someone edits the pin, not when tenderlint is
//! upgraded.

use super::RuleSet;
use serde::Serialize;
use std::path::Path;

/// Where the newest version beside a rule-set file is looked up (`<dir>/<id>/<version>.yaml`,
/// as the embedded sets are laid out): the caller's, since the core reads no directory.
pub type NewestBeside = fn(&Path, &str) -> Option<semver::Version>;

/// The newest version available for a set, if newer than the one loaded: for an
/// embedded set the newest embedded version; for a file the newest sibling file,
/// as `beside` finds it (none without it).
pub fn newer_version(set: &RuleSet, beside: Option<NewestBeside>) -> Option<semver::Version> {
    let newest = if set.origin.starts_with("embedded:") {
        super::embedded::newest(&set.id)?
    } else {
        beside?(Path::new(&set.origin), &set.id)?
    };
    (newest > set.version).then_some(newest)
}

/// A set loaded at an older version than the newest available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewerVersion {
    /// The set's id.
    pub id: String,
    /// The version loaded (the one results follow).
    pub checked: semver::Version,
    /// The newest version available.
    pub newest: semver::Version,
    /// How to name the loaded version on the command line (`ID@VERSION` or a path).
    pub checked_reference: String,
    /// How to name the newest version on the command line.
    pub newest_reference: String,
}

/// Every set for which a newer version exists, in the order of `sets`, a set
/// loaded twice in a row named once.
pub fn newer_versions(sets: &[RuleSet], beside: Option<NewestBeside>) -> Vec<NewerVersion> {
    let mut newer: Vec<NewerVersion> = sets
        .iter()
        .filter_map(|s| {
            newer_version(s, beside).map(|v| NewerVersion {
                id: s.id.clone(),
                checked: s.version.clone(),
                checked_reference: reference(s, &s.version),
                newest_reference: reference(s, &v),
                newest: v,
            })
        })
        .collect();
    newer.dedup();
    newer
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
    /// `ID@VERSION` compared from.
    pub from: String,
    /// `ID@VERSION` compared to.
    pub to: String,
    /// Rules only in `to`.
    pub added: Vec<RuleSummary>,
    /// Rules only in `from`.
    pub removed: Vec<RuleSummary>,
    /// Rules in both whose YAML differs.
    pub changed: Vec<RuleChange>,
    /// Reading behaviours (`reading:`) switched on or off: they change statuses
    /// without any rule changing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reading: Vec<FieldChange>,
}

/// A rule added or removed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleSummary {
    /// Its id.
    pub rule: String,
    /// Its bokmål title.
    pub title: String,
    /// Its severity, as written.
    pub severity: String,
    /// Its kind, as written.
    pub kind: String,
}

/// A rule whose YAML differs between the versions.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RuleChange {
    /// Its id.
    pub rule: String,
    /// Its bokmål title in the newer version.
    pub title: String,
    /// The fields that differ, in the order people care about.
    pub fields: Vec<FieldChange>,
}

/// One field that differs.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldChange {
    /// Its YAML key.
    pub field: String,
    /// The old and new value when they are short scalars (severity, kind …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The new value, when short (see `from`).
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
    "messages",
    "suggestion",
    "replacement",
    "category",
    "rationale",
    "sources",
    "help_uri",
    "examples",
];

/// Compares two loaded rule sets rule by rule, each beside its YAML text (a set
/// does not keep it), on the parsed YAML, so that a change of formatting is not a
/// change and a change anywhere in a rule is.
pub fn diff(
    (from, from_yaml): (&RuleSet, &str),
    (to, to_yaml): (&RuleSet, &str),
) -> Result<RuleSetDiff, String> {
    let a = rules_of(from, from_yaml)?;
    let b = rules_of(to, to_yaml)?;
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
    Ok(RuleSetDiff {
        from: from.key(),
        to: to.key(),
        added,
        removed,
        changed,
        reading: reading_changes(from.reading, to.reading),
    })
}

/// The set-wide reading behaviours (`reading:`) one version turns on or off.
fn reading_changes(old: super::schema::Reading, new: super::schema::Reading) -> Vec<FieldChange> {
    [
        ("definitions", old.definitions, new.definitions),
        ("conditions", old.conditions, new.conditions),
        ("award_criteria", old.award_criteria, new.award_criteria),
        ("forms", old.forms, new.forms),
        ("exclusions", old.exclusions, new.exclusions),
        ("untyped_rows", old.untyped_rows, new.untyped_rows),
        (
            "section_headings",
            old.section_headings,
            new.section_headings,
        ),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(field, a, b)| FieldChange {
        field: field.to_string(),
        from: Some(a.to_string()),
        to: Some(b.to_string()),
    })
    .collect()
}

fn text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The rules of a set as (id, parsed YAML), in file order.
fn rules_of(set: &RuleSet, yaml: &str) -> Result<Vec<(String, serde_json::Value)>, String> {
    let value: serde_json::Value = serde_saphyr::from_str(yaml)
        .map_err(|e| format!("{}: {}", set.origin, e.without_snippet()))?;
    // A concept is compared by its words: a rule naming a concept whose words
    // changed has changed, though its own lines did not.
    let concepts: Vec<(String, Vec<serde_json::Value>)> = value
        .get("concepts")
        .and_then(|c| c.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|c| {
                    let words = ["nb", "nn", "en"]
                        .iter()
                        .filter_map(|l| c.get(*l)?.as_array())
                        .flatten()
                        .cloned()
                        .collect();
                    Some((c.get("id")?.as_str()?.to_string(), words))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(value
        .get("rules")
        .and_then(|r| r.as_array())
        .map(|rules| {
            rules
                .iter()
                .filter_map(|r| {
                    let id = r.get("id")?.as_str()?.to_string();
                    Some((id, with_concept_words(r.clone(), &concepts)))
                })
                .collect()
        })
        .unwrap_or_default())
}

/// A rule's parsed YAML with every `{ concept: ID }` in a list replaced by the
/// concept's words.
fn with_concept_words(
    value: serde_json::Value,
    concepts: &[(String, Vec<serde_json::Value>)],
) -> serde_json::Value {
    use serde_json::Value;
    let words_of = |v: &Value| {
        let name = v
            .as_object()
            .filter(|o| o.len() == 1)?
            .get("concept")?
            .as_str()?;
        concepts.iter().find(|(id, _)| id == name).map(|(_, w)| w)
    };
    match value {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .flat_map(|item| match words_of(&item) {
                    Some(words) => words.clone(),
                    None => vec![with_concept_words(item, concepts)],
                })
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, with_concept_words(v, concepts)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::Arc;

    fn fixture(version: &str) -> RuleSet {
        demo(version).0
    }

    fn demo(version: &str) -> (RuleSet, Arc<str>) {
        let path = format!(
            "{}/../../fixtures/rulesets/demo/{version}.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::rules::load_file_with_yaml(&path)
    }

    /// A loaded set beside its text, as `diff` takes it.
    fn with_yaml(loaded: &(RuleSet, Arc<str>)) -> (&RuleSet, &str) {
        (&loaded.0, &loaded.1)
    }

    fn embedded(reference: &str) -> (RuleSet, Arc<str>) {
        let set = crate::rules::resolve_embedded(reference).expect("embedded");
        let source = crate::rules::embedded::source(&set.id, Some(&set.version)).expect("source");
        (set, source.text)
    }

    #[test]
    fn diff_names_the_reading_behaviours_switched_on() {
        let path = |v: &str| {
            format!(
                "{}/../../fixtures/rulesets/reading/{v}.yaml",
                env!("CARGO_MANIFEST_DIR")
            )
        };
        let off = crate::rules::load_file_with_yaml(&path("off"));
        let on = crate::rules::load_file_with_yaml(&path("on"));
        let d = diff(with_yaml(&off), with_yaml(&on)).unwrap();
        let fields: Vec<&str> = d.reading.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["definitions", "conditions", "award_criteria"]);
        assert!(d.changed.is_empty());
        assert_eq!(d.reading[0].from.as_deref(), Some("false"));
        assert_eq!(d.reading[0].to.as_deref(), Some("true"));
        assert!(
            diff(with_yaml(&off), with_yaml(&off))
                .unwrap()
                .reading
                .is_empty()
        );
    }

    #[test]
    fn the_diff_to_1_2_0_names_the_readings_it_switches_on() {
        let old = embedded("ks-felles-journalloft@1.1.0");
        let new = embedded("ks-felles-journalloft@1.2.0");
        let d = diff(with_yaml(&old), with_yaml(&new)).unwrap();
        let fields: Vec<&str> = d.reading.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["forms", "exclusions"]);
    }

    #[test]
    fn diff_names_added_removed_and_changed_rules() {
        let d = diff(with_yaml(&demo("1.0.0")), with_yaml(&demo("1.1.0"))).unwrap();
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
    }

    #[test]
    fn a_newer_sibling_version_is_named_once() {
        // The root looks in the directory (`rule_files::newest_sibling`); here 1.1.0 is beside.
        fn beside(_: &Path, id: &str) -> Option<semver::Version> {
            (id == "demo").then(|| semver::Version::new(1, 1, 0))
        }
        let beside = Some(beside as NewestBeside);
        let old = fixture("1.0.0");
        assert_eq!(newer_version(&old, None), None);
        assert_eq!(
            newer_version(&old, beside),
            Some(semver::Version::new(1, 1, 0))
        );
        let newer = newer_versions(&[old.clone(), old], beside);
        assert_eq!(newer.len(), 1, "{newer:?}");
        assert_eq!(newer[0].id, "demo");
        assert_eq!(newer[0].newest, semver::Version::new(1, 1, 0));
        assert!(
            newer[0].newest_reference.ends_with("demo/1.1.0.yaml"),
            "{newer:?}"
        );
        assert!(newer_versions(&[fixture("1.1.0")], beside).is_empty());
    }
}
