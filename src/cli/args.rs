//! Command-line flags, raw, as clap parses them. What they mean together with
//! tenderlint.yaml and the environment is decided in `settings`.
//!
//! `--fail-on` is a `ValueEnum` (the library's `config::FailOn`). `--format` and
//! `--lang` stay strings that `settings` parses: as `ValueEnum`s their `--help` would
//! list possible values and clap would word their errors itself, where tenderlint
//! says `unknown format `jsn` (use one of: …)` and accepts locales such as `nb_NO`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use tenderlint::config::FailOn;

#[derive(Debug, Parser)]
#[command(
    name = "tenderlint",
    version,
    about = "Checks Norwegian municipal EPJ tender drafts against the KS «Felles journalløft» recommendations",
    long_about = None,
    propagate_version = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check a tender (Markdown and DOCX files; directories are walked) against rule sets.
    Check(CheckArgs),
    /// Compare tenders side by side: each checked alone with its own configuration, then
    /// one matrix of rules × tenders (members that disagree first).
    Compare(CompareArgs),
    /// Work with rule sets: list, validate, test, schema.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Explain a rule: what it checks, why, its sources and the text to paste.
    Explain(ExplainArgs),
    /// Show what tenderlint reads from files: blocks with location, kind, modality.
    Extract(ExtractArgs),
    /// Write each Word file of the tender back as a reviewed copy (NAME.tenderlint.docx)
    /// with comments and tracked changes, or a Markdown tender's review as a diff.
    Review(ReviewArgs),
    /// Show the effective configuration: each value with the file it comes from
    /// (tenderlint.yaml or a profile it extends) and what it overrides, with the reason.
    Config(ConfigArgs),
    /// Write a commented tenderlint.yaml for the tender in the current directory and
    /// print pre-commit and CI snippets.
    Init,
    /// Start a local web page: drop the tender's Word or Markdown files, read the result,
    /// copy requirement texts, download the report.
    Serve(ServeArgs),
    /// Print a shell completion script: `tenderlint completions bash > ~/.local/share/bash-completion/completions/tenderlint`.
    Completions {
        /// bash, zsh, fish, powershell or elvish
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): `tenderlint man > tenderlint.1`,
    /// `tenderlint man check > tenderlint-check.1`.
    Man {
        /// The subcommand whose page to print (check, rules, explain …).
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 7878)]
    pub(crate) port: u16,
    /// Address to listen on. The page has no login: anything but loopback lets
    /// everyone who can reach this machine use it.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub(crate) addr: core::net::IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    pub(crate) open: bool,
    /// Largest upload per request, in MiB.
    #[arg(long, default_value_t = 100, value_name = "MIB")]
    pub(crate) max_upload: usize,
    /// Longest one check may run, in seconds; it is then stopped and answered with 503.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub(crate) time_limit: u64,
    /// Longest an upload may take to arrive, in seconds; it waits at most half of
    /// that for room among the uploads held at once (a request head gets at most 10).
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    pub(crate) read_timeout: u64,
    /// Uploads held in memory at once; more wait, up to half --read-timeout, then get 503
    /// [default: twice the cores].
    #[arg(long, value_name = "N")]
    pub(crate) uploads_at_once: Option<usize>,
    /// Another host name (or NAME:PORT) the page may be reached by, besides
    /// localhost and the address it listens on; repeatable.
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub(crate) allowed_hosts: Vec<String>,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
    /// Configuration file to use instead of the tenderlint.yaml found from the working directory.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any tenderlint.yaml.
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Language of messages when the page names none: nb, nn or en
    /// (default: tenderlint.yaml's, else the browser's).
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Services in scope when the page names none (default: tenderlint.yaml's, else detection).
    #[arg(long, value_delimiter = ',', value_name = "ID,…")]
    pub(crate) services: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct RuleSetArgs {
    /// Rule set to use: an embedded `ID` or `ID@VERSION`, or a path to a YAML file.
    /// Repeat for several; replaces the default sets.
    #[arg(long = "ruleset", short = 'r', value_name = "ID[@VERSION]|PATH")]
    pub(crate) rulesets: Vec<String>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or directories forming the tender; `-` reads one file from standard input.
    #[arg(default_value = ".")]
    pub(crate) paths: Vec<PathBuf>,
    /// The name of the file read from standard input (`-`): its extension decides the
    /// reader, and evidence shows it [default: stdin.docx for a zip, else stdin.md].
    #[arg(long, value_name = "NAME")]
    pub(crate) stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
    /// Output format.
    #[arg(long, short = 'f', default_value = "human", value_name = "FORMAT")]
    pub(crate) format: String,
    /// Write a format to a file instead of standard output (`json=report.json`); repeatable.
    #[arg(long = "output", short = 'o', value_name = "FORMAT=PATH")]
    pub(crate) outputs: Vec<String>,
    /// Lowest severity that makes the exit status 1 [default: error, or `fail-on` in tenderlint.yaml].
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Configuration file to use instead of the tenderlint.yaml found upward from the first path.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any tenderlint.yaml.
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Language of messages: nb, nn or en (default: LANG, else nb).
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Services the tender covers (comma-separated ids such as legevakt,sykehjem);
    /// overrides detection.
    #[arg(long, value_delimiter = ',', value_name = "ID,…")]
    pub(crate) services: Vec<String>,
    /// Show only failing rules and the summary.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
    /// The full human report: every rule with its evidence and requirement text.
    #[arg(long, short = 'v')]
    pub(crate) verbose: bool,
    /// Requirement ids of `requirements-md`/`requirements-docx` continue this prefix
    /// (`K-9.` gives K-9.1, K-9.2 …).
    #[arg(long, value_name = "PREFIX", default_value = "TL-")]
    pub(crate) id_prefix: String,
    /// Compare with the JSON report of an earlier run and fail only on what got worse
    /// (a rule met before and now weak or missing, a new violation, an expired waiver).
    #[arg(long, value_name = "REPORT.json")]
    pub(crate) baseline: Option<PathBuf>,
    /// Write this run's JSON report as the baseline for later runs (atomically).
    #[arg(long, value_name = "REPORT.json")]
    pub(crate) write_baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct CompareArgs {
    /// Tenders: each folder (or file) is one tender; a region.yaml lists members and their folders.
    pub(crate) tenders: Vec<PathBuf>,
    /// A tender of several files or folders: NAME=PATH[,PATH…]; repeatable.
    #[arg(long = "tender", value_name = "NAME=PATHS")]
    pub(crate) grouped: Vec<String>,
    /// Output format: human, json, markdown or xlsx [default: the extension of -o
    /// (.json, .md, .xlsx), else human].
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub(crate) format: Option<String>,
    /// Write the output to this file instead of standard output (atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Show each tender's evidence for one rule instead of the matrix.
    #[arg(long, value_name = "RULE")]
    pub(crate) explain: Option<String>,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
    /// Lowest severity that makes the exit status 1, for every tender
    /// [default: each tender's `fail-on` in its tenderlint.yaml, else error].
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Ignore every tenderlint.yaml: each tender is checked with the default rule sets.
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Language of messages: nb, nn or en (default: LANG, else nb).
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ReviewArgs {
    /// Files or directories forming the tender.
    #[arg(default_value = ".")]
    pub(crate) paths: Vec<PathBuf>,
    /// Directory for the reviewed copies [default: beside each original].
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// docx: reviewed copies of the Word files; diff: a unified diff of the Markdown files
    /// on standard output (apply it with `git apply`).
    #[arg(long, short = 'f', default_value = "docx", value_name = "FORMAT")]
    pub(crate) format: String,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
    /// Configuration file to use instead of the tenderlint.yaml found upward from the first path.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub(crate) config: Option<PathBuf>,
    /// Ignore any tenderlint.yaml.
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Language of tenderlint's own messages: nb, nn or en; comments are in the tender's language.
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Services the tender covers (comma-separated ids); overrides detection.
    #[arg(long, value_delimiter = ',', value_name = "ID,…")]
    pub(crate) services: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RulesCommand {
    /// List rule sets and their rules.
    List {
        #[command(flatten)]
        rulesets: RuleSetArgs,
        /// List every embedded version of every set instead of the rules.
        #[arg(long)]
        versions: bool,
    },
    /// Validate rule-set files: unknown keys, wrong types, duplicate ids, bad regex.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Run every rule's examples (the embedded sets when no file is given).
    Test {
        files: Vec<PathBuf>,
        /// Only this rule.
        #[arg(long)]
        rule: Option<String>,
        /// Also fail when a rule has fewer than three pass and three fail examples.
        #[arg(long)]
        strict: bool,
    },
    /// Print the JSON Schema of rule-set files.
    Schema,
    /// Show what changed between two versions of a rule set: rules added, removed, changed.
    Diff {
        /// `ID@VERSION` or a path to a rule-set file.
        from: String,
        /// `ID@VERSION` or a path to a rule-set file.
        to: String,
        /// text or json
        #[arg(long, short = 'f', default_value = "text")]
        format: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ConfigArgs {
    /// Where to look for tenderlint.yaml (upward from here).
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Use this configuration file instead.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Rule id, e.g. INT-001.
    pub(crate) rule: String,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// text or json
    #[arg(long, short = 'f', default_value = "text")]
    pub(crate) format: String,
    #[command(flatten)]
    pub(crate) rulesets: RuleSetArgs,
}
