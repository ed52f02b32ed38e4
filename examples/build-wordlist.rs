//! Builds `src/text/data/nb-nn-words.fst`, the Norwegian word list the product
//! detector asks «is this capitalised name a Norwegian word?», from the lemma
//! lists of Norsk ordbank (bokmål 2005 and nynorsk 2012, Språkbanken, CC BY 4.0),
//! one lemma a line, UTF-8, as published in the public repository
//! `Ondkloss/norwegian-wordlist` (see `src/text/data/README.md` for versions):
//!
//! ```sh
//! base=https://raw.githubusercontent.com/Ondkloss/norwegian-wordlist/de07f3fe9c9dda2012e143205e04df539be178ab
//! curl -LO $base/wordlist_20220201_norsk_ordbank_nob_2005.txt
//! curl -LO $base/wordlist_20220201_norsk_ordbank_nno_2012.txt
//! cargo run --example build-wordlist -- wordlist_20220201_norsk_ordbank_*.txt
//! ```
//!
//! Words are NFC, lower case, letters and hyphens only, sorted and deduplicated.
//! Lines that start with a capital are proper nouns and are left out (the source
//! has already removed them; a name in the list would hide a product).

use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    if inputs.is_empty() {
        return Err("usage: build-wordlist LEMMA-LIST...".into());
    }
    let mut words = BTreeSet::new();
    for path in &inputs {
        let text = std::fs::read_to_string(path)?;
        for line in text.lines() {
            let line = line.trim();
            if line.chars().next().is_none_or(char::is_uppercase) {
                continue;
            }
            let word: String = line.nfc().collect::<String>().to_lowercase();
            if word.chars().all(|c| c.is_alphabetic() || c == '-') {
                words.insert(word);
            }
        }
    }
    let out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/core/src/text/data/nb-nn-words.fst"
    );
    let set = fst::Set::from_iter(words.iter())?;
    std::fs::write(out, set.as_fst().as_bytes())?;
    eprintln!(
        "{} words -> {out} ({} bytes)",
        words.len(),
        set.as_fst().as_bytes().len()
    );
    Ok(())
}
