//! Reporters: one findings model, one renderer per format. A reporter knows
//! nothing of DOCX or YAML; it renders a [`CheckReport`] into bytes.

pub mod baseline;
pub mod brief;
pub mod common;
pub mod compact;
pub mod docx;
pub mod explain;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod requirements;
pub mod sarif;

use crate::Lang;
use crate::findings::CheckReport;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Junit,
    Gitlab,
    Github,
    Compact,
    Markdown,
    Html,
    Docx,
    /// The missing and weak rules as a requirement table to paste (Markdown).
    RequirementsMd,
    /// The same table as a Word document.
    RequirementsDocx,
}

impl Format {
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

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

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
pub struct RenderOptions {
    pub lang: Lang,
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
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::Nb,
            color: false,
            width: 100,
            quiet: false,
            verbose: false,
            date: None,
        }
    }
}

/// Renders a report in a format.
pub fn render(report: &CheckReport, format: Format, options: &RenderOptions) -> Vec<u8> {
    match format {
        Format::Human if options.verbose => human::render(report, options).into_bytes(),
        Format::Human => brief::render(report, options).into_bytes(),
        Format::Json => json::render(report, options.lang).into_bytes(),
        Format::Sarif => sarif::render(report, options.lang).into_bytes(),
        Format::Junit => junit::render(report, options.lang).into_bytes(),
        Format::Gitlab => gitlab::render(report, options.lang).into_bytes(),
        Format::Github => github::render(report, options.lang).into_bytes(),
        Format::Compact => compact::render(report, options.lang).into_bytes(),
        Format::Markdown => markdown::render(report, options.lang).into_bytes(),
        Format::Html => html::render(report, options).into_bytes(),
        Format::Docx => docx::render(report, options),
        Format::RequirementsMd | Format::RequirementsDocx => {
            render_requirements(report, format, requirements::DEFAULT_ID_PREFIX).unwrap_or_default()
        }
    }
}

/// The requirement-table formats with ids after `id_prefix` (`K-9.` gives
/// K-9.1, K-9.2 …); `None` for the other formats.
pub fn render_requirements(
    report: &CheckReport,
    format: Format,
    id_prefix: &str,
) -> Option<Vec<u8>> {
    match format {
        Format::RequirementsMd => {
            Some(requirements::render_markdown(report, id_prefix).into_bytes())
        }
        Format::RequirementsDocx => Some(requirements::render_docx(report, id_prefix)),
        _ => None,
    }
}
