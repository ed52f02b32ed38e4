//! `tenderlint serve`: a page on the user's own machine for people who write
//! tenders in Word and never open a terminal, and the small HTTP API it uses.
//!
//! The server adds no judgement of its own: uploads are read from memory by the
//! same readers, checked with the same [`Settings`] as `check`, and answered by
//! the same reporters (`POST /api/check` is `check --format json`). Everything
//! the page needs is embedded in the binary, so it works offline, and its
//! Content-Security-Policy forbids the network beyond this server.

mod api;
mod compare;
mod guard;
mod listen;
mod refusal;
mod review;

pub use listen::{MAX_CONNECTIONS, MAX_HEADER_WAIT, Signal, Stopped};

use crate::Lang;
use crate::settings::Settings;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::sync::Arc;
use std::time::Duration;

/// Default for `--max-upload`: the whole request, all files together.
pub const DEFAULT_MAX_UPLOAD: usize = 100 * 1024 * 1024;

/// Default time one check may take before the request is answered with 503.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(300);

/// Default for `--read-timeout`: the longest an upload's body may take to arrive.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Longest pause between two chunks of an upload before it is cut off.
pub const MAX_BODY_PAUSE: Duration = Duration::from_secs(10);

/// What the server checks with and how much it accepts.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The settings `check` would use in the directory the server started in.
    pub settings: Settings,
    /// The language of messages when a request names none; `None` lets the page
    /// follow the browser's language.
    pub lang: Option<Lang>,
    /// Largest request body (bytes); larger uploads get 413.
    pub max_upload: usize,
    /// Longest a check may run before it is stopped and its request answered with 503.
    pub time_limit: Duration,
    /// Longest an upload's body may take to arrive (408 after); a request waits
    /// half of it for room among the uploads held at once (503 after). The
    /// request head must come within this or [`MAX_HEADER_WAIT`], whichever is shorter.
    pub read_timeout: Duration,
    /// Uploads held in memory at once (being read, waiting for a check or checked).
    pub uploads_at_once: usize,
    /// Host names (`name` or `name:port`) the page may be reached by besides the
    /// address it listens on; every other `Host` is refused, so a web site that
    /// points its own name at this machine (DNS rebinding) cannot use it.
    pub allowed_hosts: Vec<String>,
}

/// Two uploads per core: one being checked while the next is read.
pub fn default_uploads_at_once() -> usize {
    2 * std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2)
}

impl ServeOptions {
    /// The page's options for these settings, with the default limits.
    pub fn new(settings: Settings) -> ServeOptions {
        ServeOptions {
            settings,
            lang: None,
            max_upload: DEFAULT_MAX_UPLOAD,
            time_limit: DEFAULT_TIME_LIMIT,
            read_timeout: DEFAULT_READ_TIMEOUT,
            uploads_at_once: default_uploads_at_once(),
            allowed_hosts: Vec::new(),
        }
    }
}

/// The page's files as the server sends them: (route, media type, content). They are
/// `page/` as it is, the folder `scripts/build-web.sh` copies whole for the static page,
/// so the two pages are one set of files; a unit test holds every file of `page/` here.
const PAGE: &[(&str, &str, &str)] = &[
    ("/", HTML, include_str!("page/index.html")),
    ("/checker.js", JS, include_str!("page/checker.js")),
    ("/words.js", JS, include_str!("page/words.js")),
    ("/app.js", JS, include_str!("page/app.js")),
    ("/compare.js", JS, include_str!("page/compare.js")),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_str!("page/app.css"),
    ),
    // Browsers ask for /favicon.svg; the page's `<link rel="icon">` names it so.
    (
        "/favicon.svg",
        "image/svg+xml",
        include_str!("page/icon.svg"),
    ),
];
const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// Scripts, styles and requests only from this server; no frames, plugins or
/// form posts elsewhere. No inline script, so the JS and CSS are files of their own.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'";

/// The application: the page, its assets and the API, answering only requests
/// addressed to `listening` (or an allowed host) from its own pages.
pub fn router(options: ServeOptions, listening: std::net::SocketAddr) -> Router {
    let hosts = Arc::new(guard::Hosts::new(
        listening,
        &options.allowed_hosts,
        options.lang,
    ));
    let state = Arc::new(api::State::new(options));
    let page = PAGE
        .iter()
        .fold(Router::new(), |router, &(route, content_type, body)| {
            router.route(route, get(move || asset(content_type, body)))
        });
    page.route("/healthz", get(api::health))
        .route("/api/rules", get(api::rules))
        .route("/api/check", post(api::check))
        .route("/api/report", post(api::report))
        .route("/api/review", post(review::review))
        .route("/api/compare", post(compare::compare))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        // The API counts upload bytes itself (see api::read_body).
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            hosts,
            guard::same_site,
        ))
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(state)
}

async fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// Headers every answer carries: the CSP, no sniffing, no referrer, no caching
/// (results are about a tender; nothing of them should linger in a cache).
async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A server bound and ready: its runtime is built and it already listens for
/// Ctrl-C, so a signal that comes the moment its URL is printed stops it cleanly.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    signals: listen::Signals,
    options: ServeOptions,
}

impl Server {
    /// A server on a bound listener, with its own runtime; it serves once run.
    pub fn new(listener: std::net::TcpListener, options: ServeOptions) -> std::io::Result<Server> {
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            // Requests only parse uploads and wait; checks run on the blocking pool
            // and the engine's own threads.
            .worker_threads(2)
            .enable_all()
            .build()?;
        let (listener, signals) = {
            let _context = runtime.enter();
            (
                tokio::net::TcpListener::from_std(listener)?,
                listen::Signals::install()?,
            )
        };
        Ok(Server {
            runtime,
            listener,
            signals,
            options,
        })
    }

    /// Serves until Ctrl-C (or SIGTERM), then finishes the requests in flight and
    /// returns; a second signal returns at once, abandoning them and any check
    /// still running (the caller is expected to exit).
    pub fn run(self) -> std::io::Result<Stopped> {
        let Server {
            runtime,
            listener,
            signals,
            options,
        } = self;
        let listening = listener.local_addr()?;
        let timeouts = listen::Timeouts {
            header: options.read_timeout.min(MAX_HEADER_WAIT),
            body_idle: options.read_timeout.min(MAX_BODY_PAUSE),
        };
        let app = router(options, listening);
        let stopped = runtime.block_on(listen::serve(listener, app, timeouts, signals));
        if stopped == Stopped::Finished {
            drop(runtime);
        } else {
            // Dropping the runtime would wait for checks on the blocking pool.
            runtime.shutdown_background();
        }
        Ok(stopped)
    }
}

#[cfg(test)]
mod tests {
    use super::PAGE;

    /// A file added to `page/` and not here would be on the static page only.
    #[test]
    fn the_server_sends_every_file_of_the_page_folder() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/serve/page");
        let mut unsent = Vec::new();
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let content = std::fs::read_to_string(&path).unwrap();
            if !PAGE.iter().any(|&(_, _, body)| body == content) {
                unsent.push(path.display().to_string());
            }
        }
        assert!(unsent.is_empty(), "not in serve::PAGE: {unsent:?}");
    }
}
