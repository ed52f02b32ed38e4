//! How the binary prints and writes: miette diagnostics for rule sets and
//! configurations, colour as anstream decides it, the terminal's width, whole
//! outputs to standard output, and reports written atomically.

use std::io::Write;
use std::path::Path;
use tenderlint::rules::RuleSetError;
use tenderlint::settings::SettingsError;

/// Colours as anstream decides them: NO_COLOR, CLICOLOR(_FORCE), TERM=dumb, and
/// whether the stream is a terminal.
pub(crate) fn stdout_color() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

fn stderr_color() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

/// The terminal's width in columns, when standard output is one.
pub(crate) fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
}

/// Writes a whole output to standard output; `false` when it cannot (a closed pipe).
pub(crate) fn write_stdout(bytes: &[u8]) -> bool {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .is_ok()
}

pub(crate) fn print_rule_set_error(error: &RuleSetError) {
    print_problems(error, "tenderlint::rules");
}

fn print_config_error(error: &RuleSetError) {
    print_problems(error, "tenderlint::config");
}

fn print_problems(error: &RuleSetError, code: &'static str) {
    let handler = miette::GraphicalReportHandler::new_themed(if stderr_color() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    for diagnostic in error.diagnostics_with_code(code) {
        let mut out = String::new();
        if diagnostic_has_span(&diagnostic) && handler.render_report(&mut out, &diagnostic).is_ok()
        {
            eprint!("{out}");
        } else {
            eprintln!("error: {}: {}", error.source.name, diagnostic);
            if let Some(help) = miette::Diagnostic::help(&diagnostic) {
                eprintln!("  help: {help}");
            }
        }
    }
}

fn diagnostic_has_span(d: &dyn miette::Diagnostic) -> bool {
    d.labels().is_some_and(|mut l| l.next().is_some())
}

/// Problems in tenderlint.yaml or the rule sets it names, each shown in its file.
pub(crate) fn print_settings_errors(errors: &[SettingsError]) {
    for e in errors {
        if e.in_config {
            print_config_error(&e.error);
        } else {
            print_rule_set_error(&e.error);
        }
    }
}

/// Writes a file so that an existing report is only ever replaced by a complete new one:
/// a temporary file beside it, synced, then renamed over it. On failure the temporary
/// file is removed and the error is the operating system's own (tempfile's `make_in`
/// adds no path to it, unlike `NamedTempFile::new_in`), so messages say what they said.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().to_string());
    // `create_new` with the default mode: the report gets the permissions a plain
    // `File::create` gives (0666 less the umask), not tempfile's private 0600.
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}.tenderlint-"))
        .suffix(".tmp")
        .make_in(dir, |p| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(p)
        })?;
    file.as_file_mut().write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn an_atomic_write_into_a_missing_directory_says_what_the_system_says() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("report.json");
        let error = write_atomically(&path, b"new").unwrap_err();
        let plain = std::fs::File::create(&path).unwrap_err();
        assert_eq!(error.to_string(), plain.to_string());
    }

    #[cfg(unix)]
    #[test]
    fn an_atomically_written_report_has_the_permissions_of_a_plain_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (atomic, plain) = (dir.path().join("a.json"), dir.path().join("b.json"));
        write_atomically(&atomic, b"x").unwrap();
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&atomic), mode(&plain));
    }
}
