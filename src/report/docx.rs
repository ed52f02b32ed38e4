//! Word report (work in progress).
use super::RenderOptions;
use crate::findings::CheckReport;

pub fn render(_report: &CheckReport, _options: &RenderOptions) -> Vec<u8> {
    Vec::new()
}
