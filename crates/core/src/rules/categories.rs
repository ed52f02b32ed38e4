//! Category titles a rule set declares (`categories:` in its YAML): the set's
//! own words for its categories, so a custom set's category shows a title in
//! the reports, not its raw key. Sets that declare none (the released ones,
//! whose bytes are pinned) get the standard titles the reports keep.

use super::schema::RuleSetFile;
use crate::source::yaml::{Problem, span_of_location};
use std::collections::HashSet;

/// A declared title for a category no rule uses is a typo or a leftover: it is
/// reported where `categories:` stands.
pub(crate) fn validate(file: &RuleSetFile, text: &str, problems: &mut Vec<Problem>) {
    let Some(categories) = &file.categories else {
        return;
    };
    let used: HashSet<&str> = file.rules.iter().map(|r| r.category.as_str()).collect();
    for key in categories
        .value
        .keys()
        .filter(|k| !used.contains(k.as_str()))
    {
        problems.push(Problem {
            message: format!("category `{key}` has a title but no rule uses it"),
            span: span_of_location(text, &categories.referenced),
            help: Some("a title is for a category that a rule names in `category`".into()),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{RuleSet, RuleSetSource};
    use std::sync::Arc;

    const RULE: &str = "rules:\n  - id: R-1\n    title: {nb: T}\n    message: {nb: M}\n    category: egen\n    severity: warning\n    kind: require\n    match: {any: [helseid]}\n    rationale: {nb: R}\n    sources: [{url: 'https://x', verified: V}]\n";

    fn load(categories: &str) -> Result<RuleSet, crate::rules::RuleSetError> {
        RuleSet::load(&RuleSetSource {
            name: "test.yaml".into(),
            text: Arc::from(format!(
                "id: t\nversion: 1.0.0\ntitle: {{nb: T}}\n{categories}{RULE}"
            )),
        })
    }

    #[test]
    fn declared_category_titles_reach_the_compiled_set() {
        let set = load(
            "categories:\n  egen: {nb: Egen kategori, nn: Eigen kategori, en: Own category}\n",
        )
        .expect("loads");
        let title = &set.categories["egen"];
        assert_eq!(title.get(crate::Lang::Nn), "Eigen kategori");
        assert_eq!(title.get(crate::Lang::En), "Own category");
    }

    #[test]
    fn a_set_without_categories_still_loads() {
        assert!(load("").expect("loads").categories.is_empty());
    }

    #[test]
    fn a_title_for_an_unused_category_is_reported() {
        let err = load("categories:\n  egen: {nb: Egen}\n  annen: {nb: Annen}\n").unwrap_err();
        let messages: Vec<&str> = err.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["category `annen` has a title but no rule uses it"],
            "{err}"
        );
        assert!(err.problems[0].span.is_some());
    }
}
