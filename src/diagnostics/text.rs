//! Renders diagnostics rustc-style for a terminal: severity, code, message, `--> file:line:col`,
//! the offending line with a caret under the right (double-width aware) column, and a hint.
//! Characters that would act on the terminal or hide (controls, bidi controls, zero-width
//! characters) are shown as `<U+XXXX>`, in the line and in quoted values alike (issue 14).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Diagnostics, Severity};
use crate::messages::{UiLang, msg};
use crate::source::characters::{visible, visible_line};

/// Renders every diagnostic in the user's language `lang`, each followed by a blank line.
pub fn render_text(diagnostics: &Diagnostics, color: bool, lang: UiLang) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics.iter() {
        out.push_str(&render_one(diagnostic, &renderer, lang));
        out.push_str("\n\n");
    }
    out
}

fn render_one(diagnostic: &Diagnostic, renderer: &Renderer, lang: UiLang) -> String {
    let name = match diagnostic.severity {
        Severity::Error => msg!("label-error"),
        Severity::Warning => msg!("label-warning"),
    }
    .text(lang);
    let help = msg!("label-help").text(lang);
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
    .with_name(name.clone());
    let message = visible(&diagnostic.message_text(lang)).into_owned();
    let hint = diagnostic
        .hint_text(lang)
        .map(|hint| visible(&hint).into_owned());
    let path = diagnostic
        .file
        .as_ref()
        .map(|p| visible(&p.display().to_string()).into_owned())
        .unwrap_or_default();
    // The line as shown, with the caret's column and width moved to match.
    let shown_line = diagnostic
        .location
        .as_ref()
        .map(|l| visible_line(&l.line_text, l.column, l.width));
    let empty = (std::borrow::Cow::Borrowed(""), 1, 1);
    let title = level.primary_title(message.as_str()).id(diagnostic.code);
    let mut groups: Vec<Group> = Vec::new();
    match &diagnostic.location {
        Some(location) => {
            let (line_text, column, width) = shown_line.as_ref().unwrap_or(&empty);
            let span = char_span(line_text, *column, *width);
            groups.push(
                title.element(
                    Snippet::source(line_text.as_ref())
                        .line_start(location.line)
                        .path(path.clone())
                        .annotation(AnnotationKind::Primary.span(span)),
                ),
            );
        }
        None if !path.is_empty() => {
            groups.push(title.element(Origin::path(path.as_str())));
        }
        // Nothing to point at: a title and a hint read better without an empty gutter.
        None => {
            let mut text = format!("{name}[{}]: {message}", diagnostic.code);
            if let Some(hint) = &hint {
                text.push_str(&format!("\n{help}: {hint}"));
            }
            return text;
        }
    }
    if let Some(hint) = &hint {
        groups.push(Group::with_title(
            Level::HELP
                .with_name(help.as_str())
                .secondary_title(hint.as_str()),
        ));
    }
    renderer.render(&groups).to_string()
}

/// Converts a 1-based character column and width into a byte range of `line`.
fn char_span(line: &str, column: usize, width: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(byte, _)| byte)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + width.max(1)).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Location;
    use std::path::PathBuf;

    fn render(diagnostic: Diagnostic) -> String {
        render_text(&[diagnostic].into_iter().collect(), false, UiLang::En)
    }

    /// A misspelled field, as the loader reports it.
    fn unknown_field() -> Diagnostic {
        Diagnostic::error(
            "E-unknown-field",
            msg!(
                "unknown-field",
                field = "regoin",
                what = msg!("what-this-record")
            ),
        )
        .at(Location {
            file: PathBuf::from("content/projects/a.zh.md").into(),
            line: 4,
            column: 1,
            line_text: "regoin: yanji".into(),
            width: 6,
        })
        .hint(msg!("did-you-mean", name = "region"))
    }

    #[test]
    fn shows_file_line_column_and_hint() {
        let text = render(unknown_field());
        assert!(
            text.contains("error[E-unknown-field]: unknown field `regoin` in this record"),
            "{text}"
        );
        assert!(text.contains("content/projects/a.zh.md:4:1"), "{text}");
        assert!(text.contains("regoin: yanji"), "{text}");
        assert!(text.contains("^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `region`?"), "{text}");
    }

    #[test]
    fn caret_sits_under_double_width_text() {
        let text = render(Diagnostic::error("E-x", msg!("empty-file")).at(Location {
            file: PathBuf::from("a.md").into(),
            line: 2,
            column: 8,
            line_text: "title: 延吉市".into(),
            width: 3,
        }));
        let line = text.lines().find(|l| l.contains('^')).unwrap();
        // "title: " is 7 columns; three CJK characters are six columns wide.
        let caret_col = line.find('^').unwrap();
        let source_line = text.lines().find(|l| l.contains("延吉市")).unwrap();
        let text_col = source_line.find("title").unwrap() + 7;
        assert_eq!(caret_col, text_col, "{text}");
        assert_eq!(line.matches('^').count(), 6, "{text}");
    }

    #[test]
    fn a_problem_with_no_place_is_two_plain_lines() {
        let diagnostic =
            Diagnostic::error("E-bad-value", msg!("bad-paginate")).hint(msg!("bad-paginate-hint"));
        let text = render(diagnostic.clone());
        assert_eq!(
            text.trim_end(),
            "error[E-bad-value]: `paginate` must be at least 1\n\
             help: write how many records one list page shows, such as 12"
        );
        let text = render_text(&[diagnostic].into_iter().collect(), false, UiLang::Zh);
        assert_eq!(
            text.trim_end(),
            "错误[E-bad-value]: `paginate` 至少要是 1\n\
             提示: 请写每个列表页显示多少条记录，例如 12"
        );
    }

    #[test]
    fn labels_and_messages_are_in_the_users_language() {
        let text = render_text(&[unknown_field()].into_iter().collect(), false, UiLang::Zh);
        assert!(
            text.contains("错误[E-unknown-field]: 字段 `regoin` 不属于这条记录"),
            "{text}"
        );
        assert!(text.contains("提示: 是不是要写 `region`？"), "{text}");
    }

    #[test]
    fn hidden_characters_are_shown_with_the_caret_under_them() {
        let location = |line_text: &str, column, width| Location {
            file: PathBuf::from("content/projects/a\u{200b}.zh.md").into(),
            line: 2,
            column,
            line_text: line_text.into(),
            width,
        };
        // A bidi override after Chinese text: the caret sits under `<U+202E>`, all of it.
        let text = render(
            Diagnostic::warning("W-bidi-control", msg!("empty-file")).at(location(
                "title: 延吉\u{202e}市",
                10,
                1,
            )),
        );
        let source_line = text.lines().find(|l| l.contains("title")).unwrap();
        assert!(source_line.contains("title: 延吉<U+202E>市"), "{text}");
        let caret_line = text.lines().find(|l| l.contains('^')).unwrap();
        // "title: " is 7 columns, "延吉" 4 more.
        let at = source_line.find("title").unwrap() + 11;
        assert_eq!(caret_line.find('^').unwrap(), at, "{text}");
        assert_eq!(caret_line.matches('^').count(), 8, "{text}");
        assert!(
            text.contains("a<U+200B>.zh.md:2:"),
            "the path is shown too:\n{text}"
        );

        // A control character before the problem moves the caret by the width of its name.
        let text = render(
            Diagnostic::error("E-x", msg!("unknown-record", id = "x\u{1b}[2Jy")).at(location(
                "a\u{7}: 延吉",
                5,
                2,
            )),
        );
        let source_line = text.lines().find(|l| l.contains("a<U+0007>")).unwrap();
        let caret_line = text.lines().find(|l| l.contains('^')).unwrap();
        let at = source_line.find("a<U+0007>").unwrap() + 11;
        assert_eq!(caret_line.find('^').unwrap(), at, "{text}");
        assert_eq!(caret_line.matches('^').count(), 4, "{text}");
        // No raw control character reaches the terminal, also from a value in the message.
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("x<U+001B>[2Jy"), "{text}");
    }

    #[test]
    fn span_is_clamped_to_the_line() {
        assert_eq!(char_span("ab", 9, 4), 2..2);
        assert_eq!(char_span("延吉", 2, 5), 3..6);
    }
}
