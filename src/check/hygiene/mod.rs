//! Text hygiene (SPEC §5 `check`): problems in the text itself rather than in the fields —
//! mojibake, the other Chinese script in a Chinese text, emphasis markers CommonMark shows as
//! written, images with no description and titles too long to show. Each file is read again
//! here, so every finding points at its exact line and column; loading has already reported
//! files that cannot be read or parsed, so those are skipped.

mod chinese;
mod mojibake;
mod place;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::fields::FieldValue;
use crate::content::{Content, RawRecord, RecordFormat, frontmatter};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::lint::{LintKind, lint};
use crate::messages::msg;
use crate::source::SourceFile;
use crate::yaml::{self, Node, Value};
use chinese::Script;
use mojibake::Kind;
use place::Lines;

/// The longest title, in characters, for a title with Chinese or Korean characters. Search
/// engines cut page titles at about 30 Chinese characters, a card shows two lines of about 20,
/// and official headlines (公文标题) stay well under 40: past 40 the title no longer fits where it
/// is shown. Titles in other scripts take two letters for one Chinese character.
pub const TITLE_LIMIT_CJK: usize = 40;
pub const TITLE_LIMIT_OTHER: usize = 80;

/// One file to check: a record file or an introduction.
struct Job<'a> {
    path: &'a Path,
    lang: &'a str,
    record: Option<&'a RawRecord>,
}

struct Ctx<'a> {
    codes: Vec<String>,
    scripts: BTreeMap<&'a str, Script>,
}

impl<'a> Ctx<'a> {
    /// The site's language codes, and the script each Chinese language is written in.
    fn new(config: &'a SiteConfig) -> Ctx<'a> {
        Ctx {
            codes: config.lang_codes(),
            scripts: config
                .languages
                .iter()
                .filter_map(|l| chinese::script_of(&l.code, &l.tag).map(|s| (l.code.as_str(), s)))
                .collect(),
        }
    }
}

pub fn check(root: &Path, content: &Content, config: &SiteConfig) -> Diagnostics {
    let ctx = Ctx::new(config);
    let jobs: Vec<Job> = content
        .records
        .iter()
        .map(|record| Job {
            path: &record.path,
            lang: &record.lang,
            record: Some(record),
        })
        .chain(content.intros.iter().map(|intro| Job {
            path: &intro.body.at.file,
            lang: &intro.lang,
            record: None,
        }))
        .collect();
    let found: Vec<Diagnostics> = jobs
        .par_iter()
        .map(|job| match SourceFile::read(root, job.path) {
            Ok(file) => check_file(&file, job, &ctx),
            Err(_) => Diagnostics::default(),
        })
        .collect();
    let mut diagnostics = Diagnostics::default();
    for file_diagnostics in found {
        diagnostics.extend(file_diagnostics);
    }
    diagnostics
}

fn check_file(file: &SourceFile, job: &Job, ctx: &Ctx) -> Diagnostics {
    let mut out = Diagnostics::default();
    let lines = Lines::new(file);
    let garbled = check_mojibake(file, &mut out);
    let is_yaml = job.record.is_some_and(|r| r.format == RecordFormat::Yaml);
    let (front, body) = if is_yaml {
        (yaml::parse(&file.text).ok(), None)
    } else {
        match frontmatter::split(file) {
            Ok(split) => {
                let start = file.text.len() - split.body.len();
                (split.front, Some((split.body, start)))
            }
            Err(_) => (None, None),
        }
    };
    // Every text of the file with its language, as byte ranges of the file.
    let mut spans: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    if let Some(front) = &front {
        lines.texts(front, job.lang, &ctx.codes, false, &mut spans);
        check_titles(file, &lines, front, &ctx.codes, &mut out);
    }
    if let Some((_, start)) = body {
        spans.push((job.lang, start..file.text.len()));
    }
    check_scripts(file, &lines, &spans, ctx, &garbled, &mut out);
    if let Some((text, start)) = body {
        check_markdown(file, &lines, text, |offset| Some(start + offset), &mut out);
    }
    if let Some(record) = job.record {
        if is_yaml {
            for (_, located) in record.fields.body.iter() {
                let value = &located.value;
                check_markdown(
                    file,
                    &lines,
                    value,
                    |offset| lines.find_in_value(value, offset, located.at.line),
                    &mut out,
                );
            }
        }
        check_gallery(record, &mut out);
    }
    out
}

/// Reports mojibake; returns where it is (line, first and last column), so that its garbage is
/// not also reported as characters of the other script.
fn check_mojibake(file: &SourceFile, out: &mut Diagnostics) -> Vec<(usize, usize, usize)> {
    let mut garbled = Vec::new();
    for number in 1..=file.line_count() {
        for found in mojibake::scan_line(file.line(number)) {
            garbled.push((number, found.column + 1, found.column + found.width));
            let location = file.location(number, found.column + 1, found.width);
            let text = found.text.clone();
            // The full-width question mark is advice for a `?` only.
            let hint = match found.kind {
                Kind::QuestionMark => msg!("hygiene-mojibake-question-hint"),
                _ => msg!("hygiene-mojibake-hint"),
            };
            let message = match (found.kind, found.recovered) {
                (Kind::Replacement, _) => msg!("hygiene-mojibake-replacement"),
                (Kind::QuestionMark, _) => msg!("hygiene-mojibake-question", text = text),
                (_, Some(recovered)) if recovered.chars().all(|c| c == '\u{FFFD}') => {
                    msg!("hygiene-mojibake-replacement-encoded", text = text)
                }
                (_, Some(recovered)) => {
                    msg!(
                        "hygiene-mojibake-encoding",
                        text = text,
                        recovered = recovered
                    )
                }
                (_, None) => msg!("hygiene-mojibake-encoding", text = text, recovered = ""),
            };
            out.push(
                Diagnostic::error("E-mojibake", message)
                    .at(location)
                    .hint(hint),
            );
        }
    }
    garbled
}

fn check_scripts(
    file: &SourceFile,
    lines: &Lines,
    spans: &[(&str, std::ops::Range<usize>)],
    ctx: &Ctx,
    garbled: &[(usize, usize, usize)],
    out: &mut Diagnostics,
) {
    for (lang, range) in spans {
        let Some(&script) = ctx.scripts.get(lang) else {
            continue;
        };
        let Some(text) = file.text.get(range.clone()) else {
            continue;
        };
        for found in chinese::mismatches(text, script) {
            let (line, column) = lines.position(range.start + found.offset);
            if garbled
                .iter()
                .any(|&(l, first, last)| l == line && (first..=last).contains(&column))
            {
                continue;
            }
            let found_char = found.found.to_string();
            let (code, message, hint) = match script {
                Script::Simplified => (
                    "W-traditional-chars",
                    msg!("hygiene-traditional", found = &found_char),
                    msg!(
                        "hygiene-traditional-hint",
                        found = &found_char,
                        expected = &found.expected,
                        count = found.count
                    ),
                ),
                Script::Traditional(_) => (
                    "W-simplified-chars",
                    msg!("hygiene-simplified", found = &found_char),
                    msg!(
                        "hygiene-simplified-hint",
                        found = &found_char,
                        expected = &found.expected,
                        count = found.count
                    ),
                ),
            };
            out.push(
                Diagnostic::warning(code, message)
                    .at(file.location(line, column, 1))
                    .hint(hint),
            );
        }
    }
}

fn check_titles(
    file: &SourceFile,
    lines: &Lines,
    front: &Node,
    codes: &[String],
    out: &mut Diagnostics,
) {
    let Some(title) = front.get("title") else {
        return;
    };
    let mut titles: Vec<&Node> = Vec::new();
    match &title.value {
        Value::Str(_) => titles.push(title),
        Value::Map(entries) if entries.iter().all(|(k, _)| codes.contains(&k.name)) => {
            titles.extend(entries.iter().map(|(_, node)| node));
        }
        _ => {}
    }
    for node in titles {
        let Value::Str(text) = &node.value else {
            continue;
        };
        let count = text.chars().count();
        let cjk = text
            .chars()
            .any(|c| mojibake::is_han(c) || ('\u{AC00}'..='\u{D7AF}').contains(&c));
        let limit = if cjk {
            TITLE_LIMIT_CJK
        } else {
            TITLE_LIMIT_OTHER
        };
        if count > limit {
            let rest = lines.rest_of_line(node.pos.line, node.pos.column);
            let quoted = file
                .line(node.pos.line)
                .chars()
                .nth(node.pos.column.saturating_sub(1))
                .is_some_and(|c| c == '"' || c == '\'');
            let width = if quoted { count + 2 } else { count };
            out.push(
                Diagnostic::warning(
                    "W-long-title",
                    msg!("hygiene-long-title", count = count, limit = limit),
                )
                .at(file.location(node.pos.line, node.pos.column, rest.min(width)))
                .hint(msg!("hygiene-long-title-hint", limit = limit)),
            );
        }
    }
}

fn check_markdown(
    file: &SourceFile,
    lines: &Lines,
    markdown: &str,
    to_file: impl Fn(usize) -> Option<usize>,
    out: &mut Diagnostics,
) {
    for found in lint(markdown) {
        let Some(start) = to_file(found.offset) else {
            continue;
        };
        let (line, column) = lines.position(start);
        let snippet = markdown
            .get(found.offset..found.offset + found.len)
            .unwrap_or_default();
        let width = snippet
            .split('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count();
        let diagnostic = match found.kind {
            LintKind::LiteralEmphasis => Diagnostic::warning(
                "W-literal-emphasis",
                msg!("hygiene-literal-emphasis", text = snippet),
            )
            .hint(msg!("hygiene-literal-emphasis-hint")),
            LintKind::EmptyAlt => {
                Diagnostic::warning("W-empty-alt", msg!("hygiene-empty-alt", text = snippet))
                    .hint(msg!("hygiene-empty-alt-hint"))
            }
        };
        out.push(diagnostic.at(file.location(line, column, width)));
    }
}

/// A gallery picture without a caption in any language: the caption is its only description.
fn check_gallery(record: &RawRecord, out: &mut Diagnostics) {
    for value in record.fields.custom.values() {
        let FieldValue::Gallery(items) = value else {
            continue;
        };
        for item in items {
            if item.caption.iter().all(|(_, text)| text.trim().is_empty()) {
                out.push(
                    Diagnostic::warning(
                        "W-empty-alt",
                        msg!("hygiene-gallery-no-caption", src = &item.src.value),
                    )
                    .at(item.src.at.clone())
                    .hint(msg!("hygiene-gallery-no-caption-hint")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
