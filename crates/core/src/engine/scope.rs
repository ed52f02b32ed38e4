//! Which services a tender covers, and what that does to the rules: services are
//! declared (flag, configuration, front matter, Word properties) or detected (a
//! rule set's service terms in headings, normative text, scope sections and
//! titles); scope-aware rules change severity, strength or applicability by them.

use super::EngineOptions;
use crate::document::Document;
use crate::findings::ServiceOrigin;
use crate::rules::schema::{Severity, Strength};
use crate::rules::{CompiledRule, Hit, RuleSet};
use std::collections::BTreeMap;

/// Services in scope for one rule set.
#[derive(Debug, Clone, Default)]
pub struct ScopeInfo {
    /// Declared by flag, configuration, front matter or Word properties.
    pub declared: Vec<String>,
    /// Found by the set's service terms in the tender.
    pub detected: Vec<String>,
    /// Where each effective service came from.
    pub origins: Vec<ServiceOrigin>,
}

impl ScopeInfo {
    /// What scope-aware rules use: the declared services, else the detected ones.
    pub fn effective(&self) -> &[String] {
        if self.declared.is_empty() {
            &self.detected
        } else {
            &self.declared
        }
    }
}

/// The services declared for the tender, each with where it is declared: the
/// flag or configuration, the files' front matter, Word document properties.
pub(super) struct Declared {
    services: Vec<String>,
    origins: Vec<ServiceOrigin>,
}

/// What [`EngineOptions`] and the documents declare.
pub(super) fn declared(docs: &[Document], options: &EngineOptions) -> Declared {
    let mut declared: Vec<String> = options.services.clone();
    let mut declared_origins: Vec<ServiceOrigin> = options
        .services
        .iter()
        .map(|s| {
            if options.services_origin == "--services" || options.services_origin.is_empty() {
                ServiceOrigin::new(s, "flag", None)
            } else {
                ServiceOrigin::new(s, "config", Some(options.services_origin.clone()))
            }
        })
        .collect();
    for doc in docs {
        let front = front_matter(doc);
        for s in &front.services {
            declared_origins.push(ServiceOrigin::new(
                s,
                "front-matter",
                Some(doc.path.display().to_string()),
            ));
        }
        declared.extend(front.services);
    }
    for doc in docs {
        let facts = &doc.facts;
        for s in &facts.declared {
            declared_origins.push(ServiceOrigin::new(
                s,
                "document-properties",
                Some(doc.path.display().to_string()),
            ));
        }
        declared.extend(facts.declared.iter().cloned());
    }
    declared.sort();
    declared.dedup();
    declared_origins.sort();
    declared_origins.dedup();
    Declared {
        services: declared,
        origins: declared_origins,
    }
}

/// The services in scope for one rule set: the declared ones, and those its terms
/// detected in the tender's text (`detected_at`) or in what the documents say of
/// themselves (titles, Word properties).
pub(super) fn set_scope(
    set: &RuleSet,
    docs: &[Document],
    declared: &Declared,
    mut detected_at: BTreeMap<String, Place>,
) -> ScopeInfo {
    super::where_bought::detect_where_bought(set, docs, &mut detected_at);
    let titled = title_services(set, docs);
    for (service, kind, doc) in titled {
        detected_at
            .entry(service)
            .or_insert(Place::Named(kind, doc));
    }
    let origins = if declared.services.is_empty() {
        detected_at
            .iter()
            .map(|(service, place)| place.origin(service, docs))
            .collect()
    } else {
        declared.origins.clone()
    };
    ScopeInfo {
        declared: declared.services.clone(),
        detected: detected_at.into_keys().collect(),
        origins,
    }
}

/// Where a service was detected.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Place {
    /// A block: document and block index.
    Block(usize, usize),
    /// Outside the body text: the origin kind and the document.
    Named(&'static str, usize),
}

impl Place {
    pub(super) fn origin(&self, service: &str, docs: &[Document]) -> ServiceOrigin {
        let (kind, d) = match self {
            Place::Named(kind, d) => (*kind, *d),
            Place::Block(d, _) => ("text", *d),
        };
        let doc = docs.get(d);
        let mut origin =
            ServiceOrigin::new(service, kind, doc.map(|d| d.path.display().to_string()));
        if let (Place::Block(_, b), Some(doc)) = (self, doc)
            && let Some(block) = doc.blocks.get(*b)
        {
            origin.section = Some(doc.section_display(block.section)).filter(|s| !s.is_empty());
            // The line (or Word paragraph) that decided it, so a wrong scope can be found.
            match &block.location {
                crate::document::Location::Text { line, .. } => origin.line = Some(*line),
                crate::document::Location::Docx { paragraph, .. } => {
                    origin.paragraph = Some(*paragraph);
                }
            }
        }
        origin
    }
}

/// A statement that forbids or disclaims what it names («Leverandøren skal ikke ta i
/// bruk KI-funksjonalitet uten godkjenning», "The municipality does not intend to use
/// AI functions"), or leaves it out of the purchase («Sykehjemmet har egne systemer og
/// er ikke med i anskaffelsen»), says what is not bought, as a negated one does: it
/// detects no service.
const REFUSALS: &[&str] = &[
    "ikke med i",
    "ikkje med i",
    "ikke med på",
    "ikkje med på",
    "har egne systemer",
    "har egne system",
    "har eget system",
    "har eigne system",
    "har eige system",
    "has its own system",
    "have their own system",
    "not covered by",
    "skal ikke",
    "skal ikkje",
    "må ikke",
    "må ikkje",
    "har ikke til hensikt",
    "har ikkje til hensikt",
    "shall not",
    "must not",
    "will not",
    "does not intend",
    "do not intend",
    "not intend to",
];

/// Whether a normalised statement forbids or disclaims what it names.
pub(super) fn refuses(text: &str) -> bool {
    REFUSALS.iter().any(|r| text.contains(r))
}

/// Whether any of `hits` is a term some service detects with: most statements hold none.
pub(super) fn may_name_a_service(hits: &[Hit], detects: &[bool]) -> bool {
    hits.iter()
        .any(|h| detects.get(h.term).copied().unwrap_or(true))
}

/// Records the services whose detection terms are among `hits`. `detects` marks,
/// by term, those some service detects with: most blocks hit none of them, and are
/// then passed over without looking at each service.
pub(super) fn detect_services(
    set: &RuleSet,
    (hits, detects): (&[Hit], &[bool]),
    detected: &mut BTreeMap<String, Place>,
    at: Place,
) {
    if !may_name_a_service(hits, detects) {
        return;
    }
    for service in &set.services {
        if !detected.contains_key(&service.id)
            && hits.iter().any(|h| service.detect.contains(&h.term))
        {
            detected.insert(service.id.clone(), at.clone());
        }
    }
}

/// Services named in what documents say of themselves: the front matter's
/// `title:` and the Word title, subject and keywords.
fn title_services(set: &RuleSet, docs: &[Document]) -> Vec<(String, &'static str, usize)> {
    let mut texts: Vec<(&'static str, usize, String)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        if let Some(title) = front_matter(doc).title {
            texts.push(("title", d, title));
        }
    }
    for (d, doc) in docs.iter().enumerate() {
        for t in &doc.facts.titles {
            texts.push(("document-properties-title", d, t.clone()));
        }
    }
    let mut found: BTreeMap<String, (&'static str, usize)> = BTreeMap::new();
    for (kind, d, text) in texts {
        let norm = crate::text::normalize(&text);
        let hits = set.matcher.find(&norm, &text);
        // A title says what is bought: the bare name counts there too.
        let bare = set.where_bought.find(&norm, &text);
        for service in &set.services {
            if hits.iter().any(|h| service.detect.contains(&h.term))
                || bare
                    .iter()
                    .any(|h| service.detect_where_bought.contains(&h.term))
            {
                found.entry(service.id.clone()).or_insert((kind, d));
            }
        }
    }
    found.into_iter().map(|(s, (k, d))| (s, k, d)).collect()
}

/// Heading words that open a section about what is bought. Detection reads these
/// sections' background text too; the words are generic procurement vocabulary,
/// not a rule set's.
const SCOPE_HEADINGS: &[&str] = &[
    "omfang",
    "anskaffelsens omfang",
    "oppdragets omfang",
    "leveransens omfang",
    "om anskaffelsen",
    "om oppdraget",
    "formål",
    "formålet med anskaffelsen",
    "anskaffelsens formål",
    "kort om anskaffelsen",
    "beskrivelse av anskaffelsen",
    // What the tender buys, said in plain words.
    "hva vi skal kjøpe",
    "kva vi skal kjøpe",
    "hva som skal kjøpes",
    "kva som skal kjøpast",
    "hva som skal anskaffes",
    "kva som skal anskaffast",
    "hva skal anskaffes",
    "anskaffelsens gjenstand",
    "gjenstand for anskaffelsen",
    "what we are buying",
    "what we buy",
    "what is being procured",
    "what is procured",
    "subject of the procurement",
    "scope",
    "scope of the procurement",
    "about the procurement",
];

/// Sections whose heading (or an ancestor's) is about the scope; a heading such
/// as «Innledning og omfang» counts by any of its words.
pub(super) fn scope_sections(doc: &Document) -> Vec<bool> {
    let mut flags = vec![false; doc.sections.len()];
    for (i, section) in doc.sections.iter().enumerate() {
        let inherited = section.parent.is_some_and(|p| p < i && flags[p]);
        flags[i] = inherited || names_scope(&crate::text::normalize(&section.title).text);
    }
    flags
}

/// True when a normalised title holds one of [`SCOPE_HEADINGS`] as whole words.
/// Every occurrence of every heading is found in one scan of the title.
fn names_scope(title: &str) -> bool {
    static HEADINGS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let Some(headings) =
        HEADINGS.get_or_init(|| aho_corasick::AhoCorasick::new(SCOPE_HEADINGS).ok())
    else {
        return false;
    };
    headings.find_overlapping_iter(title).any(|m| {
        let before_ok = !title[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = !title[m.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        before_ok && after_ok
    })
}

/// What the engine reads in a Markdown file's front matter.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct FrontMatterKeys {
    /// `services: [legevakt, sykehjem]`.
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub title: Option<String>,
}

/// The front matter keys the engine reads; none when there is no front matter.
pub(crate) fn front_matter(doc: &Document) -> FrontMatterKeys {
    let Some(fm) = &doc.front_matter else {
        return FrontMatterKeys::default();
    };
    // Front matter holds other keys too; only these matter here, and a broken
    // front matter is the document's business, not a reason to stop checking.
    let value: Result<serde_json::Value, _> = serde_saphyr::from_str(&fm.yaml);
    let Ok(mut value) = value else {
        return FrontMatterKeys::default();
    };
    // A title that is not text (a number) is not a reason to drop the services.
    if let Some(map) = value.as_object_mut()
        && map.get("title").is_some_and(|t| !t.is_string())
    {
        map.remove("title");
    }
    serde_json::from_value(value).unwrap_or_default()
}

/// The effective severity, strength and applicability of a rule for the services in scope.
pub(super) fn scoped(rule: &CompiledRule, services: &[String]) -> (Severity, Strength, bool) {
    for scope in &rule.scopes {
        if scope.otherwise || scope.services.iter().any(|s| services.contains(s)) {
            return (
                scope.severity.unwrap_or(rule.severity),
                scope.strength.unwrap_or(rule.strength),
                scope.applies,
            );
        }
    }
    (rule.severity, rule.strength, true)
}
