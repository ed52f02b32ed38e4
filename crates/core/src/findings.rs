//! What a check found: one result per rule, with evidence. Reporters render
//! these; they never look at documents or rule files themselves.
//!
//! This is the vocabulary of results, below the engine that produces them and the
//! policy and reporters that read them: it names rules by their texts
//! ([`RuleInfo`]), not by their compiled form.

use crate::rules::schema::RuleSource;
use crate::rules::{Localized, RuleKind, Severity, Strength};
use crate::text::Modality;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

mod tally;
pub use tally::{CategoryTally, Outcome, Summary, Tally};

/// The outcome of checking one tender.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The program and version that checked, as reports and SARIF name them.
    pub tool: Tool,
    /// The rule sets checked against, with the version and digest of each.
    pub rulesets: Vec<RuleSetInfo>,
    /// Every file of the tender, read or not, in the order given.
    pub files: Vec<FileEntry>,
    /// The services scope-aware rules used and where each came from.
    pub services: Services,
    /// The language the tender is written in, as far as tenderlint can tell (`nb`, `nn`, `en`).
    pub tender_language: crate::Lang,
    /// The language suggested requirement texts are shown in: `--lang`/`lang:` if
    /// given, else the tender's language.
    pub suggestion_language: crate::Lang,
    /// One result per rule of every set, in the sets' order.
    pub results: Vec<RuleResult>,
    /// Notes about the run itself (a newer rule-set version exists, a file was
    /// skipped …), as data; the JSON format words them.
    #[serde(skip)]
    pub notices: Vec<Notice>,
    /// The one tally of outcomes, whole and per category, that every format shows.
    pub summary: Summary,
    /// Text of the Markdown files by path, for snippets in human output.
    #[serde(skip)]
    pub sources: std::collections::BTreeMap<String, Arc<str>>,
}

impl CheckReport {
    /// Whether the run fails: a result the gate says fails it
    /// ([`RuleResult::gate`]). Unreadable files are errors of their own.
    pub fn fails_run(&self) -> bool {
        self.results.iter().any(|r| r.gate == Gate::Fails)
    }
}

/// A service name no rule set knows, with the nearest known one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownService {
    /// The name as written.
    pub name: String,
    /// Where it was named.
    pub origin: NamedIn,
    /// The known name it is nearest to, when it is near one.
    pub suggestion: Option<String>,
    /// Every service the rule sets know.
    pub known: Vec<String>,
}

impl std::fmt::Display for UnknownService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown service `{}` in {}", self.name, self.origin)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        if self.known.is_empty() {
            write!(f, "; the rule sets define no services")
        } else {
            write!(f, "; known services: {}", self.known.join(", "))
        }
    }
}

/// Where a service name was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedIn {
    /// `--services`.
    Flag,
    /// The configuration file, by its name.
    Config(String),
    /// The front matter of a Markdown file.
    FrontMatter(String),
    /// The Word document properties of a file.
    DocumentProperties(String),
}

impl std::fmt::Display for NamedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NamedIn::Flag => f.write_str("--services"),
            NamedIn::Config(name) => f.write_str(name),
            NamedIn::FrontMatter(path) => write!(f, "the front matter of {path}"),
            NamedIn::DocumentProperties(path) => {
                write!(f, "the Word document properties of {path}")
            }
        }
    }
}

/// The program that wrote the report.
#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    /// `tenderlint`.
    pub name: String,
    /// The version of the tenderlint that checked.
    pub version: String,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "tenderlint".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// A rule set a check used, as reports and pins name it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleSetInfo {
    /// Its id (`ks-felles-journalloft`).
    pub id: String,
    /// Its version (`1.2.0`).
    pub version: String,
    /// Its title in bokmål.
    pub title: String,
    /// The title in bokmål, nynorsk and English, for the reports that speak the
    /// reader's language (`title` stays the bokmål one in JSON).
    #[serde(skip)]
    pub titles: crate::rules::Localized,
    /// A path, or `embedded:ID@VERSION`.
    pub origin: String,
    /// SHA-256 of its YAML text: what a pin in tenderlint.yaml is checked against.
    pub sha256: String,
    /// The titles the set declares for its categories; reports fall back on the
    /// standard titles (`report::i18n::category_title`).
    #[serde(skip)]
    pub categories: std::collections::BTreeMap<String, crate::rules::Localized>,
}

/// One file of the tender and whether it could be read.
#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    /// The file's name as reports and evidence give it.
    pub path: String,
    /// Markdown or Word; `None` for a file whose kind could not be told.
    pub format: Option<crate::document::Format>,
    /// Blocks read; 0 when the file could not be read.
    pub blocks: usize,
    /// Why the file could not be read (one line, technical), if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What is wrong with it, as reports word it for the people who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<crate::document::Unreadable>,
}

/// The services a check assumed: declared, detected, and the ones it used.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Services {
    /// Declared in front matter or configuration.
    pub declared: Vec<String>,
    /// Found in the tender's normative text.
    pub detected: Vec<String>,
    /// What scope-aware rules used: the declared services, else the detected ones.
    pub effective: Vec<String>,
    /// Where each effective service came from (flag, configuration, front matter,
    /// document properties, or the file and heading it was detected under).
    pub origins: Vec<ServiceOrigin>,
    /// The rules whose severity, strength or applicability depends on the services.
    pub scoped_rules: Vec<String>,
}

/// Where a service in scope came from: the flag, the configuration, a file's front
/// matter or Word properties, or the file and heading it was detected under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ServiceOrigin {
    /// The service's id.
    pub service: String,
    /// `flag`, `config`, `front-matter`, `document-properties` (declared), or
    /// `title`, `document-properties-title`, `text` (detected).
    pub kind: String,
    /// The file it stands in (the configuration file for `config`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The section path it was detected under (`text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The 1-based line of a text file it was detected on (`text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The paragraph of a Word file it was detected in (`text`), numbered from 1 in
    /// its part as Word locations are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

impl ServiceOrigin {
    pub(crate) fn new(service: &str, kind: &str, file: Option<String>) -> ServiceOrigin {
        ServiceOrigin {
            service: service.to_string(),
            kind: kind.to_string(),
            file,
            section: None,
            line: None,
            paragraph: None,
        }
    }
}

/// The status of one rule for the tender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A binding requirement covers the topic.
    Met,
    /// Only weak coverage («bør», evaluation question, option).
    Weak,
    /// No requirement covers the topic.
    Missing,
    /// The tender says something the rule forbids (at the evidence locations).
    Violation,
    /// A forbid/prefer/check rule found nothing to object to.
    Passed,
    /// The rule does not apply to the services this tender covers.
    NotApplicable,
}

impl Status {
    /// Its key in reports (`met`, `not-applicable`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Weak => "weak",
            Status::Missing => "missing",
            Status::Violation => "violation",
            Status::Passed => "passed",
            Status::NotApplicable => "not-applicable",
        }
    }
}

/// How a piece of evidence relates to the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// A binding requirement mentions the topic.
    Binding,
    /// A weak requirement mentions it.
    Weak,
    /// Mentioned, but the statement puts it out of scope.
    Negated,
    /// Mentioned, but in background text, a glossary, a header or footer.
    NonNormative,
    /// Mentioned without a modal verb: a description, not a requirement.
    Descriptive,
    /// A binding statement that applies only under a condition («Dersom kommunen
    /// utløser opsjonen, skal …»): weak (with the set's `reading: conditions`).
    Conditional,
    /// Said in the award criteria: evaluated, not demanded; weak for a topic, a stated
    /// fact for a `mention` rule (with the set's `reading: award_criteria`).
    Evaluated,
    /// The rule's abbreviation matched, but the tender defines it as something else
    /// (with the set's `reading: definitions`): covers nothing; see `definition`.
    Redefined,
    /// A statement that matched the rule only through terms other than the ones the
    /// tender's own scope exclusion names (with the set's `reading: exclusions`):
    /// covers nothing; the exclusion is cited as `negated` evidence.
    Excluded,
    /// Something the rule objects to.
    Violation,
}

impl Coverage {
    /// How many kinds of coverage there are (for tables indexed by [`Coverage::index`]).
    pub const COUNT: usize = 10;

    /// Its place in tables of [`Coverage::COUNT`] entries.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its key in reports (`binding`, `non-normative`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Binding => "binding",
            Coverage::Weak => "weak",
            Coverage::Negated => "negated",
            Coverage::NonNormative => "non-normative",
            Coverage::Descriptive => "descriptive",
            Coverage::Conditional => "conditional",
            Coverage::Evaluated => "evaluated",
            Coverage::Redefined => "redefined",
            Coverage::Excluded => "excluded",
            Coverage::Violation => "violation",
        }
    }
}

/// One result per rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleResult {
    /// The id of the rule set the rule is in.
    pub ruleset: String,
    /// The version of that rule set.
    pub ruleset_version: String,
    /// The rule's id (`INT-001`).
    pub rule: String,
    /// What the rule checks (`require`, `forbid`, …).
    pub kind: RuleKind,
    /// What the check found, before waivers (met, weak, missing, violation, passed, not applicable).
    pub status: Status,
    /// Whether the rule is satisfied (met; weak where the rule accepts weak coverage;
    /// passed; not applicable).
    pub ok: bool,
    /// Severity after scope overrides.
    pub severity: Severity,
    /// Strength wanted after scope overrides (`require` rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// The rule's category, which reports group and count by.
    pub category: String,
    /// Where the tender speaks of the rule's topic, cut to a few
    /// ([`RuleResult::evidence_total`] counts them all).
    pub evidence: Vec<Evidence>,
    /// How many pieces of evidence there were before the list was cut.
    pub evidence_total: usize,
    /// The waiver that accepts a failing result, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
    /// The comparison with a baseline report (`check --baseline`), if there is one.
    #[serde(skip)]
    pub baseline: Option<Comparison>,
    /// Whether the result fails the run, decided once by the policy
    /// (`policy::gate`); every format and the exit status read it.
    pub gate: Gate,
    /// The rule's texts: title, message, suggestion, sources (for reporters).
    #[serde(skip)]
    pub rule_info: Arc<RuleInfo>,
}

impl RuleResult {
    /// Failing and not waived: a finding the gate weighs against `--fail-on` and
    /// the baseline. Whether it fails the run is [`RuleResult::gate`].
    pub fn fails(&self) -> bool {
        !self.ok && self.waiver.is_none()
    }
}

/// What the gate decided about one result: it fails the run, or why it does not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gate {
    /// Satisfied (met, passed, not applicable, or weak where weak is accepted).
    #[default]
    Passes,
    /// Not satisfied, but waived.
    Waived,
    /// Not satisfied, but its severity is below `--fail-on` (or `--fail-on never`).
    BelowFailOn,
    /// Not satisfied, but neither new nor worse than in the baseline (`--baseline`).
    InBaseline,
    /// Not satisfied: it fails the run.
    Fails,
}

impl Gate {
    /// Its key in reports (`passes`, `below-fail-on`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Gate::Passes => "passes",
            Gate::Waived => "waived",
            Gate::BelowFailOn => "below-fail-on",
            Gate::InBaseline => "in-baseline",
            Gate::Fails => "fails",
        }
    }
}

/// What reporters show of a rule besides its result: its texts in every language,
/// its sources and its default severity. Copied from the rule set, so that a
/// result outlives the compiled rule and reporters never see patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// The rule's id.
    pub id: String,
    /// The rule's short name.
    pub title: Localized,
    /// What the finding says when the rule is not met (missing, violation).
    pub message: Localized,
    /// What it says for the outcomes met, weak and passed, where the set writes it
    /// (reporters generate the others: `report::common::outcome_message`).
    pub messages: crate::rules::schema::OutcomeMessages,
    /// The severity the rule set gives the rule (before scope overrides; the
    /// result's `severity` is the one that applies).
    pub severity: Severity,
    /// What to write instead of what a `forbid`/`prefer` rule objects to.
    pub replacement: Option<Localized>,
    /// Why the rule exists, for `explain` and the reports' details. The rule's long
    /// texts are shared with the rule set (and between results of rules that repeat
    /// them), not copied into each result.
    pub rationale: Arc<Localized>,
    /// Where the rule's claim comes from.
    pub sources: Arc<Vec<RuleSource>>,
    /// A requirement text to paste into the tender.
    pub suggestion: Option<Arc<Localized>>,
    /// A page that explains the rule, for SARIF's `helpUri`.
    pub help_uri: Option<String>,
    /// A `require-with` rule whose `with` terms are «eller tilsvarende» / «or
    /// equivalent»: its violation is fixed by adding that phrase after the name found.
    pub fix_adds_equivalent: bool,
}

/// Where the tender says something about a rule's topic.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    /// The file, as [`FileEntry::path`] names it.
    pub file: String,
    /// 1-based line (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column of the excerpt's start in its line (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The location in the terms of its format, without words: `12:5`, or for
    /// Word the paragraph of the part (`¶ 863`). Reporters show [`Evidence::place`]
    /// instead where there is one, worded in their language.
    pub location: String,
    /// A Word location a reader can find (heading, paragraph, table, row, column),
    /// worded by each reporter (`report::i18n::place`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::document::FindablePlace>,
    /// Byte range in the source file (Markdown) or byte offset in the part's XML (DOCX).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_offset: Option<usize>,
    /// The length in bytes of what [`Evidence::byte_offset`] starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_length: Option<usize>,
    /// The headings above the statement, joined with « › ».
    pub section: String,
    /// The tender's own id of the requirement (`K-3.2`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement_id: Option<String>,
    /// The statement, cut to a readable length.
    pub excerpt: String,
    /// How the statement covers the rule's topic (binding, weak, negated …).
    pub coverage: Coverage,
    /// The modal verb that makes the statement a requirement, if any.
    pub modality: Modality,
    /// The text that matched (normalised), when a term matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// The tender's own legend entry that typed the row, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_legend: Option<String>,
    /// For `redefined` evidence: the tender's definition of the abbreviation that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<DefinitionNote>,
    /// The excerpt corrected, for a violation the finding itself can fix
    /// («… Microsoft SQL Server eller tilsvarende …»); see [`crate::fixes`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The other places that give this evidence's requirement id to another
    /// requirement, in document order: one finding cites them all, since the
    /// ambiguity is the id's, not one row's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<OtherPlace>,
    /// Not evidence of the verdict: a normative sentence close to a missing rule's
    /// requirement text, shown as «possibly covered — check». Never changes the status.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
}

/// Another place a piece of evidence points at: where the same requirement id is
/// used again.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OtherPlace {
    /// The file, as [`FileEntry::path`] names it.
    pub file: String,
    /// 1-based line (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The location in the terms of its format (`12:5`, `¶ 863`).
    pub location: String,
    /// A Word location a reader can find, worded by each reporter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<crate::document::FindablePlace>,
    /// The statement at that place.
    pub excerpt: String,
}

/// Where a tender defines an abbreviation, as evidence shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DefinitionNote {
    /// As the tender writes it («SSO»).
    pub abbreviation: String,
    /// What the tender says it stands for («Sentralt sykehjemskontor»).
    pub expansion: String,
    /// The file it stands in.
    pub file: String,
    /// Where in the file (`12:5`, `¶ 863`).
    pub location: String,
}

/// Why a result is waived.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Waiver {
    /// Why the result is accepted, as its writer gave it.
    pub reason: String,
    /// `config` (tenderlint.yaml) or `inline` (a comment in the tender).
    pub origin: String,
    /// The day after which it no longer waives (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Who accepted it, when the waiver names someone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Where the waiver is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// How a result compares with the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    /// The baseline has no result for the rule (a rule new in this rule-set version).
    New,
    /// Neither better nor worse.
    Same,
    /// Better: it failed and now passes, or a weaker status or fewer violations.
    Fixed,
    /// Worse: met before and now weak or missing, a new violation, a waiver that
    /// expired.
    Worse,
}

impl BaselineState {
    /// Its key in reports (`new`, `same`, `fixed`, `worse`).
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Same => "same",
            BaselineState::Fixed => "fixed",
            BaselineState::Worse => "worse",
        }
    }
}

/// A result's comparison with its baseline result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Whether the result is new, the same, better or worse.
    pub state: BaselineState,
    /// The baseline's result, when there was one.
    pub previous: Option<Previous>,
}

/// What the baseline said about a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    /// Its status then.
    pub status: Status,
    /// It failed (waived or not): CI systems showed it as an issue.
    pub issue: bool,
    /// It failed and was not waived.
    pub failed: bool,
    /// The identities of its violations (see `policy::baseline::violation_identity`).
    pub violations: BTreeSet<String>,
}

/// A note about the run itself, at a severity. What it says is data
/// ([`About`]); every report words it in its reader's language
/// (`report::i18n::notice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How much it matters, as reports mark it.
    pub level: Severity,
    /// What it says, as data.
    pub about: About,
}

/// What a [`Notice`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// Newer versions of rule sets used are built in; results follow the pinned ones.
    NewerVersions(Vec<crate::rules::versions::NewerVersion>),
    /// The baseline was made with other rule-set versions: set id, the baseline's
    /// version (`None`: the set is not in it) and the version checked with.
    BaselineVersions(Vec<(String, Option<String>, String)>),
    /// A file found in the tender's folder and not read as tender text.
    Skipped {
        /// The file, as the tender's other files are named.
        path: String,
        /// Why it was not read.
        why: Skip,
    },
    /// A file with no text in it: nothing of it was checked.
    EmptyFile {
        /// The file, as the tender's other files are named.
        path: String,
    },
    /// A service a document declares that the rule sets do not know.
    UnknownService(UnknownService),
}

/// Why a file was not read as tender text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Its name is one tenderlint gives its reports.
    NamedLikeReport,
    /// It carries the marker tenderlint writes into its reports.
    CarriesMarker,
    /// It is where this run's standard output goes (`check . > rapport.docx`).
    IsStandardOutput,
}
