//! Rules the compiler or the architecture test alone do not hold: the two lints that keep
//! each crate's public surface small and documented stay on everywhere (issue 26), and the
//! 700-line cap of `architecture` covers the page's own JavaScript, CSS and HTML and the
//! browser drivers, not only Rust.

use crate::architecture::MAX_LINES;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` whose name ends in one of `endings`, `node_modules` left out.
fn files(dir: &Path, endings: &[&str], out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if path.is_dir() {
            if name.as_deref() != Some("node_modules") {
                files(&path, endings, out);
            }
        } else if name.is_some_and(|n| endings.iter().any(|e| n.ends_with(e))) {
            out.push(path);
        }
    }
}

/// The library crates and where their sources are: each keeps both lints on.
const CRATES: &[(&str, &str)] = &[
    ("crates/core", "src"),
    ("crates/report", "src"),
    ("crates/web", "src"),
    (".", "src"),
];

/// An attribute that switches a lint off (`allow`, `expect`) or down, as written in code.
fn switches_off(code: &str, lint: &str) -> bool {
    let code = code.split("//").next().unwrap_or_default();
    code.contains(lint)
        && ["allow(", "expect(", "cfg_attr("]
            .iter()
            .any(|attr| code.contains(attr))
}

#[test]
fn every_crate_keeps_unreachable_pub_and_missing_docs_on() {
    let mut problems = Vec::new();
    let workspace = read(&root().join("Cargo.toml"));
    if !workspace
        .lines()
        .any(|l| l.trim() == "unreachable_pub = \"warn\"")
    {
        problems.push("Cargo.toml: [workspace.lints.rust] lacks unreachable_pub = \"warn\"".into());
    }
    for (dir, src) in CRATES {
        let manifest = root().join(dir).join("Cargo.toml");
        if !read(&manifest).contains("[lints]\nworkspace = true") {
            problems.push(format!(
                "{dir}/Cargo.toml: takes no [lints] from the workspace"
            ));
        }
        let src = root().join(dir).join(src);
        if !read(&src.join("lib.rs"))
            .lines()
            .any(|l| l.trim() == "#![warn(missing_docs)]")
        {
            problems.push(format!("{dir}/src/lib.rs: no #![warn(missing_docs)]"));
        }
        let mut sources = Vec::new();
        files(&src, &[".rs"], &mut sources);
        for file in sources {
            for (n, line) in read(&file).lines().enumerate() {
                for lint in ["missing_docs", "unreachable_pub"] {
                    if switches_off(line, lint) {
                        let shown = file.strip_prefix(root()).unwrap_or(&file).display();
                        problems.push(format!("{shown}:{}: switches {lint} off", n + 1));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_page_asset_or_browser_driver_is_over_700_lines() {
    let mut checked = Vec::new();
    files(
        &root().join("src/serve/page"),
        &[".js", ".css", ".html", ".svg"],
        &mut checked,
    );
    files(
        &root().join("tests/browser"),
        &[".mjs", ".js"],
        &mut checked,
    );
    assert!(
        checked.iter().any(|f| f.ends_with("app.js")) && checked.len() > 5,
        "the page's assets and the drivers were not found: {checked:?}"
    );
    let over: Vec<String> = checked
        .iter()
        .filter_map(|f| {
            let lines = read(f).lines().count();
            let shown = f.strip_prefix(root()).unwrap_or(f).display();
            (lines > MAX_LINES).then(|| format!("{shown}: {lines} lines, over {MAX_LINES}"))
        })
        .collect();
    assert!(over.is_empty(), "{}", over.join("\n"));
}
