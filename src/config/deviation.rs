//! A member's deviations from its region's profile (issue 28), read from its
//! effective configuration and the report `check` gave its tender: its own waivers
//! (in its tenderlint.yaml or inline in the tender) and its own lower levels of
//! rules the profiles keep. Decisions the profiles make themselves are the
//! region's, not deviations; so is a member restating a waiver the region has.

use super::{Config, RuleLevel, level_str};
use crate::compare::{Deviation, DeviationKind};
use crate::findings::CheckReport;
use crate::rules::{RuleSet, Severity};
use crate::source::line_column;

impl Config {
    /// The member's own decisions against the profiles it extends; none when it
    /// extends no profile. `rulesets` are the sets the check ran with.
    pub fn deviations(&self, rulesets: &[RuleSet], report: &CheckReport) -> Vec<Deviation> {
        if self.extended.is_empty() {
            return Vec::new();
        }
        let kept = self.region_sets(rulesets);
        let mut found = self.own_waivers(report, &kept);
        found.extend(self.own_levels(rulesets, &kept));
        found
    }

    /// The ids of the sets the profiles pin: every set, when the sets did not
    /// come from the pins one for one (flags, or no pins: the defaults for all).
    fn region_sets(&self, rulesets: &[RuleSet]) -> Vec<String> {
        let own = &self.source.name;
        if self.rulesets.len() != rulesets.len() || self.rulesets.is_empty() {
            return rulesets.iter().map(|s| s.id.clone()).collect();
        }
        self.rulesets
            .iter()
            .zip(rulesets)
            .filter(|(pin, _)| pin.file.source.name != *own)
            .map(|(_, set)| set.id.clone())
            .collect()
    }

    fn own_waivers(&self, report: &CheckReport, kept: &[String]) -> Vec<Deviation> {
        let own = format!("{}:", self.source.name);
        report
            .results
            .iter()
            .filter(|r| kept.contains(&r.ruleset))
            .filter_map(|r| {
                let waiver = r.waiver.as_ref()?;
                let location = waiver.location.clone().unwrap_or_default();
                let members = waiver.origin == "inline"
                    || (location.starts_with(&own) && !self.overrides_key("waivers", &r.rule));
                members.then(|| Deviation {
                    rule: r.rule.clone(),
                    kind: DeviationKind::Waived,
                    reason: Some(waiver.reason.clone()),
                    location,
                })
            })
            .collect()
    }

    fn own_levels(&self, rulesets: &[RuleSet], kept: &[String]) -> Vec<Deviation> {
        let own = &self.source.name;
        let mut found = Vec::new();
        for setting in self.rules.iter().filter(|r| r.id.file.source.name == *own) {
            let id = &setting.id.value;
            let Some((default, _)) = rulesets
                .iter()
                .filter(|s| kept.contains(&s.id))
                .flat_map(|s| s.rules.iter().map(move |r| (r.severity, &r.id)))
                .find(|(_, rule)| rule.eq_ignore_ascii_case(id))
            else {
                continue;
            };
            // The profile's level, where the member overrides one; the rule's own otherwise.
            let region = match self.replaced_level(id) {
                Some(RuleLevel::Off) => continue,
                Some(RuleLevel::Severity(s)) => s,
                None => default,
            };
            let kind = match setting.level {
                RuleLevel::Off => DeviationKind::Off,
                RuleLevel::Severity(s) if s < region => DeviationKind::Lowered {
                    from: region,
                    to: s,
                },
                RuleLevel::Severity(_) => continue,
            };
            let line = setting
                .id
                .span
                .as_ref()
                .map_or(0, |s| line_column(&self.source.text, s.start).0);
            found.push(Deviation {
                rule: id.clone(),
                kind,
                reason: setting.reason.clone(),
                location: format!("{own}:{line}"),
            });
        }
        found
    }

    fn overrides_key(&self, key: &str, rule: &str) -> bool {
        let wanted = format!("{key}: {rule}");
        self.overrides
            .iter()
            .any(|o| o.key.eq_ignore_ascii_case(&wanted))
    }

    /// The inherited level of `rule` the member's own level replaced.
    fn replaced_level(&self, rule: &str) -> Option<RuleLevel> {
        let wanted = format!("rules: {rule}");
        let replaced = &self
            .overrides
            .iter()
            .find(|o| o.key.eq_ignore_ascii_case(&wanted))?
            .replaced;
        [
            RuleLevel::Off,
            RuleLevel::Severity(Severity::Error),
            RuleLevel::Severity(Severity::Warning),
            RuleLevel::Severity(Severity::Info),
        ]
        .into_iter()
        .find(|l| level_str(*l) == replaced)
    }
}
