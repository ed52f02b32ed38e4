//! The architecture as a test: every module of the workspace's crates (`crates/core/src`,
//! `crates/report/src` as the module `report`, and the root's `src/`) sits in one layer of
//! the table in ARCHITECTURE.md («Layers, bottom first»), and a module uses only its own
//! layer and the layers below. The crates are the outer layers (the compiler holds their
//! order: the core cannot name the report or the root); inside each crate the table holds.
//! The table is read from ARCHITECTURE.md, so moving a module means editing that table, not
//! this file. Also: no file of a crate is longer than 700 lines.
//!
//! What counts as a use: every `use crate::…` / `use super::…` / `use self::…` (and a `use`
//! of a child module by its bare name), braces expanded, and every path in code that starts
//! at `crate`, `self`, `super` or a child module (`crate::a::b`, `docx::read(…)`). Comments are not code; unit-test modules (`#[cfg(test)] mod tests { … }` at the end
//! of a file, or a `tests.rs` file) may use any layer, since nothing ships them, and so may
//! the binary (`src/main.rs` and the modules it declares), the top layer. A path is placed by the longest module path of the table it starts with (`document::markdown` is a
//! reader, `document` the document model); the crate root's re-exports (`pub use` in its
//! `lib.rs`, e.g. the core's modules by their old paths) are followed to the module they
//! come from.
//!
//! The allowlists below name today's known exceptions, each with its reason; an entry that
//! is no longer needed fails the test too, so the lists only shrink.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Longest a file of a crate may be, unit tests included.
pub(crate) const MAX_LINES: usize = 700;

/// Known upward uses: (file, the module path it uses, why it is still there).
/// Issue 16 removes them; after its merge the lead empties this list.
const UPWARD_ALLOWED: &[(&str, &str, &str)] = &[];

/// Known files over `MAX_LINES`: (file, why). Issue 16 splits them.
const LONG_ALLOWED: &[(&str, &str)] = &[];

/// Known pairs of sibling modules that use each other: (one, the other, why). Two modules
/// that need each other are one module, or one is below the other.
const MUTUAL_ALLOWED: &[(&str, &str, &str)] = &[
    (
        "engine::forms",
        "engine::legend",
        "found when the test learned to see it (issue 26); not untangled yet",
    ),
    (
        "engine::scope",
        "engine::where_bought",
        "found when the test learned to see it (issue 26); not untangled yet",
    ),
    (
        "rules::load",
        "rules::validate",
        "found when the test learned to see it (issue 26); not untangled yet",
    ),
    (
        "text::instructions",
        "text::modality",
        "found when the test learned to see it (issue 26); not untangled yet",
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace's crates: the directory of their sources, and the module path their
/// crate root is at in the table (the report crate is the module `report`).
const CRATES: &[(&str, &[&str])] = &[
    ("crates/core/src", &[]),
    ("crates/report/src", &["report"]),
    ("src", &[]),
];

/// The module path a crate's name stands for in the table.
fn crate_module(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "tenderlint_core" => Some(&[]),
        "tenderlint_report" => Some(&["report"]),
        _ => None,
    }
}

/// One layer of the table: its name and its module paths (`document::markdown`).
struct Layer {
    name: String,
    modules: Vec<String>,
}

/// The table under «Layers, bottom first»: a row per layer, the modules in backticks in its
/// second column (a row with an empty first column continues the layer above).
fn layers(architecture: &str) -> Vec<Layer> {
    let section = architecture
        .split_once("## Layers, bottom first")
        .expect("ARCHITECTURE.md has a «## Layers, bottom first» section")
        .1;
    let mut layers: Vec<Layer> = Vec::new();
    let rows = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2); // the header and the |---| line
    for row in rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (name, modules) = (cells[1], cells.get(2).copied().unwrap_or(""));
        let modules = modules
            .split('`')
            .skip(1)
            .step_by(2)
            .map(module_path)
            .filter(|m| !m.is_empty());
        if name.is_empty() {
            layers
                .last_mut()
                .expect("the first row names its layer")
                .modules
                .extend(modules);
        } else {
            layers.push(Layer {
                name: name.to_string(),
                modules: modules.collect(),
            });
        }
    }
    assert!(layers.len() > 1, "no layer table found in ARCHITECTURE.md");
    layers
}

/// `document/markdown.rs`, `document/docx/`, `crate::text` or `text` → `document::markdown`, ….
fn module_path(written: &str) -> String {
    let path = written
        .trim()
        .trim_start_matches("crate::")
        .trim_end_matches('/')
        .trim_end_matches(".rs")
        .trim_end_matches("/mod")
        .replace('/', "::");
    if path == "lib" { String::new() } else { path }
}

/// The module a file of `src/` is: `src/document/docx/mod.rs` → `["document", "docx"]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The layer (index, bottom first) a module path belongs to: the longest table entry it
/// starts with.
fn layer_of(layers: &[Layer], path: &[String]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, layer) in layers.iter().enumerate() {
        for module in &layer.modules {
            let segments: Vec<&str> = module.split("::").collect();
            let matches =
                segments.len() <= path.len() && segments.iter().zip(path).all(|(a, b)| a == b);
            if matches && best.is_none_or(|(_, len)| segments.len() > len) {
                best = Some((index, segments.len()));
            }
        }
    }
    best.map(|(index, _)| index)
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file, line by line, without comments and without a trailing unit-test
/// module (`#[cfg(test)]` followed by `mod NAME {`, up to its closing `}` at column 0).
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut in_block_comment = false;
    let mut skip_until_close = false;
    for (i, line) in lines.iter().enumerate() {
        if skip_until_close {
            if *line == "}" {
                skip_until_close = false;
            }
            continue;
        }
        if line.trim() == "#[cfg(test)]"
            && lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("mod ") && next.ends_with('{'))
        {
            skip_until_close = true;
            continue;
        }
        let mut code = String::new();
        let mut rest = *line;
        loop {
            if in_block_comment {
                match rest.find("*/") {
                    Some(end) => {
                        rest = &rest[end + 2..];
                        in_block_comment = false;
                    }
                    None => break,
                }
            } else {
                let (cut, what) = comment_start(rest);
                code.push_str(&rest[..cut]);
                match what {
                    Comment::Line | Comment::None => break,
                    Comment::Block => {
                        rest = &rest[cut + 2..];
                        in_block_comment = true;
                    }
                }
            }
        }
        out.push((i + 1, code));
    }
    out
}

enum Comment {
    None,
    Line,
    Block,
}

/// Where the first comment of a line starts, outside string literals (`"…"` with escapes;
/// raw strings and char literals holding quotes are rare enough in `src/` to ignore).
fn comment_start(line: &str) -> (usize, Comment) {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return (i, Comment::Line),
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'*') => return (i, Comment::Block),
            _ => {}
        }
        i += 1;
    }
    (line.len(), Comment::None)
}

/// `a::{b, c::{d, e as f}, self}` → `a::b`, `a::c::d`, `a::c::e`, `a`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_string()];
    };
    let prefix = tree[..open].trim().trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match (prefix.is_empty(), p.as_str()) {
            (true, _) => p,
            (false, "self") => prefix.to_string(),
            (false, _) => format!("{prefix}::{p}"),
        })
        .collect()
}

/// One use of another module: where, and the path as written.
struct Use {
    line: usize,
    path: String,
}

/// The `use` statements (braces expanded) and the `crate::…` paths in code of a file.
fn uses(code: &[(usize, String)]) -> Vec<Use> {
    let mut out = Vec::new();
    let mut statement: Option<(usize, String)> = None;
    for (line, text) in code {
        let trimmed = text.trim_start();
        if statement.is_none() {
            let after_visibility = trimmed
                .strip_prefix("pub(crate) ")
                .or_else(|| trimmed.strip_prefix("pub(super) "))
                .or_else(|| trimmed.strip_prefix("pub "))
                .unwrap_or(trimmed);
            if let Some(rest) = after_visibility.strip_prefix("use ") {
                statement = Some((*line, String::new()));
                statement.as_mut().expect("just set").1.push_str(rest);
            } else {
                out.extend(paths_in_code(text).map(|path| Use { line: *line, path }));
                continue;
            }
        } else if let Some((_, text_so_far)) = statement.as_mut() {
            text_so_far.push(' ');
            text_so_far.push_str(trimmed);
        }
        if let Some((start, text)) = statement.take_if(|(_, t)| t.contains(';')) {
            let tree = text.split(';').next().unwrap_or_default();
            out.extend(
                expand(tree)
                    .into_iter()
                    .map(|path| Use { line: start, path }),
            );
        }
    }
    out
}

/// Every path written in a line of code (`crate::a::b`, `super::x`, `docx::read`): an
/// identifier followed by `::`, not itself after `::`, `$` or another word. Which of them
/// are modules of the crate (`crate`, `self`, `super`, a child module) [`resolve`] decides;
/// `std::…`, other crates and types (`Vec::new`) resolve to nothing.
fn paths_in_code(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("::").filter_map(|(at, _)| {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
            .last()
            .map(|(i, _)| i)?;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c == ':' || c == '$' || c == '_' || c.is_alphanumeric()) {
            return None; // inside a longer path, `$crate::`
        }
        let path: String = text[start..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        Some(path.trim_end_matches(':').to_string())
    })
}

/// A used path as segments from the crate root, or `None` for other crates and `std`.
/// `module` is the using file's module, `children` the modules that exist.
fn resolve(
    path: &str,
    module: &[String],
    children: &dyn Fn(&[String], &str) -> bool,
    reexports: &BTreeMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    resolve_in(path, module, &[], children, reexports)
}

/// [`resolve`] in a crate whose root is the module `crate_root` of the table.
fn resolve_in(
    path: &str,
    module: &[String],
    crate_root: &[String],
    children: &dyn Fn(&[String], &str) -> bool,
    reexports: &BTreeMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    let mut segments = path.split("::").map(str::trim).filter(|s| !s.is_empty());
    let first = segments.next()?;
    let from_root = first == "crate";
    let mut base: Vec<String> = match first {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => module[..module.len().saturating_sub(1)].to_vec(),
        name if children(module, name) => {
            let mut base = module.to_vec();
            base.push(name.to_string());
            base
        }
        _ => return None,
    };
    for segment in segments {
        if segment == "super" {
            base.pop();
        } else if segment != "self" {
            base.push(segment.to_string());
        }
    }
    if let Some(target) = base.first().and_then(|first| reexports.get(first))
        && from_root
    {
        let mut followed = target.clone();
        followed.extend(base.into_iter().skip(1));
        return Some(followed);
    }
    if from_root {
        base.splice(0..0, crate_root.iter().cloned());
    }
    Some(base)
}

/// `pub use check::{CheckOptions, check_paths}` in `src/lib.rs` → `check_paths` → `check::check_paths`.
fn reexports(lib: &str) -> BTreeMap<String, Vec<String>> {
    uses(&code_lines(lib))
        .into_iter()
        .filter_map(|u| {
            let mut segments: Vec<String> = u.path.split("::").map(String::from).collect();
            let name = segments.last()?.clone();
            // Another crate of the workspace: its path in the table.
            let other_crate = crate_module(&segments[0]);
            if let Some(prefix) = other_crate {
                segments.splice(0..1, prefix.iter().map(|s| s.to_string()));
            }
            let kept = !segments.is_empty()
                && segments[0] != "std"
                && (segments.len() > 1 || other_crate.is_some());
            kept.then_some((name, segments))
        })
        .collect()
}

/// What placing a used path needs: the layers, which modules exist, the crate root's re-exports.
struct Context<'a> {
    layers: &'a [Layer],
    crate_root: &'a [String],
    exists: &'a dyn Fn(&[String], &str) -> bool,
    reexports: &'a BTreeMap<String, Vec<String>>,
}

impl Context<'_> {
    /// The sibling modules (same parent, `engine::tally` for `engine::observe`) that
    /// `text`, the file of `module`, uses.
    fn siblings_used(&self, module: &[String], text: &str) -> Vec<Vec<String>> {
        let Some((own, parent)) = module.split_last() else {
            return Vec::new();
        };
        uses(&code_lines(text))
            .into_iter()
            .filter_map(|used| {
                resolve_in(
                    &used.path,
                    module,
                    self.crate_root,
                    self.exists,
                    self.reexports,
                )
            })
            .filter(|target| {
                target.len() > parent.len()
                    && target.starts_with(parent)
                    && target[parent.len()] != *own
            })
            .map(|target| target[..=parent.len()].to_vec())
            .collect()
    }

    /// Every use in `text` (the file `shown`, module `module` in layer `own`) of a higher
    /// layer is a problem, unless `UPWARD_ALLOWED` names it (then it is marked as seen).
    fn check_uses(
        &self,
        shown: &str,
        module: &[String],
        own: usize,
        text: &str,
        upward_seen: &mut [bool],
        problems: &mut Vec<String>,
    ) {
        for used in uses(&code_lines(text)) {
            let Some(target) = resolve_in(
                &used.path,
                module,
                self.crate_root,
                self.exists,
                self.reexports,
            ) else {
                continue;
            };
            if target.is_empty() {
                continue;
            }
            let Some(theirs) = layer_of(self.layers, &target) else {
                problems.push(format!(
                    "{shown}:{}: `{}` is in no layer of ARCHITECTURE.md",
                    used.line,
                    target.join("::")
                ));
                continue;
            };
            if theirs <= own {
                continue;
            }
            let target = target.join("::");
            let allowed = UPWARD_ALLOWED.iter().position(|(f, prefix, _)| {
                *f == shown && (target == *prefix || target.starts_with(&format!("{prefix}::")))
            });
            match allowed {
                Some(i) => upward_seen[i] = true,
                None => problems.push(format!(
                    "{shown}:{}: {} (layer «{}») uses `{target}` (layer «{}», above it)",
                    used.line,
                    module.join("::"),
                    self.layers[own].name,
                    self.layers[theirs].name
                )),
            }
        }
    }
}

/// Allowlist entries nothing needed any more, and table entries that are no file.
fn stale_entries(
    upward_seen: &[bool],
    long_seen: &[bool],
    listed_seen: &BTreeMap<&str, bool>,
    lib: &str,
    problems: &mut Vec<String>,
) {
    for (seen, (file, target, _)) in upward_seen.iter().zip(UPWARD_ALLOWED) {
        if !seen {
            problems.push(format!(
                "allowlist entry no longer needed (remove it from UPWARD_ALLOWED): {file} uses `{target}`"
            ));
        }
    }
    for (seen, (file, _)) in long_seen.iter().zip(LONG_ALLOWED) {
        if !seen {
            problems.push(format!(
                "allowlist entry no longer needed (remove it from LONG_ALLOWED): {file}"
            ));
        }
    }
    for (listed, seen) in listed_seen {
        // A table entry may name a module (a file) or an item of the crate root (`Lang`).
        let is_item = !listed.contains("::") && lib.contains(&format!(" {listed} "));
        if !seen && !is_item {
            problems.push(format!(
                "ARCHITECTURE.md names `{listed}`, which is no file of a crate"
            ));
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_its_own_and_no_file_is_over_700_lines() {
    let architecture =
        std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let layers = layers(&architecture);
    let mut found = Found {
        upward_seen: vec![false; UPWARD_ALLOWED.len()],
        mutual_seen: vec![false; MUTUAL_ALLOWED.len()],
        long_seen: vec![false; LONG_ALLOWED.len()],
        listed_seen: layers
            .iter()
            .flat_map(|l| l.modules.iter().map(|m| (m.as_str(), false)))
            .collect(),
        problems: Vec::new(),
    };
    let mut libs = String::new();
    // The core's crate-root re-exports (`Lang` → `lang::Lang`), which the crates above
    // re-export in turn.
    let mut below = BTreeMap::new();
    for (dir, crate_root) in CRATES {
        let crate_root: Vec<String> = crate_root.iter().map(|s| s.to_string()).collect();
        let lib = check_crate(dir, &crate_root, &mut below, &layers, &mut found);
        libs.push_str(&lib);
    }
    let Found {
        upward_seen,
        mutual_seen,
        long_seen,
        listed_seen,
        mut problems,
    } = found;
    for (seen, (a, b, _)) in mutual_seen.iter().zip(MUTUAL_ALLOWED) {
        if !seen {
            problems.push(format!(
                "allowlist entry no longer needed (remove it from MUTUAL_ALLOWED): {a} and {b}"
            ));
        }
    }
    stale_entries(&upward_seen, &long_seen, &listed_seen, &libs, &mut problems);
    assert!(
        problems.is_empty(),
        "architecture (ARCHITECTURE.md, «Layers, bottom first»):\n  {}",
        problems.join("\n  ")
    );
}

/// What the crates' files showed: which allowlist and table entries were needed, and the problems.
struct Found<'a> {
    upward_seen: Vec<bool>,
    mutual_seen: Vec<bool>,
    long_seen: Vec<bool>,
    listed_seen: BTreeMap<&'a str, bool>,
    problems: Vec<String>,
}

/// Checks one crate's files (lengths, layers, uses); returns its `lib.rs`.
fn check_crate(
    dir: &str,
    crate_root: &[String],
    below: &mut BTreeMap<String, Vec<String>>,
    layers: &[Layer],
    found: &mut Found<'_>,
) -> String {
    let Found {
        upward_seen,
        mutual_seen,
        long_seen,
        listed_seen,
        problems,
    } = found;
    let src = root().join(dir);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let mut reexports = reexports(&lib);
    for target in reexports.values_mut() {
        if let [name] = target.as_slice()
            && let Some(further) = below.get(name)
        {
            *target = further.clone();
        }
    }
    if crate_root.is_empty() && below.is_empty() {
        below.clone_from(&reexports);
    }
    // `src/main.rs` and the modules it declares are another crate, the binary.
    let main = std::fs::read_to_string(src.join("main.rs")).unwrap_or_default();
    let binary: Vec<String> = std::iter::once("main".to_string())
        .chain(main.lines().filter_map(|l| {
            let name = l.trim().strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.to_string())
        }))
        .collect();
    let exists = |module: &[String], name: &str| {
        let inside = module.get(crate_root.len()..).unwrap_or_default();
        let dir = inside.iter().fold(src.clone(), |d, m| d.join(m));
        dir.join(format!("{name}.rs")).is_file() || dir.join(name).join("mod.rs").is_file()
    };
    // (module, a sibling module it uses): two siblings may not use each other.
    let mut sibling_uses: std::collections::BTreeSet<(Vec<String>, Vec<String>)> =
        std::collections::BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under the crate's sources");
        let shown = format!("{dir}/{}", relative.display());
        let text = std::fs::read_to_string(file).expect("a source file is UTF-8");

        let lines = text.lines().count();
        if lines > MAX_LINES {
            match LONG_ALLOWED.iter().position(|(f, _)| *f == shown) {
                Some(i) => long_seen[i] = true,
                None => problems.push(format!("{shown}: {lines} lines, over {MAX_LINES}")),
            }
        }

        let mut module = crate_root.to_vec();
        module.extend(module_of(relative));
        if let Some(seen) = listed_seen.get_mut(module.join("::").as_str()) {
            *seen = true;
        }
        if module.is_empty() || file.file_name().is_some_and(|n| n == "tests.rs") {
            continue; // the crate root declares and re-exports; unit tests may use anything
        }
        let Some(own) = layer_of(layers, &module) else {
            problems.push(format!(
                "{shown}: module `{}` is in no layer of ARCHITECTURE.md",
                module.join("::")
            ));
            continue;
        };
        if binary.iter().any(|b| module.first() == Some(b)) {
            continue; // the binary's own crate: the top layer, it may use every layer
        }
        let context = Context {
            layers,
            crate_root,
            exists: &exists,
            reexports: &reexports,
        };
        context.check_uses(&shown, &module, own, &text, upward_seen, problems);
        for sibling in context.siblings_used(&module, &text) {
            sibling_uses.insert((module.clone(), sibling));
        }
    }
    for (a, b) in &sibling_uses {
        if a < b && sibling_uses.contains(&(b.clone(), a.clone())) {
            let (a, b) = (a.join("::"), b.join("::"));
            match MUTUAL_ALLOWED
                .iter()
                .position(|(x, y, _)| *x == a && *y == b)
            {
                Some(i) => mutual_seen[i] = true,
                None => problems.push(format!(
                    "{a} and {b} use each other: one of them is below the other"
                )),
            }
        }
    }
    lib
}

#[test]
fn use_trees_expand_and_resolve() {
    assert_eq!(
        expand("crate::{document::{Block, markdown}, rules as r, self}"),
        [
            "crate::document::Block",
            "crate::document::markdown",
            "crate::rules",
            "crate"
        ]
    );
    let module = vec![
        "document".to_string(),
        "docx".to_string(),
        "body".to_string(),
    ];
    let none = |_: &[String], _: &str| false;
    let no_reexports = BTreeMap::new();
    assert_eq!(
        resolve("super::super::ReadError", &module, &none, &no_reexports),
        Some(vec!["document".to_string(), "ReadError".to_string()])
    );
    assert_eq!(resolve("std::fmt", &module, &none, &no_reexports), None);
    let code = code_lines(
        "use crate::a; // crate::b\nlet x = \"//\"; crate::c::D::new();\n/* crate::e */\ndocx::read(p, $crate::g::h, std::mem::take(x));\n#[cfg(test)]\nmod tests {\n    use crate::f;\n}\n",
    );
    let paths: Vec<String> = uses(&code).into_iter().map(|u| u.path).collect();
    assert_eq!(
        paths,
        [
            "crate::a",
            "crate::c::D::new",
            "docx::read",
            "std::mem::take"
        ]
    );
    // A call by a child module's path is placed like a `use` of it: the document model
    // calling a reader is a use of the readers' layer.
    let model = vec!["document".to_string()];
    let child = |module: &[String], name: &str| module == ["document"] && name == "docx";
    assert_eq!(
        resolve("docx::read", &model, &child, &no_reexports),
        Some(vec![
            "document".to_string(),
            "docx".to_string(),
            "read".to_string()
        ])
    );
    assert_eq!(resolve("Vec::new", &model, &child, &no_reexports), None);
}
