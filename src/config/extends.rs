//! `extends:`: a tender's configuration that starts from shared profiles — a
//! region's agreed pins, services, rule sets, severities, fail-on and waivers —
//! and overrides them. Several regional members then put the same requirements to
//! the market without each writing its configuration from scratch.
//!
//! Merging, the nearer file winning: profiles are merged in the order `extends:`
//! lists them (a later one wins), then the file's own values over all of them.
//! Maps (`rules:`, waivers by rule, pins by set) merge per key; single values
//! (`services`, `lang`, `fail-on`) are replaced whole; `files:` is never inherited
//! (it describes the repository that writes it). Two profiles pinning one set to
//! different versions is an error unless the file itself pins it. Every value
//! keeps the file it was written in, so the effective settings say where each
//! came from and what it replaced.

use super::pins::confine;
use super::schema::Extends;
use super::{
    Config, ConfigError, ConfigFile, Located, MAX_CONFIG_BYTES, RuleSetPin, RuleSetting, located,
    parse_one, pathdiff, problem,
};
use crate::policy::levels::RuleLevel;
use crate::policy::waivers::ConfigWaiver;
use crate::report::common::severity_str;
use crate::rules::{RuleSetError, RuleSetSource};
use serde_saphyr::Spanned;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which file each single value of the effective settings comes from.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// `services:`.
    pub services: Option<Arc<ConfigFile>>,
    /// `lang:`.
    pub lang: Option<Arc<ConfigFile>>,
    /// `fail-on:`.
    pub fail_on: Option<Arc<ConfigFile>>,
}

impl Origins {
    /// Every value from this one file (a configuration read on its own).
    pub(super) fn all(file: &Arc<ConfigFile>) -> Origins {
        Origins {
            services: Some(file.clone()),
            lang: Some(file.clone()),
            fail_on: Some(file.clone()),
        }
    }
}

/// An inherited value a nearer file wrote over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// What was overridden: `fail-on`, `rules: SEC-003`, `waivers: INT-014`, `rulesets: ID`.
    pub key: String,
    /// The value now, as the file writes it.
    pub value: String,
    /// The file that writes it.
    pub file: String,
    /// The value it replaced.
    pub replaced: String,
    /// The file chain of the replaced value.
    pub replaced_from: String,
    /// Why, where the nearer file says (`reason:` of a rule level or waiver).
    pub reason: Option<String>,
}

/// The paths `extends:` names, each with its place (the list's, when the file writes one).
pub(super) fn entries(
    raw: Option<&Spanned<Extends>>,
    text: &str,
    file: &Arc<ConfigFile>,
) -> Vec<Located<String>> {
    let Some(raw) = raw else { return Vec::new() };
    let whole = located(text, raw);
    raw.value
        .0
        .iter()
        .map(|path| Located {
            value: path.clone(),
            span: entry_span(text, whole.clone(), path),
            file: file.clone(),
        })
        .collect()
}

/// The path's own place inside the `extends:` value, so an error points at it.
fn entry_span(text: &str, whole: Option<Range<usize>>, path: &str) -> Option<Range<usize>> {
    let whole = whole?;
    let start = text.get(whole.start..)?.find(path)? + whole.start;
    Some(start..start + path.len())
}

/// The configuration `own` with the profiles `extends` names merged under it.
/// `stack` holds the files being read above `own` (canonical), to refuse a cycle.
pub(super) fn follow(
    own: Config,
    extends: Vec<Located<String>>,
    stack: &[PathBuf],
) -> Result<Config, ConfigError> {
    if extends.is_empty() {
        return Ok(own);
    }
    let mut stack = stack.to_vec();
    stack.push(own.file.dir.join(file_name(&own.path)));
    // Paths stay inside the repository of the tender's own configuration.
    let root = stack_root(&stack, &own.path);
    let mut inherited = Merged::default();
    let mut conflicts = Vec::new();
    for entry in &extends {
        let path = target(entry, &root, &stack)?;
        let profile = read_profile(&path, entry, &stack)?;
        inherited.extended.push(profile.file.clone());
        inherited.absorb(Merged::from(profile), Pins::Conflict(&mut conflicts));
    }
    let mut merged = inherited;
    let own_pins: Vec<String> = own.rulesets.iter().map(Located::identity).collect();
    conflicts.retain(|c| !own_pins.contains(&c.identity));
    if let Some(conflict) = conflicts.first() {
        return Err(conflict.error(&own, &extends));
    }
    let (frame, values) = split(own);
    merged.absorb(values, Pins::Override);
    Ok(merged.into_config(frame))
}

fn file_name(path: &Path) -> &std::ffi::OsStr {
    path.file_name().unwrap_or(super::FILE_NAME.as_ref())
}

/// The repository root the whole chain stays in: the tender's own file's.
fn stack_root(stack: &[PathBuf], own: &Path) -> PathBuf {
    let first = stack.first().map_or(own, PathBuf::as_path);
    super::repository_root(first.parent().unwrap_or(first))
}

/// A profile's name as people find it from where they stand: relative to the
/// working directory, climbing with `..` inside the repository
/// (`../region/tenderlint.yaml`), else as [`pathdiff`] shows it.
fn shown(path: &Path, root: &Path) -> String {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
    let Ok(cwd) = cwd.as_ref().map(PathBuf::as_path) else {
        return pathdiff(path).display().to_string();
    };
    if !cwd.starts_with(root) || cwd == path.parent().unwrap_or(path) {
        return pathdiff(path).display().to_string();
    }
    let common = cwd
        .components()
        .zip(path.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut relative = PathBuf::new();
    for _ in cwd.components().skip(common) {
        relative.push("..");
    }
    relative.extend(path.components().skip(common));
    relative.display().to_string()
}

/// The file an `extends:` entry names: inside the repository, present, and not a
/// file already being read (a cycle).
fn target(entry: &Located<String>, root: &Path, stack: &[PathBuf]) -> Result<PathBuf, ConfigError> {
    let chain = entry.file.chain_text();
    let fail = |message: String, help: Option<&str>| RuleSetError {
        source: entry.file.source.clone(),
        problems: vec![problem(message, entry.span.clone(), help)],
    };
    let resolved = confine(&entry.file.dir, root, &entry.value)
        .map_err(|m| fail(m.replace("rule-set path", "extends path"), None))?;
    let real = resolved.canonicalize().map_err(|e| {
        fail(
            format!("extends `{}`: {e} ({chain} → {})", entry.value, entry.value),
            Some("paths in `extends:` are relative to the file that names them"),
        )
    })?;
    if !real.starts_with(root) {
        return Err(fail(
            format!(
                "extends `{}` is a link that leaves the repository",
                entry.value
            ),
            None,
        ));
    }
    if stack.contains(&real) {
        return Err(fail(
            format!(
                "extends `{}` makes a cycle: {chain} → {}",
                entry.value,
                shown(&real, root)
            ),
            Some("a profile may not extend, directly or through others, a file that extends it"),
        ));
    }
    Ok(real)
}

/// A profile and, recursively, the profiles it extends.
fn read_profile(
    path: &Path,
    entry: &Located<String>,
    stack: &[PathBuf],
) -> Result<Config, ConfigError> {
    let read = crate::rule_files::read_yaml_file(path, MAX_CONFIG_BYTES, "a configuration")
        .map_err(|e| RuleSetError {
            source: entry.file.source.clone(),
            problems: vec![problem(
                format!(
                    "extends `{}`: {} ({})",
                    entry.value,
                    e.problems
                        .first()
                        .map_or("cannot read", |p| p.message.as_str()),
                    entry.file.chain_text()
                ),
                entry.span.clone(),
                None,
            )],
        })?;
    let dir = path.parent().unwrap_or(path).to_path_buf();
    let root = stack_root(stack, path);
    let source = RuleSetSource {
        name: shown(path, &root),
        text: read.text,
    };
    let (profile, extends) = parse_one(source, path, &dir, &entry.file.chain)?;
    follow(profile, extends, stack)
}

/// Splits a file's own settings from the values it passes on: what stays is
/// where the file is, and `files:`.
fn split(mut own: Config) -> (Config, Merged) {
    let values = Merged {
        rulesets: std::mem::take(&mut own.rulesets),
        services: std::mem::take(&mut own.services),
        lang: own.lang,
        fail_on: own.fail_on,
        rules: std::mem::take(&mut own.rules),
        waivers: std::mem::take(&mut own.waivers),
        origins: std::mem::take(&mut own.origins),
        overrides: std::mem::take(&mut own.overrides),
        extended: std::mem::take(&mut own.extended),
    };
    (own, values)
}

/// The values settings are merged from.
#[derive(Default)]
struct Merged {
    rulesets: Vec<Located<RuleSetPin>>,
    services: Vec<String>,
    lang: Option<crate::Lang>,
    fail_on: Option<super::FailOn>,
    rules: Vec<RuleSetting>,
    waivers: Vec<ConfigWaiver>,
    origins: super::Origins,
    overrides: Vec<Override>,
    extended: Vec<Arc<ConfigFile>>,
}

impl From<Config> for Merged {
    fn from(config: Config) -> Merged {
        split(config).1
    }
}

/// What a pin of the same set in a nearer file means.
enum Pins<'a> {
    /// The nearer file chooses (a file over the profiles it extends).
    Override,
    /// Two profiles side by side disagree; recorded for the file to resolve.
    Conflict(&'a mut Vec<Conflict>),
}

/// Two profiles pinning one set differently.
struct Conflict {
    identity: String,
    first: Located<RuleSetPin>,
    second: Located<RuleSetPin>,
}

impl Conflict {
    fn error(&self, own: &Config, extends: &[Located<String>]) -> ConfigError {
        let span = extends.first().and_then(|e| e.span.clone());
        RuleSetError {
            source: own.source.clone(),
            problems: vec![problem(
                format!(
                    "conflicting pins: `{}` in {} and `{}` in {}",
                    self.first.value,
                    self.first.file.chain_text(),
                    self.second.value,
                    self.second.file.chain_text()
                ),
                span,
                Some(&format!(
                    "pin the set in {} to choose its version",
                    own.source.name
                )),
            )],
        }
    }
}

impl Merged {
    /// Merges `nearer` over `self`: per key for pins, rules and waivers, whole for
    /// single values.
    fn absorb(&mut self, nearer: Merged, pins: Pins) {
        self.absorb_pins(nearer.rulesets, pins);
        self.absorb_rules(nearer.rules);
        self.absorb_waivers(nearer.waivers);
        if !nearer.services.is_empty() {
            self.note_single(
                "services",
                &nearer.services.join(", "),
                &nearer.origins.services,
                |m| {
                    (!m.services.is_empty())
                        .then(|| (m.services.join(", "), m.origins.services.clone()))
                },
            );
            self.services = nearer.services;
            self.origins.services = nearer.origins.services;
        }
        if let Some(lang) = nearer.lang {
            self.note_single("lang", lang.as_str(), &nearer.origins.lang, |m| {
                m.lang
                    .map(|l| (l.as_str().to_string(), m.origins.lang.clone()))
            });
            self.lang = Some(lang);
            self.origins.lang = nearer.origins.lang;
        }
        if let Some(fail_on) = nearer.fail_on {
            self.note_single("fail-on", fail_on.as_str(), &nearer.origins.fail_on, |m| {
                m.fail_on
                    .map(|f| (f.as_str().to_string(), m.origins.fail_on.clone()))
            });
            self.fail_on = Some(fail_on);
            self.origins.fail_on = nearer.origins.fail_on;
        }
        self.overrides.extend(nearer.overrides);
        self.extended.extend(nearer.extended);
    }

    fn note_single(
        &mut self,
        key: &str,
        value: &str,
        file: &Option<Arc<ConfigFile>>,
        current: impl Fn(&Merged) -> Option<(String, Option<Arc<ConfigFile>>)>,
    ) {
        if let Some((replaced, from)) = current(self)
            && replaced != value
        {
            self.overrides.push(Override {
                key: key.into(),
                value: value.into(),
                file: name_of(file.as_ref()),
                replaced,
                replaced_from: from.map_or_else(String::new, |f| f.chain_text()),
                reason: None,
            });
        }
    }

    fn absorb_pins(&mut self, nearer: Vec<Located<RuleSetPin>>, mut pins: Pins) {
        for pin in nearer {
            let identity = pin.identity();
            let Some(i) = self.rulesets.iter().position(|p| p.identity() == identity) else {
                self.rulesets.push(pin);
                continue;
            };
            if self.rulesets[i].value == pin.value {
                continue;
            }
            match &mut pins {
                Pins::Conflict(conflicts) => conflicts.push(Conflict {
                    identity,
                    first: self.rulesets[i].clone(),
                    second: pin,
                }),
                Pins::Override => {
                    let old = std::mem::replace(&mut self.rulesets[i], pin);
                    let new = &self.rulesets[i];
                    self.overrides.push(Override {
                        key: format!("rulesets: {identity}"),
                        value: new.value.to_string(),
                        file: new.file.source.name.clone(),
                        replaced: old.value.to_string(),
                        replaced_from: old.file.chain_text(),
                        reason: None,
                    });
                }
            }
        }
    }

    fn absorb_rules(&mut self, nearer: Vec<RuleSetting>) {
        for setting in nearer {
            let id = &setting.id.value;
            match self
                .rules
                .iter()
                .position(|r| r.id.value.eq_ignore_ascii_case(id))
            {
                Some(i) => {
                    let old = std::mem::replace(&mut self.rules[i], setting);
                    let new = &self.rules[i];
                    self.overrides.push(Override {
                        key: format!("rules: {}", new.id.value),
                        value: level_str(new.level).into(),
                        file: new.id.file.source.name.clone(),
                        replaced: level_str(old.level).into(),
                        replaced_from: old.id.file.chain_text(),
                        reason: new.reason.clone(),
                    });
                }
                None => self.rules.push(setting),
            }
        }
    }

    /// A nearer file's waivers of a rule replace every inherited waiver of it.
    fn absorb_waivers(&mut self, nearer: Vec<ConfigWaiver>) {
        for waiver in &nearer {
            let (replaced, kept) = std::mem::take(&mut self.waivers)
                .into_iter()
                .partition(|w| w.rule.eq_ignore_ascii_case(&waiver.rule));
            self.waivers = kept;
            let replaced: Vec<ConfigWaiver> = replaced;
            if let Some(old) = replaced.first() {
                self.overrides.push(Override {
                    key: format!("waivers: {}", waiver.rule),
                    value: format!("waived until {}", until(waiver)),
                    file: waiver.file.clone(),
                    replaced: format!("waived until {}", until(old)),
                    replaced_from: old.file.clone(),
                    reason: Some(waiver.reason.clone()),
                });
            }
        }
        self.waivers.extend(nearer);
    }

    fn into_config(self, frame: Config) -> Config {
        Config {
            rulesets: self.rulesets,
            services: self.services,
            lang: self.lang,
            fail_on: self.fail_on,
            rules: self.rules,
            waivers: self.waivers,
            origins: self.origins,
            overrides: self.overrides,
            extended: self.extended,
            ..frame
        }
    }
}

fn until(waiver: &ConfigWaiver) -> String {
    waiver
        .expires
        .map_or_else(|| "further notice".into(), |d| d.to_string())
}

fn name_of(file: Option<&Arc<ConfigFile>>) -> String {
    file.map_or_else(String::new, |f| f.source.name.clone())
}

/// A level as `rules:` writes it.
pub fn level_str(level: RuleLevel) -> &'static str {
    match level {
        RuleLevel::Off => "off",
        RuleLevel::Severity(s) => severity_str(s),
    }
}
