//! The HTTP API: upload parsing, checks on the blocking pool, answers as JSON
//! or as a report download. Every failure is a JSON `{"error": …}` with a
//! status that says whose fault it is; nothing a request sends can panic here.

use super::ServeOptions;
use crate::Lang;
use crate::findings::CheckReport;
use crate::report::{self, Format, RenderOptions};
use crate::rules::{self, RuleSet};
use crate::settings::{self, Settings};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{FromRequest, Request};
use axum::extract::{Query, rejection::QueryRejection};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

type AppState = axum::extract::State<Arc<State>>;

pub(super) struct State {
    options: ServeOptions,
    /// Checks running at once; more wait. Each check is already parallel, so
    /// running more than the cores only shares them thinner and holds more uploads.
    checks: Arc<tokio::sync::Semaphore>,
}

impl State {
    pub(super) fn new(options: ServeOptions) -> State {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        State {
            options,
            checks: Arc::new(tokio::sync::Semaphore::new(cores.max(2))),
        }
    }
}

/// An answer that is not a result.
struct ApiError {
    status: StatusCode,
    message: String,
    /// The files and why they could not be read, when none could.
    files: Option<Vec<crate::findings::FileEntry>>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            files: None,
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            files: Option<Vec<crate::findings::FileEntry>>,
        }
        let body = Body {
            error: self.message,
            files: self.files,
        };
        (self.status, axum::Json(body)).into_response()
    }
}

pub(super) async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "no such page or API route").into_response()
}

pub(super) async fn method_not_allowed() -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this route does not take that method",
    )
    .into_response()
}

pub(super) async fn health() -> Response {
    axum::Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
    }))
    .into_response()
}

#[derive(Deserialize)]
pub(super) struct LangQuery {
    lang: Option<String>,
}

/// The rule sets and rules the server checks with, the services they know, the
/// categories by title, and the defaults the page starts from.
pub(super) async fn rules(
    state: AppState,
    query: Result<Query<LangQuery>, QueryRejection>,
) -> Response {
    let lang = match query {
        Ok(Query(q)) => match parse_lang(q.lang.as_deref()) {
            Ok(l) => l,
            Err(e) => return e.into_response(),
        },
        Err(e) => return ApiError::bad_request(e.body_text()).into_response(),
    };
    let settings = &state.options.settings;
    let lang = lang.or(state.options.lang).unwrap_or_default();
    axum::Json(catalogue(settings, lang, state.options.lang)).into_response()
}

fn catalogue(settings: &Settings, lang: Lang, configured: Option<Lang>) -> serde_json::Value {
    use serde_json::json;
    let mut services = Vec::new();
    let mut seen = HashSet::new();
    let mut categories = Vec::new();
    let mut seen_categories = HashSet::new();
    for set in &settings.rulesets {
        for s in &set.services {
            if seen.insert(s.id.clone()) {
                services.push(json!({"id": s.id, "name": s.name.get(lang)}));
            }
        }
        for r in &set.rules {
            if seen_categories.insert(r.category.clone()) {
                categories.push(json!({
                    "id": r.category,
                    "title": report::i18n::category_title_in(&set.categories, &r.category, lang),
                }));
            }
        }
    }
    let rulesets: Vec<serde_json::Value> = settings
        .rulesets
        .iter()
        .map(|set| {
            json!({
                "id": set.id,
                "version": set.version.to_string(),
                "title": set.title.get(lang),
                "origin": set.origin,
                "rules": set.rules.iter().map(|r| json!({
                    "id": r.id,
                    "title": r.title.get(lang),
                    "category": r.category,
                    "severity": r.severity,
                    "kind": r.kind,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang,
        "rulesets": rulesets,
        "services": services,
        "categories": categories,
        "defaults": {
            "lang": configured,
            "services": settings.options.engine.services,
            "configuration": settings.config.as_ref().map(|c| c.path.display().to_string()),
        },
        "embedded": rules::embedded::available()
            .into_iter()
            .map(|(id, version)| format!("{id}@{version}"))
            .collect::<Vec<_>>(),
    })
}

fn parse_lang(value: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => Lang::parse(v).map(Some).ok_or_else(|| {
            ApiError::bad_request(format!("unknown language `{v}` (use nb, nn or en)"))
        }),
    }
}

/// A parsed upload: the tender's files and what the request asks for.
struct Upload {
    files: Vec<(PathBuf, Vec<u8>)>,
    services: Vec<String>,
    lang: Option<Lang>,
    rulesets: Vec<String>,
}

/// How much of an oversize upload is still read (and thrown away) before the
/// 413 goes out: a client that is cut off mid-upload sees a reset connection
/// instead of the answer, so on loopback it is kinder to let it finish.
const DRAIN_BEYOND_LIMIT: u64 = 256 * 1024 * 1024;

/// The request body, whole, if it is within `max_upload` bytes.
async fn read_body(request: Request, max_upload: usize) -> Result<Request, ApiError> {
    use http_body_util::BodyExt;
    let limit = max_upload as u64;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit.saturating_add(DRAIN_BEYOND_LIMIT)) {
        return Err(too_large(max_upload));
    }
    let (parts, mut body) = request.into_parts();
    let mut kept = Vec::new();
    let mut seen: u64 = 0;
    while let Some(frame) = body.frame().await {
        let frame =
            frame.map_err(|e| ApiError::bad_request(format!("cannot read the upload: {e}")))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len() as u64);
        if seen > limit.saturating_add(DRAIN_BEYOND_LIMIT) {
            break;
        }
        if seen <= limit {
            kept.extend_from_slice(&data);
        }
    }
    if seen > limit {
        return Err(too_large(max_upload));
    }
    Ok(Request::from_parts(parts, axum::body::Body::from(kept)))
}

async fn read_upload(request: Request, max_upload: usize) -> Result<Upload, ApiError> {
    let request = read_body(request, max_upload).await?;
    let mut multipart =
        Multipart::from_request(request, &())
            .await
            .map_err(|e: MultipartRejection| {
                ApiError::bad_request(format!(
                    "{} (send multipart/form-data with one `files` part per file)",
                    e.body_text()
                ))
            })?;
    let mut upload = Upload {
        files: Vec::new(),
        services: Vec::new(),
        lang: None,
        rulesets: Vec::new(),
    };
    let mut names = HashSet::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(&e, max_upload)),
        };
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "files" | "files[]" | "file" => {
                let file_name = upload_name(field.file_name(), upload.files.len() + 1, &mut names);
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| multipart_error(&e, max_upload))?;
                upload
                    .files
                    .push((PathBuf::from(file_name), bytes.to_vec()));
            }
            "services" | "lang" | "ruleset" => {
                let text = field
                    .text()
                    .await
                    .map_err(|e| multipart_error(&e, max_upload))?;
                match name.as_str() {
                    "services" => upload.services.extend(
                        text.split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    ),
                    "lang" => upload.lang = parse_lang(Some(&text))?,
                    _ => upload.rulesets.extend(
                        text.split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    ),
                }
            }
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown form field `{other}` (use files, services, lang, ruleset)"
                )));
            }
        }
    }
    if upload.files.is_empty() {
        return Err(ApiError::bad_request(
            "no files: send the tender's Word or Markdown files as `files` parts",
        ));
    }
    Ok(upload)
}

fn too_large(max_upload: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "the upload is larger than the {} MiB this server accepts (tenderlint serve --max-upload)",
            max_upload / (1024 * 1024)
        ),
    )
}

fn multipart_error(e: &axum::extract::multipart::MultipartError, max_upload: usize) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(max_upload)
    } else {
        ApiError::new(
            e.status(),
            format!("cannot read the upload: {}", e.body_text()),
        )
    }
}

/// The uploaded file's own name without any directory part, so evidence names
/// the file the user chose and no name can point outside the upload; a second
/// file of the same name gets a number.
fn upload_name(raw: Option<&str>, index: usize, taken: &mut HashSet<String>) -> String {
    let base = raw.unwrap_or("").rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    let mut name = if clean.is_empty() || clean == "." || clean == ".." {
        format!("upload-{index}")
    } else {
        clean.to_string()
    };
    if taken.contains(&name) {
        let (stem, ext) = match name.rfind('.') {
            Some(dot) if dot > 0 => (name[..dot].to_string(), name[dot..].to_string()),
            _ => (name.clone(), String::new()),
        };
        let mut n = 2;
        while taken.contains(&format!("{stem} ({n}){ext}")) {
            n += 1;
        }
        name = format!("{stem} ({n}){ext}");
    }
    taken.insert(name.clone());
    name
}

/// The rule sets a request names: embedded ones only, so a request can never
/// make the server read a file of its choosing.
fn request_rulesets(references: &[String]) -> Result<Vec<RuleSet>, ApiError> {
    let embedded = rules::embedded::available();
    for reference in references {
        let id = reference.split('@').next().unwrap_or("");
        if !embedded.iter().any(|(known, _)| *known == id) {
            return Err(ApiError::bad_request(format!(
                "unknown rule set `{reference}`; the server checks with embedded sets only (see GET /api/rules)"
            )));
        }
    }
    settings::load_rulesets(references).map_err(|errors| {
        let messages: Vec<String> = errors
            .iter()
            .flat_map(|e| {
                e.error
                    .problems
                    .iter()
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
        ApiError::bad_request(messages.join("; "))
    })
}

/// Checks an upload with the server's settings on the blocking pool, within the time limit.
async fn run_check(state: &Arc<State>, upload: Upload) -> Result<(CheckReport, Lang), ApiError> {
    let lang = upload.lang.or(state.options.lang).unwrap_or_default();
    let custom_sets = if upload.rulesets.is_empty() {
        None
    } else {
        Some(request_rulesets(&upload.rulesets)?)
    };
    let sets = custom_sets
        .as_deref()
        .unwrap_or(&state.options.settings.rulesets);
    let known: Vec<&str> = sets
        .iter()
        .flat_map(|s| s.services.iter().map(|service| service.id.as_str()))
        .collect();
    if let Some(unknown) = upload
        .services
        .iter()
        .find(|s| !known.contains(&s.as_str()))
    {
        return Err(ApiError::bad_request(format!(
            "unknown service `{unknown}` (the rule sets know: {})",
            known.join(", ")
        )));
    }
    let limit = state.options.time_limit;
    let state_for_check = Arc::clone(state);
    let work = async move {
        let permit = Arc::clone(&state_for_check.checks)
            .acquire_owned()
            .await
            .map_err(|_| {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping")
            })?;
        let state = Arc::clone(&state_for_check);
        tokio::task::spawn_blocking(move || {
            // Held until the check ends, even when its request has given up waiting.
            let _permit = permit;
            let settings = &state.options.settings;
            let mut options = settings.options.clone();
            if !upload.services.is_empty() {
                options.engine.services = upload.services;
            }
            options.newer_versions = true;
            let sets = custom_sets.as_deref().unwrap_or(&settings.rulesets);
            crate::check_contents(&upload.files, sets, &options)
        })
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the check failed unexpectedly",
            )
        })
    };
    let report = match tokio::time::timeout(limit, work).await {
        Ok(result) => result?,
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the check took longer than {} s; try fewer or smaller files",
                    limit.as_secs()
                ),
            ));
        }
    };
    if report.files.iter().all(|f| f.error.is_some()) {
        // No readable file, no tender to judge: say why instead of listing every rule as missing.
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "none of the files could be read",
        );
        error.files = Some(report.files);
        return Err(error);
    }
    Ok((report, lang))
}

pub(super) async fn check(state: AppState, request: Request) -> Response {
    let state = state.0;
    let result = async {
        let upload = read_upload(request, state.options.max_upload).await?;
        run_check(&state, upload).await
    }
    .await;
    match result {
        Ok((report, lang)) => (
            [(header::CONTENT_TYPE, "application/json")],
            report::render(
                &report,
                Format::Json,
                &RenderOptions {
                    lang,
                    ..RenderOptions::default()
                },
            ),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub(super) struct ReportQuery {
    format: Option<String>,
}

/// The formats `/api/report` renders: content type and file extension.
fn download_format(name: &str) -> Option<(Format, &'static str, &'static str)> {
    Some(match name {
        "docx" => (
            Format::Docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        "html" => (Format::Html, "text/html; charset=utf-8", "html"),
        "sarif" => (Format::Sarif, "application/sarif+json", "sarif"),
        "markdown" | "md" => (Format::Markdown, "text/markdown; charset=utf-8", "md"),
        "json" => (Format::Json, "application/json", "json"),
        _ => return None,
    })
}

pub(super) async fn report(state: AppState, request: Request) -> Response {
    let state = state.0;
    let result = async {
        let query = Query::<ReportQuery>::try_from_uri(request.uri());
        // The upload is read before a bad query is answered: a client cut off
        // mid-upload sees a reset connection, not the answer.
        let upload = read_upload(request, state.options.max_upload).await?;
        let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
        let name = query.format.unwrap_or_else(|| "docx".into());
        let (format, content_type, extension) = download_format(&name).ok_or_else(|| {
            ApiError::bad_request(format!(
                "unknown report format `{name}` (use docx, html, sarif, markdown or json)"
            ))
        })?;
        let (report, lang) = run_check(&state, upload).await?;
        let options = RenderOptions {
            lang,
            ..RenderOptions::default()
        };
        // Word and HTML reports are rendered on the blocking pool too: they are the big ones.
        let bytes = tokio::task::spawn_blocking(move || report::render(&report, format, &options))
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the report could not be rendered",
                )
            })?;
        let stem = report::i18n::word(lang, "report-file-stem");
        Ok::<_, ApiError>((
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{stem}.{extension}\""),
                ),
            ],
            bytes,
        ))
    }
    .await;
    match result {
        Ok(answer) => answer.into_response(),
        Err(e) => e.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::upload_name;
    use std::collections::HashSet;

    #[test]
    fn upload_names_lose_their_directories_and_never_collide() {
        let mut taken = HashSet::new();
        assert_eq!(
            upload_name(Some("../../etc/krav.docx"), 1, &mut taken),
            "krav.docx"
        );
        assert_eq!(
            upload_name(Some("C:\\Users\\a\\krav.docx"), 2, &mut taken),
            "krav (2).docx"
        );
        assert_eq!(upload_name(Some(".."), 3, &mut taken), "upload-3");
        assert_eq!(upload_name(None, 4, &mut taken), "upload-4");
        assert_eq!(upload_name(Some("a\u{0}b.md"), 5, &mut taken), "ab.md");
    }
}
