//! Why the server refuses a request, as data (issue 25): the answer's status, a
//! stable `code` in its JSON beside the worded `error`, and the words, from the word
//! table in the language of the page that asked. What a refusal repeats of the
//! request is only the request's own words.

use crate::Lang;
use crate::report::i18n::filled;
use axum::http::StatusCode;

/// One refusal of the HTTP API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Refusal {
    NoRoute,
    WrongMethod,
    UnknownLanguage {
        value: String,
    },
    Stopping,
    /// The uploads held at once are full; the request waited its time for room.
    Busy,
    TooLarge {
        mib: usize,
    },
    TooSlow {
        seconds: u64,
    },
    /// The body broke off or its parts could not be read; `status` is the reader's.
    UnreadableUpload {
        status: StatusCode,
    },
    NotMultipart,
    BadQuery,
    UnknownField {
        field: String,
    },
    NoFiles,
    UnknownRuleSet {
        reference: String,
    },
    UnknownService {
        service: String,
        known: String,
    },
    UnknownFormat {
        name: String,
    },
    CheckFailed,
    TookTooLong {
        seconds: u64,
    },
    RenderFailed,
    NothingReadable,
    NothingReviewed,
    ReviewFailed,
    CompareFields,
    CompareUnnamed,
    CompareTooMany {
        count: usize,
        max: usize,
    },
    CompareEmpty,
    CompareUnknownFormat {
        name: String,
    },
    CompareRenderFailed,
    TenderUnreadable {
        tender: String,
    },
    /// The request was addressed to a name this server does not answer to (DNS rebinding).
    ForeignHost,
    /// A request that changes something came from another site's page.
    CrossSite,
}

impl Refusal {
    /// Whose fault it is, as HTTP says it; unchanged from when the refusals were English.
    pub(super) fn status(&self) -> StatusCode {
        use Refusal as R;
        match self {
            R::NoRoute => StatusCode::NOT_FOUND,
            R::WrongMethod => StatusCode::METHOD_NOT_ALLOWED,
            R::Stopping | R::Busy | R::TookTooLong { .. } => StatusCode::SERVICE_UNAVAILABLE,
            R::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            R::TooSlow { .. } => StatusCode::REQUEST_TIMEOUT,
            R::UnreadableUpload { status } => *status,
            R::CheckFailed | R::RenderFailed | R::ReviewFailed | R::CompareRenderFailed => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            R::NothingReadable | R::NothingReviewed | R::TenderUnreadable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            R::ForeignHost => StatusCode::MISDIRECTED_REQUEST,
            R::CrossSite => StatusCode::FORBIDDEN,
            R::UnknownLanguage { .. }
            | R::NotMultipart
            | R::BadQuery
            | R::UnknownField { .. }
            | R::NoFiles
            | R::UnknownRuleSet { .. }
            | R::UnknownService { .. }
            | R::UnknownFormat { .. }
            | R::CompareFields
            | R::CompareUnnamed
            | R::CompareTooMany { .. }
            | R::CompareEmpty
            | R::CompareUnknownFormat { .. } => StatusCode::BAD_REQUEST,
        }
    }

    /// Seconds after which the same request may be answered (`Retry-After`): the
    /// refusals that are the server's state, not the request's fault.
    pub(super) fn retry_after(&self) -> Option<u64> {
        match self {
            Refusal::Stopping | Refusal::Busy => Some(5),
            Refusal::TookTooLong { seconds } => Some((*seconds).max(1)),
            _ => None,
        }
    }

    /// The refusal's name for programs (the JSON's `code`): it never changes with the
    /// language, and a new refusal gets a new one.
    pub(super) fn code(&self) -> &'static str {
        self.key().trim_start_matches("refusal-")
    }

    fn key(&self) -> &'static str {
        use Refusal as R;
        match self {
            R::NoRoute => "refusal-no-route",
            R::WrongMethod => "refusal-wrong-method",
            R::UnknownLanguage { .. } => "refusal-unknown-language",
            R::Stopping => "refusal-stopping",
            R::Busy => "refusal-busy",
            R::TooLarge { .. } => "refusal-too-large",
            R::TooSlow { .. } => "refusal-too-slow",
            R::UnreadableUpload { .. } => "refusal-unreadable-upload",
            R::NotMultipart => "refusal-not-multipart",
            R::BadQuery => "refusal-bad-query",
            R::UnknownField { .. } => "refusal-unknown-field",
            R::NoFiles => "refusal-no-files",
            R::UnknownRuleSet { .. } => "refusal-unknown-rule-set",
            R::UnknownService { .. } => "refusal-unknown-service",
            R::UnknownFormat { .. } => "refusal-unknown-format",
            R::CheckFailed => "refusal-check-failed",
            R::TookTooLong { .. } => "refusal-took-too-long",
            R::RenderFailed => "refusal-render-failed",
            R::NothingReadable => "none-readable",
            R::NothingReviewed => "refusal-nothing-reviewed",
            R::ReviewFailed => "refusal-review-failed",
            R::CompareFields => "refusal-compare-fields",
            R::CompareUnnamed => "refusal-compare-unnamed",
            R::CompareTooMany { .. } => "refusal-compare-too-many",
            R::CompareEmpty => "refusal-compare-empty",
            R::CompareUnknownFormat { .. } => "refusal-compare-unknown-format",
            R::CompareRenderFailed => "refusal-compare-render-failed",
            R::TenderUnreadable { .. } => "refusal-tender-unreadable",
            R::ForeignHost => "refusal-foreign-host",
            R::CrossSite => "refusal-cross-site",
        }
    }

    /// What the refusal fills into its words: (the mark in the word table, the value).
    fn values(&self) -> Vec<(&'static str, String)> {
        use Refusal as R;
        match self {
            R::UnknownLanguage { value } => vec![("{value}", value.clone())],
            R::TooLarge { mib } => vec![("{mib}", mib.to_string())],
            R::TooSlow { seconds } | R::TookTooLong { seconds } => {
                vec![("{seconds}", seconds.to_string())]
            }
            R::UnknownField { field } => vec![("{field}", field.clone())],
            R::UnknownRuleSet { reference } => vec![("{reference}", reference.clone())],
            R::UnknownService { service, known } => {
                vec![("{service}", service.clone()), ("{known}", known.clone())]
            }
            R::UnknownFormat { name } | R::CompareUnknownFormat { name } => {
                vec![("{name}", name.clone())]
            }
            R::CompareTooMany { count, max } => {
                vec![("{count}", count.to_string()), ("{max}", max.to_string())]
            }
            R::TenderUnreadable { tender } => vec![("{tender}", tender.clone())],
            _ => Vec::new(),
        }
    }

    /// The refusal in `lang`, as the page shows it.
    pub(super) fn worded(&self, lang: Lang) -> String {
        let values = self.values();
        let values: Vec<(&str, &str)> = values.iter().map(|(m, v)| (*m, v.as_str())).collect();
        filled(lang, self.key(), &values)
    }
}

#[cfg(test)]
mod tests {
    use super::Refusal;
    use crate::Lang;

    #[test]
    fn every_refusal_is_worded_in_each_language_with_its_values() {
        let all = [
            Refusal::NoRoute,
            Refusal::UnknownService {
                service: "{known}".into(),
                known: "legevakt".into(),
            },
            Refusal::CompareTooMany { count: 41, max: 40 },
            Refusal::TooLarge { mib: 1 },
            Refusal::ForeignHost,
            Refusal::CrossSite,
        ];
        for refusal in &all {
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                let text = refusal.worded(lang);
                assert!(
                    !text.starts_with("refusal-") && !text.contains("{count}"),
                    "{text}"
                );
            }
        }
        assert_eq!(
            all[1].worded(Lang::En),
            "unknown service `{known}` (the rule sets know: legevakt)"
        );
        assert_eq!(
            all[2].worded(Lang::Nn),
            "41 konkurransegrunnlag: ei samanlikning tek høgst 40"
        );
        assert_eq!(all[3].code(), "too-large");
    }
}
