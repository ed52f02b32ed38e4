//! Colour for the terminal reports, with anstyle's styles. Whether colour is on
//! is decided once, by the binary (anstream: `NO_COLOR`, `CLICOLOR`, a terminal
//! or not), and arrives as [`super::RenderOptions::color`].

use anstyle::{AnsiColor, Style};

/// Paints text with a style when colours are on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint {
    color: bool,
    /// Whether empty text gets the escape codes too (the full report and
    /// `explain` always painted; the brief report leaves empty text alone).
    empty_too: bool,
}

impl Paint {
    /// Colours when `color`; empty text stays empty.
    pub(crate) fn new(color: bool) -> Paint {
        Paint {
            color,
            empty_too: false,
        }
    }

    /// Colours when `color`, empty text included.
    pub(crate) fn always(color: bool) -> Paint {
        Paint {
            color,
            empty_too: true,
        }
    }

    pub(crate) fn with(&self, style: Style, text: &str) -> String {
        if self.color && (self.empty_too || !text.is_empty()) {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    pub(crate) fn bold(&self, t: &str) -> String {
        self.with(Style::new().bold(), t)
    }

    pub(crate) fn dim(&self, t: &str) -> String {
        self.with(Style::new().dimmed(), t)
    }

    pub(crate) fn fg(&self, c: AnsiColor, t: &str) -> String {
        self.with(Style::new().fg_color(Some(c.into())), t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_plain_sgr_ones() {
        let on = Paint::always(true);
        assert_eq!(on.bold("x"), "\x1b[1mx\x1b[0m");
        assert_eq!(on.dim("x"), "\x1b[2mx\x1b[0m");
        assert_eq!(on.fg(AnsiColor::Red, "x"), "\x1b[31mx\x1b[0m");
        assert_eq!(on.fg(AnsiColor::Cyan, ""), "\x1b[36m\x1b[0m");
        assert_eq!(Paint::new(true).bold(""), "");
        assert_eq!(Paint::new(false).bold("x"), "x");
    }
}
