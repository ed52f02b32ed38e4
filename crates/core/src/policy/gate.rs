//! The gate: the one place that decides whether a result fails the run — its
//! status, its waiver, its severity against `--fail-on`, and with a baseline
//! whether it is new or worse. The decision is recorded on each result
//! ([`RuleResult::gate`]); the exit status, JUnit, JSON and the page read it, so
//! no two of them can disagree.

use crate::findings::{BaselineState, Gate, RuleResult};
use crate::rules::Severity;

/// Decides the gate of every result. `fail_on` is the lowest severity that fails
/// the run (`None`: nothing does); `with_baseline` says a baseline was compared,
/// so that only what is new or worse than in it fails.
pub(crate) fn apply(results: &mut [RuleResult], fail_on: Option<Severity>, with_baseline: bool) {
    for r in results {
        r.gate = decide(r, fail_on, with_baseline);
    }
}

fn decide(r: &RuleResult, fail_on: Option<Severity>, with_baseline: bool) -> Gate {
    if r.ok {
        return Gate::Passes;
    }
    if r.waiver.is_some() {
        return Gate::Waived;
    }
    if fail_on.is_none_or(|t| r.severity < t) {
        return Gate::BelowFailOn;
    }
    let regressed = r
        .baseline
        .as_ref()
        .is_some_and(|c| matches!(c.state, BaselineState::New | BaselineState::Worse));
    if with_baseline && !regressed {
        return Gate::InBaseline;
    }
    Gate::Fails
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Comparison, RuleInfo, Status};
    use crate::rules::{Localized, RuleKind};
    use std::sync::Arc;

    fn result(ok: bool, severity: Severity) -> RuleResult {
        RuleResult {
            ruleset: "s".into(),
            ruleset_version: "1.0.0".into(),
            rule: "X-001".into(),
            kind: RuleKind::Require,
            status: if ok { Status::Met } else { Status::Missing },
            ok,
            severity,
            strength: None,
            category: "c".into(),
            evidence: Vec::new(),
            evidence_total: 0,
            waiver: None,
            baseline: None,
            gate: Gate::Passes,
            rule_info: Arc::new(RuleInfo {
                id: "X-001".into(),
                title: Localized::default(),
                message: Localized::default(),
                messages: Default::default(),
                severity,
                replacement: None,
                rationale: std::sync::Arc::default(),
                sources: std::sync::Arc::default(),
                suggestion: None,
                help_uri: None,
                fix_adds_equivalent: false,
            }),
        }
    }

    #[test]
    fn fail_on_waiver_and_baseline_each_keep_a_failing_result_from_failing_the_run() {
        let error = result(false, Severity::Error);
        assert_eq!(decide(&error, Some(Severity::Error), false), Gate::Fails);
        assert_eq!(decide(&error, None, false), Gate::BelowFailOn);
        let warning = result(false, Severity::Warning);
        assert_eq!(
            decide(&warning, Some(Severity::Error), false),
            Gate::BelowFailOn
        );
        assert_eq!(
            decide(&warning, Some(Severity::Warning), false),
            Gate::Fails
        );
        assert_eq!(
            decide(&result(true, Severity::Error), Some(Severity::Info), false),
            Gate::Passes
        );
        let mut waived = result(false, Severity::Error);
        waived.waiver = Some(crate::findings::Waiver {
            reason: "avklart".into(),
            origin: "config".into(),
            expires: None,
            approved_by: None,
            location: None,
        });
        assert_eq!(decide(&waived, Some(Severity::Info), false), Gate::Waived);
        let mut same = result(false, Severity::Error);
        same.baseline = Some(Comparison {
            state: BaselineState::Same,
            previous: None,
        });
        assert_eq!(decide(&same, Some(Severity::Error), true), Gate::InBaseline);
        let mut worse = same.clone();
        worse.baseline = Some(Comparison {
            state: BaselineState::Worse,
            previous: None,
        });
        assert_eq!(decide(&worse, Some(Severity::Error), true), Gate::Fails);
    }
}
