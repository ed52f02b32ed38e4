//! tenderlint in the browser: the core's check over the files the page read,
//! and the report crate's renderers for its downloads, behind the small
//! wasm-bindgen API that `src/serve/page/checker.js` calls when the page is the
//! static build (`scripts/build-web.sh`). The page hands in bytes and gets back
//! JSON or a report's bytes; nothing here reaches the network or any storage.
//!
//! What a check gives is what `tenderlint serve` gives for the same files: the
//! embedded default rule sets, the files under their own names, a notice when a
//! newer built-in rule set exists, and no tender at all when no file could be read.
#![warn(missing_docs)]

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;
use tenderlint_core::findings::CheckReport;
use tenderlint_core::rules::{self, RuleSet};
use tenderlint_core::{CheckOptions, Lang};
use tenderlint_report::{Format, RenderOptions};
use wasm_bindgen::prelude::*;

/// The embedded sets' validated model, written by build.rs.
static COMPILED_RULE_SETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rulesets.postcard"));

/// The embedded default rule sets, decoded once per page from their compiled form.
fn rule_sets() -> Result<&'static [RuleSet], JsError> {
    static SETS: OnceLock<Result<Vec<RuleSet>, String>> = OnceLock::new();
    SETS.get_or_init(|| {
        rules::embedded::use_compiled(COMPILED_RULE_SETS);
        rules::embedded::load_defaults().map_err(|e| e.to_string())
    })
    .as_deref()
    .map_err(|e| JsError::new(e))
}

/// `nb`, `nn` or `en`; an empty string is the page's default (bokmål).
fn lang(value: &str) -> Result<Lang, JsError> {
    if value.trim().is_empty() {
        return Ok(Lang::default());
    }
    Lang::parse(value)
        .ok_or_else(|| JsError::new(&format!("unknown language `{value}` (use nb, nn or en)")))
}

/// The rule sets, services and categories in `lang`, as `GET /api/rules`
/// answers them (without an upload limit: nothing is uploaded).
#[wasm_bindgen]
pub fn catalogue(lang_name: &str) -> Result<String, JsError> {
    let lang = lang(lang_name)?;
    let catalogue = tenderlint_report::catalogue::catalogue(rule_sets()?, lang, &[], None, false);
    Ok(catalogue.to_string())
}

/// The download's file name in `lang`, as `tenderlint serve` names it.
#[wasm_bindgen(js_name = reportFileName)]
pub fn report_file_name(format: &str, lang_name: &str) -> Result<String, JsError> {
    let (_, extension) = download_format(format)?;
    let stem = tenderlint_report::i18n::word(lang(lang_name)?, "report-file-stem");
    Ok(format!("{stem}.{extension}"))
}

/// The formats the page downloads, and their file extensions.
fn download_format(name: &str) -> Result<(Format, &'static str), JsError> {
    Ok(match name {
        "docx" => (Format::Docx, "docx"),
        "html" => (Format::Html, "html"),
        "json" => (Format::Json, "json"),
        "markdown" | "md" => (Format::Markdown, "md"),
        _ => {
            return Err(JsError::new(&format!(
                "unknown report format `{name}` (use docx, html, json or markdown)"
            )));
        }
    })
}

/// The files of one tender, as the page read them.
#[wasm_bindgen]
#[derive(Default)]
pub struct Tender {
    files: Vec<(PathBuf, Vec<u8>)>,
    taken: HashSet<String>,
}

#[wasm_bindgen]
impl Tender {
    /// No files yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Tender {
        Tender::default()
    }

    /// One file: its name (which chooses the reader and names it in evidence) and its bytes.
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) {
        let index = self.files.len() + 1;
        let name = tenderlint_core::check::upload_name(Some(name), index, &mut self.taken);
        self.files.push((PathBuf::from(name), bytes));
    }

    /// Checks the files as one tender for `services` (comma-separated ids; none
    /// lets the check find them in the text) on `today` (`YYYY-MM-DD`, the day
    /// inline waivers expire by). Refused, naming each file's error in `lang`
    /// (`nb`, `nn`, `en`; empty for bokmål), when none of the files could be read.
    pub fn check(&self, services: &str, today: &str, lang_name: &str) -> Result<Checked, JsError> {
        let sets = rule_sets()?;
        let today = tenderlint_core::date::parse(today)
            .ok_or_else(|| JsError::new(&format!("`{today}` is not a YYYY-MM-DD date")))?;
        let wanted: Vec<String> = services
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let (services, origin) = tenderlint_core::check::resolve_services(&wanted, None, sets)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let mut options = CheckOptions::default();
        options.engine.services = services;
        options.engine.services_origin = origin;
        options.newer_versions = true;
        options.today = Some(today);
        let report = tenderlint_core::check_contents(&self.files, sets, &options);
        if report.files.iter().all(|f| f.error.is_some()) {
            // Said as the server says it: in the page's language, each file's error worded.
            let lang = lang(lang_name)?;
            let mut message = tenderlint_report::i18n::word(lang, "none-readable").to_string();
            for file in &report.files {
                message.push_str(&format!(
                    "\n{}: {}",
                    file.path,
                    tenderlint_report::i18n::unreadable(file, lang)
                ));
            }
            return Err(JsError::new(&message));
        }
        Ok(Checked {
            report,
            files: self.files.clone(),
            today,
        })
    }
}

/// A tender checked: its result, rendered on demand in the page's language, and
/// its files, for the review.
#[wasm_bindgen]
pub struct Checked {
    report: CheckReport,
    files: Vec<(PathBuf, Vec<u8>)>,
    today: tenderlint_core::date::Date,
}

/// A file for the page to download.
#[wasm_bindgen]
pub struct Download {
    bytes: Vec<u8>,
    name: String,
    content_type: &'static str,
}

#[wasm_bindgen]
impl Download {
    /// Its content.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.clone()
    }

    /// Its file name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// Its media type.
    #[wasm_bindgen(getter, js_name = contentType)]
    pub fn content_type(&self) -> String {
        self.content_type.into()
    }
}

#[wasm_bindgen]
impl Checked {
    /// The result as `tenderlint check --format json` writes it, in `lang`.
    pub fn json(&self, lang_name: &str) -> Result<String, JsError> {
        let options = RenderOptions {
            lang: lang(lang_name)?,
            date: Some(self.today),
            // The page shows the services line; there they are its checkboxes.
            services_change: tenderlint_report::common::ServicesChange::Page,
            ..RenderOptions::default()
        };
        let bytes = tenderlint_report::render(&self.report, Format::Json, &options);
        String::from_utf8(bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// A report to download (`docx`, `html`, `json` or `markdown`) in `lang`.
    pub fn render(&self, format: &str, lang_name: &str) -> Result<Vec<u8>, JsError> {
        let (format, _) = download_format(format)?;
        Ok(self.render_as(format, lang(lang_name)?))
    }
}

#[wasm_bindgen]
impl Checked {
    /// «Last ned dokumentene med kommentarer», as `POST /api/review` answers it:
    /// one Word file's reviewed copy as itself, several files (or Markdown, as a
    /// diff) as one zip; refused, naming each file, when none could be reviewed.
    pub fn review(&self) -> Result<Download, JsError> {
        use tenderlint_report::review;
        let date = review::revision_date(Some(self.today));
        let outcomes = review::review_contents(&self.files, &self.report, rule_sets()?, &date);
        let d = review::download(outcomes).map_err(|e| match e {
            review::ReviewDownloadError::NothingReviewed(why)
            | review::ReviewDownloadError::Zip(why) => JsError::new(&why),
        })?;
        Ok(Download {
            bytes: d.bytes,
            name: d.name,
            content_type: d.content_type,
        })
    }
}

impl Checked {
    fn render_as(&self, format: Format, lang: Lang) -> Vec<u8> {
        let options = RenderOptions {
            lang,
            // The day the check was made: reports carry it, and the browser has no
            // clock the renderers could ask.
            date: Some(self.today),
            ..RenderOptions::default()
        };
        tenderlint_report::render(&self.report, format, &options)
    }
}

/// Tenders side by side (issue 28, the page's «Sammenlign»): each added as the
/// page checked it, then laid out and rendered as `tenderlint compare` and
/// `POST /api/compare` lay them out.
#[wasm_bindgen]
#[derive(Default)]
pub struct Region {
    tenders: Vec<(String, CheckReport)>,
    today: Option<tenderlint_core::date::Date>,
}

#[wasm_bindgen]
impl Region {
    /// No tenders yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Region {
        Region::default()
    }

    /// A tender the page checked, under `name`.
    pub fn add(&mut self, name: &str, checked: &Checked) {
        self.tenders
            .push((name.to_string(), checked.report.clone()));
        self.today = Some(checked.today);
    }

    /// The comparison as `json`, `xlsx`, `html` or `markdown`, in `lang`.
    pub fn render(&self, format: &str, lang_name: &str) -> Result<Download, JsError> {
        use tenderlint_report::compare::{self, CompareFormat};
        let lang = lang(lang_name)?;
        let format = CompareFormat::parse(format)
            .filter(|f| *f != CompareFormat::Human)
            .ok_or_else(|| {
                JsError::new(&format!(
                    "unknown comparison format `{format}` (use json, xlsx, html or markdown)"
                ))
            })?;
        let comparison = tenderlint_core::compare::Comparison::of(
            self.tenders.iter().map(|(n, r)| (n.as_str(), r)),
            None,
        );
        let options = RenderOptions {
            lang,
            date: self.today,
            ..RenderOptions::default()
        };
        let bytes = compare::render(&comparison, format, &options, false)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Download {
            bytes,
            name: format.file_name(lang),
            content_type: format.media_type(),
        })
    }
}
