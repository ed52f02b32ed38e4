//! The services a check is for: names the flags, the configuration, a document's
//! front matter or its Word properties declare must be ones the rule sets know.

use crate::document::Document;
use crate::engine;
use crate::findings::{About, NamedIn, Notice, UnknownService};
use crate::rules::RuleSet;

/// Services a document declares must be ones the rule sets know: a typo would
/// silently leave the scope-aware rules at their defaults.
pub(super) fn service_notices(docs: &[Document], sets: &[RuleSet]) -> Vec<Notice> {
    let mut notices = Vec::new();
    for doc in docs {
        let declared = engine::front_matter(doc).services;
        let origin = NamedIn::FrontMatter(doc.path.display().to_string());
        if let Err(e) = check_service_names(&declared, origin, sets) {
            notices.push(service_notice(e));
        }
    }
    for doc in docs {
        let origin = NamedIn::DocumentProperties(doc.path.display().to_string());
        if let Err(e) = check_service_names(&doc.facts.declared, origin, sets) {
            notices.push(service_notice(e));
        }
    }
    notices
}

/// A document's service the rule sets do not know. A tender is written for any
/// rule set, so a name other sets know (`sykehjem` checked with a set that
/// defines only `legevakt`) is a warning; a near miss of a known name is a typo,
/// and an error, since it silently leaves scope-aware rules at their defaults.
fn service_notice(e: UnknownService) -> Notice {
    let level = if e.suggestion.is_some() {
        crate::rules::Severity::Error
    } else {
        crate::rules::Severity::Warning
    };
    Notice {
        level,
        about: About::UnknownService(e),
    }
}

/// The service ids the rule sets know: those they define and those their rules' scopes name.
pub(crate) fn known_services(sets: &[RuleSet]) -> Vec<String> {
    let mut known: Vec<String> = sets
        .iter()
        .flat_map(|s| {
            s.services.iter().map(|v| v.id.clone()).chain(
                s.rules
                    .iter()
                    .flat_map(|r| r.scopes.iter().flat_map(|sc| sc.services.iter().cloned())),
            )
        })
        .collect();
    known.sort();
    known.dedup();
    known
}

/// Every name must be a known service; the first that is not is the error.
pub(crate) fn check_service_names(
    names: &[String],
    origin: NamedIn,
    sets: &[RuleSet],
) -> Result<(), UnknownService> {
    let known = known_services(sets);
    for name in names {
        if known.iter().any(|k| k == name) {
            continue;
        }
        let suggestion = known
            .iter()
            .map(|k| (strsim::jaro_winkler(name, k), k))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.clone());
        return Err(UnknownService {
            name: name.clone(),
            origin,
            suggestion,
            known,
        });
    }
    Ok(())
}

/// The services declared for a check and where they came from: the flag's, else
/// the configuration's (its `services:` and its name). Unknown names are an error.
/// The binary and `serve` both resolve them here.
pub fn resolve_services(
    flag: &[String],
    config: Option<(&[String], &str)>,
    sets: &[RuleSet],
) -> Result<(Vec<String>, String), UnknownService> {
    let (names, origin) = match config {
        Some((services, name)) if flag.is_empty() => (services.to_vec(), name.to_string()),
        _ => (flag.to_vec(), "--services".to_string()),
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let named_in = if config.is_some() && flag.is_empty() {
        NamedIn::Config(origin.clone())
    } else {
        NamedIn::Flag
    };
    check_service_names(&names, named_in, sets)?;
    Ok((names, origin))
}
