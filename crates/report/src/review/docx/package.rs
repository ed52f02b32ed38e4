//! The reviewed copy's zip: every entry copied as it is stored (not inflated and
//! deflated again), in its order, except the few parts the review changes or adds.

use super::Refusal;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// The original package, opened for reading parts.
pub(super) struct Original<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> Original<'a> {
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Original<'a>, Refusal> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(Refusal::new(
                "password-protected (encrypted) or an old .doc: tenderlint can only patch an unprotected .docx",
            ));
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Refusal::new(&format!("not a readable zip archive: {e}")))?;
        Ok(Original { zip })
    }

    /// A part's name as the zip spells it (part names are case-insensitive).
    pub(crate) fn name_of(&self, part: &str) -> Option<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(part))
            .map(|n| n.into_owned())
    }

    /// A part's text; `Ok(None)` when absent. Only UTF-8 parts are patched.
    pub(crate) fn text(&mut self, part: &str) -> Result<Option<(String, bool)>, Refusal> {
        let Some(name) = self.name_of(part) else {
            return Ok(None);
        };
        let mut file = self
            .zip
            .by_name(&name)
            .map_err(|e| Refusal::new(&format!("{part}: {e}")))?;
        if file.encrypted() {
            return Err(Refusal::new("the zip entries are encrypted"));
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| Refusal::new(&format!("{part}: {e}")))?;
        let (bom, body) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            Some(rest) => (true, rest.to_vec()),
            None => (false, bytes),
        };
        match String::from_utf8(body) {
            Ok(s) => Ok(Some((s, bom))),
            Err(_) => Err(Refusal::new(&format!(
                "{part} is not UTF-8 (UTF-16 parts are not patched)"
            ))),
        }
    }

    /// The text of the other XML parts beside the main part (notes, headers,
    /// footers …); parts that cannot be read as UTF-8 are left out.
    pub(crate) fn story_texts(&mut self, dir: &str, main: &str) -> Vec<String> {
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let names: Vec<String> = self
            .zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.trim_start_matches('/').to_string())
            .filter(|n| {
                n.strip_prefix(prefix.as_str())
                    .is_some_and(|f| !f.contains('/'))
                    && n.ends_with(".xml")
                    && !n.eq_ignore_ascii_case(main)
            })
            .collect();
        names
            .iter()
            .filter_map(|n| self.text(n).ok().flatten().map(|(t, _)| t))
            .collect()
    }

    /// Writes the copy: entries in `changed` (by exact zip name) get new bytes,
    /// the others are copied raw; `added` entries follow at the end.
    pub(crate) fn write(
        mut self,
        changed: &BTreeMap<String, Vec<u8>>,
        added: &[(String, Vec<u8>)],
    ) -> Result<Vec<u8>, Refusal> {
        let fail = |e: &dyn std::fmt::Display| Refusal::new(&format!("writing the copy: {e}"));
        let mut out = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for index in 0..self.zip.len() {
            let entry = self.zip.by_index_raw(index).map_err(|e| fail(&e))?;
            let name = entry.name().map_err(|e| fail(&e))?.into_owned();
            if let Some(bytes) = changed.get(&name) {
                drop(entry);
                out.start_file(name, options).map_err(|e| fail(&e))?;
                out.write_all(bytes).map_err(|e| fail(&e))?;
            } else {
                out.raw_copy_file(entry).map_err(|e| fail(&e))?;
            }
        }
        for (name, bytes) in added {
            out.start_file(name.as_str(), options)
                .map_err(|e| fail(&e))?;
            out.write_all(bytes).map_err(|e| fail(&e))?;
        }
        let cursor = out.finish().map_err(|e| fail(&e))?;
        Ok(cursor.into_inner())
    }
}
