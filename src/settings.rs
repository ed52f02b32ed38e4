//! Settings for a check: the configuration (`tenderlint.yaml`), the flags, and the
//! defaults resolved into the rule sets and options a check runs with.
//!
//! One place, so that `check` and `serve` judge a tender by the same settings: a
//! page served from inside a tender repository honours its pins, services and
//! waivers exactly as the command line does. Flags win over the configuration,
//! the configuration over the defaults.

use crate::CheckOptions;
use crate::config::{self, Config};
use crate::rules::{self, RuleSet, RuleSetError};
use std::path::Path;

/// Where the configuration comes from.
#[derive(Debug, Clone, Copy)]
pub enum ConfigSource<'a> {
    /// No configuration (`--isolated`).
    Isolated,
    /// This file (`--config FILE`).
    File(&'a Path),
    /// `tenderlint.yaml` found upward from this path, if there is one.
    FoundFrom(&'a Path),
}

/// What the caller asks for beyond the configuration.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags<'a> {
    /// Rule sets (`ID`, `ID@VERSION` or a path); replace the configuration's pins.
    pub rulesets: &'a [String],
    /// Services in scope; replace the configuration's.
    pub services: &'a [String],
}

/// The resolved settings of a check.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file found, if any.
    pub config: Option<Config>,
    /// The rule sets to check with, loaded.
    pub rulesets: Vec<RuleSet>,
    /// The library's options for the check.
    pub options: CheckOptions,
}

/// A problem found while resolving settings, with where it lies.
#[derive(Debug, Clone)]
pub struct SettingsError {
    /// What is wrong, with its place.
    pub error: RuleSetError,
    /// The problem is in the configuration file (not in a rule set it names).
    pub in_config: bool,
}

/// Why the settings of a check could not be resolved.
#[derive(Debug, Clone)]
pub enum ResolveError {
    /// Problems in the configuration or the rule sets, each with where it lies.
    Sources(Vec<SettingsError>),
    /// A service in `--services` or the configuration's `services:` that no rule set
    /// knows. Data, not words: the caller words it in its reader's language
    /// (`report::i18n::unknown_service`), which is known only after the settings.
    UnknownService(crate::findings::UnknownService),
}

impl From<Vec<SettingsError>> for ResolveError {
    fn from(errors: Vec<SettingsError>) -> ResolveError {
        ResolveError::Sources(errors)
    }
}

/// Loads the configuration that applies.
pub fn find_config(source: ConfigSource) -> Result<Option<Config>, SettingsError> {
    let path = match source {
        ConfigSource::Isolated => None,
        ConfigSource::File(path) => Some(path.to_path_buf()),
        ConfigSource::FoundFrom(start) => config::discover(start),
    };
    match path.map(|p| config::load(&p)) {
        None => Ok(None),
        Some(Ok(c)) => Ok(Some(c)),
        Some(Err(error)) => Err(SettingsError {
            error,
            in_config: true,
        }),
    }
}

/// Resolves the rule sets and check options from a configuration and flags.
pub fn resolve(config: Option<Config>, flags: &Flags) -> Result<Settings, ResolveError> {
    let rulesets = rulesets(flags.rulesets, config.as_ref())?;
    let mut options = CheckOptions::default();
    // An unknown service name would silently leave its rules at their defaults.
    let (services, origin) = crate::check::resolve_services(
        flags.services,
        config
            .as_ref()
            .map(|c| (c.services.as_slice(), services_origin(c))),
        &rulesets,
    )
    .map_err(ResolveError::UnknownService)?;
    options.engine.services = services;
    options.engine.services_origin = origin;
    if let Some(c) = &config {
        c.check_rule_ids(&rulesets).map_err(|errors| {
            ResolveError::Sources(
                errors
                    .into_iter()
                    .map(|error| SettingsError {
                        error,
                        in_config: true,
                    })
                    .collect(),
            )
        })?;
        options.files = c
            .files
            .clone()
            .map(|f| std::sync::Arc::new(f) as std::sync::Arc<dyn crate::check::FileFilter>);
        options.rule_levels = c.rule_levels();
        options.waivers = c.waivers.clone();
    }
    Ok(Settings {
        config,
        rulesets,
        options,
    })
}

/// The file that wrote the services: the tender's own, or a profile it extends.
fn services_origin(config: &Config) -> &str {
    config
        .origins
        .services
        .as_ref()
        .map_or(config.source.name.as_str(), |f| f.source.name.as_str())
}

/// The rule sets a command uses: the named ones, else the configuration's pins and
/// local sets, else the embedded defaults. `check`, `serve`, `rules list`,
/// `explain` and `extract` all resolve them here.
pub fn rulesets(
    references: &[String],
    config: Option<&Config>,
) -> Result<Vec<RuleSet>, Vec<SettingsError>> {
    match config {
        Some(c) if references.is_empty() && !c.rulesets.is_empty() => {
            c.load_rulesets().map_err(|errors| {
                errors
                    .into_iter()
                    .map(|error| SettingsError {
                        in_config: error.source.name == c.source.name
                            || c.extended
                                .iter()
                                .any(|f| f.source.name == error.source.name),
                        error,
                    })
                    .collect()
            })
        }
        _ => load_rulesets(references),
    }
}

/// The named rule sets, or the embedded defaults when none is named.
pub fn load_rulesets(references: &[String]) -> Result<Vec<RuleSet>, Vec<SettingsError>> {
    // The embedded sets come from their compiled form, for any user of this library.
    rules::embedded::use_compiled(crate::rule_files::COMPILED_RULE_SETS);
    let loaded: Vec<Result<RuleSet, RuleSetError>> = if references.is_empty() {
        match rules::embedded::load_defaults() {
            Ok(sets) => sets.into_iter().map(Ok).collect(),
            Err(e) => vec![Err(e)],
        }
    } else {
        use rayon::prelude::*;
        references.par_iter().map(|r| rules::resolve(r)).collect()
    };
    let mut sets = Vec::new();
    let mut errors = Vec::new();
    for result in loaded {
        match result {
            Ok(set) => sets.push(set),
            Err(error) => errors.push(SettingsError {
                error,
                in_config: false,
            }),
        }
    }
    if sets.is_empty() && errors.is_empty() {
        errors.push(SettingsError {
            error: RuleSetError::about("tenderlint", "no rule sets to check with"),
            in_config: false,
        });
    }
    if errors.is_empty() {
        Ok(sets)
    } else {
        Err(errors)
    }
}
