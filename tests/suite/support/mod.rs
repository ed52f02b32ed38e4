//! Helpers shared by several areas of the suite.

pub mod accuracy;
pub mod docx;
pub mod tender;
