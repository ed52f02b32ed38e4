//! Helpers shared by several areas of the suite.

pub(crate) mod accuracy;
pub(crate) mod docx;
pub(crate) mod tender;
