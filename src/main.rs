//! The tenderlint binary: parse the flags, run the command, exit with its status.
//! The commands, the settings stage and the printing live in `cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Every embedded set this process loads is read from its compiled form.
    tenderlint::rules::embedded::use_compiled(tenderlint::COMPILED_RULE_SETS);
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let worded = cli::usage_language(&args, &cli::Environment::read())
                .and_then(|lang| cli::usage_worded(&e, lang));
            match worded {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(if e.use_stderr() { cli::ERROR } else { cli::OK });
        }
    };
    ExitCode::from(cli::run(&cli))
}
