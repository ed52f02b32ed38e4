//! `tenderlint man [SUBCOMMAND]`: a manual page (roff) from the clap definition.

use super::args::Cli;
use super::output::write_stdout;
use super::{ERROR, OK};
use clap::CommandFactory;

pub(crate) fn run(subcommand: Option<&str>) -> u8 {
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            // Named as clap_mangen's SEE ALSO names it: tenderlint-check(1); the name is
            // leaked once, for the one page this process prints.
            Some(sub) => sub
                .clone()
                .name(String::leak(format!("tenderlint-{name}")) as &str),
            None => {
                eprintln!("error: no subcommand `{name}`");
                return ERROR;
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => {
            if write_stdout(&out) {
                OK
            } else {
                ERROR
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ERROR
        }
    }
}
