//! clap's usage errors (an unknown flag, a missing argument, a value clap refuses)
//! in the language the user asked for with `--lang` or the locale (issue 25). clap
//! words them in English only; its errors carry what went wrong as data (the kind
//! and the context: the argument, the value, the suggestions, the usage line), so
//! the frame and the common messages are worded here from the word table. A
//! message clap gives no data for keeps its English words inside the worded frame.
//! English, or no language asked for, is clap's own output, colours and all.

use super::settings::Environment;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use tenderlint::Lang;
use tenderlint::report::i18n::{filled, word};

/// The language a usage error is worded in: `--lang` among the arguments, else the
/// locale's; `None` when neither asks for Norwegian, and clap's English stands.
pub(crate) fn language(args: &[OsString], env: &Environment) -> Option<Lang> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    let mut asked = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        // The last language that parses wins, as clap keeps the last `--lang`.
        asked = value.as_deref().and_then(Lang::parse).or(asked);
    }
    asked
        .or_else(|| env.lang())
        .filter(|l| matches!(l, Lang::Nb | Lang::Nn))
}

/// The error as clap prints it, worded in `lang`; `None` for what is no usage error
/// (help and version, which clap prints as they are).
pub(crate) fn worded(error: &clap::Error, lang: Lang) -> Option<String> {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let mut text = format!("{} {}", word(lang, "usage-error"), message(error, lang));
    let tips = tips(error, lang);
    if !tips.is_empty() {
        text.push('\n');
        for tip in tips {
            text.push_str(&format!("\n  {} {tip}", word(lang, "usage-tip")));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage);
        text.push_str(&format!("\n\n{}{line}", word(lang, "usage-usage")));
    }
    text.push_str(&format!("\n\n{}\n", word(lang, "usage-more")));
    Some(text)
}

fn string(error: &clap::Error, kind: ContextKind) -> Option<&str> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// The first line after «feil:»: worded from the error's data where clap gives it.
fn message(error: &clap::Error, lang: Lang) -> String {
    let arg = string(error, ContextKind::InvalidArg);
    let value = string(error, ContextKind::InvalidValue);
    let worded = match (error.kind(), arg, value) {
        (ErrorKind::UnknownArgument, Some(arg), _) => {
            Some(filled(lang, "usage-unknown-argument", &[("{arg}", arg)]))
        }
        (ErrorKind::InvalidSubcommand, _, _) => string(error, ContextKind::InvalidSubcommand)
            .map(|sub| filled(lang, "usage-unknown-command", &[("{arg}", sub)])),
        (ErrorKind::InvalidValue, Some(arg), Some("")) => {
            Some(filled(lang, "usage-value-required", &[("{arg}", arg)]))
        }
        (ErrorKind::InvalidValue, Some(arg), Some(value)) => {
            let mut text = filled(
                lang,
                "usage-invalid-value",
                &[("{value}", value), ("{arg}", arg)],
            );
            let valid = strings(error, ContextKind::ValidValue);
            if !valid.is_empty() {
                let list = word(lang, "usage-possible-values");
                text.push_str(&format!("\n  [{list}: {}]", valid.join(", ")));
            }
            Some(text)
        }
        (ErrorKind::MissingRequiredArgument, _, _) => {
            let missing = strings(error, ContextKind::InvalidArg);
            let lines: String = missing.iter().map(|m| format!("\n  {m}")).collect();
            Some(format!("{}{lines}", word(lang, "usage-missing")))
        }
        _ => None,
    };
    worded.unwrap_or_else(|| english_message(error))
}

/// clap's own first line(s), without its «error: » and what follows the message.
fn english_message(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let body = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    body.split("\n\n")
        .next()
        .unwrap_or(body)
        .trim_end()
        .to_string()
}

/// The «tips:» lines: a similar name, or how to pass a flag-like word as a value.
fn tips(error: &clap::Error, lang: Lang) -> Vec<String> {
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let similar = strings(error, kind);
        if !similar.is_empty() {
            let quoted: Vec<String> = similar.iter().map(|s| format!("'{s}'")).collect();
            tips.push(filled(
                lang,
                "usage-similar",
                &[("{names}", &quoted.join(", "))],
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested) {
        for tip in suggested {
            let tip = tip.to_string();
            // clap's one free-text tip: «to pass '--x' as a value, use '-- --x'».
            let as_value = tip
                .strip_prefix("to pass '")
                .and_then(|rest| rest.split_once("' as a value"));
            tips.push(match as_value {
                Some((arg, _)) => filled(lang, "usage-pass-as-value", &[("{arg}", arg)]),
                None => tip,
            });
        }
    }
    tips
}
