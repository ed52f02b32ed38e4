//! Issue 25, the gaps the first round left: an unknown service said in the
//! reader's language, service names in nynorsk and English in every format,
//! `--verbose` in to-do order, and documentation snippets that work as written.

use crate::support::tenderlint_without_locale;
use std::io::Read as _;
use std::path::Path;
use std::process::Output;

const TENDER: &str = "fixtures/tenders/nb-legevakt";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tenderlint(args: &[&str]) -> Output {
    tenderlint_without_locale(manifest(), args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An unknown service is an error in the language of the command, whether it is
/// named on the command line or in tenderlint.yaml: on main the settings turned it
/// into English words before the language was known.
#[test]
fn an_unknown_service_is_an_error_in_the_readers_language() {
    let expected = [
        ("nb", "ukjent tjeneste `legevak`", "mente du `legevakt`?"),
        ("nn", "ukjend teneste `legevak`", "meinte du `legevakt`?"),
        (
            "en",
            "unknown service `legevak`",
            "did you mean `legevakt`?",
        ),
    ];
    for (lang, unknown, suggestion) in expected {
        let out = tenderlint(&[
            "check",
            "--isolated",
            "--lang",
            lang,
            "--services",
            "legevak",
            TENDER,
        ]);
        assert_eq!(out.status.code(), Some(2), "{lang}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("{unknown} i --services")) || err.contains(unknown),
            "{lang}: {err}"
        );
        assert!(err.contains(suggestion), "{lang}: {err}");
    }
    // The configuration's `services:`, named by its own file name, in its `lang:`.
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("ci.yaml");
    std::fs::write(&config, "lang: nn\nservices: [legevak]\n").expect("write");
    let tender = manifest().join(TENDER);
    let out = tenderlint_without_locale(
        dir.path(),
        &[
            "check",
            "--config",
            "ci.yaml",
            tender.to_str().expect("UTF-8 path"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("ukjend teneste `legevak` i ci.yaml"), "{err}");
    assert!(err.contains("kjende tenester: fastlege"), "{err}");
}

/// The text of a Word report's body.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        if let (Some(open), Some(close)) = (piece.find('>'), piece.find("</w:t>"))
            && open < close
            && !piece[..open].contains('/')
        {
            out.push_str(&piece[open + 1..close]);
        }
    }
    out
}

/// The services of nb-legevakt are named in the reader's language by every format
/// that prints the services line (the ids stay in the JSON's data): on main a
/// nynorsk report said «hjemmetjeneste, legevakt, sykehjem».
#[test]
fn service_names_are_in_the_readers_language_in_every_format() {
    let expected = [
        ("nb", "hjemmetjeneste, legevakt, sykehjem"),
        ("nn", "heimeteneste, legevakt, sjukeheim"),
        ("en", "home care, out-of-hours clinic, nursing home"),
    ];
    for (lang, names) in expected {
        let run = |extra: &[&str]| {
            let mut args = vec!["check", "--isolated", "--lang", lang, TENDER];
            args.extend_from_slice(extra);
            tenderlint(&args).stdout
        };
        for format in ["human", "github", "junit", "markdown", "html"] {
            let out = text(&run(&["--format", format]));
            assert!(
                out.contains(names),
                "{format} {lang} lacks «{names}»:\n{out}"
            );
        }
        let verbose = text(&run(&["--verbose"]));
        assert!(verbose.contains(names), "verbose {lang}");
        let word = docx_text(&run(&["--format", "docx"]));
        assert!(word.contains(names), "docx {lang}: {word}");
        let sarif: serde_json::Value =
            serde_json::from_slice(&run(&["--format", "sarif"])).expect("SARIF");
        let statement = sarif["runs"][0]["properties"]["servicesStatement"]
            .as_str()
            .expect("servicesStatement");
        assert!(statement.contains(names), "sarif {lang}: {statement}");
        let json: serde_json::Value =
            serde_json::from_slice(&run(&["--format", "json"])).expect("JSON");
        let statement = json["services_statement"]
            .as_str()
            .expect("services_statement");
        assert!(statement.contains(names), "json {lang}: {statement}");
        assert_eq!(
            json["services"]["effective"],
            serde_json::json!(["hjemmetjeneste", "legevakt", "sykehjem"]),
            "the data keeps the ids"
        );
    }
}

/// `--verbose` opens with what there is to fix in the to-do order every other
/// format uses — errors, then warnings, then info — before the rest per category:
/// on main it was grouped by category, a warning before the first error.
#[test]
fn verbose_lists_what_fails_in_to_do_order_first() {
    let verbose =
        text(&tenderlint(&["check", "--isolated", "--verbose", "--lang", "en", TENDER]).stdout);
    // The severity of each rule in the order the verbose report shows them.
    let shown: Vec<&str> = verbose
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let _mark = words.next()?;
            let severity = words.next()?;
            ["error", "warning", "info"]
                .contains(&severity)
                .then_some(severity)
        })
        .collect();
    let brief = text(&tenderlint(&["check", "--isolated", "--lang", "en", TENDER]).stdout);
    let errors = brief.lines().filter(|l| l.starts_with("  ✖ ")).count();
    assert!(errors > 0, "nb-legevakt has errors to fix:\n{brief}");
    let rank = |s: &str| ["error", "warning", "info"].iter().position(|x| *x == s);
    assert!(
        shown.iter().take(errors).all(|s| *s == "error"),
        "the first {errors} rules shown are not its errors: {shown:?}\n{verbose}"
    );
    let to_fix: usize = verbose
        .lines()
        .find_map(|l| l.strip_prefix("To fix (")?.strip_suffix(')')?.parse().ok())
        .expect("a «To fix (N)» heading");
    assert!(to_fix > errors, "{verbose}");
    let first: Vec<_> = shown.iter().take(to_fix).map(|s| rank(s)).collect();
    assert!(
        first.windows(2).all(|w| w[0] <= w[1]),
        "what fails is not errors, then warnings, then info: {shown:?}"
    );
}

/// The CI and pre-commit examples of README.md and docs/ work as written and say
/// what `tenderlint init` prints: no `OWNER/tenderlint` or made-up address to
/// replace, the Git address from the CI variable `init` names.
#[test]
fn documented_snippets_have_no_placeholders_and_match_init() {
    let dir = tempfile::tempdir().expect("temp dir");
    let init = tenderlint_without_locale(dir.path(), &["init"]);
    assert_eq!(init.status.code(), Some(0), "{}", text(&init.stderr));
    let printed = text(&init.stdout);
    let hook: String = printed
        .lines()
        .skip_while(|l| !l.starts_with("repos:"))
        .take_while(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(hook.contains("repo: local"), "{printed}");
    for doc in ["README.md", "docs/configuration.md", "docs/ci.md"] {
        let written = std::fs::read_to_string(manifest().join(doc)).expect("doc");
        for placeholder in ["OWNER/", "example.org", "example.com"] {
            assert!(!written.contains(placeholder), "{doc} shows {placeholder}");
        }
        for line in written
            .lines()
            .filter(|l| l.contains("cargo install") && l.contains("--git"))
        {
            assert!(line.contains("TENDERLINT_GIT"), "{doc}: {line}");
        }
        if doc != "docs/ci.md" {
            assert!(
                written.contains(&hook),
                "{doc} lacks the hook `init` prints:\n{hook}"
            );
        }
    }
}
