//! `tenderlint.yaml`: the configuration a tender repository keeps next to its
//! documents — which files form the tender, which rule-set versions it is checked
//! against, per-rule severity, and waivers.
//!
//! The file is read with serde-saphyr like rule sets are, so every mistake points
//! at its line and column. A tender repository is untrusted input in CI: rule-set
//! paths must stay inside the repository, and a pinned digest must match.
//!
//! The levels and waivers it gives are the policy's ([`crate::policy`]); this
//! module reads them.

mod deviation;
mod extends;
mod files;
mod pins;
mod schema;
mod template;
#[cfg(test)]
mod tests;
mod waivers;

pub use extends::{Origins, Override, level_str};
pub use files::FileFilter;
pub use pins::RuleSetPin;
pub use template::template;

use crate::Lang;
use crate::policy::levels::RuleLevel;
use crate::policy::waivers::ConfigWaiver;
use crate::rules::{Problem, RuleSet, RuleSetError, RuleSetSource, Severity};
use crate::source::yaml::{span_of_location, yaml_error};
use schema::RawConfig;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The name tenderlint looks for, upward from the first checked path.
pub const FILE_NAME: &str = "tenderlint.yaml";
/// Largest configuration file read; a real one is a few hundred bytes.
pub(crate) const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Configuration problems are rule-set-style problems: a source and spans in it.
pub type ConfigError = RuleSetError;

/// Lowest severity that makes `check` exit with status 1.
// `help = None` on each value: clap would print a doc comment as the value's help in
// `--help`, completions and the manual, which list the bare values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors fail the run (the default).
    #[value(help = None)]
    Error,
    /// Warnings and errors fail it.
    #[value(help = None)]
    Warning,
    /// Anything that fails a rule fails it.
    #[value(help = None)]
    Info,
    /// Nothing fails it: report only.
    #[value(help = None)]
    Never,
}

impl FailOn {
    /// The value as tenderlint.yaml writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }

    /// The lowest severity that fails the run; `None` for never.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// One file of a configuration: a tender's own `tenderlint.yaml`, or a profile it
/// extends (`extends:`). Paths a file writes are relative to it, so each value
/// keeps the file it was written in.
#[derive(Debug)]
pub struct ConfigFile {
    /// Its text and the name it is shown by.
    pub source: RuleSetSource,
    /// Its directory, canonical.
    pub dir: PathBuf,
    /// Its repository root (the nearest ancestor with `.git`, else `dir`), canonical.
    pub root: PathBuf,
    /// The files that led to it: the tender's own first, this one last.
    pub chain: Vec<String>,
}

impl ConfigFile {
    /// The chain as people read it: `tenderlint.yaml → ../region/tenderlint.yaml`.
    pub fn chain_text(&self) -> String {
        self.chain.join(" → ")
    }
}

/// A value from a configuration file with where it is written.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Its byte range in the file, when known.
    pub span: Option<Range<usize>>,
    /// The file it is written in.
    pub file: Arc<ConfigFile>,
}

/// One entry of `rules:`: a rule's level, and why when the file says.
#[derive(Debug, Clone)]
pub struct RuleSetting {
    /// The rule id, with its place.
    pub id: Located<String>,
    /// Off, or the severity it is reported with.
    pub level: RuleLevel,
    /// `reason:` of the long form.
    pub reason: Option<String>,
}

/// A loaded and validated `tenderlint.yaml`: the tender's own file with the
/// profiles it extends merged in (the effective settings).
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, as found or named.
    pub path: PathBuf,
    /// Its directory, canonical.
    pub dir: PathBuf,
    /// The repository root (the nearest ancestor with `.git`, else `dir`), canonical.
    pub root: PathBuf,
    /// `files:`: which walked files form the tender.
    pub files: Option<FileFilter>,
    /// `rulesets:`: the pinned rule sets, in order.
    pub rulesets: Vec<Located<RuleSetPin>>,
    /// `services:`: the services the tender covers.
    pub services: Vec<String>,
    /// `lang:`: the language of messages.
    pub lang: Option<Lang>,
    /// `fail-on:`: the lowest severity that fails the run.
    pub fail_on: Option<FailOn>,
    /// `rules:`: per-rule levels, each id with its place.
    pub rules: Vec<RuleSetting>,
    /// `waivers:`.
    pub waivers: Vec<ConfigWaiver>,
    /// The file's text, for diagnostics that point into it.
    pub source: RuleSetSource,
    /// The tender's own file.
    pub file: Arc<ConfigFile>,
    /// Every profile it extends, directly or through another, in the order they are read.
    pub extended: Vec<Arc<ConfigFile>>,
    /// Which file each single value (`services`, `lang`, `fail-on`) comes from.
    pub origins: Origins,
    /// Inherited values a nearer file wrote over, with the reason where it gave one.
    pub overrides: Vec<Override>,
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

pub(super) fn repository_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(dir)
        .to_path_buf()
}

pub(super) fn problem(
    message: impl Into<String>,
    span: Option<Range<usize>>,
    help: Option<&str>,
) -> Problem {
    Problem {
        message: message.into(),
        span,
        help: help.map(str::to_string),
    }
}

pub(super) fn located<T>(text: &str, value: &Spanned<T>) -> Option<Range<usize>> {
    span_of_location(text, &value.referenced)
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let source = crate::rule_files::read_yaml_file(path, MAX_CONFIG_BYTES, "a configuration")?;
    let name = source.name.clone();
    let fail = |message: String| RuleSetError::about(name.clone(), message);
    let dir = path
        .canonicalize()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .ok_or_else(|| fail("cannot resolve the configuration's directory".into()))?;
    parse(
        RuleSetSource {
            // The file's own name: `--config ci.yaml` is not called tenderlint.yaml in errors.
            name: pathdiff(&dir.join(path.file_name().unwrap_or(FILE_NAME.as_ref())))
                .display()
                .to_string(),
            text: source.text,
        },
        path,
        &dir,
    )
}

/// Parses configuration text as if it were the file `path` in directory `dir`
/// (canonical), with the profiles it extends read from disk and merged in.
pub fn parse(source: RuleSetSource, path: &Path, dir: &Path) -> Result<Config, ConfigError> {
    let (config, extends) = parse_one(source, path, dir, &[])?;
    extends::follow(config, extends, &[])
}

/// One file on its own, and the paths its `extends:` names. `via` is the chain of
/// files that led to it (empty for the tender's own).
fn parse_one(
    source: RuleSetSource,
    path: &Path,
    dir: &Path,
    via: &[String],
) -> Result<(Config, Vec<Located<String>>), ConfigError> {
    let raw = read_raw(&source)?;
    let text = &source.text;
    let root = repository_root(dir);
    let mut chain = via.to_vec();
    chain.push(source.name.clone());
    let file = Arc::new(ConfigFile {
        source: source.clone(),
        dir: dir.to_path_buf(),
        root: root.clone(),
        chain,
    });
    // Every problem in the file is reported at once, in the order of the keys.
    let mut problems = Vec::new();
    let files = raw
        .files
        .as_ref()
        .and_then(|f| files::filter(f, text, dir, &mut problems));
    pins::check(&raw.rulesets, text, dir, &root, &mut problems);
    let lang = raw
        .lang
        .as_ref()
        .and_then(|l| language(l, text, &mut problems));
    let rules = rule_levels(&raw, text, &file);
    let waivers = waivers::read(&raw.waivers, &source, &mut problems);
    if !problems.is_empty() {
        return Err(RuleSetError {
            source: source.clone(),
            problems,
        });
    }
    let extends = extends::entries(raw.extends.as_ref(), text, &file);
    let config = Config {
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
                file: file.clone(),
            })
            .collect(),
        services: raw.services,
        lang,
        fail_on: raw.fail_on,
        rules,
        waivers,
        source,
        origins: Origins::all(&file),
        file,
        extended: Vec::new(),
        overrides: Vec::new(),
    };
    Ok((config, extends))
}

/// The file as serde reads it; an unknown key's error lists the keys there are.
fn read_raw(source: &RuleSetSource) -> Result<RawConfig, ConfigError> {
    if is_blank_yaml(&source.text) {
        // An empty file (everything commented out) is a valid, empty configuration.
        return serde_saphyr::from_str("{}").map_err(|e| yaml_error(source, &e));
    }
    serde_saphyr::from_str(&source.text).map_err(|e| {
        let mut error = yaml_error(source, &e);
        for p in &mut error.problems {
            if p.message.contains("unknown field") {
                p.help = Some(
                    "keys: extends, files, rulesets, services, lang, fail-on, rules, waivers (see docs/configuration.md)"
                        .into(),
                );
            }
        }
        error
    })
}

/// `lang:`; a language tenderlint has no messages in is a problem.
fn language(l: &Spanned<String>, text: &str, problems: &mut Vec<Problem>) -> Option<Lang> {
    let parsed = Lang::parse(&l.value);
    if parsed.is_none() {
        problems.push(problem(
            format!("unknown language `{}`", l.value),
            located(text, l),
            Some("use nb, nn or en"),
        ));
    }
    parsed
}

/// `rules:`, each id with the place of the id itself.
fn rule_levels(raw: &RawConfig, text: &str, file: &Arc<ConfigFile>) -> Vec<RuleSetting> {
    raw.rules
        .iter()
        .map(|(id, level)| RuleSetting {
            id: Located {
                value: id.clone(),
                span: key_span(text, id, located(text, level)),
                file: file.clone(),
            },
            level: level.value.level,
            reason: level.value.reason.clone(),
        })
        .collect()
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

impl Config {
    /// Rule ids under `rules:` that no loaded set has, one error per file that
    /// writes them (the tender's own or a profile it extends).
    pub fn check_rule_ids(&self, sets: &[RuleSet]) -> Result<(), Vec<ConfigError>> {
        let mut errors: Vec<ConfigError> = Vec::new();
        for setting in self
            .rules
            .iter()
            .filter(|r| !rule_exists(sets, &r.id.value))
        {
            let id = &setting.id;
            let found = problem(
                format!("no rule `{}` in {}", id.value, keys(sets)),
                id.span.clone(),
                Some("`tenderlint rules list` shows every rule id"),
            );
            match errors
                .iter_mut()
                .find(|e| e.source.name == id.file.source.name)
            {
                Some(error) => error.problems.push(found),
                None => errors.push(RuleSetError {
                    source: id.file.source.clone(),
                    problems: vec![found],
                }),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// `(rule id, level)` pairs for [`crate::policy::levels::apply`].
    pub fn rule_levels(&self) -> Vec<(String, RuleLevel)> {
        self.rules
            .iter()
            .map(|r| (r.id.value.clone(), r.level))
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
pub(super) fn pathdiff(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.to_path_buf())
}
