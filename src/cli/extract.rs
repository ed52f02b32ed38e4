//! `tenderlint extract FILE…`: what tenderlint reads from the files, as text or JSON.

use super::args::ExtractArgs;
use super::settings::{self, TextOrJson};
use super::{ERROR, OK};
use std::path::{Path, PathBuf};
use tenderlint::extract::ExtractedBlock;

pub(crate) fn run(args: &ExtractArgs) -> u8 {
    let start = args.files.first().map_or(Path::new("."), PathBuf::as_path);
    let sets = match settings::rule_sets(start, &args.rulesets) {
        Ok((_, sets)) => sets,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    let mut status = OK;
    // The files form one tender: a type legend in one applies to all.
    let mut docs = Vec::new();
    for file in &args.files {
        match tenderlint::document::read_file(file) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                eprintln!("error: {}: {e}", file.display());
                status = ERROR;
            }
        }
    }
    let all = tenderlint::extract::extract_tender(&docs, sets.first());
    // The format is judged after reading, as it always was: unreadable files are named first.
    match TextOrJson::parse(&args.format) {
        Ok(TextOrJson::Json) => {
            println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        }
        Ok(TextOrJson::Text) => print_text(&all),
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    }
    status
}

fn print_text(all: &[ExtractedBlock]) {
    for b in all {
        if let Some(reason) = b.dropped {
            println!(
                "✗ {}:{} [dropped: {}] {}",
                b.file,
                b.location,
                reason.as_str(),
                b.section
            );
            println!("    {}", b.text);
            continue;
        }
        let flag = if b.normative { " " } else { "·" };
        println!(
            "{flag} {}:{} [{}] {}",
            b.file, b.location, b.kind, b.section
        );
        for s in &b.statements {
            let id = s
                .requirement_id
                .as_deref()
                .map(|i| format!(" [{i}]"))
                .unwrap_or_default();
            let neg = if s.negated { " negated" } else { "" };
            let cond = if s.conditional { " conditional" } else { "" };
            println!("    {:<9}{neg}{cond}{id} {}", s.modality.as_str(), s.text);
        }
        for d in &b.definitions {
            println!("    defines  {} = {}", d.abbreviation, d.expansion);
        }
    }
}
