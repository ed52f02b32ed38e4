//! The OPC package: the zip container, size caps, relationships, content types,
//! and recognising files that are not a DOCX at all (legacy `.doc`, encrypted).

use super::super::{DocumentFacts, ReadError};
use super::Limits;
use super::xml::{Ev, Xml, attr, local_name};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use zip::ZipArchive;
use zip::result::ZipError;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Part names are case-insensitive in OPC; lower-cased name → zip index.
    names: HashMap<String, usize>,
    limits: Limits,
    inflated: u64,
}

#[derive(Debug, Clone)]
pub(super) struct Relationship {
    pub id: String,
    /// The last segment of the type URI (`styles`, `header` …), so transitional and
    /// strict type URIs compare equal.
    pub kind: String,
    /// The resolved part name without a leading slash (`word/header1.xml`).
    pub target: String,
}

/// Why an optional part could not be read.
pub(super) enum PartError {
    /// Fatal whatever the part: the file is hostile (size caps).
    Fatal(ReadError),
    /// The part is damaged (CRC, unsupported compression …); callers decide.
    Damaged(ReadError),
}

impl PartError {
    pub(super) fn into_error(self) -> ReadError {
        match self {
            PartError::Fatal(e) | PartError::Damaged(e) => e,
        }
    }
}

impl<'a> Package<'a> {
    pub(super) fn open(bytes: &'a [u8], limits: Limits) -> Result<Package<'a>, ReadError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(ole_error(bytes));
        }
        if !bytes.starts_with(b"PK") {
            return Err(ReadError::new(
                crate::document::Unreadable::NotWord,
                "not a DOCX file (not a zip archive)",
            )
            .with_hint("save the document as .docx (Word document) and try again"));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ReadError::new(
                crate::document::Unreadable::Damaged,
                format!("not a readable zip archive: {e}"),
            )
            .with_hint("the file may be truncated or damaged; open it in Word and save it again")
        })?;
        let mut names = HashMap::new();
        for (index, name) in zip.file_names().enumerate() {
            if let Ok(name) = name {
                // The first entry wins when a (broken) zip holds a name twice.
                names
                    .entry(name.trim_start_matches('/').to_ascii_lowercase())
                    .or_insert(index);
            }
        }
        Ok(Package {
            zip,
            names,
            limits,
            inflated: 0,
        })
    }

    pub(super) fn has(&self, part: &str) -> bool {
        self.names.contains_key(&part.to_ascii_lowercase())
    }

    /// Part names matching a predicate on the lower-cased name, in zip order.
    pub(super) fn parts_where(&self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        let mut found: Vec<(usize, String)> = self
            .names
            .iter()
            .filter(|(n, _)| keep(n))
            .map(|(n, i)| (*i, n.clone()))
            .collect();
        found.sort();
        found.into_iter().map(|(_, n)| n).collect()
    }

    /// Reads and decodes a part; `Ok(None)` when the package has no such part.
    /// The inflated size is capped per part and in total, whatever the zip declares.
    pub(super) fn read_part(&mut self, part: &str) -> Result<Option<String>, PartError> {
        let Some(&index) = self.names.get(&part.to_ascii_lowercase()) else {
            return Ok(None);
        };
        let remaining_total = self.limits.total_bytes.saturating_sub(self.inflated);
        let cap = self.limits.part_bytes.min(remaining_total);
        let mut file = match self.zip.by_index(index) {
            Ok(f) => f,
            Err(e) => return Err(PartError::Damaged(damaged(part, &e))),
        };
        // Declared sizes are only a hint, and never above 16 MiB of up-front allocation.
        let hint = file.size().min(cap).min(16 * 1024 * 1024);
        let mut buf = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
        // The compressed size bounds what the inflater can be fed, whatever it claims.
        let ratio_cap = file
            .compressed_size()
            .saturating_mul(self.limits.max_ratio)
            .max(self.limits.ratio_after_bytes);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(PartError::Damaged(damaged(part, &ZipError::Io(e)))),
            };
            buf.extend_from_slice(&chunk[..n]);
            let len = buf.len() as u64;
            if len > cap {
                return Err(PartError::Fatal(over_cap(&self.limits, part, cap)));
            }
            if len > ratio_cap {
                return Err(PartError::Fatal(
                    ReadError::new(
                        crate::document::Unreadable::TooLarge,
                        format!(
                            "part {part} inflates to more than {} times its compressed size — \
                         refusing a possible zip bomb",
                            self.limits.max_ratio
                        ),
                    )
                    .with_hint(
                        "check where the file came from; real tender documents compress far less",
                    ),
                ));
            }
        }
        let len = buf.len() as u64;
        self.inflated += len;
        Ok(Some(decode(buf, part)))
    }

    /// Relationships of a part (from `…/_rels/<name>.rels`); internal targets only.
    /// A missing or damaged relationships part counts as none.
    pub(super) fn relationships(
        &mut self,
        source: &str,
        max_depth: usize,
    ) -> Result<Vec<Relationship>, ReadError> {
        let (dir, file) = match source.rfind('/') {
            Some(i) => (&source[..i], &source[i + 1..]),
            None => ("", source),
        };
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let text = match self.read_part(&rels_name) {
            Ok(Some(t)) => t,
            Ok(None) | Err(PartError::Damaged(_)) => return Ok(Vec::new()),
            Err(PartError::Fatal(e)) => return Err(e),
        };
        let mut xml = Xml::new(&text, &rels_name, max_depth);
        let mut rels = Vec::new();
        loop {
            match xml.next()? {
                Ev::Start(_, e, _) | Ev::Empty(_, e, _) if local_name(&e) == "Relationship" => {
                    if attr(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")) {
                        continue;
                    }
                    let (Some(id), Some(kind), Some(target)) =
                        (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target"))
                    else {
                        continue;
                    };
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                    rels.push(Relationship {
                        id,
                        kind,
                        target: resolve_target(dir, &target),
                    });
                }
                Ev::Eof => break,
                _ => {}
            }
        }
        Ok(rels)
    }

    /// The content type `[Content_Types].xml` gives a part, if any.
    pub(super) fn content_type(
        &mut self,
        part: &str,
        max_depth: usize,
    ) -> Result<Option<String>, ReadError> {
        let text = match self.read_part("[Content_Types].xml") {
            Ok(Some(t)) => t,
            Ok(None) | Err(PartError::Damaged(_)) => return Ok(None),
            Err(PartError::Fatal(e)) => return Err(e),
        };
        let wanted = format!("/{}", part.to_ascii_lowercase());
        let mut xml = Xml::new(&text, "[Content_Types].xml", max_depth);
        loop {
            match xml.next()? {
                Ev::Start(_, e, _) | Ev::Empty(_, e, _)
                    if local_name(&e) == "Override"
                        && attr(&e, "PartName")
                            .is_some_and(|p| p.to_ascii_lowercase() == wanted) =>
                {
                    return Ok(attr(&e, "ContentType"));
                }
                Ev::Eof => return Ok(None),
                _ => {}
            }
        }
    }
}

/// An OLE compound file is either a Word 97–2003 document or, holding an
/// `EncryptedPackage` stream, a password-protected OOXML file.
/// Word's document properties (File › Info): the title, subject and keywords of
/// `docProps/core.xml` and the named values of `docProps/custom.xml`. Read apart
/// from the body, for what a file says about itself (services it covers, whether
/// tenderlint wrote it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Properties {
    pub title: String,
    pub subject: String,
    pub keywords: String,
    /// Custom properties, name and value as text.
    pub custom: Vec<(String, String)>,
}

impl Properties {
    /// What the properties say for the engine: services declared in a custom
    /// property `services` (or `tjenester`, `tenester`), and the title, subject and
    /// keywords that service detection reads.
    pub(crate) fn facts(&self) -> DocumentFacts {
        let declared = ["services", "tjenester", "tenester"]
            .iter()
            .filter_map(|name| self.custom(name))
            .flat_map(|v| v.split([',', ';']))
            .map(|s| s.trim().trim_matches(['[', ']']).trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let titles = [&self.title, &self.subject, &self.keywords]
            .into_iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .collect();
        DocumentFacts { declared, titles }
    }

    /// The value of a custom property, names compared without case.
    pub(crate) fn custom(&self, name: &str) -> Option<&str> {
        self.custom
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The document properties of a DOCX file's bytes; empty ones when the package has
/// no `docProps` parts. Only those two small parts are inflated.
pub(crate) fn properties(bytes: &[u8]) -> Result<Properties, ReadError> {
    let limits = Limits::default();
    let mut package = Package::open(bytes, limits)?;
    properties_in(&mut package, limits)
}

/// The document properties of an open package (the reader's, for the facts a
/// document carries).
pub(super) fn properties_in(
    package: &mut Package<'_>,
    limits: Limits,
) -> Result<Properties, ReadError> {
    let mut props = Properties::default();
    if let Some(core) = package
        .read_part("docProps/core.xml")
        .map_err(PartError::into_error)?
    {
        let mut xml = Xml::new(&core, "docProps/core.xml", limits.max_depth);
        let mut field: Option<&'static str> = None;
        loop {
            match xml.next()? {
                Ev::Start(_, e, _) => {
                    field = match local_name(&e) {
                        "title" => Some("title"),
                        "subject" => Some("subject"),
                        "keywords" => Some("keywords"),
                        _ => None,
                    }
                }
                Ev::Text(t) => {
                    let slot = match field {
                        Some("title") => &mut props.title,
                        Some("subject") => &mut props.subject,
                        Some("keywords") => &mut props.keywords,
                        _ => continue,
                    };
                    slot.push_str(&t);
                }
                Ev::End => field = None,
                Ev::Empty(..) => {}
                Ev::Eof => break,
            }
        }
    }
    if let Some(custom) = package
        .read_part("docProps/custom.xml")
        .map_err(PartError::into_error)?
    {
        let mut xml = Xml::new(&custom, "docProps/custom.xml", limits.max_depth);
        // The value sits one element down: <property name="…"><vt:lpwstr>value</vt:lpwstr>.
        let mut current: Option<usize> = None;
        loop {
            match xml.next()? {
                Ev::Start(_, e, _) if local_name(&e) == "property" => {
                    props
                        .custom
                        .push((attr(&e, "name").unwrap_or_default(), String::new()));
                    current = Some(props.custom.len() - 1);
                }
                Ev::Empty(_, e, _) if local_name(&e) == "property" => {
                    props
                        .custom
                        .push((attr(&e, "name").unwrap_or_default(), String::new()));
                }
                Ev::Text(t) => {
                    if let Some(i) = current
                        && let Some((_, value)) = props.custom.get_mut(i)
                    {
                        value.push_str(&t);
                    }
                }
                Ev::End | Ev::Start(..) | Ev::Empty(..) => {}
                Ev::Eof => break,
            }
        }
    }
    for text in [&mut props.title, &mut props.subject, &mut props.keywords] {
        *text = text.trim().to_string();
    }
    Ok(props)
}

fn ole_error(bytes: &[u8]) -> ReadError {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if head.windows(needle.len()).any(|w| w == needle.as_slice()) {
        ReadError::new(
            crate::document::Unreadable::Encrypted,
            "the document is password-protected (encrypted)",
        )
        .with_hint("save as .docx without a password")
    } else {
        ReadError::new(
            crate::document::Unreadable::LegacyWord,
            "this is a legacy Word 97–2003 .doc file, not a .docx",
        )
        .with_hint("save as .docx in Word")
    }
}

fn damaged(part: &str, e: &ZipError) -> ReadError {
    ReadError::new(
        crate::document::Unreadable::Damaged,
        format!("cannot read {part} from the zip archive: {e}"),
    )
    .with_hint("the file may be damaged; open it in Word and save it again")
}

/// The refusal of a part that inflates past the per-part or the total cap.
fn over_cap(limits: &Limits, part: &str, cap: u64) -> ReadError {
    let (limit, what) = if cap == limits.part_bytes {
        (
            limits.part_bytes,
            format!("part {part} inflates to more than"),
        )
    } else {
        (
            limits.total_bytes,
            format!("the parts read inflate to more than (at {part})"),
        )
    };
    ReadError::new(
        crate::document::Unreadable::TooLarge,
        format!(
            "{what} {} — refusing a possible zip bomb",
            human_size(limit)
        ),
    )
    .with_hint("check where the file came from; a real tender document is far smaller")
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Resolves a relationship target against the source part's folder.
pub(super) fn resolve_target(dir: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or_default();
    let mut segments: Vec<&str> = if target.starts_with('/') || dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// Parts are UTF-8 or UTF-16 (with a BOM, or recognisable from the first `<`).
/// Invalid UTF-8 is replaced rather than refused: losing one character beats
/// losing the file.
fn decode(buf: Vec<u8>, _part: &str) -> String {
    let utf16 = |bytes: &[u8], le: bool| -> String {
        let units = bytes.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match buf.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [b'<', 0, ..] => utf16(&buf, true),
        [0, b'<', ..] => utf16(&buf, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => match String::from_utf8(buf) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationship_targets_resolve_against_the_source_folder() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("word", "/word/header1.xml"),
            "word/header1.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_target("", "/word/document.xml"),
            "word/document.xml"
        );
    }

    #[test]
    fn utf16_parts_are_decoded_by_their_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("<a>æ</a>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, "x"), "<a>æ</a>");
        let mut be = vec![0xFE, 0xFF];
        be.extend("<a>ø</a>".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, "x"), "<a>ø</a>");
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>".to_vec(), "x"), "<a/>");
    }
}
