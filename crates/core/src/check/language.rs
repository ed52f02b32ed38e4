//! The tender's language, and the one suggested requirement texts come in.

use crate::Lang;
use crate::document::Document;

/// The language suggested requirement texts come in: the one the user asked
/// for, else the language the tender is written in (an English tender gets
/// English suggestions, a nynorsk one nynorsk). Asking for bokmål keeps a
/// nynorsk tender's texts in nynorsk: messages have no nynorsk of their own, so
/// `nb` says «Norwegian», and the text pasted must match the tender's written form.
pub fn suggestion_language(asked: Option<Lang>, tender: Lang) -> Lang {
    match (asked, tender) {
        (Some(Lang::Nb), Lang::Nn) => Lang::Nn,
        (Some(asked), _) => asked,
        (None, tender) => tender,
    }
}

/// Bokmål, nynorsk or English, by counting words only one of them uses.
pub(crate) fn detect_language(docs: &[Document]) -> Lang {
    crate::text::language::detect(
        docs.iter()
            .flat_map(|doc| doc.blocks.iter().map(|block| block.text.as_str())),
    )
}
