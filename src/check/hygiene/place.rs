//! Where text is in a file: byte offsets to lines and character columns, the byte ranges of the
//! YAML scalars of a front matter or YAML record (with the language each is written in), and a
//! place in a YAML value (a block scalar's Markdown, dedented) found back in the file.

use std::ops::Range;

use crate::source::SourceFile;
use crate::yaml::{Node, Pos, Value};

/// A file's text seen through its line index ([`SourceFile`]), with what the hygiene rules need
/// on top: byte offsets of YAML positions and the byte ranges of scalars.
pub struct Lines<'a> {
    file: &'a SourceFile,
    text: &'a str,
}

impl<'a> Lines<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        Lines {
            file,
            text: file.text.as_str(),
        }
    }

    /// The 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.file.position(offset)
    }

    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        self.file.line_range(line)
    }

    fn line_text(&self, line: usize) -> &'a str {
        self.file.line(line)
    }

    /// The byte offset of a 1-based line and character column.
    fn offset(&self, pos: Pos) -> Option<usize> {
        let range = self.line_range(pos.line)?;
        let line = &self.text[range.clone()];
        let skip = pos.column.checked_sub(1)?;
        let within = line
            .char_indices()
            .nth(skip)
            .map(|(i, _)| i)
            .or_else(|| (line.chars().count() == skip).then_some(line.len()))?;
        Some(range.start + within)
    }

    /// How many characters the line has from a column on.
    pub fn rest_of_line(&self, line: usize, column: usize) -> usize {
        self.line_text(line)
            .chars()
            .skip(column.saturating_sub(1))
            .count()
            .max(1)
    }

    /// Every string scalar below `node`, with its language: a map whose keys are all language
    /// codes gives each value its key's language; everything else is in `lang`.
    pub fn texts<'l>(
        &self,
        node: &Node,
        lang: &'l str,
        codes: &'l [String],
        in_flow: bool,
        out: &mut Vec<(&'l str, Range<usize>)>,
    ) {
        let opens = |bracket: char| {
            self.offset(node.pos)
                .is_some_and(|o| self.text[o..].starts_with(bracket))
        };
        match &node.value {
            Value::Str(_) => {
                if let Some(range) = self.scalar(node.pos, in_flow) {
                    out.push((lang, range));
                }
            }
            Value::Seq(items) => {
                let flow = in_flow || opens('[');
                for item in items {
                    self.texts(item, lang, codes, flow, out);
                }
            }
            Value::Map(entries) => {
                let flow = in_flow || opens('{');
                let by_language =
                    !entries.is_empty() && entries.iter().all(|(k, _)| codes.contains(&k.name));
                for (key, value) in entries {
                    let value_lang = if by_language {
                        codes
                            .iter()
                            .find(|c| **c == key.name)
                            .map_or(lang, String::as_str)
                    } else {
                        lang
                    };
                    self.texts(value, value_lang, codes, flow, out);
                }
            }
            _ => {}
        }
    }

    /// The bytes a scalar starting at `pos` takes in the file (for a block scalar, its lines).
    fn scalar(&self, pos: Pos, in_flow: bool) -> Option<Range<usize>> {
        let start = self.offset(pos)?;
        let line_end = self.line_range(pos.line)?.end;
        let rest = &self.text[start..];
        if let Some(range) = self.block_from_content(pos, start) {
            return Some(range);
        }
        let range = match rest.chars().next()? {
            '|' | '>' => {
                let indent = indentation(self.line_text(pos.line));
                let mut last = pos.line;
                let mut line = pos.line + 1;
                while line <= self.file.line_count() {
                    let text = self.line_text(line);
                    if !text.trim().is_empty() {
                        if indentation(text) <= indent {
                            break;
                        }
                        last = line;
                    }
                    line += 1;
                }
                let first = self.line_range(pos.line + 1)?.start;
                first..self.line_range(last)?.end.max(first)
            }
            '"' => {
                let mut escaped = false;
                let close = rest[1..].char_indices().find(|&(_, c)| {
                    let closes = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                });
                start..close.map_or(line_end, |(i, _)| start + 2 + i)
            }
            '\'' => {
                let bytes = rest.as_bytes();
                let mut i = 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                start..(start + i + 1).min(self.text.len())
            }
            _ => {
                let line = &self.text[start..line_end];
                let mut end = line.find(" #").unwrap_or(line.len());
                if in_flow {
                    end = end.min(line.find([',', '}', ']']).unwrap_or(line.len()));
                }
                start..start + end
            }
        };
        Some(range)
    }

    /// A block scalar (`|`, `>`) whose position is its first content line: the lines from
    /// there that are blank or indented at least as much.
    fn block_from_content(&self, pos: Pos, start: usize) -> Option<Range<usize>> {
        let line = self.line_range(pos.line)?;
        if !self.text[line.start..start].trim().is_empty() || pos.line < 2 {
            return None;
        }
        let header = (1..pos.line)
            .rev()
            .map(|l| self.line_text(l))
            .find(|t| !t.trim().is_empty())?;
        let indicator = header
            .trim_end()
            .rsplit([' ', ':'])
            .next()
            .unwrap_or_default();
        if !indicator.starts_with(['|', '>']) {
            return None;
        }
        let indent = indentation(self.line_text(pos.line));
        let mut last = pos.line;
        for number in pos.line + 1..=self.file.line_count() {
            let text = self.line_text(number);
            if !text.trim().is_empty() {
                if indentation(text) < indent {
                    break;
                }
                last = number;
            }
        }
        Some(start..self.line_range(last)?.end.max(start))
    }

    /// The byte offset in the file of `offset` in a YAML `value` written from line `at_line`
    /// on: the value's line is looked for in the file's lines (a block scalar's lines are the
    /// file's lines less their indentation), else the text from the offset on.
    pub fn find_in_value(&self, value: &str, offset: usize, at_line: usize) -> Option<usize> {
        let before = value.get(..offset)?;
        let index = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let value_line = value[line_start..].split('\n').next().unwrap_or_default();
        let within = offset - line_start;
        let tail: String = value[offset..]
            .split('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .take(12)
            .collect();
        let lines = (at_line + index..=self.file.line_count()).chain(at_line..at_line + index);
        for (needle, shift) in [(value_line.trim_end(), within), (tail.as_str(), 0)] {
            if needle.is_empty() {
                continue;
            }
            for line in lines.clone() {
                let Some(range) = self.line_range(line) else {
                    continue;
                };
                if let Some(found) = self.text[range.clone()].find(needle) {
                    return Some(range.start + found + shift);
                }
            }
        }
        None
    }
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}
