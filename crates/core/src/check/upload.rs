//! Names for files that arrive as bytes (an upload, a file dropped on the page):
//! the name a user chose, made safe to stand as the file's path in a report.

use std::collections::HashSet;

/// The file's own name without any directory part, so evidence names the file
/// the user chose and no name can point outside the tender; control characters
/// dropped, a missing or empty name `upload-INDEX`, and a second file of a name
/// already `taken` numbered (`krav (2).docx`).
pub fn upload_name(raw: Option<&str>, index: usize, taken: &mut HashSet<String>) -> String {
    let base = raw.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    let mut name = if clean.is_empty() || clean == "." || clean == ".." {
        format!("upload-{index}")
    } else {
        clean.to_string()
    };
    if taken.contains(&name) {
        let (stem, ext) = match name.rfind('.') {
            Some(dot) if dot > 0 => (name[..dot].to_string(), name[dot..].to_string()),
            _ => (name.clone(), String::new()),
        };
        let mut n = 2;
        while taken.contains(&format!("{stem} ({n}){ext}")) {
            n += 1;
        }
        name = format!("{stem} ({n}){ext}");
    }
    taken.insert(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::upload_name;
    use std::collections::HashSet;

    #[test]
    fn upload_names_lose_their_directories_and_never_collide() {
        let mut taken = HashSet::new();
        assert_eq!(
            upload_name(Some("../../etc/krav.docx"), 1, &mut taken),
            "krav.docx"
        );
        assert_eq!(
            upload_name(Some("C:\\Users\\a\\krav.docx"), 2, &mut taken),
            "krav (2).docx"
        );
        assert_eq!(upload_name(Some(".."), 3, &mut taken), "upload-3");
        assert_eq!(upload_name(None, 4, &mut taken), "upload-4");
        assert_eq!(upload_name(Some("a\u{0}b.md"), 5, &mut taken), "ab.md");
    }
}
