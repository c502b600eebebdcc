//! Content problems as data: a [`Diagnostic`] has a severity, a stable code, a message, a place
//! in the user's file and a hint. Loading pushes them into [`Diagnostics`] and goes on, so one run
//! reports every problem. Rendering them for people lives in `render_text`; this module does no IO.

mod json;
mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use json::render_json;
pub use text::render_text;

use crate::messages::{Message, UiLang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a user's file: 1-based line and column (in characters), the line's text so the
/// report can show it, and how many characters to underline. Cheap to copy (the file's name and
/// the line are shared): a parsed record holds dozens, and `serve` copies every record out of
/// its parse cache on every save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<Path>,
    pub line: usize,
    pub column: usize,
    pub line_text: Arc<str>,
    pub width: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code such as `E-unknown-field`, for documentation and for CI filters.
    pub code: &'static str,
    pub message: Message,
    pub file: Option<PathBuf>,
    pub location: Option<Box<Location>>,
    pub hint: Option<Message>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            location: None,
            hint: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Names the file when no line applies (an empty or binary file).
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn at(mut self, location: Location) -> Self {
        self.file = Some(location.file.to_path_buf());
        self.location = Some(Box::new(location));
        self
    }

    pub fn at_opt(self, location: Option<Location>) -> Self {
        match location {
            Some(location) => self.at(location),
            None => self,
        }
    }

    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message in the user's language.
    pub fn message_text(&self, lang: UiLang) -> String {
        self.message.text(lang)
    }

    pub fn hint_text(&self, lang: UiLang) -> Option<String> {
        self.hint.as_ref().map(|h| h.text(lang))
    }

    fn sort_key(&self) -> (Option<&PathBuf>, usize, usize) {
        let (line, column) = self
            .location
            .as_ref()
            .map_or((0, 0), |l| (l.line, l.column));
        (self.file.as_ref(), line, column)
    }
}

/// Every problem found in one run, in the order they were found until [`Diagnostics::sorted`].
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, line and column, so reports read top to bottom and are deterministic
    /// whatever order parallel loading found them in.
    pub fn sorted(mut self) -> Self {
        self.items.sort_by(|a, b| {
            a.sort_key()
                .cmp(&b.sort_key())
                .then(a.code.cmp(b.code))
                .then(a.message.cmp(&b.message))
        });
        self.items.dedup();
        self
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}
