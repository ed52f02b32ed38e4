//! The word table: every entry in three languages, once; the category titles.

use super::*;

#[test]
fn every_word_exists_in_three_languages_once() {
    let mut keys = std::collections::HashSet::new();
    for (key, nb, nn, en) in WORDS
        .iter()
        .chain(messages::MESSAGES)
        .chain(outcomes::OUTCOMES)
        .chain(services::SERVICES)
        .chain(compare::COMPARE)
        .chain(refusals::REFUSALS)
        .chain(review::REVIEW)
        .chain(usage::USAGE)
    {
        assert!(keys.insert(key), "{key} twice");
        assert!(!nb.is_empty() && !nn.is_empty() && !en.is_empty(), "{key}");
    }
    assert_eq!(word(Lang::Nn, "missing"), "manglar");
    assert_eq!(label(Lang::Nn, "missing"), "manglar");
    assert_eq!(word(Lang::En, "no-such-word"), "no-such-word");
}

#[test]
fn standard_categories_have_titles_in_three_languages() {
    let titles = standard_categories();
    for key in [
        "interoperability",
        "information-sharing",
        "architecture",
        "security",
        "archiving",
        "usability",
        "hygiene",
        "contract",
        "tenderlint",
    ] {
        let t = &titles[key];
        assert!(t.nn.is_some() && t.en.is_some(), "{key}");
    }
    assert_eq!(
        category_title_in(&BTreeMap::new(), "security", Lang::Nn),
        "Informasjonstryggleik og personvern"
    );
}

#[test]
fn a_declared_title_wins_and_an_unknown_category_keeps_its_key() {
    let mut declared = BTreeMap::new();
    declared.insert(
        "security".to_string(),
        Localized {
            nb: "Egen sikkerhet".into(),
            nn: None,
            en: Some("Own security".into()),
        },
    );
    assert_eq!(
        category_title_in(&declared, "security", Lang::En),
        "Own security"
    );
    assert_eq!(
        category_title_in(&declared, "security", Lang::Nn),
        "Egen sikkerhet"
    );
    assert_eq!(category_title_in(&declared, "c", Lang::Nb), "c");
}
