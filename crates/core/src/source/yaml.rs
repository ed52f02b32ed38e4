//! YAML files a user writes (rule sets, `tenderlint.yaml`) as the source of
//! diagnostics: the text with its name, the problems found in it at their byte
//! ranges, and their rendering with miette. Rule sets and the configuration share
//! these types, so both point at the line a mistake is on in the same way.

use serde_saphyr::Spanned;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The text of a rule-set file (or of the configuration) and the name to show for it.
#[derive(Debug, Clone)]
pub struct RuleSetSource {
    /// A path, or `embedded:ID@VERSION` for sets built into the binary.
    pub name: String,
    /// The whole file.
    pub text: Arc<str>,
}

/// One thing wrong with a rule-set file (or the configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one line.
    pub message: String,
    /// Byte range in the file, when known.
    pub span: Option<Range<usize>>,
    /// How to fix it, when there is more to say.
    pub help: Option<String>,
}

/// A rule-set file that could not be loaded, with every problem found.
#[derive(Debug, Clone)]
pub struct RuleSetError {
    /// The file, for snippets.
    pub source: RuleSetSource,
    /// Every problem found, in file order as far as it is known.
    pub problems: Vec<Problem>,
}

impl RuleSetError {
    /// One problem without a place in the file.
    pub fn single(source: RuleSetSource, message: impl Into<String>) -> RuleSetError {
        RuleSetError {
            source,
            problems: vec![Problem {
                message: message.into(),
                span: None,
                help: None,
            }],
        }
    }

    /// A problem with a file whose text is not at hand (missing, unreadable, a bad
    /// reference): named, with no snippet.
    pub fn about(name: impl Into<String>, message: impl Into<String>) -> RuleSetError {
        RuleSetError::single(
            RuleSetSource {
                name: name.into(),
                text: Arc::from(""),
            },
            message,
        )
    }

    /// 1-based line and column of a byte offset in the file.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(&self.source.text, offset)
    }

    /// One miette diagnostic per problem, with the file as source code.
    pub fn diagnostics(&self) -> Vec<ProblemDiagnostic> {
        self.diagnostics_with_code("tenderlint::rules")
    }

    /// Like [`diagnostics`](Self::diagnostics), under another code (`tenderlint::config`).
    pub fn diagnostics_with_code(&self, code: &'static str) -> Vec<ProblemDiagnostic> {
        let named = miette::NamedSource::new(self.source.name.clone(), self.source.text.clone())
            .with_language("yaml");
        self.problems
            .iter()
            .map(|p| ProblemDiagnostic {
                problem: p.clone(),
                source: named.clone(),
                code,
            })
            .collect()
    }
}

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            match &p.span {
                Some(span) => {
                    let (line, column) = self.line_column(span.start);
                    write!(f, "{}:{line}:{column}: {}", self.source.name, p.message)?;
                }
                None => write!(f, "{}: {}", self.source.name, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for RuleSetError {}

/// A problem rendered by miette with a snippet of the YAML.
#[derive(Debug)]
pub struct ProblemDiagnostic {
    problem: Problem,
    source: miette::NamedSource<Arc<str>>,
    code: &'static str,
}

impl fmt::Display for ProblemDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem.message)
    }
}

impl std::error::Error for ProblemDiagnostic {}

impl miette::Diagnostic for ProblemDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.problem
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.problem
            .span
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.problem.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some("here".into()), span),
        )))
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
// One way to count lines and columns, shared with the tender readers.
pub(crate) use super::line_column;

/// Turns a serde-saphyr error into a problem at its location.
pub fn yaml_error(source: &RuleSetSource, error: &serde_saphyr::Error) -> RuleSetError {
    let span = error
        .location()
        .and_then(|l| span_of_location(&source.text, &l));
    let message = strip_location_suffix(&error.without_snippet().to_string());
    RuleSetError {
        source: source.clone(),
        problems: vec![Problem {
            message,
            span,
            help: yaml_help(error),
        }],
    }
}

fn yaml_help(error: &serde_saphyr::Error) -> Option<String> {
    let text = error.without_snippet().to_string();
    if text.contains("unknown field") {
        Some("check the spelling; `tenderlint rules schema` lists every key".into())
    } else if text.contains("alias") || text.contains("anchor") {
        Some("a term starting with `*` must be quoted, e.g. \"*integrasjon\"".into())
    } else {
        None
    }
}

fn strip_location_suffix(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

/// The byte range in `text` that a serde-saphyr location points at, for a diagnostic's
/// label; `None` when the location is not in the text.
pub fn span_of_location(text: &str, location: &serde_saphyr::Location) -> Option<Range<usize>> {
    let span = location.span();
    if let Some(offset) = span.byte_offset() {
        let offset = offset as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        if offset <= text.len() {
            return Some(offset..(offset + len).min(text.len()));
        }
    }
    let (line, column) = (location.line() as usize, location.column() as usize);
    if line == 0 {
        return None;
    }
    let start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let offset = text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| start + i)
        .unwrap_or(start);
    Some(offset..offset)
}

/// The byte range of a value serde-saphyr kept the location of.
pub(crate) fn spanned_range<T>(text: &str, value: &Spanned<T>) -> Option<Range<usize>> {
    span_of_location(text, &value.referenced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "a: 1\nbø: x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 5), (2, 1));
        // «ø» is two bytes but one column.
        assert_eq!(line_column(text, 9), (2, 4));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn a_problem_is_shown_at_its_line_and_column() {
        let source = RuleSetSource {
            name: "x.yaml".into(),
            text: Arc::from("id: t\nversion: one\n"),
        };
        let mut error = RuleSetError::single(source, "not a version");
        error.problems[0].span = Some(15..18);
        assert_eq!(error.to_string(), "x.yaml:2:10: not a version");
        let about = RuleSetError::about("services", "unknown");
        assert_eq!(about.to_string(), "services: unknown");
    }

    #[test]
    fn the_location_suffix_is_left_to_the_span() {
        assert_eq!(
            strip_location_suffix("unknown field `x` at line 3 column 4\nmore"),
            "unknown field `x`"
        );
        assert_eq!(strip_location_suffix("plain"), "plain");
    }
}
