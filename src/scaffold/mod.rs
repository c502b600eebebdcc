//! `showcase new` and `showcase init` (SPEC §5): files written for the user to fill in. This
//! module owns the placeholder marks those files carry (`【待填写】`, `【待翻译】`), which the
//! content loader reports as errors, so a skeleton or a translation stub can never be published
//! before someone has written it. It writes only new files, never over an existing one.

pub mod init;
pub mod new;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::{CollectionSchema, FieldType};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{Message, msg};
use crate::source::SourceFile;
use crate::yaml::{Node, Reader, Value};

/// Marks that start a value still to be written: by `new` (fill in) and by `new --to`
/// (translate). A value or a body line holding one is an error (`E-placeholder`).
pub const PLACEHOLDER_MARKS: [&str; 2] = ["【待填写】", "【待翻译】"];

/// The mark a skeleton's values start with.
pub const FILL_MARK: &str = PLACEHOLDER_MARKS[0];
/// The mark a translation stub's values start with.
pub const TRANSLATE_MARK: &str = PLACEHOLDER_MARKS[1];

/// The character every placeholder mark starts with. Looking for it first (a `memchr`) keeps
/// the search cheap on the thousands of texts that hold no mark.
const MARK_START: char = '【';

/// The first placeholder mark in `text` and its column (1-based, in characters).
pub fn find_placeholder(text: &str) -> Option<(&'static str, usize)> {
    if !text.contains(MARK_START) {
        return None;
    }
    PLACEHOLDER_MARKS
        .iter()
        .filter_map(|mark| text.find(mark).map(|at| (*mark, at)))
        .min_by_key(|(_, at)| *at)
        .map(|(mark, at)| (mark, text[..at].chars().count() + 1))
}

/// Each line of a Markdown body that holds a placeholder mark: (0-based line, column, mark).
pub fn placeholder_lines(body: &str) -> Vec<(usize, usize, &'static str)> {
    if !body.contains(MARK_START) {
        return Vec::new();
    }
    body.lines()
        .enumerate()
        .filter_map(|(i, line)| find_placeholder(line).map(|(mark, column)| (i, column, mark)))
        .collect()
}

/// Every text inside `node` (at any depth) that holds a placeholder mark.
fn placeholders_in<'n>(node: &'n Node, found: &mut Vec<&'n Node>) {
    match &node.value {
        Value::Str(text) if find_placeholder(text).is_some() => found.push(node),
        Value::Seq(items) => items.iter().for_each(|item| placeholders_in(item, found)),
        Value::Map(entries) => entries
            .iter()
            .for_each(|(_, value)| placeholders_in(value, found)),
        _ => {}
    }
}

/// Reports each placeholder a front-matter value still holds, at the placeholder. Returns
/// whether the loader should skip reading the value: text fields are read as they are (so the
/// record is not also said to lack them); any other value would only add a second error.
pub fn report_placeholder(
    r: &mut Reader,
    field: &str,
    node: &Node,
    schema: &CollectionSchema,
) -> bool {
    let mut found = Vec::new();
    placeholders_in(node, &mut found);
    if found.is_empty() {
        return false;
    }
    for marked in found {
        let (text, mark) = match marked
            .as_str()
            .and_then(|t| Some((t, find_placeholder(t)?.0)))
        {
            Some(found) => found,
            None => continue,
        };
        // Point at the placeholder itself, not at a comment after a quoted value.
        let mut location = r.value_location(marked);
        if let Some((_, column)) = find_placeholder(&location.line_text) {
            let from = text.find(mark).unwrap_or(0);
            location.column = column;
            location.width = text[from..]
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                .max(1);
        }
        r.push(
            Diagnostic::error(
                "E-placeholder",
                msg!("new-placeholder-left", field = field, mark = mark),
            )
            .at(location)
            .hint(placeholder_hint(mark)),
        );
    }
    let text = matches!(field, "title" | "summary")
        || schema.field(field).is_some_and(|def| {
            matches!(
                def.ty,
                FieldType::Text | FieldType::Markdown | FieldType::String | FieldType::Link
            )
        });
    !text
}

fn placeholder_hint(mark: &str) -> Message {
    if mark == TRANSLATE_MARK {
        msg!("new-placeholder-translate-hint", mark = mark)
    } else {
        msg!("new-placeholder-fill-hint", mark = mark)
    }
}

/// Reports every line of a Markdown body that still holds a placeholder; `first_line` is the
/// body's first line in the file.
pub fn report_body_placeholders(
    file: &SourceFile,
    body: &str,
    first_line: usize,
    diagnostics: &mut Diagnostics,
) {
    for (offset, column, mark) in placeholder_lines(body) {
        diagnostics.push(
            Diagnostic::error("E-placeholder", msg!("new-placeholder-body", mark = mark))
                .at(file.location(first_line + offset, column, mark.chars().count()))
                .hint(placeholder_hint(mark)),
        );
    }
}

/// Why a record id cannot be used: ids are file names (`<id>.<lang>.md`), so they hold no
/// `.`, no path separator, no space, and do not start with `_` (`_index` is an introduction).
pub fn id_problem(id: &str) -> Option<Message> {
    if id.is_empty() {
        return Some(msg!("new-id-empty"));
    }
    if id.starts_with('_') {
        return Some(msg!("new-id-underscore", id = id));
    }
    let bad = id.chars().find(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '.' | '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#'
            )
    });
    bad.map(|c| msg!("new-id-bad-char", id = id, char = c.to_string()))
}

/// A failure of `new` or `init`: the user's request cannot be done (exit 2). Each names what
/// was asked and says what to do instead.
#[derive(Debug)]
pub struct ScaffoldError {
    pub message: Message,
    pub hint: Option<Message>,
}

impl ScaffoldError {
    pub fn new(message: Message) -> Self {
        ScaffoldError {
            message,
            hint: None,
        }
    }

    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }
}

/// Writes a file that must not exist yet, creating its folder; an existing file is refused,
/// checked and created in one step so nothing is ever overwritten.
pub fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let fail = |err: std::io::Error| {
        if err.kind() == std::io::ErrorKind::AlreadyExists {
            ScaffoldError::new(msg!("new-exists", path = path)).hint(msg!("new-exists-hint"))
        } else {
            ScaffoldError::new(msg!(
                "new-cannot-write",
                path = path,
                reason = err.to_string()
            ))
        }
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)
}

/// `root/relative` for display: relative to the current folder when `root` is `.`.
pub fn shown(root: &Path, relative: &Path) -> PathBuf {
    if root == Path::new(".") {
        relative.to_path_buf()
    } else {
        root.join(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_with_their_column() {
        assert_eq!(
            find_placeholder("title: \"【待填写】标题\""),
            Some((FILL_MARK, 9))
        );
        assert_eq!(
            find_placeholder("概况【待翻译】"),
            Some((TRANSLATE_MARK, 3))
        );
        assert_eq!(find_placeholder("待填写的表格"), None);
        assert_eq!(find_placeholder("【注】说明"), None);
        assert!(PLACEHOLDER_MARKS.iter().all(|m| m.starts_with(MARK_START)));
        assert_eq!(
            placeholder_lines("a\n\n【待填写】正文\n"),
            [(2, 1, FILL_MARK)]
        );
    }

    #[test]
    fn ids_are_file_names() {
        for good in ["hongxin-wuye", "梨园村", "A1", "2024-report"] {
            assert!(id_problem(good).is_none(), "{good}");
        }
        for bad in [
            "", "_index", "a.ko", "../x", "a/b", "a b", "a\\b", ".hidden",
        ] {
            assert!(id_problem(bad).is_some(), "{bad:?}");
        }
    }
}
