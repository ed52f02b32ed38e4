//! Reporters: one findings model, one renderer per format. A reporter knows
//! nothing of DOCX or YAML; it renders a [`CheckReport`] into bytes. Every
//! renderer is a [`Renderer`]; none uses another: what they share is in
//! `common` (issues, places, suggestions), `i18n` (words, category titles) and
//! `baseline` (the baseline's words).
#![warn(missing_docs)]

// The core's modules by the paths the renderers were written with (`crate::findings::…`).
pub(crate) use tenderlint_core::{
    Lang, check, document, engine, findings, fixes, policy, rules, text,
};

/// The calendar day a report carries: the core's dates, and today, which only
/// the layers above the core may ask the system for.
pub(crate) mod date {
    pub use tenderlint_core::date::Date;

    /// Today in the user's time zone (`TZ`, else the system's; UTC when neither is known).
    pub fn today() -> Date {
        let now = std::time::SystemTime::now();
        match jiff::ZonedDateTime::try_from(now) {
            Ok(zoned) => zoned.date(),
            // A clock beyond the years jiff holds (±9999) is not worth a panic.
            Err(_) if now > std::time::UNIX_EPOCH => Date::MAX,
            Err(_) => Date::MIN,
        }
    }
}
pub use date::today;

pub mod baseline;
pub mod brief;
pub mod catalogue;
pub mod common;
pub mod compact;
pub mod compare;
pub mod docx;
pub mod explain;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod i18n;
pub mod json;
pub mod junit;
pub mod markdown;
mod paint;
pub mod requirements;
pub mod review;
pub mod sarif;

use crate::findings::CheckReport;

// Which files are reports is the reading's question (the core's `check`); the
// reporters write the same marker.
pub use crate::check::{REPORT_MARKER, is_marked_text};

/// The comment Markdown and HTML reports start with.
pub fn marker_comment() -> String {
    format!(
        "<!-- {REPORT_MARKER}: written by tenderlint {}; not read as tender text -->",
        env!("CARGO_PKG_VERSION")
    )
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The terminal report with snippets.
    Human,
    /// The whole report as JSON.
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// JUnit XML: a test suite per rule set, a test case per rule.
    Junit,
    /// GitLab Code Quality.
    Gitlab,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One line per finding, `file:line:col: severity [RULE] message`.
    Compact,
    /// A Markdown report.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// A Word report.
    Docx,
    /// The missing and weak rules as a requirement table to paste (Markdown).
    RequirementsMd,
    /// The same table as a Word document.
    RequirementsDocx,
}

impl Format {
    /// Every format with the name `--format` takes.
    pub const ALL: &[(&str, Format)] = &[
        ("human", Format::Human),
        ("json", Format::Json),
        ("sarif", Format::Sarif),
        ("junit", Format::Junit),
        ("gitlab", Format::Gitlab),
        ("github", Format::Github),
        ("compact", Format::Compact),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("docx", Format::Docx),
        ("requirements-md", Format::RequirementsMd),
        ("requirements-docx", Format::RequirementsDocx),
    ];

    /// The format of a `--format` name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// The `--format` name of a format.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(n, _)| *n)
            .unwrap_or("human")
    }
}

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The language the report is worded in.
    pub lang: Lang,
    /// Colour in the terminal reports (the binary decides).
    pub color: bool,
    /// Terminal width for wrapping human output.
    pub width: usize,
    /// Human output: only what fails (and the summary).
    pub quiet: bool,
    /// Human output: every rule in full instead of the brief report.
    pub verbose: bool,
    /// The date HTML and Word reports show; `None` is today. Tests fix it so
    /// that output is reproducible.
    pub date: Option<common::Date>,
    /// The requirement tables: ids after this prefix (`K-9.` gives K-9.1, K-9.2 …).
    pub id_prefix: &'a str,
    /// The JSON's services line: where its reader changes the services (the page
    /// that shows it says «the checkboxes», a file read anywhere the flag or the
    /// configuration).
    pub services_change: common::ServicesChange,
}

impl Default for RenderOptions<'_> {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::Nb,
            color: false,
            width: 100,
            quiet: false,
            verbose: false,
            date: None,
            id_prefix: requirements::DEFAULT_ID_PREFIX,
            services_change: common::ServicesChange::Any,
        }
    }
}

impl Format {
    /// Formats CI systems read: their paths are relative to the repository root.
    pub fn is_ci(self) -> bool {
        matches!(
            self,
            Format::Sarif | Format::Junit | Format::Gitlab | Format::Github | Format::Compact
        )
    }
}

/// The repository a path lies in: the nearest directory upward from `start`
/// that holds `.git`, else `start` itself. CI systems resolve report paths from there.
pub fn repository_root(start: &std::path::Path) -> std::path::PathBuf {
    let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&start)
        .to_path_buf()
}

/// The report with every file path relative to `root` (paths given relative are
/// taken from `cwd`); a path outside `root` is kept as it was.
pub fn relative_to(
    report: &CheckReport,
    root: &std::path::Path,
    cwd: &std::path::Path,
) -> CheckReport {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Many evidence items share a file: resolve each path once.
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut rel = |p: &str| -> String {
        if let Some(done) = seen.get(p) {
            return done.clone();
        }
        let path = std::path::Path::new(p);
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            cwd.join(path)
        };
        let absolute = absolute.canonicalize().unwrap_or(absolute);
        let done = match absolute.strip_prefix(&root) {
            Ok(r) if !r.as_os_str().is_empty() => r.to_string_lossy().replace('\\', "/"),
            _ => p.to_string(),
        };
        seen.insert(p.to_string(), done.clone());
        done
    };
    let mut out = report.clone();
    for f in &mut out.files {
        f.path = rel(&f.path);
    }
    for r in &mut out.results {
        for e in &mut r.evidence {
            e.file = rel(&e.file);
        }
    }
    for o in &mut out.services.origins {
        if let Some(f) = &mut o.file {
            *f = rel(f);
        }
    }
    out.sources = out.sources.into_iter().map(|(k, v)| (rel(&k), v)).collect();
    out
}

/// What every format's renderer is.
pub type Renderer = fn(&CheckReport, &RenderOptions<'_>) -> Vec<u8>;

/// The renderer of a format (`--verbose` turns the brief terminal report into the full one).
fn renderer(format: Format, options: &RenderOptions<'_>) -> Renderer {
    match format {
        Format::Human if options.verbose => human::render,
        Format::Human => brief::render,
        Format::Json => json::render,
        Format::Sarif => sarif::render,
        Format::Junit => junit::render,
        Format::Gitlab => gitlab::render,
        Format::Github => github::render,
        Format::Compact => compact::render,
        Format::Markdown => markdown::render,
        Format::Html => html::render,
        Format::Docx => docx::render,
        Format::RequirementsMd => requirements::render_markdown,
        Format::RequirementsDocx => requirements::render_docx,
    }
}

/// Renders a report in a format.
pub fn render(report: &CheckReport, format: Format, options: &RenderOptions<'_>) -> Vec<u8> {
    renderer(format, options)(report, options)
}

/// The requirement-table formats with ids after `id_prefix` (`K-9.` gives
/// K-9.1, K-9.2 …); `None` for the other formats.
pub fn render_requirements(
    report: &CheckReport,
    format: Format,
    id_prefix: &str,
) -> Option<Vec<u8>> {
    matches!(format, Format::RequirementsMd | Format::RequirementsDocx).then(|| {
        render(
            report,
            format,
            &RenderOptions {
                id_prefix,
                ..RenderOptions::default()
            },
        )
    })
}

#[cfg(test)]
mod tests;
