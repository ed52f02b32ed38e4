//! What the human, JUnit and Markdown reports say about `--baseline`: a word per
//! state and a one-line summary. (JSON and SARIF carry the states as data.) A
//! helper the renderers share, not a renderer.

use crate::Lang;
use crate::findings::BaselineState;
use crate::findings::CheckReport;

/// A baseline state for people, in bokmål, nynorsk or English.
pub fn word(lang: Lang, state: BaselineState) -> &'static str {
    let key = match state {
        BaselineState::New => "baseline-new",
        BaselineState::Same => "baseline-same",
        BaselineState::Fixed => "baseline-fixed",
        BaselineState::Worse => "baseline-worse",
    };
    super::i18n::word(lang, key)
}

/// `baseline: 2 worse · 1 fixed · 0 new`; `None` without a baseline.
pub fn summary(report: &CheckReport, lang: Lang) -> Option<String> {
    if report.results.iter().all(|r| r.baseline.is_none()) {
        return None;
    }
    let count = |s: BaselineState| {
        report
            .results
            .iter()
            .filter(|r| r.baseline.as_ref().is_some_and(|c| c.state == s))
            .count()
    };
    let label = super::i18n::word(lang, "baseline-against");
    let parts: Vec<String> = [
        BaselineState::Worse,
        BaselineState::New,
        BaselineState::Fixed,
        BaselineState::Same,
    ]
    .iter()
    .map(|s| format!("{} {}", count(*s), word(lang, *s)))
    .collect();
    Some(format!("{label}: {}", parts.join(" · ")))
}

/// ` [worse]` after a result's status, or nothing without a baseline.
pub fn tag(r: &crate::findings::RuleResult, lang: Lang) -> String {
    r.baseline
        .as_ref()
        .map(|c| format!(" [{}]", word(lang, c.state)))
        .unwrap_or_default()
}
