//! The format of `tenderlint.yaml` as serde reads it: the raw keys with their
//! places in the file, and how a rule's level is written.

use super::{FailOn, RuleSetPin};
use crate::policy::levels::RuleLevel;
use serde::Deserialize;
use serde::de::{self, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::fmt;

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
    pub(super) extends: Option<Spanned<Extends>>,
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
    pub(super) rules: BTreeMap<String, Spanned<RawRuleLevel>>,
    #[serde(default)]
    pub(super) waivers: Vec<Spanned<RawWaiver>>,
}

/// `extends:` — one path, or a list of them.
#[derive(Debug, Default)]
pub(super) struct Extends(pub(super) Vec<String>);

impl<'de> Deserialize<'de> for Extends {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExtendsVisitor;
        impl<'de> Visitor<'de> for ExtendsVisitor {
            type Value = Extends;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a path to a tenderlint.yaml, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Extends, E> {
                Ok(Extends(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Extends, A::Error> {
                let mut paths = Vec::new();
                while let Some(path) = seq.next_element::<String>()? {
                    paths.push(path);
                }
                Ok(Extends(paths))
            }
        }
        deserializer.deserialize_any(ExtendsVisitor)
    }
}

/// A rule's level as `rules:` writes it, and why, when the long form says:
/// `{severity: warning, reason: "…"}`. The reason is shown where the level
/// overrides one a member inherits.
#[derive(Debug, Clone)]
pub(super) struct RawRuleLevel {
    pub(super) level: RuleLevel,
    pub(super) reason: Option<String>,
}

impl<'de> Deserialize<'de> for RawRuleLevel {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawLevelVisitor;
        fn bare(level: RuleLevel) -> RawRuleLevel {
            RawRuleLevel {
                level,
                reason: None,
            }
        }
        impl<'de> Visitor<'de> for RawLevelVisitor {
            type Value = RawRuleLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`off`, a severity, or `{severity: …, reason: …}`")
            }
            // The short forms are the core's: one reading of `off`, `error` … everywhere.
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRuleLevel, E> {
                RuleLevel::deserialize(v.into_deserializer()).map(bare)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawRuleLevel, E> {
                RuleLevel::deserialize(v.into_deserializer()).map(bare)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRuleLevel, A::Error> {
                let (mut level, mut reason) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "severity" => {
                            let value: String = map.next_value()?;
                            level =
                                Some(RuleLevel::deserialize(value.as_str().into_deserializer())?);
                        }
                        "reason" => reason = Some(map.next_value::<String>()?),
                        other => {
                            return Err(de::Error::unknown_field(other, &["severity", "reason"]));
                        }
                    }
                }
                let level = level.ok_or_else(|| de::Error::missing_field("severity"))?;
                Ok(RawRuleLevel { level, reason })
            }
        }
        deserializer.deserialize_any(RawLevelVisitor)
    }
}
