//! `--format json`: the diagnostics as a JSON array for CI, one object per problem, in the
//! same order as the text report. The shape is documented in README.md ("Checking a site") and
//! only grows: fields are added, never renamed or removed.

use serde::Serialize;

use super::{Diagnostic, Diagnostics, Severity};
use crate::messages::UiLang;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    code: &'a str,
    message: String,
    /// The file, relative to the site folder (or as the theme names it); null for problems of
    /// no particular file.
    file: Option<String>,
    /// 1-based; null when the problem is about the whole file.
    line: Option<usize>,
    /// 1-based, in characters (a Chinese character counts one).
    column: Option<usize>,
    /// How many characters the problem covers, from `column`.
    width: Option<usize>,
    /// The text of the line, as shown in the text report.
    line_text: Option<&'a str>,
    hint: Option<String>,
}

/// The JSON array of every diagnostic, messages in `lang`.
pub fn render_json(diagnostics: &Diagnostics, lang: UiLang) -> String {
    let items: Vec<JsonDiagnostic> = diagnostics.iter().map(|d| item(d, lang)).collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

fn item(d: &Diagnostic, lang: UiLang) -> JsonDiagnostic<'_> {
    let location = d.location.as_deref();
    JsonDiagnostic {
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        code: d.code,
        message: d.message_text(lang),
        file: d.file.as_ref().map(|f| f.display().to_string()),
        line: location.map(|l| l.line),
        column: location.map(|l| l.column),
        width: location.map(|l| l.width),
        line_text: location.map(|l| &*l.line_text),
        hint: d.hint_text(lang),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::diagnostics::Location;

    #[test]
    fn every_field_is_there_with_messages_in_the_chosen_language() {
        let diagnostics: Diagnostics = [
            Diagnostic::error("E-x", crate::messages::msg!("label-error"))
                .at(Location {
                    file: PathBuf::from("content/a.zh.md").into(),
                    line: 3,
                    column: 7,
                    line_text: "date: 延吉".into(),
                    width: 2,
                })
                .hint(crate::messages::msg!("label-help")),
            Diagnostic::warning("W-y", crate::messages::msg!("label-warning")),
        ]
        .into_iter()
        .collect();
        let value: serde_json::Value =
            serde_json::from_str(&render_json(&diagnostics, UiLang::Zh)).unwrap();
        assert_eq!(
            value,
            serde_json::json!([
                {"severity": "error", "code": "E-x", "message": "错误", "file": "content/a.zh.md",
                 "line": 3, "column": 7, "width": 2, "line_text": "date: 延吉", "hint": "提示"},
                {"severity": "warning", "code": "W-y", "message": "警告", "file": null,
                 "line": null, "column": null, "width": null, "line_text": null, "hint": null}
            ])
        );
    }
}
