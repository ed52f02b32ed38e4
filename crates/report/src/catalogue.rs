//! The rule sets as the page lists them: services and categories by name in one
//! language, the sets and their rules, and the defaults the page starts from.
//! `tenderlint serve` answers `GET /api/rules` with it and the static page's
//! WebAssembly checker (`crates/web`) returns the same, so the page reads one shape.

use crate::Lang;
use crate::rules::{self, RuleSet};
use serde_json::{Value, json};
use std::collections::HashSet;

/// The catalogue of `sets` in `lang`. `services` are the ones ticked when the
/// page opens, `configured_lang` the configuration's language (which wins over
/// the browser's), `configured` whether a configuration file is in use.
pub fn catalogue(
    sets: &[RuleSet],
    lang: Lang,
    services: &[String],
    configured_lang: Option<Lang>,
    configured: bool,
) -> Value {
    let mut service_list = Vec::new();
    let mut seen = HashSet::new();
    let mut categories = Vec::new();
    let mut seen_categories = HashSet::new();
    for set in sets {
        for s in &set.services {
            if seen.insert(s.id.clone()) {
                service_list.push(json!({"id": s.id, "name": s.name.get(lang)}));
            }
        }
        for r in &set.rules {
            if seen_categories.insert(r.category.clone()) {
                categories.push(json!({
                    "id": r.category,
                    "title": super::i18n::category_title_in(&set.categories, &r.category, lang),
                }));
            }
        }
    }
    let rulesets: Vec<Value> = sets
        .iter()
        .map(|set| {
            json!({
                "id": set.id,
                "version": set.version.to_string(),
                "title": set.title.get(lang),
                // Whether it is built in; never the path an operator's set was read from.
                "embedded": set.origin.starts_with("embedded:"),
                "rules": set.rules.iter().map(|r| json!({
                    "id": r.id,
                    "title": r.title.get(lang),
                    "category": r.category,
                    "severity": r.severity,
                    "kind": r.kind,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang,
        "rulesets": rulesets,
        "services": service_list,
        "categories": categories,
        "defaults": {
            "lang": configured_lang,
            "services": services,
            // Whether a tenderlint.yaml is in use; where it is stays on the server.
            "configured": configured,
        },
        "embedded": rules::embedded::available()
            .into_iter()
            .map(|(id, version)| format!("{id}@{version}"))
            .collect::<Vec<_>>(),
    })
}
