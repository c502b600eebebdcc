//! Splits a Markdown file into its YAML front matter and body. Positions in the front matter are
//! shifted by the opening fence so reports point at the file's own lines.

use crate::diagnostics::Diagnostic;
use crate::messages::msg;
use crate::source::SourceFile;
use crate::yaml::{self, Node};

pub struct Split<'a> {
    /// The parsed front matter; `None` when the file has none (allowed for `_index` files).
    pub front: Option<Node>,
    pub body: &'a str,
    /// The 1-based line the body starts on.
    pub body_line: usize,
}

/// Splits `file`. A front matter that never closes or is not valid YAML is an error.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = file.text.as_str();
    let first_line = file.line(1);
    if first_line.trim_end() != "---" {
        if first_line.trim_end() == "+++" {
            return Err(
                Diagnostic::error("E-toml-front-matter", msg!("toml-front-matter"))
                    .at(file.location(1, 1, 3))
                    .hint(msg!("toml-front-matter-hint")),
            );
        }
        return Ok(Split {
            front: None,
            body: text,
            body_line: 1,
        });
    }
    let closing = (2..=file.line_count()).find(|&line| {
        let l = file.line(line).trim_end();
        l == "---" || l == "..."
    });
    let Some(closing) = closing else {
        return Err(
            Diagnostic::error("E-unclosed-front-matter", msg!("unclosed-front-matter"))
                .at(file.location(1, 1, 3))
                .hint(msg!("unclosed-front-matter-hint")),
        );
    };
    let start = line_offset(text, 2);
    let end = line_offset(text, closing);
    let yaml_text = &text[start..end];
    let mut front = yaml::parse(yaml_text).map_err(|err| {
        Diagnostic::error(
            err.code(),
            msg!("front-matter-not-yaml", problem = err.message.clone()),
        )
        .at(file.location(err.pos.line + 1, err.pos.column, 1))
        .hint(err.hint())
    })?;
    front.shift_lines(1);
    let body_start = line_offset(text, closing + 1);
    Ok(Split {
        front: Some(front),
        body: &text[body_start..],
        body_line: closing + 1,
    })
}

/// The byte offset where 1-based `line` starts (the text's end past the last line).
fn line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_split(text: &str) -> Result<(Option<Node>, String, usize), Diagnostic> {
        let file = SourceFile::new("a.md".into(), text.to_string());
        split(&file).map(|s| (s.front, s.body.to_string(), s.body_line))
    }

    #[test]
    fn splits_front_matter_and_body() {
        let (front, body, line) = check_split("---\ntitle: 延吉\n---\n\n正文\n").unwrap();
        let front = front.unwrap();
        assert_eq!(front.get("title").unwrap().pos.line, 2);
        assert_eq!(body, "\n正文\n");
        assert_eq!(line, 4);
    }

    #[test]
    fn a_file_without_front_matter_is_all_body() {
        let (front, body, _) = check_split("正文\n").unwrap();
        assert!(front.is_none());
        assert_eq!(body, "正文\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error_at_line_one() {
        let err = check_split("---\ntitle: a\n\nbody\n").unwrap_err();
        assert_eq!(err.code, "E-unclosed-front-matter");
        assert_eq!(err.location.unwrap().line, 1);
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let err = check_split("---\ntitle: a\ndate: [2020\n---\n").unwrap_err();
        assert_eq!(err.code, "E-yaml");
        assert!(err.location.unwrap().line >= 3);
        let err = check_split("---\ntitle: a\ntitle: b\n---\n").unwrap_err();
        assert_eq!(err.location.unwrap().line, 3);
    }

    #[test]
    fn toml_front_matter_is_named() {
        assert_eq!(
            check_split("+++\ntitle = 'a'\n+++\n").unwrap_err().code,
            "E-toml-front-matter"
        );
    }
}
