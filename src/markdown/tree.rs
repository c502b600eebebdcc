//! Markdown → a plain tree of blocks and inlines (issue 18): what the printed booklet sets a
//! body from. The tree holds text as data, never as markup of another language, so a body is
//! set by a template that walks it (the Typst template of `print`) and nothing a writer types
//! can become a command there. Links and images pass the same URL policy and resolver as the
//! HTML (`mod.rs`); raw HTML is left out (print has no place for it).

use std::collections::BTreeMap;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{LinkResolver, MarkdownOptions, resolve};
use crate::url_policy::UrlUse;

/// A block of a body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        /// The first item's number, for an ordered list.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Code {
        text: String,
    },
    Table {
        /// Per column: `left`, `center`, `right` or `none`.
        align: Vec<&'static str>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Strike {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// A link, its URL resolved (`@/` links to page URLs); empty when the policy refused it.
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A picture, its URL resolved as for links; empty when refused.
    Image {
        url: String,
        alt: String,
    },
    /// A footnote reference: the definition is in [`Tree::footnotes`] under `label`.
    Footnote {
        label: String,
    },
    /// A task list item's box.
    Task {
        checked: bool,
    },
    Break,
}

/// A body as a tree, with its footnotes' definitions by label.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tree {
    pub blocks: Vec<Block>,
    pub footnotes: BTreeMap<String, Vec<Block>>,
}

/// What is being built: a container of blocks, or of inlines.
enum Open {
    Blocks(Frame, Vec<Block>),
    Inlines(Frame, Vec<Inline>),
    Table {
        align: Vec<&'static str>,
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    Row(Vec<Vec<Inline>>),
}

/// Which element an open container becomes when it ends.
enum Frame {
    Root,
    Heading(u8),
    Paragraph,
    List(Option<u64>, Vec<Vec<Block>>),
    Item,
    Quote,
    Footnote(String),
    Emphasis,
    Strong,
    Strike,
    Link(String),
    Image(String),
    Cell,
    /// A container whose content goes into the enclosing one (an HTML block, a
    /// definition list, metadata): its text is not lost, its frame is.
    Transparent,
}

/// The tree of `markdown`, links and images judged by `options.urls` and resolved by `resolver`
/// as the HTML body's are (their problems are reported there, not here).
pub fn tree(markdown: &str, options: MarkdownOptions, resolver: &dyn LinkResolver) -> Tree {
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut stack: Vec<Open> = vec![Open::Blocks(Frame::Root, Vec::new())];
    let mut footnotes = BTreeMap::new();
    let mut code: Option<String> = None;
    for event in Parser::new_ext(markdown, parser_options) {
        if let Some(text) = &mut code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let text = code.take().unwrap_or_default();
                    push_block(
                        &mut stack,
                        Block::Code {
                            text: text.trim_end_matches('\n').to_string(),
                        },
                    );
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => stack.push(Open::Inlines(Frame::Paragraph, Vec::new())),
                Tag::Heading { level, .. } => stack.push(Open::Inlines(
                    Frame::Heading(super::heading_level(level)),
                    Vec::new(),
                )),
                Tag::BlockQuote(_) => stack.push(Open::Blocks(Frame::Quote, Vec::new())),
                Tag::CodeBlock(_) => code = Some(String::new()),
                Tag::List(start) => {
                    stack.push(Open::Blocks(Frame::List(start, Vec::new()), Vec::new()))
                }
                Tag::Item => stack.push(Open::Blocks(Frame::Item, Vec::new())),
                Tag::FootnoteDefinition(label) => {
                    stack.push(Open::Blocks(Frame::Footnote(label.to_string()), Vec::new()))
                }
                Tag::Table(align) => stack.push(Open::Table {
                    align: align.iter().map(alignment).collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    in_head: false,
                }),
                Tag::TableHead => {
                    if let Some(Open::Table { in_head, .. }) = stack.last_mut() {
                        *in_head = true;
                    }
                    stack.push(Open::Row(Vec::new()));
                }
                Tag::TableRow => stack.push(Open::Row(Vec::new())),
                Tag::TableCell => stack.push(Open::Inlines(Frame::Cell, Vec::new())),
                Tag::Emphasis => stack.push(Open::Inlines(Frame::Emphasis, Vec::new())),
                Tag::Strong => stack.push(Open::Inlines(Frame::Strong, Vec::new())),
                Tag::Strikethrough => stack.push(Open::Inlines(Frame::Strike, Vec::new())),
                Tag::Link { dest_url, .. } => {
                    let url = judged(&dest_url, false, options, resolver);
                    stack.push(Open::Inlines(Frame::Link(url), Vec::new()))
                }
                Tag::Image { dest_url, .. } => {
                    let url = judged(&dest_url, true, options, resolver);
                    stack.push(Open::Inlines(Frame::Image(url), Vec::new()))
                }
                _ => stack.push(Open::Inlines(Frame::Transparent, Vec::new())),
            },
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                let Some(Open::Row(cells)) = stack.pop() else {
                    continue;
                };
                if let Some(Open::Table {
                    header,
                    rows,
                    in_head,
                    ..
                }) = stack.last_mut()
                {
                    if *in_head {
                        *header = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(Open::Table {
                    align,
                    header,
                    rows,
                    ..
                }) = stack.pop()
                {
                    push_block(
                        &mut stack,
                        Block::Table {
                            align,
                            header,
                            rows,
                        },
                    );
                }
            }
            Event::End(_) => close(&mut stack, &mut footnotes),
            Event::Text(text) => push_inline(
                &mut stack,
                Inline::Text {
                    text: text.to_string(),
                },
            ),
            Event::Code(text) => push_inline(
                &mut stack,
                Inline::Code {
                    text: text.to_string(),
                },
            ),
            Event::InlineMath(text) | Event::DisplayMath(text) => push_inline(
                &mut stack,
                Inline::Text {
                    text: text.to_string(),
                },
            ),
            Event::FootnoteReference(label) => push_inline(
                &mut stack,
                Inline::Footnote {
                    label: label.to_string(),
                },
            ),
            Event::SoftBreak => push_inline(
                &mut stack,
                Inline::Text {
                    text: " ".to_string(),
                },
            ),
            Event::HardBreak => push_inline(&mut stack, Inline::Break),
            Event::Rule => push_block(&mut stack, Block::Rule),
            Event::TaskListMarker(checked) => push_inline(&mut stack, Inline::Task { checked }),
            // Raw HTML has no meaning in print.
            Event::Html(_) | Event::InlineHtml(_) => {}
        }
    }
    while stack.len() > 1 {
        close(&mut stack, &mut footnotes);
    }
    let blocks = match stack.pop() {
        Some(Open::Blocks(_, blocks)) => blocks,
        _ => Vec::new(),
    };
    Tree {
        blocks: merge_text(blocks),
        footnotes: footnotes
            .into_iter()
            .map(|(label, blocks)| (label, merge_text(blocks)))
            .collect(),
    }
}

fn alignment(align: &Alignment) -> &'static str {
    match align {
        Alignment::None => "none",
        Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}

/// A link's or image's URL as the HTML body would have it: refused → empty, `@/` and relative
/// paths resolved (an unresolved one is kept as written, as in HTML).
fn judged(
    dest: &str,
    is_image: bool,
    options: MarkdownOptions,
    resolver: &dyn LinkResolver,
) -> String {
    let usage = if is_image {
        UrlUse::Resource
    } else {
        UrlUse::Link
    };
    if options.urls.judge(dest, usage).is_err() {
        return String::new();
    }
    match resolve(dest, 0, is_image, resolver, &mut Vec::new()) {
        Some(resolved) => resolved.to_string(),
        None if dest.starts_with("@/") => String::new(),
        None => dest.to_string(),
    }
}

/// Ends the innermost open container and adds what it made to its parent.
fn close(stack: &mut Vec<Open>, footnotes: &mut BTreeMap<String, Vec<Block>>) {
    if stack.len() <= 1 {
        return;
    }
    let Some(open) = stack.pop() else { return };
    match open {
        Open::Inlines(frame, content) => match frame {
            Frame::Paragraph => push_block(stack, Block::Paragraph { content }),
            Frame::Heading(level) => push_block(stack, Block::Heading { level, content }),
            Frame::Emphasis => push_inline(stack, Inline::Emphasis { content }),
            Frame::Strong => push_inline(stack, Inline::Strong { content }),
            Frame::Strike => push_inline(stack, Inline::Strike { content }),
            Frame::Link(url) => push_inline(stack, Inline::Link { url, content }),
            Frame::Image(url) => {
                let alt = plain(&content);
                push_inline(stack, Inline::Image { url, alt })
            }
            Frame::Cell => {
                if let Some(Open::Row(cells)) = stack.last_mut() {
                    cells.push(content);
                }
            }
            _ => content.into_iter().for_each(|i| push_inline(stack, i)),
        },
        Open::Blocks(frame, blocks) => match frame {
            Frame::Quote => push_block(stack, Block::Quote { blocks }),
            Frame::Item => {
                if let Some(Open::Blocks(Frame::List(_, items), _)) = stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::List(start, items) => push_block(stack, Block::List { start, items }),
            Frame::Footnote(label) => {
                footnotes.insert(label, blocks);
            }
            _ => blocks.into_iter().for_each(|b| push_block(stack, b)),
        },
        Open::Table { .. } | Open::Row(_) => {}
    }
}

fn push_block(stack: &mut [Open], block: Block) {
    match stack.last_mut() {
        Some(Open::Blocks(Frame::List(_, items), _)) => {
            // A tight list's item text comes without a paragraph: it is one here.
            items.push(vec![block]);
        }
        Some(Open::Blocks(_, blocks)) => blocks.push(block),
        // A block inside inline content (an HTML-ish oddity): keep its text.
        Some(Open::Inlines(_, inlines)) => {
            if let Block::Paragraph { content } | Block::Heading { content, .. } = block {
                inlines.extend(content);
            }
        }
        _ => {}
    }
}

fn push_inline(stack: &mut [Open], inline: Inline) {
    match stack.last_mut() {
        Some(Open::Inlines(_, inlines)) => inlines.push(inline),
        // Text straight in a block container (a tight list item): a paragraph of its own,
        // or the end of the last one.
        Some(Open::Blocks(_, blocks)) => match blocks.last_mut() {
            Some(Block::Paragraph { content }) => content.push(inline),
            _ => blocks.push(Block::Paragraph {
                content: vec![inline],
            }),
        },
        _ => {}
    }
}

/// The text of inlines, for an image's alternative text.
fn plain(content: &[Inline]) -> String {
    let mut text = String::new();
    for inline in content {
        match inline {
            Inline::Text { text: t } | Inline::Code { text: t } => text.push_str(t),
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => text.push_str(&plain(content)),
            _ => {}
        }
    }
    text
}

/// Adjacent text runs joined (pulldown-cmark splits text at every special character), so that
/// the template sets whole runs and the tree stays small.
fn merge_text(blocks: Vec<Block>) -> Vec<Block> {
    blocks.into_iter().map(merge_block).collect()
}

fn merge_block(block: Block) -> Block {
    match block {
        Block::Heading { level, content } => Block::Heading {
            level,
            content: merge_inlines(content),
        },
        Block::Paragraph { content } => Block::Paragraph {
            content: merge_inlines(content),
        },
        Block::List { start, items } => Block::List {
            start,
            items: items.into_iter().map(merge_text).collect(),
        },
        Block::Quote { blocks } => Block::Quote {
            blocks: merge_text(blocks),
        },
        Block::Table {
            align,
            header,
            rows,
        } => Block::Table {
            align,
            header: header.into_iter().map(merge_inlines).collect(),
            rows: rows
                .into_iter()
                .map(|row| row.into_iter().map(merge_inlines).collect())
                .collect(),
        },
        other => other,
    }
}

fn merge_inlines(content: Vec<Inline>) -> Vec<Inline> {
    let mut merged: Vec<Inline> = Vec::with_capacity(content.len());
    for inline in content {
        let inline = match inline {
            Inline::Emphasis { content } => Inline::Emphasis {
                content: merge_inlines(content),
            },
            Inline::Strong { content } => Inline::Strong {
                content: merge_inlines(content),
            },
            Inline::Strike { content } => Inline::Strike {
                content: merge_inlines(content),
            },
            Inline::Link { url, content } => Inline::Link {
                url,
                content: merge_inlines(content),
            },
            other => other,
        };
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (merged.last_mut(), &inline)
        {
            last.push_str(text);
            continue;
        }
        merged.push(inline);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_policy::UrlPolicy;

    struct Links;
    impl LinkResolver for Links {
        fn record_link(&self, target: &str) -> Option<String> {
            (target == "cases/a.md").then(|| "/cases/a/".to_string())
        }
        fn relative_asset(&self, path: &str) -> Option<String> {
            (path == "photo.jpg").then(|| "/projects/x/photo.jpg".to_string())
        }
        fn site_file(&self, _: &str) -> Option<String> {
            None
        }
        fn picture(&self, _: &str) -> Option<super::super::BodyPicture> {
            None
        }
    }

    fn check_tree(markdown: &str) -> Tree {
        let policy = UrlPolicy::default();
        let options = MarkdownOptions {
            unsafe_html: false,
            urls: &policy,
        };
        tree(markdown, options, &Links)
    }

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    #[test]
    fn blocks_and_inlines_are_data() {
        let t = check_tree(
            "## 做法\n\n一是**强化**组织，*二*是`代码`。#set page(width: 1cm) $x$\n\n- 甲\n- 乙\n\n> 引文\n\n---\n",
        );
        assert_eq!(
            t.blocks[0],
            Block::Heading {
                level: 2,
                content: vec![text("做法")]
            }
        );
        assert_eq!(
            t.blocks[1],
            Block::Paragraph {
                content: vec![
                    text("一是"),
                    Inline::Strong {
                        content: vec![text("强化")]
                    },
                    text("组织，"),
                    Inline::Emphasis {
                        content: vec![text("二")]
                    },
                    text("是"),
                    Inline::Code {
                        text: "代码".into()
                    },
                    text("。#set page(width: 1cm) $x$"),
                ]
            }
        );
        assert_eq!(
            t.blocks[2],
            Block::List {
                start: None,
                items: vec![
                    vec![Block::Paragraph {
                        content: vec![text("甲")]
                    }],
                    vec![Block::Paragraph {
                        content: vec![text("乙")]
                    }],
                ]
            }
        );
        assert!(matches!(t.blocks[3], Block::Quote { .. }));
        assert_eq!(t.blocks[4], Block::Rule);
    }

    #[test]
    fn links_are_resolved_and_refused_ones_emptied() {
        let t = check_tree(
            "[案例](@/cases/a.md) [外](https://example.org/x) [坏](javascript:alert(1)) ![图](photo.jpg)\n",
        );
        let Block::Paragraph { content } = &t.blocks[0] else {
            panic!("{t:?}")
        };
        let urls: Vec<&str> = content
            .iter()
            .filter_map(|i| match i {
                Inline::Link { url, .. } | Inline::Image { url, .. } => Some(url.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            urls,
            [
                "/cases/a/",
                "https://example.org/x",
                "",
                "/projects/x/photo.jpg"
            ]
        );
        assert!(content.contains(&Inline::Image {
            url: "/projects/x/photo.jpg".into(),
            alt: "图".into()
        }));
    }

    #[test]
    fn tables_footnotes_and_tasks() {
        let t = check_tree(
            "| 项目 | 数量 |\n|:--|--:|\n| 培训 | 21652 |\n\n注释[^1]\n\n[^1]: 见报告。\n\n- [x] 完成\n",
        );
        assert_eq!(
            t.blocks[0],
            Block::Table {
                align: vec!["left", "right"],
                header: vec![vec![text("项目")], vec![text("数量")]],
                rows: vec![vec![vec![text("培训")], vec![text("21652")]]],
            }
        );
        assert_eq!(
            t.footnotes["1"],
            vec![Block::Paragraph {
                content: vec![text("见报告。")]
            }]
        );
        let Block::List { items, .. } = &t.blocks[2] else {
            panic!("{t:?}")
        };
        assert_eq!(
            items[0],
            vec![Block::Paragraph {
                content: vec![Inline::Task { checked: true }, text("完成")]
            }]
        );
    }

    #[test]
    fn raw_html_is_left_out_and_code_kept() {
        let t = check_tree("<script>alert(1)</script>\n\n```\nlet x = 1;\n```\n");
        assert_eq!(
            t.blocks,
            vec![Block::Code {
                text: "let x = 1;".into()
            }]
        );
    }
}
