//! The progress bar on standard error for large tenders: files read, then rules
//! evaluated. Whether it shows at all (a terminal, not CI, not `--quiet`) is the
//! settings' decision.

use tenderlint::Lang;

/// A progress bar on standard error for large tenders: files read, then rules
/// evaluated. Only when stderr is a terminal, not in CI, not with `--quiet`.
pub(crate) struct ProgressDisplay {
    bar: std::sync::Arc<std::sync::Mutex<Option<indicatif::ProgressBar>>>,
    lang: Lang,
}

/// «Large»: about a second of work or more in a release build.
const PROGRESS_FILES: usize = 50;
const PROGRESS_BYTES: u64 = 8 * 1024 * 1024;

impl ProgressDisplay {
    pub(crate) fn new(lang: Lang) -> ProgressDisplay {
        ProgressDisplay {
            bar: std::sync::Arc::default(),
            lang,
        }
    }

    pub(crate) fn sink(&self) -> tenderlint::ProgressSink {
        use tenderlint::Progress;
        let bar = self.bar.clone();
        let (reading, evaluating) = match self.lang {
            Lang::Nb => ("leser filer", "vurderer regler"),
            Lang::Nn => ("les filer", "vurderer reglar"),
            Lang::En => ("reading files", "evaluating rules"),
        };
        tenderlint::ProgressSink(std::sync::Arc::new(move |p| {
            let Ok(mut slot) = bar.lock() else {
                return;
            };
            match p {
                Progress::Start { files, bytes } => {
                    if files >= PROGRESS_FILES || bytes >= PROGRESS_BYTES {
                        let b = indicatif::ProgressBar::new(files as u64);
                        if let Ok(style) = indicatif::ProgressStyle::with_template(
                            "{spinner} {msg} {bar:30} {pos}/{len}",
                        ) {
                            b.set_style(style);
                        }
                        b.set_message(reading);
                        *slot = Some(b);
                    }
                }
                Progress::Reading { done, .. } => {
                    if let Some(b) = slot.as_ref() {
                        b.set_position(done as u64);
                    }
                }
                Progress::Evaluating { .. } => {
                    if let Some(b) = slot.as_ref() {
                        if let Ok(style) =
                            indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                        {
                            b.set_style(style);
                        }
                        b.set_message(evaluating);
                        b.enable_steady_tick(std::time::Duration::from_millis(120));
                    }
                }
            }
        }))
    }

    pub(crate) fn finish(self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(b) = slot.take()
        {
            b.finish_and_clear();
        }
    }
}
