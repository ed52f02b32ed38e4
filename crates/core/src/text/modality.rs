//! How strongly a statement binds the vendor, the way a procurement lawyer reads it:
//! «skal»/«må» bind; «bør», evaluation questions and options do not; a statement
//! that puts a topic out of scope covers nothing.

use super::modal_words::ModalWord;
use serde::Serialize;

/// The strength of one requirement statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// No modal word: descriptive text.
    None,
    /// «bør», «ønskelig», should, may …
    Should,
    /// «Beskriv hvordan …», «Leverandøren bes redegjøre for …»
    Question,
    /// «Opsjon …», even with «skal».
    Option,
    /// Future or conditional intent: «på sikt», «planlagt», «vurderes».
    Future,
    /// «skal», «må», shall, must, «kreves».
    Binding,
}

impl Modality {
    /// «skal», «må»: the statement binds the vendor.
    pub fn is_binding(self) -> bool {
        self == Modality::Binding
    }

    /// Weak coverage: the statement asks for the topic, but not bindingly.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            Modality::Should | Modality::Question | Modality::Option | Modality::Future
        )
    }

    /// The modality's name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::None => "none",
            Modality::Should => "should",
            Modality::Question => "question",
            Modality::Option => "option",
            Modality::Future => "future",
            Modality::Binding => "binding",
        }
    }
}

pub(super) const BINDING_WORDS: &[&str] = &[
    "skal",
    "må",
    "kreves",
    "krevst",
    "påkrevd",
    "påkravd",
    "påkrevet",
    "shall",
    "must",
    "obligatorisk",
];
const SHOULD_WORDS: &[&str] = &[
    "bør",
    "ønskelig",
    "ønskeleg",
    "ynskjeleg",
    "ønskjeleg",
    "ønskes",
    "ønskjast",
    "ynskjast",
    // What the buyer wishes or expects asks for the topic without binding anyone to it:
    // «Kommunen ønsker å eie egne data», «Kommunen forventer at nye integrasjoner bygger på FHIR».
    "ønsker",
    "ønskjer",
    "ynskjer",
    "forventer",
    "forventar",
    "forventes",
    "forventast",
    "expects",
    "should",
    "may",
    "kan",
    "desirable",
    "preferably",
    "fortrinnsvis",
    "helst",
    "optional",
    "valgfritt",
    "valfritt",
    // The buyer encourages or recommends: «Leverandøren oppfordres til å legge ved …».
    "oppfordres",
    "oppfordrast",
    "oppmodes",
    "oppmodast",
    "anbefales",
    "tilrådast",
    "encouraged",
];
/// Future or deferred intent that makes a statement weak on its own: «HelseID vurderes
/// innført på sikt» is no requirement, with or without «skal».
const FUTURE_PHRASES: &[&str] = &[
    "på sikt",
    "i fremtiden",
    "i framtiden",
    "i framtida",
    "i fremtida",
    "vurderes",
    "vurderast",
    "in the future",
    "will be considered",
    "to be considered",
];
/// Deferred to a later agreement: the tender does not say it yet («Tjenestenivå
/// avtales i dialogfasen»), so the statement covers nothing, as a negation does; but
/// unlike an exclusion it puts nothing out of scope for the rest of the tender.
const DEFERRAL_PHRASES: &[&str] = &[
    "vil bli avtalt",
    "avtalt senere",
    "avtalt seinare",
    "avtalte senere",
    "avtalte seinare",
    "avtales senere",
    "avtales seinare",
    "avtalast seinare",
    "avtales i dialog",
    "avtalast i dialog",
    "fastsettes i dialog",
    "avklares i dialog",
    "avklarast i dialog",
    "will be agreed",
    "to be agreed",
    "will be determined",
    "to be determined",
];
/// Plans that weaken a modal statement («skal etter planen …») but alone are descriptions
/// («Kommunen har planlagt å innføre HelseID»).
const PLAN_PHRASES: &[&str] = &[
    "planlagt",
    "planlegges",
    // A roadmap plans when something stands on it («skal etter veikartet komme i
    // 2027»); «skal publisere et veikart» demands the roadmap itself.
    "i veikart",
    "etter veikart",
    "ifølge veikart",
    "på veikart",
    "on the roadmap",
    "on its roadmap",
    "in the roadmap",
    "according to the roadmap",
    "per the roadmap",
    "is planned",
    "are planned",
];
const QUESTION_OPENERS: &[&str] = &[
    "beskriv",
    "redegjør",
    "forklar",
    "describe",
    "explain",
    "oppgi",
    "angi",
    "gjør",
];
const QUESTION_PHRASES: &[&str] = &[
    "beskriv hvordan",
    "beskriv korleis",
    "beskrive hvordan",
    "beskrive korleis",
    "redegjøre for",
    "redegjere for",
    "redegjør for",
    "gjøre rede for",
    "gjere greie for",
    "gjere reie for",
    "gjør rede for",
    "bes beskrive",
    "bes om å beskrive",
    "bedt om å beskrive",
    "bede om å beskrive",
    "bedt om å redegjøre",
    "describe how",
    "explain how",
    "asked to describe",
    "requested to describe",
    "beskriv kva",
    "beskriv hva",
    "skildre korleis",
];
const OPTION_PHRASES: &[&str] = &["as an option", "option:", "optional extra"];
pub(crate) const NEGATION_PHRASES: &[&str] = &[
    "stilles ikke krav",
    "stilles ingen krav",
    "stilles det ikke krav",
    "stiller ikke krav",
    "stiller ingen krav",
    // Requirements not set, with a word between («Det er ikke stilt egne miljøkrav»,
    // «Det stilles ikke særskilte krav til …»).
    "er ikke stilt",
    "er ikkje stilt",
    "blir ikke stilt",
    "blir ikkje stilt",
    "stilles ikke",
    "stillast ikkje",
    "no specific requirements",
    "no separate requirements",
    "ikke omfattet",
    "ikke omfatta",
    "ikkje omfatta",
    "utenfor omfanget",
    "utenfor omfang",
    "utanfor omfanget",
    "utanfor omfang",
    "ikke en del av",
    "ikke del av",
    "ikkje ein del av",
    "ikkje del av",
    "inngår ikke",
    "inngår ikkje",
    "ikke inkludert",
    "ikkje inkludert",
    "skal ikke leveres",
    "skal ikkje leverast",
    "stilt ikkje krav",
    "ikkje stilt krav",
    "blir ikkje stilt krav",
    "vert ikkje stilt krav",
    "ingen krav til",
    "inga krav til",
    "ikke relevant",
    "ikkje relevant",
    "not relevant",
    "kan ikke forventes",
    // The buyer's own demand or expectation, negated: «Kommunen forventer heller ikke oppslag i
    // kjernejournal», «Vi krev ikkje …», "The municipality does not require …".
    "krever ikke",
    "krever heller ikke",
    "krev ikkje",
    "krev heller ikkje",
    "kreves ikke",
    "krevst ikkje",
    "forventer ikke",
    "forventer heller ikke",
    "forventar ikkje",
    "forventar heller ikkje",
    "forventes ikke",
    "forventast ikkje",
    "does not require",
    "do not require",
    "does not expect",
    "do not expect",
    "is not expected",
    "are not expected",
    "out of scope",
    "not required",
    "no requirement",
    "not part of",
    "not included",
    "is excluded",
    "are excluded",
    "excluded from",
    "not in scope",
    "er unntatt",
    "er unnteke",
];

/// Words of a normalised text: runs of letters and digits. Every sentence of a
/// tender passes through here, so ASCII is classified by the byte and only other
/// characters are decoded.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let (is_word, len) = char_at(text, at)?;
            if is_word {
                break at;
            }
            at += len;
        };
        while let Some((true, len)) = char_at(text, at) {
            at += len;
        }
        text.get(start..at)
    })
}

/// Whether the character at byte `at` is a letter or digit, and its length.
fn char_at(text: &str, at: usize) -> Option<(bool, usize)> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some((b.is_ascii_alphanumeric(), 1)),
        _ => text
            .get(at..)?
            .chars()
            .next()
            .map(|c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// Which phrase list a phrase comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phrase {
    Option,
    Question,
    Future,
    Plan,
    Negation,
    Deferral,
    Required,
    Wish,
}

/// Every phrase list in one DFA, so a sentence is scanned once at a byte a step (past a
/// hundred phrases the crate would pick an NFA that chases failure links).
struct Phrases {
    automaton: aho_corasick::AhoCorasick,
    kinds: Vec<Phrase>,
}

fn phrases() -> &'static Option<Phrases> {
    static PHRASES: std::sync::OnceLock<Option<Phrases>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let lists: [(&[&str], Phrase); 9] = [
            (OPTION_PHRASES, Phrase::Option),
            (QUESTION_PHRASES, Phrase::Question),
            (FUTURE_PHRASES, Phrase::Future),
            (PLAN_PHRASES, Phrase::Plan),
            (NEGATION_PHRASES, Phrase::Negation),
            (DEFERRAL_PHRASES, Phrase::Deferral),
            (REQUIRED_MARKERS, Phrase::Required),
            (super::modal_words::BUYER_DEMANDS, Phrase::Required),
            (super::modal_words::WISH_PHRASES, Phrase::Wish),
        ];
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for (list, kind) in lists {
            for p in list {
                patterns.push(*p);
                kinds.push(kind);
            }
        }
        let kind = Some(aho_corasick::AhoCorasickKind::DFA);
        let mut builder = aho_corasick::AhoCorasick::builder();
        let automaton = builder.kind(kind).build(&patterns).ok();
        automaton.map(|automaton| Phrases { automaton, kinds })
    })
}

/// The phrase kinds that occur in a sentence.
fn phrase_kinds(sentence: &str) -> [bool; 8] {
    let mut found = [false; 8];
    if let Some(p) = phrases() {
        for m in p.automaton.find_overlapping_iter(sentence) {
            let kind = p.kinds[m.pattern().as_usize()];
            // A plan starts a word, and «planlagt» is no adjective: «planlagte hjemmebesøk»
            // are visits, «uplanlagt» is unplanned, "this planned" holds no «is planned».
            if kind == Phrase::Plan && !super::modal_shapes::plans(sentence, m.range()) {
                continue;
            }
            found[kind as usize] = true;
        }
    }
    found
}

/// True when the words of `text` are weak only by «kan»/"may"/"can" in its active
/// sense, asking or telling what someone can do («Kan løsningen motta …?», «API som
/// kommunen kan bruke»): no wish or other weak word of the list besides, and no
/// passive after it («kan delast», «kan deles», "may be shared"), which permits
/// rather than demands.
pub fn weak_only_by_permission(text: &str) -> bool {
    let modal = super::modal_words::modal_words(BINDING_WORDS, SHOULD_WORDS);
    let all: Vec<&str> = words(text).collect();
    let mut permits = false;
    for (i, word) in all.iter().enumerate() {
        if matches!(*word, "kan" | "may" | "can") {
            if all
                .get(i + 1..)
                .is_some_and(super::modal_shapes::passive_follows)
                && !super::modal_shapes::in_result_clause(text, word)
            {
                return false;
            }
            permits = true;
        } else if modal.get(word) == Some(ModalWord::Should)
            && !super::modal_words::means_ever(
                i.checked_sub(1).and_then(|j| all.get(j).copied()),
                word,
            )
        {
            return false;
        }
    }
    permits
}

/// The modality of one normalised sentence and whether it puts its topic out of
/// scope, in one pass over the sentence.
pub fn analyze(sentence: &str) -> (Modality, bool) {
    let found = phrase_kinds(sentence);
    let has = |k: Phrase| found[k as usize];
    let mut first = None;
    let mut binding = false;
    let mut should = false;
    let mut option = false;
    let mut permits = false;
    let modal = super::modal_words::modal_words(BINDING_WORDS, SHOULD_WORDS);
    let mut previous = None;
    for word in words(sentence) {
        if first.is_none() {
            first = Some(word);
        }
        match modal.get(word) {
            Some(ModalWord::Binding) => binding = true,
            Some(ModalWord::Should) => should |= !super::modal_words::means_ever(previous, word),
            None => option |= word.starts_with("opsjon"),
        }
        previous = Some(word);
        permits |= matches!(word, "kan" | "may" | "can");
    }
    if permits || option {
        let all: Vec<&str> = words(sentence).collect();
        if option && super::modal_shapes::only_extends_the_term(&all) {
            option = false;
        }
        if permits {
            option |= super::modal_shapes::buyer_may_order(&all);
            binding |= super::modal_shapes::restricts(&all);
        }
    }
    let negated = has(Phrase::Negation) || has(Phrase::Deferral);
    let modality = if option || sentence.starts_with("option") || has(Phrase::Option) {
        Modality::Option
    } else if first.is_some_and(|w| {
        QUESTION_OPENERS.contains(&w) && w != "gjør"
            || w == "gjør" && sentence.starts_with("gjør rede")
    }) || has(Phrase::Question)
        || binding && super::instructions::asks_to_describe(sentence)
    {
        Modality::Question
    } else if has(Phrase::Future) || has(Phrase::Plan) && (binding || should) {
        Modality::Future
    } else if binding || has(Phrase::Required) {
        // «is required» binds; «required» alone («required fields») does not.
        Modality::Binding
    } else if should || has(Phrase::Wish) {
        Modality::Should
    } else {
        Modality::None
    };
    (modality, negated)
}

/// Phrases outside [`BINDING_WORDS`] that make [`analyze`] read a sentence as
/// binding (the `Phrase::Required` list, without its padding).
pub(super) const REQUIRED_PHRASES: &[&str] = &[
    "is required",
    "are required",
    "er et krav at",
    "er eit krav at",
    "is a requirement that",
    "inngår i",
    "inngår som en del av",
    "inngår som ein del av",
    "er inkludert i",
    "is included in",
    "are included in",
    // A limited permission binds (`modal_shapes::restricts`); its words are counted
    // so the count stays an upper bound.
    "kan bare",
    "kan berre",
    "kan kun",
    "may only",
    "can only",
    " uten ",
    " utan ",
    " without ",
];

/// The phrases that make a sentence binding without a binding word of its own
/// («support is required»); « kreves » is one of [`BINDING_WORDS`] too. What the
/// contract includes binds as what it requires: «Tilpasning til nye nasjonale krav
/// inngår i vedlikeholdet», "Training is included in the price" («inngår ikke» is a
/// negation and «inngår avtale» enters into one).
const REQUIRED_MARKERS: &[&str] = &[
    " is required",
    " are required",
    " kreves ",
    "er et krav at",
    "er eit krav at",
    "is a requirement that",
    "inngår i ",
    "inngår som en del av",
    "inngår som ein del av",
    "er inkludert i ",
    " is included in ",
    " are included in ",
];

/// The modality of one normalised sentence.
pub fn classify(sentence: &str) -> Modality {
    analyze(sentence).0
}

/// True when the sentence puts its topic out of scope («Det stilles ikke krav til …»).
pub fn is_negated(sentence: &str) -> bool {
    phrase_kinds(sentence)[Phrase::Negation as usize]
}

/// True when the sentence covers nothing: it puts its topic out of scope or defers
/// it to a later agreement («Tjenestenivå avtales i dialogfasen»).
pub fn covers_nothing(sentence: &str) -> bool {
    let found = phrase_kinds(sentence);
    found[Phrase::Negation as usize] || found[Phrase::Deferral as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_markers_cover_what_binds() {
        for phrase in REQUIRED_MARKERS {
            let p = phrase.trim();
            assert!(
                BINDING_WORDS.contains(&p) || REQUIRED_PHRASES.contains(&p),
                "{p}"
            );
        }
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        let texts = [
            "",
            "   ",
            "løsningen skal støtte e-resept (pll) §15-1, 99,5 %!",
            "ÆØÅ æøå ümlaut naïve café ½ ² ٣ 三 x\u{301}y",
            "a",
            ".a.",
            "leverandøren",
            "\u{1F}celle\u{1F}to\u{1F}",
        ];
        for text in texts {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
    use crate::text::normalize::normalize;

    fn modality(s: &str) -> Modality {
        classify(&normalize(s).text)
    }

    #[test]
    fn skal_and_ma_bind() {
        assert_eq!(
            modality("Løsningen skal integreres med kjernejournal."),
            Modality::Binding
        );
        assert_eq!(
            modality("Leverandøren må levere testmiljø."),
            Modality::Binding
        );
        assert_eq!(
            modality("The solution shall support HelseID."),
            Modality::Binding
        );
        assert_eq!(
            modality("Det kreves støtte for e-resept."),
            Modality::Binding
        );
    }

    #[test]
    fn bor_and_onskelig_are_weak() {
        assert_eq!(
            modality("Løsningen bør støtte SMART on FHIR."),
            Modality::Should
        );
        assert_eq!(
            modality("Det er ønskelig at løsningen støtter VKP."),
            Modality::Should
        );
        assert_eq!(modality("Løysinga bør støtte HelseID."), Modality::Should);
        assert_eq!(
            modality("The solution should support FHIR R4."),
            Modality::Should
        );
    }

    #[test]
    fn evaluation_questions_are_weak_even_with_skal() {
        assert_eq!(
            modality("Beskriv hvordan løsningen integreres med kjernejournal."),
            Modality::Question
        );
        assert_eq!(
            modality("Beskriv korleis løysinga støttar HelseID."),
            Modality::Question
        );
        assert_eq!(
            modality("Leverandøren bes redegjøre for logging."),
            Modality::Question
        );
        assert_eq!(
            modality("Leverandøren skal beskrive hvordan data eksporteres."),
            Modality::Question
        );
        assert_eq!(
            modality("Describe how the solution supports SSO."),
            Modality::Question
        );
    }

    #[test]
    fn options_are_weak_even_with_skal() {
        assert_eq!(
            modality("Opsjon: Leverandøren skal levere integrasjon mot VKP."),
            Modality::Option
        );
        assert_eq!(
            modality("Som opsjon skal løsningen støtte DigiHelse."),
            Modality::Option
        );
        assert_eq!(
            modality("Option: the vendor shall deliver a welfare technology hub integration."),
            Modality::Option
        );
    }

    #[test]
    fn future_intent_is_weak() {
        assert_eq!(
            modality("Løsningen skal på sikt støtte PLL."),
            Modality::Future
        );
        assert_eq!(
            modality("Integrasjon mot PMD bør vurderes."),
            Modality::Future
        );
    }

    #[test]
    fn descriptive_text_has_no_modality() {
        assert_eq!(
            modality("Kommunen bruker i dag kjernejournal i legevakten."),
            Modality::None
        );
    }

    #[test]
    fn negations_put_topics_out_of_scope() {
        for s in [
            "Det stilles ikke krav til integrasjon med VKP.",
            "Velferdsteknologi er ikke en del av denne anskaffelsen.",
            "Integrasjon mot Helsenorge er utenfor omfanget.",
            "Det blir ikkje stilt krav til SMART on FHIR.",
            "Velferdsteknologi er ikkje ein del av leveransen.",
            "Integration with the welfare technology hub is out of scope.",
        ] {
            assert!(is_negated(&normalize(s).text), "{s}");
        }
        assert!(!is_negated(
            &normalize("Løsningen skal ikke kreve dobbeltregistrering ved bruk av kjernejournal.")
                .text
        ));
    }
}
