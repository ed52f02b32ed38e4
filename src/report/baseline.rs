//! What the human, JUnit and Markdown reports say about `--baseline`: a word per
//! state and a one-line summary. (JSON and SARIF carry the states as data.)

use crate::Lang;
use crate::findings::BaselineState;
use crate::findings::CheckReport;

/// A baseline state for people, in bokmål, nynorsk or English.
pub fn word(lang: Lang, state: BaselineState) -> &'static str {
    match (state, lang) {
        (BaselineState::New, Lang::En) => "new",
        (BaselineState::New, _) => "ny",
        (BaselineState::Same, Lang::En) => "same",
        (BaselineState::Same, Lang::Nb) => "uendret",
        (BaselineState::Same, Lang::Nn) => "uendra",
        (BaselineState::Fixed, Lang::En) => "fixed",
        (BaselineState::Fixed, Lang::Nb) => "bedre",
        (BaselineState::Fixed, Lang::Nn) => "betre",
        (BaselineState::Worse, Lang::En) => "worse",
        (BaselineState::Worse, _) => "verre",
    }
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
    let label = match lang {
        Lang::En => "against the baseline",
        Lang::Nb => "mot referansen",
        Lang::Nn => "mot referansen",
    };
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
