//! The term automaton over normalised text: boundaries, exceptions, spellings, word numbering.

use super::*;
use crate::text::normalize;

/// Every place a term sits in an exception is found, overlapping ones too
/// («aa» in «aaaa» at 0, 1 and 2), with multi-byte characters and at either end.
#[test]
fn occurrences_are_every_place_a_needle_starts() {
    let cases = [
        ("aaaa", "aa"),
        ("abababa", "aba"),
        ("helseid og helse-id", "helse"),
        ("søknad på søknadsfrist", "søk"),
        ("øøø", "øø"),
        ("kort", "kortere"),
        ("x", "x"),
    ];
    for (haystack, needle) in cases {
        let expected: Vec<usize> = (0..haystack.len())
            .filter(|&i| {
                haystack
                    .get(i..)
                    .is_some_and(|rest| rest.starts_with(needle))
            })
            .collect();
        let found: Vec<usize> = occurrences(haystack.as_bytes(), needle.as_bytes()).collect();
        assert_eq!(found, expected, "{needle} in {haystack}");
    }
    assert_eq!(occurrences(b"abc", b"").count(), 0);
}

fn matcher(terms: &[Term]) -> (TermMatcher, Vec<TermId>) {
    let mut m = TermMatcher::default();
    let ids = terms.iter().map(|t| m.add_term(t)).collect();
    m.build().unwrap();
    (m, ids)
}

fn found(m: &TermMatcher, text: &str) -> Vec<(TermId, String)> {
    let n = normalize(text);
    m.find(&n, text)
        .into_iter()
        .map(|h| (h.term, n.text[h.start..h.end].to_string()))
        .collect()
}

fn short(s: &str) -> Term {
    Term::Short(s.into())
}

#[test]
fn prefix_terms_match_inflections_and_compounds() {
    let (m, ids) = matcher(&[short("kjernejournal*")]);
    for text in [
        "kjernejournalen",
        "Kjernejournal-oppslag",
        "kjernejournalintegrasjon",
        "KJERNE\u{AD}JOURNAL",
    ] {
        assert_eq!(found(&m, text).len(), 1, "{text}");
        assert_eq!(found(&m, text)[0].0, ids[0]);
    }
    assert!(found(&m, "pasientkjernejournal").is_empty());
}

#[test]
fn word_terms_need_boundaries() {
    let (m, _) = matcher(&[short("helseid")]);
    assert_eq!(found(&m, "Støtte for HelseID.").len(), 1);
    assert!(found(&m, "helseidentitet").is_empty());
}

#[test]
fn suffix_and_substring_terms() {
    let (m, _) = matcher(&[short("*integrasjon"), short("*journal*")]);
    let hits = found(&m, "kjernejournalintegrasjonen");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(found(&m, "kjernejournalintegrasjon").len(), 2);
}

#[test]
fn exact_terms_keep_case() {
    let spec = Term::Long(schema::TermSpec {
        term: "KJ".into(),
        mode: Some(TermMode::Exact),
        context: vec![],
        window: None,
        except: vec![],
    });
    let (m, _) = matcher(&[spec]);
    assert_eq!(found(&m, "oppslag i KJ").len(), 1);
    assert!(found(&m, "kj og kJ").is_empty());
    assert!(found(&m, "KJERNE").is_empty());
}

#[test]
fn exceptions_drop_the_compounds_and_senses_they_cover() {
    let spec = Term::Long(schema::TermSpec {
        term: "logg".into(),
        mode: Some(TermMode::Substring),
        context: vec![],
        window: None,
        except: vec![
            "*kjørelogg*".into(),
            "vaktlogg*".into(),
            "logget på som gjest".into(),
        ],
    });
    let (m, _) = matcher(&[spec]);
    for kept in [
        "tilgangslogg",
        "logging av oppslag",
        "loggen viser kjøring",
        "logget på av legen",
    ] {
        assert_eq!(found(&m, kept).len(), 1, "{kept}");
    }
    for dropped in [
        "kjørelogg",
        "elektronisk kjørelogg-app",
        "vaktloggen",
        "brukaren er logget på som gjest",
    ] {
        assert!(found(&m, dropped).is_empty(), "{dropped}");
    }
    // An exception must hold the hit, not merely sit nearby.
    assert_eq!(found(&m, "vaktlogg og tilgangslogg").len(), 1);
}

/// An exception covers a hit whatever spelling of the term the text uses and
/// wherever the term sits in the exception, also where it sits twice.
#[test]
fn exceptions_cover_every_spelling_and_place_of_their_term() {
    let spec = Term::Long(schema::TermSpec {
        term: "her-id".into(),
        mode: Some(TermMode::Prefix),
        context: vec![],
        window: None,
        except: vec!["her id card*".into(), "her-id og her-id-kort".into()],
    });
    let (m, _) = matcher(&[spec]);
    for dropped in [
        "her-id-card",
        "HER ID CARDS",
        "heridcard",
        "her-id og her-id-kort",
    ] {
        assert!(found(&m, dropped).is_empty(), "{dropped}");
    }
    assert_eq!(found(&m, "her-id og her id card").len(), 1);
    assert_eq!(found(&m, "her-id og her-id").len(), 2);
}

#[test]
fn hyphen_and_space_spellings_are_equivalent() {
    let (m, _) = matcher(&[short("e-resept*")]);
    for text in ["e-resept", "E resept", "eResept", "e\u{2011}resepten"] {
        assert_eq!(found(&m, text).len(), 1, "{text}");
    }
}

#[test]
fn context_terms_filter_abbreviations() {
    let spec = Term::Long(schema::TermSpec {
        term: "AR".into(),
        mode: Some(TermMode::Exact),
        context: vec!["her-id".into(), "adresse*".into()],
        window: Some(5),
        except: vec![],
    });
    let (m, _) = matcher(&[spec]);
    let with = |text: &str| {
        let n = normalize(text);
        let hits = m.find(&n, text);
        m.with_context(hits.clone())
            .iter()
            .filter(|h| h.term == 2)
            .count()
    };
    assert_eq!(with("Løsningen skal slå opp HER-id i AR."), 1);
    assert_eq!(with("Løsningen skal støtte AR-briller for opplæring."), 0);
}

/// Word numbering, one character at a time: what [`number_words`] must agree with.
fn words_by_character(text: &str, start: usize) -> u32 {
    let mut words = 0u32;
    let mut in_word = false;
    for (at, c) in text.char_indices() {
        if at > start {
            break;
        }
        let is_word = is_word_char(c);
        words += u32::from(is_word && !in_word);
        in_word = is_word;
    }
    words.saturating_sub(1)
}

/// Hits at every character of texts whose ASCII runs are long enough for the
/// eight-byte steps, with letters, digits and punctuation at each byte of a
/// step (the classes' edges: `/`, `0`, `9`, `:`, `@`, `A`, `Z`, `[`, `` ` ``, `a`,
/// `z`, `{`, DEL), words running across steps, and non-ASCII letters and marks
/// in between: each hit is numbered as counting character by character numbers it.
#[test]
fn hits_are_numbered_as_counting_word_by_word_does() {
    let texts = [
        "krav 1 skal ha kjernejournal og e-resept, helseid; sms-varsling.",
        "/09:@AZ[`az{\u{7f} 0/9:A@Z[a`z{ abcdefghijklmnop qrstuvwxyz0123456789",
        "løsningen skal støtte æøå-tegn og «sitater» i teksten, også 3½ gang",
        "ab\u{301}c defgh\u{a0}ijk lmnopqrs tu\u{2011}vw xyz.12345678 9",
        "        a       bb      ccc    dddd   eeeee  ffffff gggggggg",
        "",
    ];
    for text in texts {
        let mut hits: Vec<Hit> = text
            .char_indices()
            .map(|(start, _)| Hit {
                term: 0,
                start,
                end: start,
                word: u32::MAX,
                inherited: false,
            })
            .collect();
        number_words(text, &mut hits);
        for hit in &hits {
            assert_eq!(
                hit.word,
                words_by_character(text, hit.start),
                "{text:?} at {}",
                hit.start
            );
        }
        // A single hit far into the text takes the long steps all the way.
        if let Some(&last) = hits.last() {
            let mut one = [Hit {
                word: u32::MAX,
                ..last
            }];
            number_words(text, &mut one);
            assert_eq!(
                one[0].word,
                words_by_character(text, last.start),
                "{text:?}"
            );
        }
    }
}

#[test]
fn word_boundary_tests_agree_with_decoding_every_character() {
    let text = "Æ-ø 3x_é\u{1F}ß.«kjernejournal» 12ö";
    for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let before = text[..at].chars().next_back().is_some_and(is_word_char);
        let after = text[at..].chars().next().is_some_and(is_word_char);
        assert_eq!(word_char_before(text, at), before, "before {at}");
        assert_eq!(word_char_at(text, at), after, "at {at}");
    }
}

/// Two sets checked together search each text once, and each still gets exactly
/// the hits it gets alone: its own terms, with its own modes and exceptions,
/// none of the other set's, also where both sets or two terms of one spell a
/// pattern alike («fhir», «journal»).
#[test]
fn sets_sharing_an_automaton_find_what_each_finds_alone() {
    let first = [
        short("kjernejournal*"),
        short("FHIR"),
        Term::Long(schema::TermSpec {
            term: "vis".into(),
            mode: Some(TermMode::Prefix),
            context: vec![],
            window: None,
            except: vec!["visjon*".into()],
        }),
    ];
    let second = [
        short("journal"),
        short("journal*"),
        short("*journal"),
        short("fhir*"),
        short("visjon"),
    ];
    let (alone_first, _) = matcher(&first);
    let (alone_second, _) = matcher(&second);
    let (shared_first, shared_second) = (alone_first.clone(), alone_second.clone());
    share_search(&[&shared_first, &shared_second]);
    let automaton = |m: &TermMatcher| m.search().map(|s| std::ptr::from_ref(s.automaton()));
    assert!(automaton(&shared_first).is_some());
    assert_eq!(automaton(&shared_first), automaton(&shared_second));
    for text in [
        "Kjernejournalen viser FHIR-journal og visjonen",
        "journal, pasientjournal, fhir-profiler, vis meg",
        "ingen treff her",
        "Løsningen for pasientjournal skal støtte FHIR, kjernejournal og visning i hele kommunen",
    ] {
        let n = normalize(text);
        let alone = [alone_first.find(&n, text), alone_second.find(&n, text)];
        assert_eq!(
            find_each(&[&shared_first, &shared_second], &n, text),
            alone,
            "{text}"
        );
        assert_eq!(shared_first.find(&n, text), alone[0], "{text}");
        assert_eq!(shared_second.find(&n, text), alone[1], "{text}");
    }
}
