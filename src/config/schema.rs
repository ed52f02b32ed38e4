//! The format of `tenderlint.yaml` as serde reads it: the raw keys with their
//! places in the file, and how a rule's level is written.

use super::{FailOn, RuleSetPin};
use crate::policy::levels::RuleLevel;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFiles {
    #[serde(default)]
    pub(super) include: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawWaiver {
    pub(super) rule: Spanned<String>,
    pub(super) reason: Spanned<String>,
    #[serde(default)]
    pub(super) expires: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) approved_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawConfig {
    #[serde(default)]
    pub(super) files: Option<RawFiles>,
    #[serde(default)]
    pub(super) rulesets: Vec<Spanned<RuleSetPin>>,
    #[serde(default)]
    pub(super) services: Vec<String>,
    #[serde(default)]
    pub(super) lang: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) fail_on: Option<FailOn>,
    #[serde(default)]
    pub(super) rules: BTreeMap<String, Spanned<RuleLevel>>,
    #[serde(default)]
    pub(super) waivers: Vec<Spanned<RawWaiver>>,
}
