//! `POST /api/compare?format=json|xlsx|html|markdown`: the page's «Sammenlign».
//! The upload holds several tenders, each a `tender` field (its name) followed by
//! its `files`; each is checked alone with the server's settings, as
//! `/api/check` checks one, then all are laid side by side as `tenderlint compare`
//! lays them. Bounded like `/api/check`: the upload by `--max-upload`, all the
//! checks together by the time limit; nothing in the request names a file to read.

use super::api::{ApiError, AppState, Upload, asked_lang, bounded, nothing_read, read_upload};
use super::refusal::Refusal;
use crate::Lang;
use crate::compare::Comparison;
use crate::findings::CheckReport;
use crate::report::RenderOptions;
use crate::report::compare::{self as render, CompareFormat};
use axum::extract::{Query, Request};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::path::PathBuf;

/// More tenders than a region has members is not a comparison a page makes.
const MAX_TENDERS: usize = 40;

#[derive(Deserialize)]
pub(super) struct CompareQuery {
    format: Option<String>,
}

type Files = Vec<(PathBuf, Vec<u8>)>;

pub(super) async fn compare(state: AppState, request: Request) -> Response {
    let state = state.0;
    let asked = asked_lang(&state, request.uri());
    let result = async {
        let query = Query::<CompareQuery>::try_from_uri(request.uri());
        let upload = read_upload(&state, request).await?;
        let lang = upload.lang.or(asked).unwrap_or_default();
        let in_its_lang = move |e: ApiError| e.in_lang(Some(lang));
        let Query(query) = query
            .map_err(|e| ApiError::from(Refusal::BadQuery).with_detail(e.body_text()))
            .map_err(in_its_lang)?;
        let name = query.format.unwrap_or_else(|| "json".into());
        let format = CompareFormat::parse(&name)
            .filter(|f| *f != CompareFormat::Human)
            .ok_or_else(|| ApiError::from(Refusal::CompareUnknownFormat { name: name.clone() }))
            .map_err(in_its_lang)?;
        if !upload.services.is_empty() || !upload.rulesets.is_empty() {
            return Err(ApiError::from(Refusal::CompareFields).in_lang(Some(lang)));
        }
        let tenders = split(upload).map_err(in_its_lang)?;
        let settings = std::sync::Arc::clone(&state);
        let reports = bounded(&state, move |stop| {
            let settings = &settings.options.settings;
            let mut options = settings.options.clone();
            options.newer_versions = true;
            let mut reports = Vec::with_capacity(tenders.len());
            for (name, files) in tenders {
                let report =
                    crate::check_contents_unless(&files, &settings.rulesets, &options, stop)?;
                reports.push((name, report));
            }
            Some(reports)
        })
        .await
        .map_err(in_its_lang)?;
        readable(&reports, lang)?;
        let comparison = Comparison::of(reports.iter().map(|(n, r)| (n.as_str(), r)), None);
        let options = RenderOptions {
            lang,
            date: state.options.settings.options.today,
            ..RenderOptions::default()
        };
        let bytes = tokio::task::spawn_blocking(move || {
            render::render(&comparison, format, &options, false)
        })
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or_else(|| ApiError::from(Refusal::CompareRenderFailed).in_lang(Some(lang)))?;
        Ok::<_, ApiError>((
            [
                (header::CONTENT_TYPE, format.media_type().to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", format.file_name(lang)),
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

/// The upload's files, tender by tender; each tender needs a name and a file.
fn split(upload: Upload) -> Result<Vec<(String, Files)>, ApiError> {
    let marks = upload.tenders;
    if marks.first().is_none_or(|(_, first)| *first != 0) {
        return Err(Refusal::CompareUnnamed.into());
    }
    if marks.len() > MAX_TENDERS {
        return Err(Refusal::CompareTooMany {
            count: marks.len(),
            max: MAX_TENDERS,
        }
        .into());
    }
    let mut files = upload.files;
    let mut tenders = Vec::with_capacity(marks.len());
    for (name, start) in marks.into_iter().rev() {
        let own = files.split_off(start.min(files.len()));
        let name = name.trim().chars().take(80).collect::<String>();
        if own.is_empty() || name.is_empty() {
            return Err(Refusal::CompareEmpty.into());
        }
        tenders.push((name, own));
    }
    tenders.reverse();
    Ok(tenders)
}

/// A tender none of whose files could be read has nothing to compare: named.
fn readable(reports: &[(String, CheckReport)], lang: Lang) -> Result<(), ApiError> {
    let unread = reports.iter().find_map(|(name, report)| {
        let tender = name.clone();
        nothing_read(report, Refusal::TenderUnreadable { tender }, lang)
    });
    unread.map_or(Ok(()), Err)
}
