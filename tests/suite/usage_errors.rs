//! Issue 25's gap in the terminal: clap's usage errors (an unknown flag, a missing
//! argument, a value clap refuses) are worded in the language asked for with
//! `--lang` or a Norwegian locale, frame and message, from the word table; the exit
//! status stays clap's 2, and English (or no language asked for) stays clap's own.

use std::process::{Command, Output};
use tenderlint::Lang;
use tenderlint::report::i18n::word;

fn run(args: &[&str], locale: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tenderlint"));
    command
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(locale) = locale {
        command.env("LANG", locale);
    }
    command.output().expect("tenderlint runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_unknown_flag_under_lang_nn_is_worded_in_nynorsk_with_exit_status_2() {
    let output = run(&["check", "--farmat", "json", "--lang", "nn"], None);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "feil: ukjend argument '--farmat'", "{text}");
    assert!(text.contains("\n  tips: meinte du '--format'?\n"), "{text}");
    assert!(text.contains("\nBruk: tenderlint check "), "{text}");
    assert!(
        text.ends_with(&format!("\n\n{}\n", word(Lang::Nn, "usage-more"))),
        "{text}"
    );
    assert!(
        !text.contains("error:") && !text.contains("Usage:"),
        "{text}"
    );

    // English, or no language asked for, keeps clap's own words.
    for locale in [None, Some("en_US.UTF-8"), Some("C")] {
        let output = run(&["check", "--farmat"], locale);
        assert_eq!(output.status.code(), Some(2));
        let text = stderr(&output);
        assert!(
            text.starts_with("error: unexpected argument '--farmat' found"),
            "{locale:?}: {text}"
        );
        assert!(text.contains("\nUsage: tenderlint check"), "{text}");
    }
    // Help and version are no errors: printed as clap prints them, in any language.
    let output = run(&["--version"], Some("nb_NO.UTF-8"));
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("tenderlint "));
}

#[test]
fn a_norwegian_locale_words_a_missing_argument_and_a_refused_value() {
    let output = run(&["explain"], Some("nb_NO.UTF-8"));
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("feil: disse argumentene mangler:\n  <RULE>\n"),
        "{text}"
    );
    assert!(
        text.contains("\nBruk: tenderlint explain <RULE>\n"),
        "{text}"
    );

    let output = run(&["check", "--fail-on", "ofte"], Some("nb_NO.UTF-8"));
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("feil: ugyldig verdi 'ofte' for '--fail-on <FAIL_ON>'\n  [mulige verdier: error, warning, info, never]"),
        "{text}"
    );
    // `--lang` on the command line wins over the locale, as it does for every message.
    let output = run(&["chekk", "--lang", "en"], Some("nb_NO.UTF-8"));
    assert!(stderr(&output).starts_with("error: unrecognized subcommand 'chekk'"));
}
