//! `region.yaml`: the members of a region whose tenders `tenderlint compare` lays
//! side by side (issue 28), each a name and its folders, optionally the
//! configuration to check it with (else the tenderlint.yaml found for its first
//! folder, as `check` finds it). Paths are relative to the file. The format is
//! described in docs/region.md.

use crate::rules::RuleSetError;
use crate::source::yaml::{Problem, RuleSetSource, span_of_location, yaml_error};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::{Path, PathBuf};

/// The largest region file read: a list of names and paths.
const MAX_REGION_BYTES: u64 = 1024 * 1024;

/// A region: its members, in the order the file lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// `name:`, if the file gives one.
    pub name: Option<String>,
    /// The members, in the file's order.
    pub members: Vec<Member>,
}

/// One member's tender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// `name:`, the tender's column title.
    pub name: String,
    /// The folders (or files) that form its tender.
    pub paths: Vec<PathBuf>,
    /// `config:`: the tenderlint.yaml to check it with.
    pub config: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    #[serde(default)]
    name: Option<String>,
    members: Vec<RawMember>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMember {
    name: Spanned<String>,
    #[serde(default)]
    folder: Option<Spanned<String>>,
    #[serde(default)]
    folders: Vec<Spanned<String>>,
    #[serde(default)]
    config: Option<Spanned<String>>,
}

/// Whether a path names a region file rather than a tender's folder or file.
pub fn is_region_file(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Reads a region file. Every problem is reported at once, in the file: an
/// unknown key, a member without folders, a folder or configuration that does
/// not exist, two members of one name.
pub fn read(path: &Path) -> Result<Region, RuleSetError> {
    let source = crate::rule_files::read_yaml_file(path, MAX_REGION_BYTES, "a region file")?;
    let raw: RawRegion = serde_saphyr::from_str(&source.text).map_err(|e| {
        let mut error = yaml_error(&source, &e);
        for p in &mut error.problems {
            p.help = Some(
                "keys: name, members (each: name, folder or folders, config); see docs/region.md"
                    .into(),
            );
        }
        error
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    let mut members: Vec<Member> = Vec::new();
    for m in raw.members {
        if let Some(member) = member(m, dir, &source, &mut problems) {
            if members.iter().any(|o| o.name == member.name) {
                problems.push(Problem {
                    message: format!("two members are named `{}`", member.name),
                    span: None,
                    help: Some("each member needs a name of its own".into()),
                });
            }
            members.push(member);
        }
    }
    if members.is_empty() && problems.is_empty() {
        problems.push(Problem {
            message: "no members".into(),
            span: None,
            help: None,
        });
    }
    if !problems.is_empty() {
        return Err(RuleSetError { source, problems });
    }
    Ok(Region {
        name: raw.name,
        members,
    })
}

fn member(
    raw: RawMember,
    dir: &Path,
    source: &RuleSetSource,
    problems: &mut Vec<Problem>,
) -> Option<Member> {
    let at = |s: &Spanned<String>| span_of_location(&source.text, &s.referenced);
    let name = raw.name.value.trim().to_string();
    let folders: Vec<Spanned<String>> = raw.folder.into_iter().chain(raw.folders).collect();
    if folders.is_empty() {
        problems.push(Problem {
            message: format!("member `{name}` has no folder"),
            span: at(&raw.name),
            help: Some("give `folder: PATH` or `folders: [PATH, …]`, relative to this file".into()),
        });
        return None;
    }
    let mut paths = Vec::new();
    for f in &folders {
        let path = dir.join(&f.value);
        if !path.exists() {
            problems.push(Problem {
                message: format!(
                    "member `{name}`: folder `{}` does not exist ({})",
                    f.value,
                    path.display()
                ),
                span: at(f),
                help: Some("paths are relative to the region file".into()),
            });
        }
        paths.push(path);
    }
    let config = raw.config.as_ref().map(|c| {
        let path = dir.join(&c.value);
        if !path.is_file() {
            problems.push(Problem {
                message: format!(
                    "member `{name}`: configuration `{}` does not exist ({})",
                    c.value,
                    path.display()
                ),
                span: at(c),
                help: None,
            });
        }
        path
    });
    Some(Member {
        name,
        paths,
        config,
    })
}

#[cfg(test)]
mod tests;
