//! Every input file's text, read once, with a line index for turning positions into
//! [`Location`]s. Reading checks what users get wrong in practice (an empty file, a binary file,
//! a non-UTF-8 file, a byte-order mark) and reports it with the path instead of failing later.

pub mod characters;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Location};
use crate::messages::msg;

/// One input file's text. `path` is relative to the site root: it is what users see in reports.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Shared with every location in the file.
    pub path: Arc<Path>,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: std::path::PathBuf, text: String) -> Self {
        SourceFile::with_shared_path(path.into(), text)
    }

    /// [`SourceFile::new`] with the path a file read earlier already shares.
    pub fn with_shared_path(path: Arc<Path>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// Reads `root/path`, refusing what cannot be a text record.
    pub fn read(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
        let bytes = std::fs::read(root.join(path)).map_err(|err| {
            Diagnostic::error("E-read", msg!("cannot-read-file", detail = err.to_string()))
                .in_file(path)
        })?;
        Self::from_bytes(path, bytes)
    }

    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        if bytes.contains(&0) {
            return Err(Diagnostic::error("E-binary-file", msg!("binary-file"))
                .in_file(path)
                .hint(msg!("binary-file-hint")));
        }
        let text = match utf8_text(bytes) {
            Ok(text) => text,
            Err(err) => {
                let bytes = err.as_bytes();
                let bad = err.utf8_error().valid_up_to();
                let line_start = bytes[..bad]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let line_end = bytes[bad..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |i| bad + i);
                let line = bytes[..bad].iter().filter(|b| **b == b'\n').count() + 1;
                // Shown lossily: the point is to see where the bad bytes are.
                let prefix = String::from_utf8_lossy(&bytes[line_start..bad]);
                let location = Location {
                    file: path.into(),
                    line,
                    column: prefix.chars().count() + 1,
                    line_text: String::from_utf8_lossy(&bytes[line_start..line_end])
                        .trim_end()
                        .into(),
                    width: 1,
                };
                return Err(Diagnostic::error("E-not-utf8", msg!("not-utf8"))
                    .at(location)
                    .hint(msg!("not-utf8-hint")));
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text);
        if text.trim().is_empty() {
            return Err(Diagnostic::error("E-empty-file", msg!("empty-file"))
                .in_file(path)
                .hint(msg!("empty-file-hint")));
        }
        Ok(SourceFile::new(path.to_path_buf(), text))
    }

    /// The number of lines (a final line without a newline counts).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The bytes of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let text = self.text[start..end].trim_end_matches(['\n', '\r']);
        Some(start..start + text.len())
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> &str {
        self.line_range(line).map_or("", |range| &self.text[range])
    }

    /// The 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let index = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts[index];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (index + 1, column + 1)
    }

    /// A location at a 1-based line and character column, underlining `width` characters.
    pub fn location(&self, line: usize, column: usize, width: usize) -> Location {
        let line = line.clamp(1, self.line_count());
        Location {
            file: self.path.clone(),
            line,
            column: column.max(1),
            line_text: self.line(line).into(),
            width: width.max(1),
        }
    }
}

/// `String::from_utf8`, validated with SIMD: the standard validator walks Chinese and Korean
/// text (three bytes a character) one character at a time, and records are mostly that.
fn utf8_text(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `simdutf8` has just validated the bytes as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        // Invalid: the standard library finds where, for the message.
        String::from_utf8(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_read(bytes: &[u8], code: &str) {
        let err = SourceFile::from_bytes(Path::new("a.md"), bytes.to_vec()).unwrap_err();
        assert_eq!(err.code, code);
        assert_eq!(err.file.as_deref(), Some(Path::new("a.md")));
    }

    #[test]
    fn refuses_empty_binary_and_non_utf8_files() {
        check_read(b"", "E-empty-file");
        check_read(b"  \n\n", "E-empty-file");
        check_read(b"\x89PNG\r\n\x1a\n\0\0", "E-binary-file");
        check_read(b"title: \xd1\xd3\xbc\xaa\n", "E-not-utf8");
        // Valid three-byte characters, then a truncated one.
        check_read(
            "标题：延吉"
                .as_bytes()
                .iter()
                .chain(b"\xe5\xbb")
                .copied()
                .collect::<Vec<u8>>()
                .as_slice(),
            "E-not-utf8",
        );
    }

    #[test]
    fn strips_a_byte_order_mark() {
        let file = SourceFile::from_bytes(Path::new("a.md"), "\u{feff}---\n".into()).unwrap();
        assert_eq!(file.text, "---\n");
    }

    #[test]
    fn lines_and_columns() {
        let file = SourceFile::new("a".into(), "ab\n延吉: x\r\nlast".into());
        assert_eq!(file.line_count(), 3);
        assert_eq!(file.line(2), "延吉: x");
        assert_eq!(file.line(3), "last");
        assert_eq!(file.line(9), "");
        assert_eq!(file.location(7, 0, 0).line, 3);
    }
}
