//! `POST /api/review`: the page's «Last ned dokumentene med kommentarer». The
//! upload is checked as `/api/report` checks it, then each Word file comes back as
//! its reviewed copy and the Markdown files as one diff: a single copy as itself,
//! several files as one zip. A file that cannot be reviewed is named, with its
//! reason, in `tenderlint-review.txt` inside the zip.

use super::api::{ApiError, AppState, asked_lang, read_upload, request_rulesets, run_check};
use super::refusal::Refusal;
use crate::report::review::{self, Outcome};
use axum::extract::Request;
use axum::http::header;
use axum::response::{IntoResponse, Response};

pub(super) async fn review(state: AppState, request: Request) -> Response {
    let state = state.0;
    let asked = asked_lang(&state, request.uri());
    let result = async {
        let upload = read_upload(&state, request).await?;
        let lang = upload.lang.or(asked);
        let files = upload.files.clone();
        let sets = if upload.rulesets.is_empty() {
            state.options.settings.rulesets.clone()
        } else {
            request_rulesets(&state.options.settings.rulesets, &upload.rulesets)
                .map_err(|e| e.in_lang(lang))?
        };
        let today = state.options.settings.options.today;
        let (report, _) = run_check(&state, upload).await?;
        let date = review::revision_date(today);
        let answered = tokio::task::spawn_blocking(move || {
            answer(review::review_contents(&files, &report, &sets, &date))
        })
        .await
        .unwrap_or_else(|_| Err(Refusal::ReviewFailed.into()));
        answered.map_err(|e| e.in_lang(lang))
    }
    .await;
    match result {
        Ok(answer) => answer,
        Err(e) => e.in_lang(asked).into_response(),
    }
}

fn attachment(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    // The name is an upload's file name, which may hold any character but a quote.
    let name = name.replace(['"', '\\', '\r', '\n'], "_");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

fn answer(outcomes: Vec<Outcome>) -> Result<Response, ApiError> {
    match review::download(outcomes) {
        Ok(d) => Ok(attachment(d.content_type, &d.name, d.bytes)),
        // The reasons are the patcher's and the zip writer's, in English: beside the words.
        Err(review::ReviewDownloadError::NothingReviewed(why)) => {
            Err(ApiError::from(Refusal::NothingReviewed).with_detail(why))
        }
        Err(review::ReviewDownloadError::Zip(why)) => {
            Err(ApiError::from(Refusal::ReviewFailed).with_detail(why))
        }
    }
}
