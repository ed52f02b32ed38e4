//! Reporters: one findings model, one renderer per format. A reporter knows
//! nothing of DOCX or YAML; it renders a [`CheckReport`] into bytes.

pub mod explain;
pub mod human;
pub mod json;

use crate::Lang;
use crate::findings::CheckReport;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Json,
}

impl Format {
    pub const ALL: &[(&str, Format)] = &[("human", Format::Human), ("json", Format::Json)];

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
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::Nb,
            color: false,
            width: 100,
            quiet: false,
        }
    }
}

/// Renders a report in a format.
pub fn render(report: &CheckReport, format: Format, options: &RenderOptions) -> Vec<u8> {
    match format {
        Format::Human => human::render(report, options).into_bytes(),
        Format::Json => json::render(report, options.lang).into_bytes(),
    }
}
