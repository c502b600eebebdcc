//! Problems in a Markdown text that only the parser can see, as plain data (byte offsets into the
//! text) for `check` to place in the file: emphasis markers that CommonMark left as literal
//! characters (`**真，**她`: a closing `**` after punctuation and before a letter does not close),
//! and images without a description.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LintKind {
    /// A pair of `*`/`**`/`_`/`__` runs shown as written: `offset` is the first run, `len` spans
    /// up to the end of the second when it is on the same line, else the first run only.
    LiteralEmphasis,
    /// `![](x.jpg)`: `offset..offset+len` is the image as written.
    EmptyAlt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lint {
    pub kind: LintKind,
    pub offset: usize,
    pub len: usize,
}

/// A run of `*` or `_` left as text.
struct Run {
    marker: u8,
    start: usize,
    end: usize,
    block: usize,
}

pub fn lint(markdown: &str) -> Vec<Lint> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut lints = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut block = 0;
    let mut in_code = false;
    // The open image: where it starts and ends, and whether its description has text.
    let mut image: Option<(usize, usize, bool)> = None;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => block += 1,
            Event::Start(Tag::Image { .. }) => image = Some((range.start, range.end, false)),
            Event::End(TagEnd::Image) => {
                if let Some((start, end, false)) = image.take() {
                    lints.push(Lint {
                        kind: LintKind::EmptyAlt,
                        offset: start,
                        len: end - start,
                    });
                }
            }
            Event::Text(text) => {
                if let Some((_, _, described)) = &mut image {
                    *described |= !text.trim().is_empty();
                }
                if !in_code {
                    literal_runs(markdown, range.start, range.end, block, &mut runs);
                }
            }
            Event::Code(text) => {
                if let Some((_, _, described)) = &mut image {
                    *described |= !text.trim().is_empty();
                }
            }
            _ => {}
        }
    }
    pair_runs(markdown, &runs, &mut lints);
    lints.sort_by_key(|l| l.offset);
    lints
}

/// The runs of `*` and `_` inside the source of one text event (`start..end`), except escaped
/// ones, ones inside a word (`snake_case`), and ones with spaces on both sides (`3 * 4`).
fn literal_runs(markdown: &str, start: usize, end: usize, block: usize, runs: &mut Vec<Run>) {
    let bytes = markdown.as_bytes();
    let mut at = start;
    while at < end {
        let marker = bytes[at];
        if marker != b'*' && marker != b'_' {
            at += 1;
            continue;
        }
        let mut run_end = at;
        while run_end < end && bytes[run_end] == marker {
            run_end += 1;
        }
        let before = markdown[..at].chars().next_back();
        let after = markdown[run_end..].chars().next();
        let escaped = before == Some('\\');
        let spaced =
            before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
        let intraword = marker == b'_'
            && before.is_some_and(|c| c.is_ascii_alphanumeric())
            && after.is_some_and(|c| c.is_ascii_alphanumeric());
        // pulldown-cmark may hand a literal `**` over as two text events of one `*` each.
        if let Some(last) = runs.last_mut()
            && last.end == at
            && last.marker == marker
            && last.block == block
        {
            last.end = run_end;
        } else if !escaped && !spaced && !intraword && run_end - at <= 3 {
            runs.push(Run {
                marker,
                start: at,
                end: run_end,
                block,
            });
        }
        at = run_end;
    }
}

/// Runs of the same marker in the same block, taken two by two: an opening and a closing
/// marker the writer meant as emphasis. A lone `*` (a footnote mark) is left alone.
fn pair_runs(markdown: &str, runs: &[Run], lints: &mut Vec<Lint>) {
    for marker in [b'*', b'_'] {
        let mut open: Option<&Run> = None;
        for run in runs.iter().filter(|r| r.marker == marker) {
            match open {
                Some(first) if first.block == run.block => {
                    let same_line = !markdown[first.start..run.end].contains('\n');
                    let end = if same_line { run.end } else { first.end };
                    lints.push(Lint {
                        kind: LintKind::LiteralEmphasis,
                        offset: first.start,
                        len: end - first.start,
                    });
                    open = None;
                }
                _ => open = Some(run),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(markdown: &str) -> Vec<(LintKind, &str)> {
        lint(markdown)
            .into_iter()
            .map(|l| (l.kind, &markdown[l.offset..l.offset + l.len]))
            .collect()
    }

    #[test]
    fn emphasis_next_to_cjk_punctuation_stays_literal() {
        assert_eq!(
            found("她说**真，**她笑了。"),
            vec![(LintKind::LiteralEmphasis, "**真，**")]
        );
        assert_eq!(
            found("一段\n\n**“红心物业”**模式"),
            vec![(LintKind::LiteralEmphasis, "**“红心物业”**")]
        );
        assert_eq!(
            found("__党建，__引领"),
            vec![(LintKind::LiteralEmphasis, "__党建，__")]
        );
    }

    #[test]
    fn working_emphasis_and_plain_stars_are_fine() {
        for text in [
            "她说**真**，她笑了。",
            "**真，** 她笑了。",
            "*强调*和 __加粗__",
            "3 * 4 = 12",
            "注*：数据来自2021年",
            "变量 `a**b` 和 snake_case_name",
            "```\n**真，**她\n```",
            "转义 \\*\\*真，\\*\\*",
            "a_b 和 c_d",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn images_without_description() {
        assert_eq!(
            found("图：![](a.jpg) 和 ![合影](b.jpg) 和 ![ ](c.jpg)"),
            vec![
                (LintKind::EmptyAlt, "![](a.jpg)"),
                (LintKind::EmptyAlt, "![ ](c.jpg)")
            ]
        );
        assert_eq!(found("[![](a.jpg)](https://example.org)").len(), 1);
    }
}
