//! A thin layer over quick-xml's reader: it classifies elements into the few
//! namespaces the reader cares about, resolves entity references without ever
//! expanding DTD-declared ones, enforces the nesting cap and turns parser failures
//! into one-line [`ReadError`]s that name the part and the offset.
//!
//! Namespaces are resolved here rather than by quick-xml's `NsReader`, which scans
//! every element's attributes for declarations and compares namespace URIs on every
//! look-up. Declarations sit on a handful of elements (usually only the root), so
//! [`Scopes`] classifies a URI once, when it is declared, and an element costs a
//! prefix comparison. The rules (and the errors) are `NsReader`'s, so documents that
//! bind WordprocessingML to another prefix, or use the strict namespace, read the same.

use super::super::ReadError;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceError, PrefixDeclaration};
use quick_xml::{Error as XmlError, Reader};
use std::borrow::Cow;

/// WordprocessingML, transitional and ISO-strict: both spellings mean the same elements.
const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Reserved by the Namespaces in XML recommendation; binding them wrongly is an error.
const XML_URI: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_URI: &str = "http://www.w3.org/2000/xmlns/";
/// quick-xml's `DEFAULT_MAX_NAMESPACE_BINDINGS`: the cap on declarations in scope.
const MAX_BINDINGS: usize = 128;

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
    reader: Reader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    max_depth: usize,
    scopes: Scopes,
}

impl<'a> Xml<'a> {
    pub(super) fn new(text: &'a str, part: &'a str, max_depth: usize) -> Xml<'a> {
        let mut reader = Reader::from_str(text);
        // Word never relies on whitespace-only text outside `w:t`, and inside `w:t`
        // every space counts, so nothing is trimmed.
        reader.config_mut().trim_text(false);
        Xml {
            reader,
            part,
            depth: 0,
            max_depth,
            scopes: Scopes::default(),
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
                    let ns = self.scopes.open(&e).map_err(|e| self.namespace_error(e))?;
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ReadError::new(
                            crate::document::Unreadable::Damaged,
                            format!(
                                "{} nests elements more than {} deep (byte {offset})",
                                self.part, self.max_depth
                            ),
                        )
                        .with_hint("simplify deeply nested tables or text boxes and save again"));
                    }
                    Ev::Start(ns, e, offset)
                }
                Event::Empty(e) => {
                    let ns = self.scopes.open(&e).map_err(|e| self.namespace_error(e))?;
                    // An empty element's declarations end with it.
                    self.scopes.close();
                    Ev::Empty(ns, e, offset)
                }
                Event::End(_) => {
                    self.scopes.close();
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

    fn namespace_error(&self, e: NamespaceError) -> ReadError {
        self.error(&XmlError::Namespace(e).to_string())
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
        ReadError::new(
            crate::document::Unreadable::Damaged,
            format!("{} is not well-formed XML (byte {at}): {what}", self.part),
        )
        .with_hint("open the file in Word and save it again")
    }
}

/// The local name of an element (`p` for `w:p`).
pub(super) fn local_name<'e>(e: &'e BytesStart) -> &'e str {
    split_name(e.name().into_inner()).1
}

/// `prefix:local` → (`Some(prefix)`, `local`), splitting at the first colon as
/// quick-xml does. A byte loop: names are a few bytes long, and `str::find` costs
/// more in setting up than in searching.
fn split_name(name: &str) -> (Option<&str>, &str) {
    match name.bytes().position(|b| b == b':') {
        Some(colon) => (Some(&name[..colon]), &name[colon + 1..]),
        None => (None, name),
    }
}

/// The namespace declarations in scope, innermost last, each with the namespace
/// it names already classified.
#[derive(Debug, Default)]
struct Scopes {
    bindings: Vec<Binding>,
    /// Elements open, counted as quick-xml's resolver counts them.
    level: u16,
    /// Index of the binding the last prefixed name resolved to: nearly every element
    /// of a story part has the same prefix. Cleared whenever `bindings` changes.
    last_hit: Option<usize>,
}

#[derive(Debug)]
struct Binding {
    /// Empty for the default namespace (quick-xml treats `xmlns:=""` the same way).
    prefix: Box<str>,
    ns: Ns,
    level: u16,
}

impl Scopes {
    /// Enters an element: adds its declarations and classifies its name.
    fn open(&mut self, e: &BytesStart) -> Result<Ns, NamespaceError> {
        self.level = self
            .level
            .checked_add(1)
            .ok_or(NamespaceError::TooDeeplyNested(usize::from(u16::MAX)))?;
        // Only the exact scan below decides; this skips it for the many elements
        // that cannot declare anything.
        if may_declare(e.attributes_raw().as_bytes()) {
            self.declare(e)?;
        }
        Ok(self.resolve(e.name().into_inner()))
    }

    /// Leaves the innermost element, dropping its declarations.
    fn close(&mut self) {
        self.level = self.level.saturating_sub(1);
        while self.bindings.last().is_some_and(|b| b.level > self.level) {
            self.bindings.pop();
            self.last_hit = None;
        }
    }

    /// `NamespaceResolver::push`: a malformed attribute ends the scan.
    fn declare(&mut self, e: &BytesStart) -> Result<(), NamespaceError> {
        for attribute in e.attributes().with_checks(false) {
            let Ok(attribute) = attribute else { break };
            let Some(declaration) = attribute.key.as_namespace_binding() else {
                continue;
            };
            let uri: &str = &attribute.value;
            let prefix = match declaration {
                PrefixDeclaration::Default => "",
                PrefixDeclaration::Named("xml") => {
                    if uri != XML_URI {
                        return Err(NamespaceError::InvalidXmlPrefixBind(uri.to_string()));
                    }
                    continue;
                }
                PrefixDeclaration::Named("xmlns") => {
                    return Err(NamespaceError::InvalidXmlnsPrefixBind(uri.to_string()));
                }
                PrefixDeclaration::Named(prefix) => {
                    if uri == XML_URI {
                        return Err(NamespaceError::InvalidPrefixForXml(prefix.to_string()));
                    }
                    if uri == XMLNS_URI {
                        return Err(NamespaceError::InvalidPrefixForXmlns(prefix.to_string()));
                    }
                    prefix
                }
            };
            if self.bindings.len() >= MAX_BINDINGS {
                return Err(NamespaceError::TooManyBindings(MAX_BINDINGS));
            }
            self.bindings.push(Binding {
                prefix: prefix.into(),
                ns: classify(uri),
                level: self.level,
            });
            self.last_hit = None;
        }
        Ok(())
    }

    fn resolve(&mut self, name: &str) -> Ns {
        // `last_hit` only ever names a binding found for a non-empty prefix, which
        // came from splitting at the first colon: `prefix:` opening the name is the
        // name's whole prefix.
        if let Some(binding) = self.last_hit.and_then(|hit| self.bindings.get(hit))
            && let Some(rest) = name.as_bytes().strip_prefix(binding.prefix.as_bytes())
            && rest.first() == Some(&b':')
        {
            return binding.ns;
        }
        let prefix = match split_name(name).0 {
            // An unprefixed element is in the default namespace, if one is declared.
            None => "",
            // `:name` has an empty prefix, which no declaration can bind.
            Some("") => return Ns::Other,
            Some(prefix) => prefix,
        };
        match self.bindings.iter().rposition(|b| *b.prefix == *prefix) {
            Some(hit) => {
                if !prefix.is_empty() {
                    self.last_hit = Some(hit);
                }
                self.bindings[hit].ns
            }
            None => Ns::Other,
        }
    }
}

/// Whether `xmlns` occurs in an element's attributes. A byte loop to the next `x`:
/// `str::contains` costs more in setting up its search than these few bytes take.
fn may_declare(attributes: &[u8]) -> bool {
    let mut rest = attributes;
    while let Some(x) = rest.iter().position(|&b| b == b'x') {
        if rest[x..].starts_with(b"xmlns") {
            return true;
        }
        rest = &rest[x + 1..];
    }
    false
}

/// What a declared namespace URI means to the reader. An empty URI undeclares a
/// prefix, which then names no namespace: [`Ns::Other`] either way.
fn classify(uri: &str) -> Ns {
    match uri {
        W_TRANSITIONAL | W_STRICT => Ns::W,
        MC => Ns::Mc,
        _ => Ns::Other,
    }
}

/// The value of the attribute with local name `local` (any prefix), unescaped;
/// unknown entities become empty rather than failing the file.
pub(super) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    match plain_attr(e.attributes_raw(), local) {
        Plain::Found(value) => Some(value.to_string()),
        Plain::Absent => None,
        Plain::Unsure => attr_by_quick_xml(e, local),
    }
}

/// What [`plain_attr`] could tell.
#[derive(Debug, PartialEq, Eq)]
enum Plain<'v> {
    Found(&'v str),
    Absent,
    /// Written in a way only quick-xml's attribute parser should interpret.
    Unsure,
}

/// Looks an attribute up in attributes written the plain way Word writes them:
/// whitespace, a name of ASCII name characters, `=`, a quoted value holding no
/// reference and nothing attribute normalisation would replace. There the value is
/// the raw text, as quick-xml would give it, without quick-xml's general attribute
/// iterator; anything else is [`Plain::Unsure`].
fn plain_attr<'v>(attributes: &'v str, local: &str) -> Plain<'v> {
    let bytes = attributes.as_bytes();
    let mut i = 0;
    loop {
        let gap = i;
        while bytes
            .get(i)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            i += 1;
        }
        if i == bytes.len() {
            return Plain::Absent;
        }
        if i == gap {
            return Plain::Unsure;
        }
        let key_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'_' | b'-' | b'.'))
        {
            i += 1;
        }
        if i == key_start || bytes.get(i) != Some(&b'=') {
            return Plain::Unsure;
        }
        let key = &attributes[key_start..i];
        let quote = match bytes.get(i + 1) {
            Some(&quote @ (b'"' | b'\'')) => quote,
            _ => return Plain::Unsure,
        };
        i += 2;
        let value_start = i;
        loop {
            match bytes.get(i) {
                None | Some(b'&' | b'<' | b'\t' | b'\r' | b'\n') => return Plain::Unsure,
                Some(&b) if b == quote => break,
                Some(_) => i += 1,
            }
        }
        let value = &attributes[value_start..i];
        i += 1;
        if split_name(key).1 == local {
            return Plain::Found(value);
        }
    }
}

/// [`attr`] for any attributes quick-xml accepts.
fn attr_by_quick_xml(e: &BytesStart, local: &str) -> Option<String> {
    let mut attrs = e.attributes();
    attrs.with_checks(false);
    for a in attrs.flatten() {
        if split_name(a.key.into_inner()).1 == local {
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

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::NsReader;
    use quick_xml::name::ResolveResult;

    const W: &str = W_TRANSITIONAL;

    /// The events as the reader before [`Scopes`] saw them: quick-xml's `NsReader`
    /// resolving every element, one line per event, errors formatted as
    /// [`Xml::error`] formats them.
    fn reference(text: &str) -> Vec<String> {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().trim_text(false);
        let mut out = Vec::new();
        loop {
            let offset = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    let at = match reader.error_position() {
                        0 => reader.buffer_position(),
                        pos => pos,
                    };
                    out.push(format!("error at {at}: {e}"));
                    return out;
                }
            };
            let ns = |e: &BytesStart| match reader.resolver().resolve_element(e.name()).0 {
                ResolveResult::Bound(ns) if ns.0 == W_TRANSITIONAL || ns.0 == W_STRICT => Ns::W,
                ResolveResult::Bound(ns) if ns.0 == MC => Ns::Mc,
                _ => Ns::Other,
            };
            match event {
                Event::Start(e) => out.push(format!(
                    "start {:?} {} {offset}",
                    ns(&e),
                    e.local_name().into_inner()
                )),
                Event::Empty(e) => out.push(format!(
                    "empty {:?} {} {offset}",
                    ns(&e),
                    e.local_name().into_inner()
                )),
                Event::End(_) => out.push("end".to_string()),
                Event::Text(t) => out.push(format!("text {}", t.xml10_content())),
                Event::CData(t) => out.push(format!("text {}", t.xml10_content())),
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                            .unwrap_or("")
                            .to_string(),
                        Err(_) => String::new(),
                    };
                    out.push(format!("text {text}"));
                }
                Event::Eof => return out,
                _ => {}
            }
        }
    }

    /// The same lines from [`Xml`].
    fn fast(text: &str) -> Vec<String> {
        let mut reader = Xml::new(text, "part", usize::MAX);
        let mut out = Vec::new();
        loop {
            match reader.next() {
                Ok(Ev::Start(ns, e, offset)) => {
                    out.push(format!("start {ns:?} {} {offset}", local_name(&e)))
                }
                Ok(Ev::Empty(ns, e, offset)) => {
                    out.push(format!("empty {ns:?} {} {offset}", local_name(&e)))
                }
                Ok(Ev::End) => out.push("end".to_string()),
                Ok(Ev::Text(t)) => out.push(format!("text {t}")),
                Ok(Ev::Eof) => return out,
                Err(e) => {
                    // `part is not well-formed XML (byte N): what` → `error at N: what`
                    let message = e
                        .message
                        .replacen("part is not well-formed XML (byte ", "error at ", 1)
                        .replacen("): ", ": ", 1);
                    out.push(message);
                    return out;
                }
            }
        }
    }

    fn same_as_ns_reader(text: &str) {
        assert_eq!(fast(text), reference(text), "{text}");
    }

    /// Every attribute list built from up to three of these pieces (and a few
    /// written out), looked up by several names: the plain reading, where it is
    /// sure, must agree with quick-xml's.
    #[test]
    fn plain_attribute_reading_agrees_with_quick_xml() {
        let pieces = [
            r#" w:val="Heading1""#,
            r#" val='x'"#,
            r#" w:val="""#,
            r#" w:id="7""#,
            "\tw:val=\"tab before\"",
            r#" w:val="a &amp; b""#,
            r#" w:val="&unknown;""#,
            "  w:val=\"line\nbreak\"",
            r#" w:val = "spaced""#,
            r#" w:val="unterminated"#,
            r#" w:val=unquoted"#,
            r#" broken"#,
            r#" x:y:val="colons""#,
            r#" wérd="é""#,
            r#"w:val="no gap""#,
            r#" w:val="<lt""#,
            " ",
        ];
        let mut lists: Vec<String> = vec![String::new()];
        for a in pieces {
            lists.push(a.to_string());
            for b in pieces {
                lists.push(format!("{a}{b}"));
                for c in pieces {
                    lists.push(format!("{a}{b}{c}"));
                }
            }
        }
        lists.push(r#" a="1"b="2""#.to_string());
        lists.push(r#" xml:space="preserve""#.to_string());
        for list in &lists {
            let text = format!("<e{list}>");
            let mut reader = Reader::from_str(&text);
            let Ok(Event::Start(e)) = reader.read_event() else {
                continue;
            };
            for local in ["val", "id", "space", "y:val", "wérd", "b"] {
                let plain = plain_attr(e.attributes_raw(), local);
                let slow = attr_by_quick_xml(&e, local);
                match plain {
                    Plain::Found(v) => assert_eq!(Some(v.to_string()), slow, "{list:?} {local}"),
                    Plain::Absent => assert_eq!(None, slow, "{list:?} {local}"),
                    Plain::Unsure => {}
                }
            }
        }
        // Attributes as Word writes them take the plain reading, or it saves nothing.
        for (list, local, want) in [
            (r#" w:val="Heading1""#, "val", Plain::Found("Heading1")),
            (r#" w:w="1500" w:type="dxa""#, "type", Plain::Found("dxa")),
            (r#" w:w="1500" w:type="dxa""#, "val", Plain::Absent),
            (
                r#" xml:space="preserve""#,
                "space",
                Plain::Found("preserve"),
            ),
            ("", "val", Plain::Absent),
        ] {
            assert_eq!(plain_attr(list, local), want, "{list:?}");
        }
    }

    #[test]
    fn prefixes_other_than_w_resolve_like_ns_reader() {
        same_as_ns_reader(&format!(
            r#"<ns0:document xmlns:ns0="{W}"><ns0:body><ns0:p><ns0:r><ns0:t>a</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#
        ));
        same_as_ns_reader(&format!(
            r#"<document xmlns="{W_STRICT}"><body><p><r><t>strict</t></r></p></body></document>"#
        ));
        same_as_ns_reader(&format!(
            r#"<w:document xmlns:w="urn:not-word" xmlns:x="{W}"><w:p/><x:p/><y:p/><:p/><p/></w:document>"#
        ));
    }

    #[test]
    fn declarations_are_scoped_to_their_element() {
        same_as_ns_reader(&format!(
            r#"<w:document xmlns:w="{W}" xmlns:mc="{MC}">
                 <w:p><a:x xmlns:a="{W}"><a:t>in</a:t></a:x><a:t>out</a:t></w:p>
                 <w:p><w:r xmlns:w="urn:other"><w:t>rebound</w:t></w:r><w:t>back</w:t></w:p>
                 <w:p><w:tab xmlns:w="urn:other"/><w:t>after empty</w:t></w:p>
                 <w:p><w:r xmlns:w=""><w:t>undeclared</w:t></w:r></w:p>
                 <w:p xmlns="{W}"><t>default</t><r xmlns=""><t>none</t></r></w:p>
                 <w:p xmlns:="{W}"><t>empty prefix</t></w:p>
                 <mc:AlternateContent><mc:Choice Requires="wps"><w:t>choice</w:t></mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent>
               </w:document>"#
        ));
    }

    #[test]
    fn declarations_found_anywhere_in_the_part() {
        // `xmlns` in text and attribute values, declarations late in the part, a
        // prefix with a colon in it (quick-xml splits names at the first colon).
        same_as_ns_reader(&format!(
            r#"<w:document xmlns:w="{W}"><w:t>xmlns xmlns:w="urn:x"</w:t><w:p a="xmlns:w"><w:t>1</w:t></w:p>
                 <w:p><w:r><w:t>2</w:t></w:r></w:p><x:y xmlns:x="{W}"><x:t>3</x:t></x:y>
                 <a:b:c xmlns:a:b="{W}" xmlns:a="{MC}"><a:b:c/><a:b/></a:b:c><a:b:c xmlns:a:b="{W}"/>
                 <w:p xmlns:w="urn:other"><w:t>4</w:t></w:p><w:t>5</w:t>
                 <q:t xmlns:q="{W}"/><q:t/>xmlns</w:document>"#
        ));
    }

    #[test]
    fn text_entities_and_cdata_match_ns_reader() {
        same_as_ns_reader(&format!(
            "<w:document xmlns:w=\"{W}\"><w:t>a &amp; b &lt;c&gt; &#233;&#x4F;&unknown;</w:t>\
             <w:t><![CDATA[<not markup> & ]]></w:t><w:t>line\r\nbreak</w:t>\
             <w:t a=\"x&amp;y\" xmlns:q=\"&amp;\">v</w:t></w:document>"
        ));
    }

    #[test]
    fn nested_tables_and_text_boxes_match_ns_reader() {
        same_as_ns_reader(&format!(
            r#"<?xml version="1.0"?><!-- c --><w:document xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>
                 <w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
                 <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
                 <w:p><wps:wsp><wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx></wps:wsp></w:p>
               </w:body></w:document>"#
        ));
    }

    #[test]
    fn namespace_errors_match_ns_reader() {
        same_as_ns_reader(r#"<a xmlns:xml="urn:wrong"/>"#);
        same_as_ns_reader(r#"<a xmlns:xml="http://www.w3.org/XML/1998/namespace"><xml:b/></a>"#);
        same_as_ns_reader(r#"<a xmlns:xmlns="urn:x"/>"#);
        same_as_ns_reader(r#"<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>"#);
        same_as_ns_reader(r#"<a xmlns:p="http://www.w3.org/2000/xmlns/"/>"#);
        same_as_ns_reader(r#"<a xmlns="http://www.w3.org/2000/xmlns/"><b/></a>"#);
        // A malformed attribute ends the scan for declarations.
        same_as_ns_reader(&format!(r#"<w:a broken xmlns:w="{W}"><w:b/></w:a>"#));
        same_as_ns_reader(&format!(r#"<w:a xmlns:w="{W}" broken><w:b/></w:a>"#));
        let many: String = (0..=MAX_BINDINGS)
            .map(|i| format!(r#" xmlns:p{i}="urn:{i}""#))
            .collect();
        same_as_ns_reader(&format!("<a{many}/>"));
        let within: String = (0..MAX_BINDINGS)
            .map(|i| format!(r#" xmlns:p{i}="urn:{i}""#))
            .collect();
        same_as_ns_reader(&format!(r#"<a{within}><b xmlns:one="urn:more"/></a>"#));
        same_as_ns_reader(&format!(r#"<a{within}><b/></a><c xmlns:one="urn:more"/>"#));
        same_as_ns_reader(&format!(r#"<w:a xmlns:w="{W}"><w:b></w:c></w:a>"#));
    }
}
