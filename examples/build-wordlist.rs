//! Builds `src/text/data/nb-nn-words.fst`, the Norwegian word list the product
//! detector asks «is this capitalised name a Norwegian word?», from Debian's
//! `wnorwegian` word lists (bokmål and nynorsk, ISO-8859-1, one word a line):
//!
//! ```sh
//! apt-get install wnorwegian
//! cargo run --example build-wordlist -- /usr/share/dict/bokmaal /usr/share/dict/nynorsk
//! ```
//!
//! Words are NFC, lower case, letters and hyphens only, sorted and deduplicated.

use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    if inputs.is_empty() {
        return Err("usage: build-wordlist WORDLIST...".into());
    }
    let mut words = BTreeSet::new();
    for path in &inputs {
        let bytes = std::fs::read(path)?;
        // The Debian files are ISO-8859-1: every byte is the code point of its value.
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        for line in text.lines() {
            let word: String = line.trim().nfc().collect::<String>().to_lowercase();
            if !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-') {
                words.insert(word);
            }
        }
    }
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/data/nb-nn-words.fst");
    let set = fst::Set::from_iter(words.iter())?;
    std::fs::write(out, set.as_fst().as_bytes())?;
    eprintln!(
        "{} words -> {out} ({} bytes)",
        words.len(),
        set.as_fst().as_bytes().len()
    );
    Ok(())
}
