//! A thin layer over quick-xml's namespace-aware reader: it classifies elements
//! into the few namespaces the reader cares about, resolves entity references
//! without ever expanding DTD-declared ones, enforces the nesting cap and turns
//! parser failures into one-line [`ReadError`]s that name the part and the offset.

use super::super::ReadError;
use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use std::borrow::Cow;

/// WordprocessingML, transitional and ISO-strict: both spellings mean the same elements.
const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    W,
    Mc,
    Other,
}

pub(super) enum Ev<'a> {
    /// Namespace, element, byte offset of its `<` in the part.
    Start(Ns, BytesStart<'a>, u64),
    Empty(Ns, BytesStart<'a>, u64),
    End,
    Text(Cow<'a, str>),
    Eof,
}

pub(super) struct Xml<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    max_depth: usize,
}

impl<'a> Xml<'a> {
    pub(super) fn new(text: &'a str, part: &'a str, max_depth: usize) -> Xml<'a> {
        let mut reader = NsReader::from_str(text);
        // Word never relies on whitespace-only text outside `w:t`, and inside `w:t`
        // every space counts, so nothing is trimmed.
        reader.config_mut().trim_text(false);
        Xml {
            reader,
            part,
            depth: 0,
            max_depth,
        }
    }

    pub(super) fn next(&mut self) -> Result<Ev<'a>, ReadError> {
        loop {
            let offset = self.reader.buffer_position();
            let event = match self.reader.read_event() {
                Ok(e) => e,
                Err(e) => return Err(self.error(&e.to_string())),
            };
            return Ok(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ReadError::new(format!(
                            "{} nests elements more than {} deep (byte {offset})",
                            self.part, self.max_depth
                        ))
                        .with_hint("simplify deeply nested tables or text boxes and save again"));
                    }
                    let ns = self.ns(&e);
                    Ev::Start(ns, e, offset)
                }
                Event::Empty(e) => {
                    let ns = self.ns(&e);
                    Ev::Empty(ns, e, offset)
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ev::End
                }
                Event::Text(t) => Ev::Text(t.xml10_content()),
                Event::CData(t) => Ev::Text(t.xml10_content()),
                Event::GeneralRef(r) => {
                    // Character references and the five predefined entities only: entities
                    // a DTD declares are never expanded (no XXE, no billion laughs).
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => Cow::Borrowed(
                            quick_xml::escape::resolve_predefined_entity(&r).unwrap_or(""),
                        ),
                        Err(_) => Cow::Borrowed(""),
                    };
                    Ev::Text(text)
                }
                Event::Eof => Ev::Eof,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => continue,
            });
        }
    }

    fn ns(&self, e: &BytesStart) -> Ns {
        match self.reader.resolver().resolve_element(e.name()).0 {
            ResolveResult::Bound(ns) if ns.0 == W_TRANSITIONAL || ns.0 == W_STRICT => Ns::W,
            ResolveResult::Bound(ns) if ns.0 == MC => Ns::Mc,
            _ => Ns::Other,
        }
    }

    /// Skips the content of the element whose start was just returned.
    pub(super) fn skip(&mut self) -> Result<(), ReadError> {
        let mut level = 1usize;
        while level > 0 {
            match self.next()? {
                Ev::Start(..) => level += 1,
                Ev::End => level -= 1,
                Ev::Eof => return Err(self.error("unexpected end of the part")),
                _ => {}
            }
        }
        Ok(())
    }

    pub(super) fn error(&self, what: &str) -> ReadError {
        let at = match self.reader.error_position() {
            0 => self.reader.buffer_position(),
            pos => pos,
        };
        ReadError::new(format!(
            "{} is not well-formed XML (byte {at}): {what}",
            self.part
        ))
        .with_hint("open the file in Word and save it again")
    }
}

/// The value of the attribute with local name `local` (any prefix), unescaped;
/// unknown entities become empty rather than failing the file.
pub(super) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    let mut attrs = e.attributes();
    attrs.with_checks(false);
    for a in attrs.flatten() {
        if a.key.local_name().as_ref() == local {
            let value = a
                .normalized_value_with(XmlVersion::Implicit1_0, 1, |ent| {
                    Some(quick_xml::escape::resolve_predefined_entity(ent).unwrap_or(""))
                })
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.clone().into_owned());
            return Some(value);
        }
    }
    None
}

/// OOXML on/off values: absent `w:val` means on.
pub(super) fn on_off(e: &BytesStart) -> bool {
    match attr(e, "val") {
        None => true,
        Some(v) => !matches!(v.as_str(), "0" | "false" | "off" | "none"),
    }
}
