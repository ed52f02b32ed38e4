//! `tenderlint completions SHELL`: a shell completion script from the clap definition.

use super::args::Cli;
use super::output::write_stdout;
use super::{ERROR, OK};
use clap::CommandFactory;

pub(crate) fn run(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    // Into memory first: clap_complete panics when its writer fails (a closed pipe).
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "tenderlint", &mut out);
    if write_stdout(&out) { OK } else { ERROR }
}
