//! tenderlint: checks draft tender documents against versioned rule sets.
//!
//! Data flows one way: paths → [`tender`] (which files) → [`document`] readers →
//! [`engine`] with compiled [`rules`] → [`findings`] → reporters in [`report`].
//! The library never prints; the binary decides what to show and the exit status.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod config;
pub mod document;
pub mod engine;
pub mod extract;
pub mod findings;
pub mod fixes;
pub mod report;
pub mod rules;
pub mod selftest;
pub mod serve;
pub mod settings;
mod sha256;
pub mod source;
pub mod text;
pub mod waivers;

/// The languages messages and suggestions come in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// `nb`, `no`, `nn`, `en`, or a locale such as `nb_NO.UTF-8`.
    pub fn parse(value: &str) -> Option<Lang> {
        let lower = value.trim().to_ascii_lowercase();
        let head = lower.split(['_', '-', '.']).next().unwrap_or("");
        match head {
            "nb" | "no" | "nob" | "bokmål" | "bokmal" => Some(Lang::Nb),
            "nn" | "nno" | "nynorsk" => Some(Lang::Nn),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

pub mod check;
pub mod tender;

pub use check::{
    CheckOptions, Progress, ProgressSink, StdinFile, check_contents, check_documents, check_paths,
};
