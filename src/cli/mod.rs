//! The binary's commands, one module each, over the flags (`args`), the settings
//! stage (`settings`: flags, tenderlint.yaml and the environment resolved once) and
//! the printing (`output`). The library never prints; everything here may.
//!
//! Exit status: 0 nothing at or above `--fail-on` fails; 1 something does; 2 usage
//! errors, unreadable inputs or invalid rule sets.

mod args;
mod check;
mod compare;
mod completions;
mod config;
mod explain;
mod extract;
mod init;
mod man;
mod output;
mod progress;
mod review;
mod rules;
mod serve;
mod settings;
mod usage;

pub(crate) use args::Cli;
use args::Command;
pub(crate) use settings::Environment;
pub(crate) use usage::{language as usage_language, worded as usage_worded};

/// Nothing at or above `--fail-on` fails.
pub(crate) const OK: u8 = 0;
/// Something at or above `--fail-on` fails.
pub(crate) const FAILED: u8 = 1;
/// A usage error, an unreadable input or an invalid rule set.
pub(crate) const ERROR: u8 = 2;

/// Runs the command the flags name; the exit status.
pub(crate) fn run(cli: &Cli) -> u8 {
    match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Rules(cmd) => rules::run(cmd),
        Command::Explain(args) => explain::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Review(args) => review::run(args),
        Command::Config(args) => config::run(args),
        Command::Init => init::run(),
        Command::Serve(args) => serve::run(args),
        Command::Completions { shell } => completions::run(*shell),
        Command::Man { command } => man::run(command.as_deref()),
    }
}
