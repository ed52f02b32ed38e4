//! The rule-set file format, as Rust types: serde reads it, schemars publishes it
//! as JSON Schema (`tenderlint rules schema`), so the documentation and the loader
//! can never disagree.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A versioned set of rules, one YAML file (`rules/<id>/<version>.yaml`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSetFile {
    /// Stable identifier, lower-case with hyphens (`ks-felles-journalloft`).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Semantic version of this rule set (`1.0.0`).
    #[schemars(with = "String")]
    pub version: Spanned<String>,
    /// Name of the set in reports and `rules list`.
    pub title: Localized,
    /// What the set covers and what it is based on, for `explain` and the reports.
    #[serde(default)]
    pub description: Option<Localized>,
    /// The documents this rule set encodes.
    #[serde(default)]
    pub sources: Vec<SourceDocument>,
    /// What changed in each version, newest first.
    #[serde(default)]
    pub changelog: Vec<ChangelogEntry>,
    /// Headings whose sections never hold requirements (background, glossary …).
    /// A section is non-normative when its title (without number) starts with one of
    /// these, compared after normalisation; the list is inherited by subsections.
    #[serde(default)]
    pub non_normative_headings: Vec<String>,
    /// Services a tender can cover (legevakt, sykehjem …), detected from the text
    /// or declared by the tender, that scope-aware rules refer to.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Reading behaviours this set opts into (each changes statuses, so a set
    /// version keeps the results it was released with). All off by default.
    #[serde(default)]
    pub reading: Reading,
    /// Titles of the categories the rules use (category key → title), shown by
    /// the reports. Optional: a category without one here gets the standard
    /// title of the categories tenderlint knows (`rules/categories.yaml`), else its key.
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, Localized>>")]
    pub categories: Option<Spanned<std::collections::BTreeMap<String, Localized>>>,
    /// The set's concept lexicon: words many rules share (synonyms and inflections
    /// in bokmål, nynorsk and English), defined once and named in a rule as a term
    /// `{ concept: deling }`. Versioned with the set; a set without it has none.
    #[serde(default)]
    pub concepts: Vec<Concept>,
    /// The rules, in the order reports list them within a category.
    pub rules: Vec<Rule>,
}

/// One concept of the lexicon: its words in each language. A rule that names it
/// matches any of them, as if they were written in its group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// What rules call it (`deling`): lower-case letters, digits and hyphens.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the concept means, for `tenderlint explain`.
    pub title: Localized,
    /// Bokmål words (each a term, as in a rule's groups).
    #[serde(default)]
    pub nb: Vec<Term>,
    /// Nynorsk words.
    #[serde(default)]
    pub nn: Vec<Term>,
    /// English words.
    #[serde(default)]
    pub en: Vec<Term>,
}

impl Concept {
    /// Every word of the concept, whatever its language.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.nb.iter().chain(&self.nn).chain(&self.en)
    }
}

/// How the engine reads a tender for this set, beyond the reading every set gets
/// (see `docs/rule-language.md`, «Reading behaviours»).
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// The tender's own definitions of abbreviations (glossaries, «Avdeling for
    /// rehabilitering (AR)», «AR – …») decide what an abbreviation means in that tender:
    /// a rule's abbreviation the tender defines as something else does not count.
    #[serde(default)]
    pub definitions: bool,
    /// A requirement that applies only under a condition («Dersom kommunen utløser
    /// opsjonen, skal …», «Ved bruk av X skal …», "If …, the supplier shall …") is weak.
    #[serde(default)]
    pub conditions: bool,
    /// Award criteria (their sections and tables: «Tildelingskriterier», «Kvalitet 40 %»)
    /// are evaluation: weak for a topic, a stated fact for `strength: mention` rules.
    #[serde(default)]
    pub award_criteria: bool,
    /// Forms recognised by their shape (price tables, answer templates, inventories
    /// of today's systems, the state's standard contract texts such as the DFØ data
    /// processing agreement) require nothing and violate nothing.
    #[serde(default)]
    pub forms: bool,
    /// A statement that puts a topic out of scope («Det stilles ikke krav til …», «…
    /// inngår ikke i leveransen», "out of scope") holds for the whole tender: a rule it
    /// names is covered only by a statement that names the excluded topic itself.
    #[serde(default)]
    pub exclusions: bool,
    /// A row of a requirement table that has a type column but no type of its own
    /// («F-17 | Løsningen skal integreres med VKP. | (empty)») is weak, whatever its
    /// text says: the tender did not say it must be met (HYG-004 reports the row).
    #[serde(default)]
    pub untyped_rows: bool,
    /// A heading says what its section's requirements are: «(gjelder ved utløst opsjon
    /// 2)» makes them conditional, «Bør-krav» or "Desirable requirements" makes their
    /// «skal» weak (a row typed by a type column keeps its type).
    #[serde(default)]
    pub section_headings: bool,
}

/// How one `require` rule reads options, annexes and award criteria (see `docs/rule-language.md`,
/// «A rule's own reading»). Each defaults to the reading every rule gets.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RuleReading {
    /// An option («Opsjon 2: Kommunen kan bestille …», "Option: …"): `weak` (an
    /// option does not demand its topic) or `binding`, for a rule about options and
    /// change clauses, whose topic a clear option is.
    #[serde(default)]
    pub options: OptionReading,
    /// A statement without a modal verb that names the topic as an annex of the
    /// contract («SSA-O Bilag 8 Databehandleravtaler», «Databehandleravtalen ligger
    /// ved som vedlegg»): `descriptive` or `binding`, for an agreement that binds by
    /// being an annex of the contract.
    #[serde(default)]
    pub annexes: AnnexReading,
    /// What the award criteria state without a modal verb («Brukervennlighet 25 %:
    /// demonstrasjon etter brukerscenarier»): `evaluated` (weak for a topic rule) or
    /// `binding`, for a rule whose topic is how the tenders are evaluated.
    #[serde(default)]
    pub award_criteria: AwardReading,
}

/// How a rule reads an option.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OptionReading {
    /// An option does not demand its topic: it counts as weak coverage (default).
    #[default]
    Weak,
    /// A clear option covers the topic as a binding requirement would: for rules about
    /// options and change clauses.
    Binding,
}

/// How a rule reads what the award criteria state.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AwardReading {
    /// An award criterion is evaluated, not demanded: it counts as weak coverage (default).
    #[default]
    Evaluated,
    /// What the award criteria state covers the topic as a binding requirement would:
    /// for rules about how the tenders are evaluated.
    Binding,
}

/// How a rule reads an annex that names its topic without a modal verb.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AnnexReading {
    /// An annex that names the topic only describes it (default).
    #[default]
    Descriptive,
    /// The annex binds as part of the contract: naming the topic counts as a binding requirement.
    Binding,
}

/// Text in Norwegian bokmål, nynorsk and English. Bokmål is required; the others
/// fall back to bokmål (nynorsk) or bokmål (English) when missing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// Bokmål: required, and the fallback for the other languages.
    pub nb: String,
    // `skip_serializing_if` is what the manual `Serialize` below does for JSON and
    // YAML; it stays written here for the published schema (no `default: null`).
    /// Nynorsk; bokmål when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nn: Option<String>,
    /// English; bokmål when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// JSON and YAML leave out a missing language; the compiled rule sets' binary form
/// (postcard, which is not self-describing) has a place for each, so it cannot skip one.
impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let human = serializer.is_human_readable();
        let fields =
            1 + usize::from(!human || self.nn.is_some()) + usize::from(!human || self.en.is_some());
        let mut out = serializer.serialize_struct("Localized", fields)?;
        out.serialize_field("nb", &self.nb)?;
        for (name, value) in [("nn", &self.nn), ("en", &self.en)] {
            if !human || value.is_some() {
                out.serialize_field(name, value)?;
            } else {
                out.skip_field(name)?;
            }
        }
        out.end()
    }
}

/// A document the set encodes (a recommendation, a regulation), cited by `rules list` and the reports.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Its title as published.
    pub title: String,
    /// Who published it (KS, Helsedirektoratet …).
    pub publisher: String,
    /// Where it can be read.
    pub url: String,
    /// Publication date (or the date it was read), `YYYY-MM-DD` or `YYYY-MM`.
    #[serde(default)]
    pub date: Option<String>,
}

/// What changed in one version of the set, shown by `rules diff` and the changelog.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ChangelogEntry {
    /// The version the entry is for (`1.2.0`).
    pub version: String,
    /// When that version was released, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// One sentence per change, saying why.
    pub changes: Vec<String>,
}

/// A service a tender can cover (legevakt, sykehjem …); scope-aware rules are stricter or
/// looser for it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Identifier used by rules and in tender front matter (`legevakt`).
    pub id: String,
    /// Its name in the three languages, for the page's checkboxes and `explain`.
    pub name: Localized,
    /// Terms whose presence anywhere in the tender's normative text puts the service in scope.
    #[serde(default)]
    pub detect: Vec<Term>,
    /// Terms that put the service in scope only where the tender says what it buys:
    /// its title (front matter `title:`, the first heading, a title-shaped first line,
    /// the Word title and subject), its first paragraph and its scope sections
    /// («Omfang», «Om anskaffelsen» …). For the bare name («legevakt», «legevakten»),
    /// which elsewhere names a counterpart («melding til legevakten»).
    #[serde(default)]
    pub detect_where_bought: Vec<Term>,
}

/// How much a rule matters: what `fail-on` compares against and what reports sort by.
#[derive(
    Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run unless `fail-on: info`.
    Info,
    /// Should be fixed; fails a run with `fail-on: warning`.
    Warning,
    /// A legal duty or a KS must: fails a run by default.
    Error,
}

/// What a rule checks.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// The topic must be covered by a requirement somewhere in the tender.
    Require,
    /// The pattern must not appear in a requirement.
    Forbid,
    /// When `match` appears in a requirement, `with` must follow within `within` words.
    RequireWith,
    /// An outdated term: each use in normative text gets the `replacement`.
    Prefer,
    /// A structural check built into the engine, named by `check`.
    Check,
}

/// Structural checks that a pattern cannot express.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum BuiltinCheck {
    /// A row of a requirement table has no type (minimum requirement or evaluated).
    UntypedRequirement,
    /// A row typed as minimum requirement says «bør», or one typed as evaluated says «skal»/«må».
    TypeModalityMismatch,
    /// A requirement row without an id in a table that numbers its requirements, or an id
    /// that names different requirements in the tender's files.
    RequirementIds,
    /// One requirement row with several independent binding statements about different things.
    CompositeRequirement,
}

/// How strong a requirement must be to satisfy a `require` rule.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Only a binding requirement («skal», «må», a minimum-requirement row) satisfies it.
    Binding,
    /// Weak coverage («bør», evaluation question, option) passes too, and is shown.
    Any,
    /// Like `any`, and a normative statement without a modal verb counts as met too: for
    /// procedural facts a tender states rather than demands («Kontrakten inngås på SSA-T»,
    /// «Tildelingskriteriene er pris 40 % og kvalitet 60 %»).
    Mention,
}

/// One rule: what it looks for, how strictly, and what to say and suggest for each outcome.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable identifier (`INT-001`); never reused for another meaning.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Short name in reports and `explain`.
    pub title: Localized,
    /// What the finding says when the rule is not met: the topic is missing, or
    /// (`forbid`, `prefer`, `require-with`, `check`) what the tender says is wrong.
    pub message: Localized,
    /// What the finding says for the other outcomes (met, weak, passed); an
    /// outcome without its own text gets a generated one (docs/rule-language.md,
    /// «Messages per outcome»).
    #[serde(default, skip_serializing_if = "OutcomeMessages::is_empty")]
    pub messages: OutcomeMessages,
    /// Category id (interoperability, information-sharing, architecture, security,
    /// archiving, usability, hygiene, contract …); its title comes from the set's
    /// `categories`, else from the standard titles.
    pub category: String,
    /// How much the rule matters by default; a scope entry or the configuration can change it.
    pub severity: Severity,
    /// What the rule checks (`require`, `forbid`, `prefer`, …).
    pub kind: RuleKind,
    /// For `require`: how strong the coverage must be. Default `any`.
    #[serde(default)]
    pub strength: Option<Strength>,
    /// For `require`: how this rule reads two kinds of statement that every other
    /// rule reads otherwise (options; annexes named without a modal verb).
    /// Default: as every rule.
    #[serde(default)]
    pub reading: RuleReading,
    /// What to look for (all kinds but `check`).
    #[serde(rename = "match", default)]
    #[schemars(with = "Option<Match>")]
    pub pattern: Option<Spanned<Match>>,
    /// For `require`: what covers the topic only in part («eksport til Excel og PDF» for
    /// export on established standards): a statement that matches it and not `match`
    /// covers the rule as weak at most.
    #[serde(default)]
    #[schemars(with = "Option<Match>")]
    pub partial: Option<Spanned<Match>>,
    /// For `check`: which built-in check.
    #[serde(default)]
    pub check: Option<BuiltinCheck>,
    /// For `require-with`: what must follow `match`.
    #[serde(default)]
    #[schemars(with = "Option<Match>")]
    pub with: Option<Spanned<Match>>,
    /// For `require-with`: how many words after the `match` hit `with` may appear. Default 12.
    #[serde(default)]
    pub within: Option<u32>,
    /// For `prefer`: the term to use instead.
    #[serde(default)]
    pub replacement: Option<Localized>,
    /// Why the rule exists, for `tenderlint explain`.
    pub rationale: Localized,
    /// Where the rule's claim comes from, with how each was verified.
    pub sources: Vec<RuleSource>,
    /// A requirement text the team can paste into the tender.
    #[serde(default)]
    pub suggestion: Option<Localized>,
    /// Per-service strength and severity (scope-aware rules). The first entry whose
    /// services intersect the tender's services wins; otherwise the rule's own
    /// severity and strength apply.
    #[serde(default)]
    pub scopes: Vec<ScopeOverride>,
    /// Snippets that must pass and must fail; run by `tenderlint rules test`.
    #[serde(default)]
    pub examples: Examples,
    /// Link to further documentation of the rule.
    #[serde(default)]
    pub help_uri: Option<String>,
}

/// A rule's messages for the outcomes besides missing and violation (which say
/// `message`). Each is optional: a rule set written before 1.2.0 has none, and
/// reporters generate a text that fits any rule. No field is skipped when
/// serialised: the compiled rule sets are written in a format without field names.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OutcomeMessages {
    /// Met: what covers the topic, and what that means.
    #[serde(default)]
    pub met: Option<Localized>,
    /// Weak: why the weak coverage found does not bind the supplier, and what would.
    #[serde(default)]
    pub weak: Option<Localized>,
    /// Passed (`forbid`, `prefer`, `require-with`, `check`): what was looked for and not found.
    #[serde(default)]
    pub passed: Option<Localized>,
}

impl OutcomeMessages {
    /// No message of its own for any outcome.
    pub fn is_empty(&self) -> bool {
        self.met.is_none() && self.weak.is_none() && self.passed.is_none()
    }
}

/// A source a rule cites for its claim.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct RuleSource {
    /// The page that states it.
    pub url: String,
    /// How the claim was verified: `V` against the cited page, `S` in a secondary
    /// source only, `U` unverified.
    pub verified: Verification,
    /// Which part of the page, or why it counts, when the page alone does not say.
    #[serde(default)]
    pub note: Option<String>,
}

/// How a rule's source was verified.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
pub enum Verification {
    /// Verified against the cited page.
    V,
    /// Found in a secondary source only.
    S,
    /// Not verified.
    U,
}

/// A scope-aware rule's severity, strength or applicability for tenders that cover
/// some services.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScopeOverride {
    /// Service ids (declared in the rule set's `services`).
    #[serde(default)]
    pub services: Vec<String>,
    /// `true`: the entry holds for every tender no earlier entry matched, whatever its
    /// services (with `applies: false`, a rule about a topic only some tenders ask
    /// for — one its own service detects — applies only where that service is in scope).
    #[serde(default)]
    pub otherwise: bool,
    /// The severity while this entry holds; the rule's own when unset.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// The strength the coverage needs while this entry holds; the rule's own when unset.
    #[serde(default)]
    pub strength: Option<Strength>,
    /// `false`: the rule does not apply when these services are in scope and no
    /// earlier entry matched.
    #[serde(default = "yes")]
    pub applies: bool,
}

fn yes() -> bool {
    true
}

/// A pattern over one requirement statement (a sentence, a list item with its
/// lead-in, or a requirement-table row). Every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Match {
    /// At least one of these terms.
    #[serde(default)]
    pub any: Vec<Term>,
    /// Each group needs at least one hit (e.g. `[[velferdsteknologi*], [integr*]]`).
    #[serde(default)]
    pub all: Vec<Vec<Term>>,
    /// Like `all`, but every group's hit within `within` words of the others.
    #[serde(default)]
    pub near: Option<Near>,
    /// None of these may appear in the statement («ID-porten» is not HelseID).
    #[serde(default)]
    pub not: Vec<Term>,
    /// Escape hatch: a regular expression over the normalised (lower-case) statement.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub regex: Option<Spanned<String>>,
    /// Alternatives: at least one must hold (each is a full `Match`).
    #[serde(default)]
    pub one_of: Vec<Match>,
    /// The topic inside the modal's reach counts: the first group of `all` (else of
    /// `near`) is the topic, and a hit of it in what a requirement governs (the
    /// statement's main clause, not a subordinate clause or a reference such as
    /// «jf. …») satisfies the groups without the others. The other groups still
    /// match anywhere as before.
    #[serde(default)]
    pub reach: bool,
}

/// Groups of terms that must all hit within a few words of each other.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Near {
    /// The most words between the first and the last group's hit.
    pub within: u32,
    /// Each group needs one hit; a group is a list of alternatives.
    pub groups: Vec<Vec<Term>>,
    /// Every group's hit must be a different word: a group written twice needs two
    /// different hits (a service area shown to another service area).
    #[serde(default)]
    pub distinct: bool,
}

/// A term to find. The short form is a string: `kjernejournal*` matches the word
/// and any ending or compound tail («kjernejournalen», «kjernejournal-oppslag»),
/// `*integrasjon` any compound head, `*journal*` anywhere, a plain word only as a
/// whole word. Case never matters in the short form. The long form sets the mode
/// explicitly and can demand case and a context word nearby (for abbreviations).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Term {
    /// A word or wildcard pattern (`kjernejournal*`), case-insensitive.
    Short(String),
    /// A term with its mode, context words, window or exceptions spelt out.
    Long(TermSpec),
    /// Product and vendor names, from the built-in lists and after given words.
    Products(ProductTerm),
    /// Every word of a concept in the set's lexicon.
    Concept(ConceptTerm),
}

/// A concept of the set's lexicon (`{ concept: deling }`): all its words.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConceptTerm {
    /// The concept's id in the set's `concepts`.
    pub concept: String,
}

/// Named products, beyond any list: `{ products: { gazetteers: [vendors, products],
/// after: ["basert på", via, …] } }`. A hit covers the product's name with the
/// capitalised words after it («Microsoft SharePoint Online»).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductTerm {
    /// Which lists and lead words find the products.
    pub products: ProductSpec,
}

/// Where product names are looked for.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductSpec {
    /// Built-in name lists (`rules/gazetteers/`): a vendor («Microsoft», «IBM») with the
    /// capitalised words after it, or a product named alone («PostgreSQL», «Gerica»).
    /// Either must be written with a capital letter.
    #[serde(default)]
    pub gazetteers: Vec<Gazetteer>,
    /// Words after which an unknown capitalised name is a product, unless it is a
    /// Norwegian word, a name that is never a brand (national services, registers,
    /// public bodies, standards), a place or organisation, or written in quotes.
    #[serde(default)]
    pub after: Vec<String>,
}

/// A built-in list of names (`rules/gazetteers/`).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Gazetteer {
    /// Vendors, whose following capitalised words name a product.
    Vendors,
    /// Products named alone.
    Products,
}

/// The long form of a term: the mode and context explicit.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermSpec {
    /// The word or wildcard pattern.
    pub term: String,
    /// `word` (default), `prefix`, `suffix`, `substring`, or `exact` (whole word, case as written).
    #[serde(default)]
    pub mode: Option<TermMode>,
    /// One of these must appear in the same statement (within `window` words when set).
    #[serde(default)]
    pub context: Vec<String>,
    /// How many words from the hit a `context` word may be; the whole statement when unset.
    #[serde(default)]
    pub window: Option<u32>,
    /// Compounds and senses that do not count: a hit of the term is dropped where one
    /// of these covers it. Each is written like a short-form term (`vaktlogg*`,
    /// `*kjørelogg`, `logget på som gjest`) and must hold the term's hit inside it:
    /// `{term: logg, mode: prefix, except: [logget på*]}` drops «logget på som gjest»
    /// but keeps «logging av oppslag».
    #[serde(default)]
    pub except: Vec<String>,
}

/// How a long-form term's text must meet a word of the statement.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum TermMode {
    /// The whole word, any case.
    Word,
    /// The word's start: any ending or compound tail.
    Prefix,
    /// The word's end: any compound head.
    Suffix,
    /// Anywhere inside a word.
    Substring,
    /// The whole word, case as written (abbreviations such as «KJ»).
    Exact,
}

/// Example statements for a rule. Each is a small Markdown tender; `pass` ones must
/// leave the rule satisfied (met/weak-accepted, or no violation), `fail` ones must not.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Snippets that must leave the rule satisfied.
    #[serde(default)]
    pub pass: Vec<String>,
    /// Snippets that must make the rule report its finding.
    #[serde(default)]
    pub fail: Vec<String>,
    /// For `require` rules: snippets that cover the topic only weakly (status `weak`).
    #[serde(default)]
    pub weak: Vec<String>,
}

impl Localized {
    /// The text in a language, falling back to bokmål.
    pub fn get(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Nb => &self.nb,
            crate::Lang::Nn => self.nn.as_deref().unwrap_or(&self.nb),
            crate::Lang::En => self.en.as_deref().unwrap_or(&self.nb),
        }
    }
}
