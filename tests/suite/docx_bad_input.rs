//! Files that are not a readable DOCX are refused with a one-line reason and a
//! hint, never a panic and never unbounded memory.
use crate::support::docx as support;

use support::{CONTENT_TYPES, ROOT_RELS, document_xml, docx, zip};
use tenderlint::document::ReadError;
use tenderlint::document::docx::{Limits, read, read_with_limits};

fn refuse(bytes: &[u8]) -> ReadError {
    match read("bad.docx".into(), bytes) {
        Ok(doc) => panic!("read a bad file: {} blocks", doc.blocks.len()),
        Err(e) => e,
    }
}

fn ole(extra: &[u8]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1024, 0);
    bytes.extend_from_slice(extra);
    bytes.resize(4096, 0);
    bytes
}

#[test]
fn not_a_zip_is_refused() {
    let e = refuse(b"Leverandoren skal ... (plain text renamed .docx)");
    assert!(e.message.contains("not a zip"), "{e}");
    assert!(e.hint.is_some());
    let e = refuse(b"PK\x03\x04 truncated");
    assert!(e.message.contains("zip"), "{e}");
}

#[test]
fn legacy_word_doc_renamed_docx_is_refused_with_save_as_hint() {
    let e = refuse(&ole(b"WordDocument"));
    assert!(e.message.contains("legacy Word 97–2003 .doc"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("save as .docx in Word"));
}

#[test]
fn password_protected_docx_is_refused() {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let e = refuse(&ole(&name));
    assert!(e.message.contains("password"), "{e}");
    assert_eq!(e.hint.as_deref(), Some("save as .docx without a password"));
}

#[test]
fn zip_without_document_xml_is_refused() {
    let bytes = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
    ]);
    let e = refuse(&bytes);
    assert!(e.message.contains("word/document.xml"), "{e}");
}

#[test]
fn main_part_is_found_through_the_package_relationship() {
    let rels = ROOT_RELS.replace("word/document.xml", "tekst/hoved.xml");
    let doc = document_xml("<w:p><w:r><w:t>Annet navn</w:t></w:r></w:p>");
    let bytes = zip(&[
        ("_rels/.rels", rels.as_bytes()),
        ("tekst/hoved.xml", doc.as_bytes()),
    ]);
    let d = read("x.docx".into(), &bytes).unwrap();
    assert_eq!(d.blocks[0].text, "Annet navn");
}

#[test]
fn spreadsheet_renamed_docx_is_refused() {
    let ct = CONTENT_TYPES.replace(
        "wordprocessingml.document.main+xml",
        "spreadsheetml.sheet.main+xml",
    );
    let bytes = zip(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", document_xml("").as_bytes()),
    ]);
    assert!(refuse(&bytes).message.contains("Excel"));
}

#[test]
fn macro_enabled_docm_is_read() {
    let ct = CONTENT_TYPES.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    );
    let doc = document_xml("<w:p><w:r><w:t>Makro</w:t></w:r></w:p>");
    let bytes = zip(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ]);
    assert_eq!(
        read("x.docm".into(), &bytes).unwrap().blocks[0].text,
        "Makro"
    );
}

#[test]
fn invalid_xml_names_the_part_and_the_byte_offset() {
    let bytes = docx(&document_xml("<w:p><w:r><w:t>ok</w:t></w:r></w:x>"), &[]);
    let e = refuse(&bytes);
    assert!(
        e.message
            .starts_with("word/document.xml is not well-formed XML (byte "),
        "{e}"
    );
}

#[test]
fn broken_relationship_targets_are_skipped() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="mangler.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../../../../etc/passwd"/></Relationships>"#;
    let bytes = docx(
        &document_xml("<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>"),
        &[("word/_rels/document.xml.rels", rels)],
    );
    assert_eq!(read("x.docx".into(), &bytes).unwrap().blocks.len(), 1);
}

#[test]
fn crc_error_in_a_part_that_is_not_needed_does_not_fail_the_file() {
    let styles = format!(
        "<w:styles xmlns:w=\"{}\">{}</w:styles>",
        support::W_NS,
        "x".repeat(2000)
    );
    let mut bytes = docx(
        &document_xml("<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>"),
        &[
            ("word/styles.xml", &styles),
            ("word/theme/theme1.xml", "<a/>"),
        ],
    );
    // Corrupt the stored CRC of word/styles.xml in its local header (offset 14).
    let pos = find(&bytes, b"word/styles.xml").unwrap() - 30;
    bytes[pos + 14] ^= 0xFF;
    let doc = read("x.docx".into(), &bytes).unwrap();
    assert_eq!(doc.blocks[0].text, "Tekst");
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn utf16_document_part_is_decoded() {
    let xml =
        document_xml("<w:p><w:r><w:t>Blåbærsyltetøy</w:t></w:r></w:p>").replace("UTF-8", "UTF-16");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let bytes = zip(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", &utf16),
    ]);
    assert_eq!(
        read("x.docx".into(), &bytes).unwrap().blocks[0].text,
        "Blåbærsyltetøy"
    );
}

#[test]
fn iso_strict_namespace_reads_like_transitional() {
    let xml = document_xml(
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Strengt</w:t></w:r></w:p><w:p><w:r><w:t>Brødtekst</w:t></w:r></w:p>"#,
    )
    .replace(support::W_NS, "http://purl.oclc.org/ooxml/wordprocessingml/main");
    let doc = read("x.docx".into(), &docx(&xml, &[])).unwrap();
    assert_eq!(doc.sections[1].title, "Strengt");
    assert_eq!(doc.blocks[1].text, "Brødtekst");
}

#[test]
fn dtd_entities_are_never_expanded() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]><w:document xmlns:w="{}"><w:body><w:p><w:r><w:t>A&xxe;B&lol;C&amp;&#x44;</w:t></w:r></w:p></w:body></w:document>"#,
        support::W_NS
    );
    let doc = read("x.docx".into(), &docx(&xml, &[])).unwrap();
    assert_eq!(doc.blocks[0].text, "ABC&D");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 100_000;
    let body = format!(
        "{}<w:p/>{}",
        "<w:tbl><w:tr><w:tc>".repeat(n),
        "</w:tc></w:tr></w:tbl>".repeat(n)
    );
    let e = refuse(&docx(&document_xml(&body), &[]));
    assert!(
        e.message.contains("nests elements more than 256 deep"),
        "{e}"
    );
}

#[test]
fn zip_bomb_part_over_the_cap_is_refused() {
    let big = document_xml(&"<w:p><w:r><w:t>bombe</w:t></w:r></w:p>".repeat(20_000));
    let bytes = docx(&big, &[]);
    assert!(
        bytes.len() < big.len() / 20,
        "test input should compress well"
    );
    let limits = Limits {
        part_bytes: 64 * 1024,
        ..Limits::default()
    };
    let e = read_with_limits("bomb.docx".into(), &bytes, limits).unwrap_err();
    assert!(
        e.message.contains("inflates to more than 64 KiB") || e.message.contains("more than"),
        "{e}"
    );
    assert!(e.message.contains("word/document.xml"), "{e}");
    let total = Limits {
        total_bytes: 64 * 1024,
        ..Limits::default()
    };
    assert!(read_with_limits("bomb.docx".into(), &bytes, total).is_err());
    assert!(read_with_limits("bomb.docx".into(), &bytes, Limits::default()).is_ok());
}

#[test]
fn real_zip_bomb_inflating_to_300_mib_is_refused_quickly() {
    // 300 MiB of zeros after the root element deflate to ~300 KiB.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("word/document.xml", options).unwrap();
    use std::io::Write;
    w.write_all(b"<w:document>").unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..300 {
        w.write_all(&chunk).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let started = std::time::Instant::now();
    let e = refuse(&bytes);
    // Refused by its ratio (about 1,000:1) once past 4 MiB, long before the 64 MiB part cap.
    assert!(e.message.contains("100 times its compressed size"), "{e}");
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
