//! The HTTP API: upload parsing, checks on the blocking pool, answers as JSON
//! or as a report download. Every failure is a [`Refusal`], sent as JSON
//! `{"error": …, "code": …}` with a status that says whose fault it is, worded in
//! the language the request asked for; nothing a request sends can panic here.

use super::ServeOptions;
use super::refusal::Refusal;
use crate::Lang;
use crate::findings::CheckReport;
use crate::report::{self, Format, RenderOptions};
use crate::rules::{self, RuleSet};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{FromRequest, Request};
use axum::extract::{Query, rejection::QueryRejection};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub(super) type AppState = axum::extract::State<Arc<State>>;

pub(super) struct State {
    pub(super) options: ServeOptions,
    /// Checks running at once; more wait. Each check is already parallel, so
    /// running more than the cores only shares them thinner and holds more uploads.
    checks: Arc<tokio::sync::Semaphore>,
    /// Uploads held in memory at once, from the first byte read to the end of
    /// their check; a request waits up to half the `read_timeout` for room, then gets 503.
    uploads: Arc<tokio::sync::Semaphore>,
}

impl State {
    pub(super) fn new(options: ServeOptions) -> State {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        State {
            checks: Arc::new(tokio::sync::Semaphore::new(cores.max(2))),
            uploads: Arc::new(tokio::sync::Semaphore::new(options.uploads_at_once.max(1))),
            options,
        }
    }
}

/// An answer that is not a result: a refusal, worded when it is sent.
pub(super) struct ApiError {
    refusal: Refusal,
    /// The technical cause beside the words (a reader's or the zip writer's message).
    detail: Option<String>,
    /// The files and why they could not be read, when none could.
    files: Option<Vec<crate::findings::FileEntry>>,
    /// The language the request asked for, once it is known.
    lang: Option<Lang>,
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        ApiError {
            refusal,
            detail: None,
            files: None,
            lang: None,
        }
    }
}

impl ApiError {
    pub(super) fn with_detail(mut self, detail: impl Into<String>) -> ApiError {
        self.detail = Some(detail.into());
        self
    }

    /// Words the refusal in `lang` unless a language was already known for it.
    pub(super) fn in_lang(mut self, lang: Option<Lang>) -> ApiError {
        self.lang = self.lang.or(lang);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
            code: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            detail: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            files: Option<Vec<crate::findings::FileEntry>>,
        }
        let lang = self.lang.unwrap_or_default();
        let body = Body {
            error: self.refusal.worded(lang),
            code: self.refusal.code(),
            detail: self.detail,
            files: self.files,
        };
        let mut response = (self.refusal.status(), axum::Json(body)).into_response();
        if let Some(seconds) = self.refusal.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// The language a request's refusals are worded in until its form is read: its
/// `?lang=` (the page sends it), else the server's `--lang`, else bokmål.
pub(super) fn asked_lang(state: &State, uri: &Uri) -> Option<Lang> {
    lang_of(uri, state.options.lang)
}

/// A request's `?lang=`, else `server_lang`.
pub(super) fn lang_of(uri: &Uri, server_lang: Option<Lang>) -> Option<Lang> {
    Query::<LangQuery>::try_from_uri(uri)
        .ok()
        .and_then(|Query(q)| q.lang)
        .and_then(|v| Lang::parse(&v))
        .or(server_lang)
}

pub(super) async fn not_found(state: AppState, uri: Uri) -> Response {
    ApiError::from(Refusal::NoRoute)
        .in_lang(asked_lang(&state, &uri))
        .into_response()
}

pub(super) async fn method_not_allowed(state: AppState, uri: Uri) -> Response {
    ApiError::from(Refusal::WrongMethod)
        .in_lang(asked_lang(&state, &uri))
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
            Err(e) => return e.in_lang(state.options.lang).into_response(),
        },
        Err(e) => {
            return ApiError::from(Refusal::BadQuery)
                .with_detail(e.body_text())
                .in_lang(state.options.lang)
                .into_response();
        }
    };
    let settings = &state.options.settings;
    let lang = lang.or(state.options.lang).unwrap_or_default();
    let mut catalogue = report::catalogue::catalogue(
        &settings.rulesets,
        lang,
        &settings.options.engine.services,
        state.options.lang,
        settings.config.is_some(),
    );
    // The page checks the size itself: a declared upload over it is refused unread.
    catalogue["max_upload"] = state.options.max_upload.into();
    axum::Json(catalogue).into_response()
}

fn parse_lang(value: Option<&str>) -> Result<Option<Lang>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => Lang::parse(v).map(Some).ok_or_else(|| {
            ApiError::from(Refusal::UnknownLanguage {
                value: v.to_string(),
            })
        }),
    }
}

/// A parsed upload: the tender's files and what the request asks for.
pub(super) struct Upload {
    pub(super) files: Vec<(PathBuf, Vec<u8>)>,
    /// `tender` fields (`/api/compare`): each a name and the index of the first
    /// file after it; the files up to the next one are that tender's.
    pub(super) tenders: Vec<(String, usize)>,
    pub(super) services: Vec<String>,
    pub(super) lang: Option<Lang>,
    pub(super) rulesets: Vec<String>,
    /// Its room among the uploads held at once, given back when the check ends.
    room: tokio::sync::OwnedSemaphorePermit,
}

/// How much of an upload without a declared length is still read (and thrown
/// away) past the limit before the 413 goes out: a client cut off mid-upload sees
/// a reset connection instead of the answer. One that declares its length is
/// answered from the header alone, before its body (and without `100 Continue`).
const DRAIN_BEYOND_LIMIT: u64 = 16 * 1024 * 1024;

/// The request body, whole, if it is within `max_upload` bytes and arrives
/// within `read_timeout`, and the room it takes among the uploads held at once.
async fn read_body(
    state: &State,
    request: Request,
) -> Result<(Request, tokio::sync::OwnedSemaphorePermit), ApiError> {
    let max_upload = state.options.max_upload;
    let limit = max_upload as u64;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large(max_upload));
    }
    let wait = state.options.read_timeout;
    // Half the read timeout: a request queued behind a stalled upload gives up
    // before that upload is cut off, so a client retrying later finds room.
    let queue = wait / 2;
    let room = match tokio::time::timeout(queue, Arc::clone(&state.uploads).acquire_owned()).await {
        Ok(Ok(room)) => room,
        Ok(Err(_)) => return Err(Refusal::Stopping.into()),
        Err(_) => return Err(Refusal::Busy.into()),
    };
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(wait, collect_within(body, limit)).await {
        Ok(Ok(kept)) => Ok((
            Request::from_parts(parts, axum::body::Body::from(kept)),
            room,
        )),
        Ok(Err(e)) => Err(e.into_api_error(max_upload)),
        Err(_) => Err(too_slow(wait)),
    }
}

/// Why a body could not be read whole.
enum BodyError {
    TooLarge,
    /// tower-http's pause between two chunks passed.
    Stalled,
    Broken(String),
}

impl BodyError {
    fn into_api_error(self, max_upload: usize) -> ApiError {
        match self {
            BodyError::TooLarge => too_large(max_upload),
            BodyError::Stalled => too_slow(super::MAX_BODY_PAUSE),
            BodyError::Broken(e) => ApiError::from(Refusal::UnreadableUpload {
                status: StatusCode::BAD_REQUEST,
            })
            .with_detail(e),
        }
    }
}

async fn collect_within(mut body: axum::body::Body, limit: u64) -> Result<Vec<u8>, BodyError> {
    use http_body_util::BodyExt;
    let mut kept = Vec::new();
    let mut seen: u64 = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| {
            let inner = e.into_inner();
            if inner.is::<tower_http::timeout::TimeoutError>() {
                BodyError::Stalled
            } else {
                BodyError::Broken(inner.to_string())
            }
        })?;
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
        return Err(BodyError::TooLarge);
    }
    Ok(kept)
}

fn too_slow(wait: std::time::Duration) -> ApiError {
    Refusal::TooSlow {
        seconds: wait.as_secs(),
    }
    .into()
}

pub(super) async fn read_upload(state: &State, request: Request) -> Result<Upload, ApiError> {
    let max_upload = state.options.max_upload;
    let (request, room) = read_body(state, request).await?;
    let mut multipart =
        Multipart::from_request(request, &())
            .await
            .map_err(|e: MultipartRejection| {
                ApiError::from(Refusal::NotMultipart).with_detail(e.body_text())
            })?;
    let mut upload = Upload {
        files: Vec::new(),
        tenders: Vec::new(),
        services: Vec::new(),
        lang: None,
        rulesets: Vec::new(),
        room,
    };
    let mut names = HashSet::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(&e, max_upload).in_lang(upload.lang)),
        };
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "files" | "files[]" | "file" => {
                let file_name = tenderlint_core::check::upload_name(
                    field.file_name(),
                    upload.files.len() + 1,
                    &mut names,
                );
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| multipart_error(&e, max_upload))?;
                upload
                    .files
                    .push((PathBuf::from(file_name), bytes.to_vec()));
            }
            "services" | "lang" | "ruleset" | "tender" => {
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
                    "lang" => upload.lang = parse_lang(Some(&text))?.or(upload.lang),
                    "tender" => upload.tenders.push((text, upload.files.len())),
                    _ => upload.rulesets.extend(
                        text.split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    ),
                }
            }
            other => {
                let field = other.to_string();
                return Err(ApiError::from(Refusal::UnknownField { field }).in_lang(upload.lang));
            }
        }
    }
    if upload.files.is_empty() {
        return Err(ApiError::from(Refusal::NoFiles).in_lang(upload.lang));
    }
    Ok(upload)
}

fn too_large(max_upload: usize) -> ApiError {
    Refusal::TooLarge {
        mib: max_upload / (1024 * 1024),
    }
    .into()
}

fn multipart_error(e: &axum::extract::multipart::MultipartError, max_upload: usize) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large(max_upload)
    } else {
        ApiError::from(Refusal::UnreadableUpload { status: e.status() }).with_detail(e.body_text())
    }
}

/// The rule sets a request names, each an exact `ID` or `ID@VERSION` of a set the
/// server has: one it loaded at start-up (embedded, or named by its operator), or
/// an embedded one. Nothing from the request reaches anything that opens a path,
/// and an error repeats only the request's own words.
pub(super) fn request_rulesets(
    loaded: &[RuleSet],
    references: &[String],
) -> Result<Vec<RuleSet>, ApiError> {
    references
        .iter()
        .map(|reference| {
            offered_ruleset(loaded, reference).ok_or_else(|| {
                ApiError::from(Refusal::UnknownRuleSet {
                    reference: reference.clone(),
                })
            })
        })
        .collect()
}

fn offered_ruleset(loaded: &[RuleSet], reference: &str) -> Option<RuleSet> {
    let (id, version) = match reference.split_once('@') {
        Some((id, version)) => (id, Some(semver::Version::parse(version).ok()?)),
        None => (reference, None),
    };
    let wanted =
        |set: &&RuleSet| set.id == id && version.as_ref().is_none_or(|v| *v == set.version);
    if let Some(set) = loaded.iter().find(wanted) {
        return Some(set.clone());
    }
    rules::embedded::load(id, version.as_ref())?.ok()
}

/// Checks an upload with the server's settings on the blocking pool, within the time limit.
pub(super) async fn run_check(
    state: &Arc<State>,
    upload: Upload,
) -> Result<(CheckReport, Lang), ApiError> {
    let lang = upload.lang.or(state.options.lang).unwrap_or_default();
    let custom_sets = if upload.rulesets.is_empty() {
        None
    } else {
        Some(
            request_rulesets(&state.options.settings.rulesets, &upload.rulesets)
                .map_err(|e| e.in_lang(Some(lang)))?,
        )
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
        let refusal = Refusal::UnknownService {
            service: unknown.clone(),
            known: known.join(", "),
        };
        return Err(ApiError::from(refusal).in_lang(Some(lang)));
    }
    let state_for_check = Arc::clone(state);
    let report = bounded(state, move |stop| {
        let Upload {
            files,
            services,
            room,
            ..
        } = upload;
        let _room = room;
        let settings = &state_for_check.options.settings;
        let mut options = settings.options.clone();
        if !services.is_empty() {
            options.engine.services = services;
        }
        options.newer_versions = true;
        let sets = custom_sets.as_deref().unwrap_or(&settings.rulesets);
        crate::check_contents_unless(&files, sets, &options, stop)
    })
    .await
    .map_err(|e| e.in_lang(Some(lang)))?;
    match nothing_read(&report, Refusal::NothingReadable, lang) {
        Some(error) => Err(error),
        None => Ok((report, lang)),
    }
}

/// No readable file, no tender to judge: the error that says why, with each
/// file's problem, instead of every rule listed as missing.
pub(super) fn nothing_read(report: &CheckReport, refusal: Refusal, lang: Lang) -> Option<ApiError> {
    if !report.files.iter().all(|f| f.error.is_some()) {
        return None;
    }
    let mut error = ApiError::from(refusal).in_lang(Some(lang));
    error.files = Some(report::i18n::files_worded(report.files.clone(), lang));
    Some(error)
}

/// Runs `work` on the blocking pool when a check may run, within the time limit:
/// past it, `work` is told to stop (its flag) and the request gets 503. `None`
/// from `work` is a check that stopped or failed.
pub(super) async fn bounded<T: Send + 'static>(
    state: &Arc<State>,
    work: impl FnOnce(&Arc<AtomicBool>) -> Option<T> + Send + 'static,
) -> Result<T, ApiError> {
    let limit = state.options.time_limit;
    // The queue is not the check: the time limit starts once a check may run.
    let permit = Arc::clone(&state.checks)
        .acquire_owned()
        .await
        .map_err(|_| ApiError::from(Refusal::Stopping))?;
    let stop = Arc::new(AtomicBool::new(false));
    let stop_for_check = Arc::clone(&stop);
    let running = tokio::task::spawn_blocking(move || {
        // Held until the check ends, even when its request has given up waiting,
        // so a check told to stop still counts until it has.
        let _permit = permit;
        work(&stop_for_check)
    });
    match tokio::time::timeout(limit, running).await {
        Ok(Ok(Some(done))) => Ok(done),
        Ok(Ok(None) | Err(_)) => Err(Refusal::CheckFailed.into()),
        Err(_) => {
            // Tell the check to stop at its next look; its answer is not waited for.
            stop.store(true, Ordering::Relaxed);
            Err(Refusal::TookTooLong {
                seconds: limit.as_secs(),
            }
            .into())
        }
    }
}

pub(super) async fn check(state: AppState, request: Request) -> Response {
    let state = state.0;
    let lang = asked_lang(&state, request.uri());
    let result = async {
        let upload = read_upload(&state, request).await?;
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
                    // The page shows the services line; there they are its checkboxes.
                    services_change: report::common::ServicesChange::Page,
                    ..RenderOptions::default()
                },
            ),
        )
            .into_response(),
        Err(e) => e.in_lang(lang).into_response(),
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
    let asked = asked_lang(&state, request.uri());
    let result = async {
        let query = Query::<ReportQuery>::try_from_uri(request.uri());
        // The upload is read before a bad query is answered: a client cut off
        // mid-upload sees a reset connection, not the answer.
        let upload = read_upload(&state, request).await?;
        let its_lang = upload.lang;
        let in_its_lang = move |e: ApiError| e.in_lang(its_lang);
        let Query(query) = query
            .map_err(|e| ApiError::from(Refusal::BadQuery).with_detail(e.body_text()))
            .map_err(in_its_lang)?;
        let name = query.format.unwrap_or_else(|| "docx".into());
        let (format, content_type, extension) = download_format(&name)
            .ok_or_else(|| ApiError::from(Refusal::UnknownFormat { name: name.clone() }))
            .map_err(in_its_lang)?;
        let (report, lang) = run_check(&state, upload).await?;
        let options = RenderOptions {
            lang,
            ..RenderOptions::default()
        };
        // Word and HTML reports are rendered on the blocking pool too: they are the big ones.
        let bytes = tokio::task::spawn_blocking(move || report::render(&report, format, &options))
            .await
            .map_err(|_| ApiError::from(Refusal::RenderFailed).in_lang(Some(lang)))?;
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
        Err(e) => e.in_lang(asked).into_response(),
    }
}
