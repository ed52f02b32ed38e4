//! `tenderlint.yaml`: the configuration a tender repository keeps next to its
//! documents — which files form the tender, which rule-set versions it is checked
//! against, per-rule severity, and waivers.
//!
//! The file is read with serde-saphyr like rule sets are, so every mistake points
//! at its line and column. A tender repository is untrusted input in CI: rule-set
//! paths must stay inside the repository, and a pinned digest must match.

use crate::Lang;
use crate::findings::RuleResult;
use crate::rules::{RuleSet, Severity};
use crate::source::yaml::{
    Problem, RuleSetError, RuleSetSource, line_column, span_of_location, yaml_error,
};
use crate::waivers::{ConfigWaiver, Date};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

/// The name tenderlint looks for, upward from the first checked path.
pub const FILE_NAME: &str = "tenderlint.yaml";
/// Largest configuration file read; a real one is a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Configuration problems are rule-set-style problems: a source and spans in it.
pub type ConfigError = RuleSetError;

/// Lowest severity that makes `check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A rule's level set by the configuration: switched off, or a new severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    Severity(Severity),
}

/// A rule set the configuration asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSetPin {
    /// `ks-felles-journalloft@1.0.0`, or an id alone (the newest embedded version).
    Embedded {
        id: String,
        version: Option<semver::Version>,
    },
    /// `{path: rules/local.yaml, sha256: "…"}`; the path is relative to the configuration.
    File {
        path: String,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWaiver {
    rule: Spanned<String>,
    reason: Spanned<String>,
    #[serde(default)]
    expires: Option<Spanned<String>>,
    #[serde(default)]
    approved_by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    files: Option<RawFiles>,
    #[serde(default)]
    rulesets: Vec<Spanned<RuleSetPin>>,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    lang: Option<Spanned<String>>,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<RuleLevel>>,
    #[serde(default)]
    waivers: Vec<Spanned<RawWaiver>>,
}

/// A value from the file with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Option<Range<usize>>,
}

/// Which of the walked files form the tender.
#[derive(Debug, Clone)]
pub struct FileFilter {
    /// The configuration's directory (canonical); globs are relative to it.
    pub base: PathBuf,
    include: Option<globset::GlobSet>,
    exclude: globset::GlobSet,
}

impl FileFilter {
    /// Whether a file found by walking a directory belongs to the tender.
    pub fn allows(&self, path: &Path) -> bool {
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let Ok(relative) = absolute.strip_prefix(&self.base) else {
            // Outside the configuration's directory no glob can name it.
            return self.include.is_none();
        };
        self.include.as_ref().is_none_or(|g| g.is_match(relative))
            && !self.exclude.is_match(relative)
    }
}

/// A loaded and validated `tenderlint.yaml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, as found or named.
    pub path: PathBuf,
    /// Its directory, canonical.
    pub dir: PathBuf,
    /// The repository root (the nearest ancestor with `.git`, else `dir`), canonical.
    pub root: PathBuf,
    pub files: Option<FileFilter>,
    pub rulesets: Vec<Located<RuleSetPin>>,
    pub services: Vec<String>,
    pub lang: Option<Lang>,
    pub fail_on: Option<FailOn>,
    pub rules: Vec<(Located<String>, RuleLevel)>,
    pub waivers: Vec<ConfigWaiver>,
    pub source: RuleSetSource,
}

/// The configuration that applies to `start`: `tenderlint.yaml` in its directory or
/// an ancestor, stopping at a directory that contains `.git` (the repository root)
/// so a tender never picks up a stranger's configuration from above its repository.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let mut dir = if start.is_dir() {
        start
    } else {
        start.parent()?.to_path_buf()
    };
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
        dir = dir.parent()?.to_path_buf();
    }
}

fn repository_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(dir)
        .to_path_buf()
}

fn problem(message: impl Into<String>, span: Option<Range<usize>>, help: Option<&str>) -> Problem {
    Problem {
        message: message.into(),
        span,
        help: help.map(str::to_string),
    }
}

fn located<T>(text: &str, value: &Spanned<T>) -> Option<Range<usize>> {
    span_of_location(text, &value.referenced)
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let source = crate::source::yaml::read_yaml_file(path, MAX_CONFIG_BYTES, "a configuration")?;
    let name = source.name.clone();
    let fail = |message: String| RuleSetError::about(name.clone(), message);
    let dir = path
        .canonicalize()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .ok_or_else(|| fail("cannot resolve the configuration's directory".into()))?;
    parse(
        RuleSetSource {
            name: pathdiff(&dir.join(FILE_NAME)).display().to_string(),
            text: source.text,
        },
        path,
        &dir,
    )
}

/// Parses configuration text as if it were the file `path` in directory `dir` (canonical).
pub fn parse(source: RuleSetSource, path: &Path, dir: &Path) -> Result<Config, ConfigError> {
    let raw: RawConfig = if is_blank_yaml(&source.text) {
        // An empty file (everything commented out) is a valid, empty configuration.
        serde_saphyr::from_str("{}").map_err(|e| yaml_error(&source, &e))?
    } else {
        serde_saphyr::from_str(&source.text).map_err(|e| {
            let mut error = yaml_error(&source, &e);
            for p in &mut error.problems {
                if p.message.contains("unknown field") {
                    p.help = Some(
                        "keys: files, rulesets, services, lang, fail-on, rules, waivers (see docs/configuration.md)"
                            .into(),
                    );
                }
            }
            error
        })?
    };
    let text = &source.text;
    let root = repository_root(dir);
    let mut problems = Vec::new();

    let files = raw.files.as_ref().and_then(|f| {
        let mut build = |globs: &[Spanned<String>]| {
            let mut builder = globset::GlobSetBuilder::new();
            for glob in globs {
                match globset::GlobBuilder::new(&glob.value)
                    .literal_separator(true)
                    .build()
                {
                    Ok(g) => {
                        builder.add(g);
                    }
                    Err(e) => problems.push(problem(
                        format!("bad glob `{}`: {}", glob.value, e.kind()),
                        located(text, glob),
                        Some("`*` stays within a directory, `**/` spans directories"),
                    )),
                }
            }
            builder.build().ok()
        };
        let include = if f.include.is_empty() {
            None
        } else {
            Some(build(&f.include)?)
        };
        let exclude = build(&f.exclude)?;
        Some(FileFilter {
            base: dir.to_path_buf(),
            include,
            exclude,
        })
    });

    for pin in &raw.rulesets {
        if let RuleSetPin::File { path: p, sha256 } = &pin.value {
            if let Err(message) = confine(dir, &root, p) {
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

    let lang = raw.lang.as_ref().and_then(|l| {
        let parsed = Lang::parse(&l.value);
        if parsed.is_none() {
            problems.push(problem(
                format!("unknown language `{}`", l.value),
                located(text, l),
                Some("use nb, nn or en"),
            ));
        }
        parsed
    });

    let rules = raw
        .rules
        .iter()
        .map(|(id, level)| {
            let span = key_span(text, id, located(text, level));
            (
                Located {
                    value: id.clone(),
                    span,
                },
                level.value,
            )
        })
        .collect();

    let mut waivers = Vec::new();
    for w in &raw.waivers {
        let (line, column) = located(text, w)
            .map(|s| line_column(text, s.start))
            .unwrap_or((0, 0));
        if w.value.reason.value.trim().is_empty() {
            problems.push(problem(
                "a waiver needs a reason",
                located(text, &w.value.reason),
                Some("say why the rule does not apply, e.g. `reason: \"decided by the steering group 2026-10-01\"`"),
            ));
        }
        if w.value.rule.value.trim().is_empty() {
            problems.push(problem(
                "a waiver needs a rule id",
                located(text, &w.value.rule),
                None,
            ));
        }
        let expires = match &w.value.expires {
            Some(e) => match Date::parse(&e.value) {
                Some(d) => Some(d),
                None => {
                    problems.push(problem(
                        format!("`{}` is not a date", e.value),
                        located(text, e),
                        Some("write it as YYYY-MM-DD"),
                    ));
                    None
                }
            },
            None => None,
        };
        waivers.push(ConfigWaiver {
            rule: w.value.rule.value.trim().to_string(),
            reason: w.value.reason.value.trim().to_string(),
            expires,
            approved_by: w.value.approved_by.clone(),
            file: source.name.clone(),
            line: line as u32,
            column: column as u32,
            byte_offset: located(text, w).map(|s| s.start),
        });
    }

    if !problems.is_empty() {
        return Err(RuleSetError {
            source: source.clone(),
            problems,
        });
    }
    Ok(Config {
        path: path.to_path_buf(),
        dir: dir.to_path_buf(),
        root,
        files,
        rulesets: raw
            .rulesets
            .iter()
            .map(|p| Located {
                value: p.value.clone(),
                span: located(text, p),
            })
            .collect(),
        services: raw.services,
        lang,
        fail_on: raw.fail_on,
        rules,
        waivers,
        source,
    })
}

/// Only comments and blank lines: `tenderlint init` writes such files, and they mean "defaults".
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---"
    })
}

/// The map key `id` on the line its value starts on, so a diagnostic points at the id.
fn key_span(text: &str, id: &str, value: Option<Range<usize>>) -> Option<Range<usize>> {
    let value = value?;
    let line_start = text.get(..value.start)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(line_start..value.start)?;
    match line.find(id) {
        Some(i) => Some(line_start + i..line_start + i + id.len()),
        None => Some(value),
    }
}

/// Resolves a rule-set path against the configuration's directory, refusing
/// absolute paths and paths that leave the repository (lexically; symlinks are
/// checked again when the file is opened).
fn confine(dir: &Path, root: &Path, path: &str) -> Result<PathBuf, String> {
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
        return Err(format!(
            "rule-set path `{path}` leaves the repository ({})",
            root.display()
        ));
    }
    Ok(resolved)
}

impl Config {
    fn error(
        &self,
        message: String,
        span: Option<Range<usize>>,
        help: Option<String>,
    ) -> ConfigError {
        RuleSetError {
            source: self.source.clone(),
            problems: vec![Problem {
                message,
                span,
                help,
            }],
        }
    }

    /// Loads the rule sets the configuration pins: embedded `ID@VERSION`, or files
    /// inside the repository whose content must match `sha256` when one is given.
    pub fn load_rulesets(&self) -> Result<Vec<RuleSet>, Vec<RuleSetError>> {
        use rayon::prelude::*;
        let mut sets = Vec::new();
        let mut errors = Vec::new();
        // Sets compile independently: one per core, reported in the pins' order.
        let loaded: Vec<_> = self.rulesets.par_iter().map(|p| self.load_pin(p)).collect();
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

    fn load_pin(&self, pin: &Located<RuleSetPin>) -> Result<RuleSet, RuleSetError> {
        match &pin.value {
            RuleSetPin::Embedded { id, version } => {
                let reference = match version {
                    Some(v) => format!("{id}@{v}"),
                    None => id.clone(),
                };
                crate::rules::resolve(&reference).map_err(|e| {
                    let help = e.problems.first().and_then(|p| p.help.clone());
                    self.error(
                        format!("no embedded rule set `{reference}`"),
                        pin.span.clone(),
                        help,
                    )
                })
            }
            RuleSetPin::File { path, sha256 } => {
                let resolved = confine(&self.dir, &self.root, path)
                    .map_err(|m| self.error(m, pin.span.clone(), None))?;
                let real = resolved.canonicalize().map_err(|e| {
                    self.error(format!("rule set `{path}`: {e}"), pin.span.clone(), None)
                })?;
                if !real.starts_with(&self.root) {
                    return Err(self.error(
                        format!("rule set `{path}` is a link that leaves the repository"),
                        pin.span.clone(),
                        None,
                    ));
                }
                let shown = pathdiff(&resolved);
                let source = crate::rules::read_source(&shown)?;
                let set = RuleSet::load(&source)?;
                if let Some(expected) = sha256
                    && !expected.eq_ignore_ascii_case(&set.sha256)
                {
                    return Err(self.error(
                        format!(
                            "rule set {} has sha256 {}, but tenderlint.yaml pins {}",
                            shown.display(),
                            set.sha256,
                            expected.to_ascii_lowercase()
                        ),
                        pin.span.clone(),
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

    /// Rule ids under `rules:` that no loaded set has.
    pub fn check_rule_ids(&self, sets: &[RuleSet]) -> Result<(), ConfigError> {
        let problems: Vec<Problem> = self
            .rules
            .iter()
            .filter(|(id, _)| !rule_exists(sets, &id.value))
            .map(|(id, _)| {
                problem(
                    format!("no rule `{}` in {}", id.value, keys(sets)),
                    id.span.clone(),
                    Some("`tenderlint rules list` shows every rule id"),
                )
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(RuleSetError {
                source: self.source.clone(),
                problems,
            })
        }
    }

    /// `(rule id, level)` pairs for [`apply_rule_levels`].
    pub fn rule_levels(&self) -> Vec<(String, RuleLevel)> {
        self.rules
            .iter()
            .map(|(id, level)| (id.value.clone(), *level))
            .collect()
    }
}

fn keys(sets: &[RuleSet]) -> String {
    sets.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ")
}

fn rule_exists(sets: &[RuleSet], id: &str) -> bool {
    sets.iter()
        .flat_map(|s| s.rules.iter())
        .any(|r| r.id.eq_ignore_ascii_case(id))
}

/// A path relative to the working directory when it is under it, so messages
/// and `origin` read like the paths people typed.
fn pathdiff(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
}

/// A commented `tenderlint.yaml` with the given pins and services, for `tenderlint init`.
pub fn template(rulesets: &[String], services: &[String]) -> String {
    let pins: String = rulesets.iter().map(|r| format!("  - {r}\n")).collect();
    let services = if services.is_empty() {
        "# services: [legevakt, sykehjem]\n".to_string()
    } else {
        format!("services: [{}]\n", services.join(", "))
    };
    format!(
        r#"# tenderlint configuration — see docs/configuration.md.
# Command-line flags override what is set here.

# Which files form the tender (globs relative to this file; `*` stays within a
# directory, `**/` spans directories). Without `include`, every Markdown and
# DOCX file under the checked paths is part of the tender.
# files:
#   include: ["**/*.md", "**/*.docx"]
#   exclude: ["utkast/**", "arkiv/**"]

# The rule sets and versions this tender is checked against. A pin never moves by
# itself: when a newer version is built in, the report says so, and
# `tenderlint rules diff ID@OLD ID@NEW` shows what would change.
# A rule set in this repository: {{path: rules/local.yaml, sha256: "<sha256sum>"}}
rulesets:
{pins}
# The services the tender covers (scope-aware rules depend on them).
{services}
# lang: nb            # language of messages: nb, nn or en
# fail-on: error      # error | warning | info | never

# Per-rule severity, or off:
# rules:
#   SEC-003: {{severity: error}}
#   INT-014: off

# Decisions that a rule does not apply, with the reason (required):
# waivers:
#   - rule: INT-014
#     reason: "Besluttet i styringsgruppen 2026-10-01, sak 12/26"
#     expires: 2027-06-30
#     approved-by: "Kari Nordmann"
"#
    )
}

/// Switches rules off or changes their severity, as configured.
pub fn apply_rule_levels(results: &mut Vec<RuleResult>, levels: &[(String, RuleLevel)]) {
    let level_of = |rule: &str| {
        levels
            .iter()
            .find(|(id, _)| id.eq_ignore_ascii_case(rule))
            .map(|(_, l)| *l)
    };
    results.retain(|r| level_of(&r.rule) != Some(RuleLevel::Off));
    for r in results.iter_mut() {
        if let Some(RuleLevel::Severity(s)) = level_of(&r.rule) {
            r.severity = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_in(dir: &Path, text: &str) -> Result<Config, ConfigError> {
        parse(
            RuleSetSource {
                name: FILE_NAME.into(),
                text: std::sync::Arc::from(text),
            },
            &dir.join(FILE_NAME),
            dir,
        )
    }

    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        dir
    }

    fn first_problem(err: &ConfigError) -> (String, usize, usize) {
        let p = &err.problems[0];
        let (line, column) = err.line_column(p.span.clone().expect("a span").start);
        (p.message.clone(), line, column)
    }

    #[test]
    fn a_full_configuration_parses() {
        let dir = repo();
        let root = dir.path().canonicalize().unwrap();
        let text = r#"
files:
  include: ["**/*.md"]
  exclude: ["utkast/**"]
rulesets:
  - ks-felles-journalloft@1.0.0
  - {path: rules/local.yaml, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
services: [legevakt]
lang: en
fail-on: warning
rules:
  INT-014: off
  SEC-003: {severity: error}
  ARK-003: info
waivers:
  - rule: INT-014
    reason: "Besluttet i styringsgruppen"
    expires: 2027-06-30
    approved-by: Kari Nordmann
"#;
        let c = parse_in(&root, text).unwrap();
        assert_eq!(c.rulesets.len(), 2);
        assert_eq!(
            c.rulesets[0].value,
            RuleSetPin::Embedded {
                id: "ks-felles-journalloft".into(),
                version: Some(semver::Version::new(1, 0, 0))
            }
        );
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.services, vec!["legevakt"]);
        let levels = c.rule_levels();
        assert!(levels.contains(&("INT-014".into(), RuleLevel::Off)));
        assert!(levels.contains(&("SEC-003".into(), RuleLevel::Severity(Severity::Error))));
        assert!(levels.contains(&("ARK-003".into(), RuleLevel::Severity(Severity::Info))));
        assert_eq!(c.waivers.len(), 1);
        assert_eq!(c.waivers[0].expires, Date::parse("2027-06-30"));
        assert_eq!(c.waivers[0].approved_by.as_deref(), Some("Kari Nordmann"));
        assert_eq!(c.waivers[0].line, 16);
        let filter = c.files.unwrap();
        std::fs::create_dir_all(root.join("utkast")).unwrap();
        std::fs::write(root.join("a.md"), "x").unwrap();
        std::fs::write(root.join("utkast/b.md"), "x").unwrap();
        std::fs::write(root.join("c.docx"), "x").unwrap();
        assert!(filter.allows(&root.join("a.md")));
        assert!(!filter.allows(&root.join("utkast/b.md")));
        assert!(!filter.allows(&root.join("c.docx")));
    }

    #[test]
    fn unknown_key_is_reported_at_its_line_and_column() {
        let dir = repo();
        let err = parse_in(dir.path(), "services: [legevakt]\nfail_on: error\n").unwrap_err();
        let (message, line, column) = first_problem(&err);
        assert!(message.contains("fail_on"), "{message}");
        assert_eq!((line, column), (2, 1));
        assert!(
            err.problems[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("fail-on")
        );
    }

    #[test]
    fn bad_fail_on_value_is_reported() {
        let dir = repo();
        let err = parse_in(dir.path(), "lang: nb\nfail-on: sometimes\n").unwrap_err();
        let (message, line, _) = first_problem(&err);
        assert!(message.contains("sometimes"), "{message}");
        assert_eq!(line, 2);
    }

    #[test]
    fn rule_set_paths_must_stay_in_the_repository() {
        let dir = repo();
        let root = dir.path().canonicalize().unwrap();
        for bad in [
            "../elsewhere/rules.yaml",
            "/etc/rules.yaml",
            "a/../../x.yaml",
        ] {
            let text = format!("rulesets:\n  - {{path: \"{bad}\"}}\n");
            let err = parse_in(&root, &text).unwrap_err();
            let (message, line, _) = first_problem(&err);
            assert!(
                message.contains("leaves the repository") || message.contains("absolute"),
                "{bad}: {message}"
            );
            assert_eq!(line, 2);
        }
        // A path that goes up and comes back inside is fine.
        let sub = root.join("tender");
        std::fs::create_dir(&sub).unwrap();
        parse_in(&sub, "rulesets:\n  - {path: ../rules/x.yaml}\n").unwrap();
    }

    #[test]
    fn waivers_need_a_reason_and_a_real_date() {
        let dir = repo();
        let err = parse_in(dir.path(), "waivers:\n  - rule: INT-014\n").unwrap_err();
        assert!(err.problems[0].message.contains("reason"), "{err}");
        let err = parse_in(
            dir.path(),
            "waivers:\n  - rule: INT-014\n    reason: \"  \"\n    expires: 2027-13-40\n",
        )
        .unwrap_err();
        let messages: Vec<_> = err.problems.iter().map(|p| p.message.clone()).collect();
        assert!(
            messages.iter().any(|m| m.contains("needs a reason")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("not a date")),
            "{messages:?}"
        );
    }

    #[test]
    fn bad_rule_level_and_pin_are_reported() {
        let dir = repo();
        let err = parse_in(dir.path(), "rules:\n  INT-014: loud\n").unwrap_err();
        assert!(err.problems[0].message.contains("loud"), "{err}");
        let err = parse_in(dir.path(), "rulesets: [\"ks@one\"]\n").unwrap_err();
        assert!(err.problems[0].message.contains("not a version"), "{err}");
    }

    #[test]
    fn unknown_rule_ids_point_at_the_id() {
        let dir = repo();
        let c = parse_in(dir.path(), "rules:\n  NOPE-1: off\n").unwrap();
        let sets = crate::rules::embedded::load_defaults().unwrap();
        let err = c.check_rule_ids(&sets).unwrap_err();
        let (message, line, column) = first_problem(&err);
        assert!(message.contains("NOPE-1"), "{message}");
        assert_eq!((line, column), (2, 3));
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let outer = tempfile::tempdir().unwrap();
        std::fs::write(outer.path().join(FILE_NAME), "").unwrap();
        let repo = outer.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("docs/bilag")).unwrap();
        assert_eq!(discover(&repo.join("docs/bilag")), None);
        std::fs::write(repo.join(FILE_NAME), "").unwrap();
        assert_eq!(
            discover(&repo.join("docs/bilag")),
            Some(repo.canonicalize().unwrap().join(FILE_NAME))
        );
    }

    #[test]
    fn an_empty_file_is_an_empty_configuration() {
        let dir = repo();
        let c = parse_in(dir.path(), "# nothing yet\n").unwrap();
        assert!(c.rulesets.is_empty() && c.waivers.is_empty());
    }
}
