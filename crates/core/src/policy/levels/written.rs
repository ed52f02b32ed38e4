//! How `tenderlint.yaml` writes a rule's level: `off`, a severity, or `{severity: …}`.

use super::RuleLevel;
use crate::rules::Severity;
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use std::fmt;

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fn level<E: de::Error>(v: &str) -> Result<RuleLevel, E> {
            match v.trim() {
                "off" => Ok(RuleLevel::Off),
                "error" => Ok(RuleLevel::Severity(Severity::Error)),
                "warning" => Ok(RuleLevel::Severity(Severity::Warning)),
                "info" => Ok(RuleLevel::Severity(Severity::Info)),
                other => Err(E::custom(format!(
                    "unknown rule level `{other}`, expected off, error, warning or info"
                ))),
            }
        }
        struct LevelVisitor;
        impl<'de> Visitor<'de> for LevelVisitor {
            type Value = RuleLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`off`, a severity, or `{severity: …}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleLevel, E> {
                level(v)
            }
            // YAML 1.1 readers turn a bare `off` into false; accept it the way people mean it.
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RuleLevel, E> {
                if v {
                    Err(E::custom("write a severity (error, warning, info) or off"))
                } else {
                    Ok(RuleLevel::Off)
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleLevel, A::Error> {
                let mut found = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key != "severity" {
                        return Err(de::Error::unknown_field(&key, &["severity"]));
                    }
                    let value: String = map.next_value()?;
                    found = Some(level(&value)?);
                }
                found.ok_or_else(|| de::Error::missing_field("severity"))
            }
        }
        deserializer.deserialize_any(LevelVisitor)
    }
}
