//! The languages tenderlint speaks: a bottom layer every stage may name.

/// The languages messages and suggestions come in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål (`nb`), the default.
    #[default]
    Nb,
    /// Norwegian nynorsk (`nn`).
    Nn,
    /// English (`en`).
    En,
}

impl Lang {
    /// The language's code as tenderlint writes it: `nb`, `nn` or `en`.
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
