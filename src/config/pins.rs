//! The rule sets a configuration pins: an embedded `ID@VERSION`, or a file in
//! the repository whose content must match its digest. A tender repository is
//! untrusted input in CI, so a path may not leave the repository.

use super::{Config, ConfigError, Located, located, pathdiff, problem};
use crate::rules::{Problem, RuleSet, RuleSetError};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::path::{Component, Path, PathBuf};

/// A rule set the configuration asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetPin {
    /// `ks-felles-journalloft@1.0.0`, or an id alone (the newest embedded version).
    Embedded {
        /// The rule set's id.
        id: String,
        /// The version; the newest embedded one when absent.
        version: Option<semver::Version>,
    },
    /// `{path: rules/local.yaml, sha256: "…"}`; the path is relative to the configuration.
    File {
        /// The file, relative to the configuration.
        path: String,
        /// The digest its content must have.
        sha256: Option<String>,
    },
}

impl RuleSetPin {
    fn from_reference(text: &str) -> Result<RuleSetPin, String> {
        let text = text.trim();
        if text.ends_with(".yaml") || text.ends_with(".yml") || text.contains('/') {
            return Ok(RuleSetPin::File {
                path: text.to_string(),
                sha256: None,
            });
        }
        match text.split_once('@') {
            Some((id, v)) => semver::Version::parse(v.trim())
                .map(|version| RuleSetPin::Embedded {
                    id: id.trim().to_string(),
                    version: Some(version),
                })
                .map_err(|e| format!("`{v}` in `{text}` is not a version ({e})")),
            None if text.is_empty() => Err("an empty rule-set reference".into()),
            None => Ok(RuleSetPin::Embedded {
                id: text.to_string(),
                version: None,
            }),
        }
    }
}

impl<'de> Deserialize<'de> for RuleSetPin {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct FilePin {
            path: String,
            #[serde(default)]
            sha256: Option<String>,
        }
        struct PinVisitor;
        impl<'de> Visitor<'de> for PinVisitor {
            type Value = RuleSetPin;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`ID@VERSION` or `{path: FILE, sha256: DIGEST}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleSetPin, E> {
                RuleSetPin::from_reference(v).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RuleSetPin, A::Error> {
                let pin = FilePin::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RuleSetPin::File {
                    path: pin.path,
                    sha256: pin.sha256,
                })
            }
        }
        deserializer.deserialize_any(PinVisitor)
    }
}

/// Problems with the pinned files the configuration names: paths that leave the
/// repository, digests that are not SHA-256.
pub(super) fn check(
    pins: &[Spanned<RuleSetPin>],
    text: &str,
    dir: &Path,
    root: &Path,
    problems: &mut Vec<Problem>,
) {
    for pin in pins {
        if let RuleSetPin::File { path: p, sha256 } = &pin.value {
            if let Err(message) = confine(dir, root, p) {
                problems.push(problem(
                    message,
                    located(text, pin),
                    Some("rule-set paths are relative to tenderlint.yaml and must stay inside the repository"),
                ));
            }
            if let Some(d) = sha256
                && (d.len() != 64 || !d.chars().all(|c| c.is_ascii_hexdigit()))
            {
                problems.push(problem(
                    format!("`{d}` is not a SHA-256 digest (64 hex digits)"),
                    located(text, pin),
                    Some("`sha256sum FILE` prints it"),
                ));
            }
        }
    }
}

/// Resolves a rule-set path against the configuration's directory, refusing
/// absolute paths and paths that leave the repository (lexically; symlinks are
/// checked again when the file is opened).
pub(super) fn confine(dir: &Path, root: &Path, path: &str) -> Result<PathBuf, String> {
    let p = Path::new(path);
    if p.is_absolute() || p.has_root() {
        return Err(format!(
            "rule-set path `{path}` is absolute; write it relative to tenderlint.yaml"
        ));
    }
    let mut resolved = dir.to_path_buf();
    for component in p.components() {
        match component {
            Component::Normal(c) => resolved.push(c),
            Component::CurDir => {}
            Component::ParentDir => {
                if !resolved.pop() {
                    return Err(format!("rule-set path `{path}` leaves the repository"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("rule-set path `{path}` is absolute"));
            }
        }
    }
    if !resolved.starts_with(root) {
        // Without a git repository the boundary is the folder of tenderlint.yaml, which
        // surprises someone who keeps a region's folders side by side: say so.
        let boundary = if root.join(".git").exists() {
            String::new()
        } else {
            ": no git repository was found above it, so its own folder is the boundary".into()
        };
        return Err(format!(
            "rule-set path `{path}` leaves the repository ({}{boundary})",
            root.display()
        ));
    }
    Ok(resolved)
}

impl Located<RuleSetPin> {
    /// A problem with this pin, shown in the file that writes it.
    fn error(&self, message: String, help: Option<String>) -> ConfigError {
        RuleSetError {
            source: self.file.source.clone(),
            problems: vec![Problem {
                message,
                span: self.span.clone(),
                help,
            }],
        }
    }

    /// What identifies the set pinned, so two files pinning it can be compared:
    /// an embedded set's id, or a file's path resolved against the file that names it.
    pub(super) fn identity(&self) -> String {
        match &self.value {
            RuleSetPin::Embedded { id, .. } => id.to_ascii_lowercase(),
            RuleSetPin::File { path, .. } => confine(&self.file.dir, &self.file.root, path)
                .map_or_else(|_| path.clone(), |p| p.display().to_string()),
        }
    }
}

impl fmt::Display for RuleSetPin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleSetPin::Embedded { id, version: None } => f.write_str(id),
            RuleSetPin::Embedded {
                id,
                version: Some(v),
            } => write!(f, "{id}@{v}"),
            RuleSetPin::File { path, sha256: None } => f.write_str(path),
            RuleSetPin::File {
                path,
                sha256: Some(d),
            } => write!(f, "{path} (sha256 {})", d.get(..12).unwrap_or(d)),
        }
    }
}

impl Config {
    /// Loads the rule sets the configuration pins: embedded `ID@VERSION`, or files
    /// inside the repository whose content must match `sha256` when one is given.
    pub fn load_rulesets(&self) -> Result<Vec<RuleSet>, Vec<RuleSetError>> {
        use rayon::prelude::*;
        let mut sets = Vec::new();
        let mut errors = Vec::new();
        // Sets compile independently: one per core, reported in the pins' order.
        let loaded: Vec<_> = self.rulesets.par_iter().map(load_pin).collect();
        for result in loaded {
            match result {
                Ok(set) => sets.push(set),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(sets)
        } else {
            Err(errors)
        }
    }
}

/// A pinned set, loaded relative to the file that pins it.
fn load_pin(pin: &Located<RuleSetPin>) -> Result<RuleSet, RuleSetError> {
    let (dir, root) = (&pin.file.dir, &pin.file.root);
    match &pin.value {
        RuleSetPin::Embedded { id, version } => {
            let reference = match version {
                Some(v) => format!("{id}@{v}"),
                None => id.clone(),
            };
            crate::rules::resolve(&reference).map_err(|e| {
                let help = e.problems.first().and_then(|p| p.help.clone());
                pin.error(format!("no embedded rule set `{reference}`"), help)
            })
        }
        RuleSetPin::File { path, sha256 } => {
            let resolved = confine(dir, root, path).map_err(|m| pin.error(m, None))?;
            let real = resolved
                .canonicalize()
                .map_err(|e| pin.error(format!("rule set `{path}`: {e}"), None))?;
            if !real.starts_with(root) {
                return Err(pin.error(
                    format!("rule set `{path}` is a link that leaves the repository"),
                    None,
                ));
            }
            let shown = pathdiff(&resolved);
            let source = crate::rules::read_source(&shown)?;
            let set = RuleSet::load(&source)?;
            if let Some(expected) = sha256
                && !expected.eq_ignore_ascii_case(&set.sha256)
            {
                return Err(pin.error(
                        format!(
                            "rule set {} has sha256 {}, but {} pins {}",
                            shown.display(),
                            set.sha256,
                            pin.file.source.name,
                            expected.to_ascii_lowercase()
                        ),
                        Some(format!(
                            "if the change is intended, review it and pin the new digest: sha256: \"{}\"",
                            set.sha256
                        )),
                    ));
            }
            Ok(set)
        }
    }
}
