//! `showcase translations`: the status of every record in every translation language as a
//! table (aligned for double-width CJK text) or JSON, with the share complete per language and
//! per collection; `--stamp` writes `translated_from:` into a record's translation files. Exit
//! codes: 0; 1 when site.yaml or some content file has errors (the status of those records is
//! left out or incomplete); 2 when a stamp is refused or a file cannot be read or written.

use std::path::Path;

use anyhow::Result;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{
    EXIT_CONTENT, EXIT_FAILURE, EXIT_OK, print_diagnostics, print_failure, summary_counts,
};
use crate::cli::{Format, TranslationsArgs};
use crate::config;
use crate::content;
use crate::diagnostics::{Diagnostics, Severity};
use crate::messages::{Message, UiLang, msg};
use crate::translations::{self, Report, State, Tally, stamp};

/// Titles longer than this many terminal columns are cut with `…`.
const TITLE_WIDTH: usize = 24;

pub fn run(args: TranslationsArgs, lang: UiLang) -> Result<u8> {
    let config = match config::load(&args.root) {
        Ok((config, _)) => config,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            return Ok(EXIT_CONTENT);
        }
    };
    let (content, mut diagnostics) = content::load(&args.root, &config);
    if let Some(record) = &args.stamp {
        return Ok(run_stamp(
            &args.root,
            &config,
            &content,
            record,
            args.to.as_deref(),
            lang,
        ));
    }
    // A language written twice or a translation without its source is an error here too.
    let mut pairing = content::pair(&config, &content);
    diagnostics.extend(std::mem::take(&mut pairing.diagnostics));
    let report = translations::status_of(&config, &content, &pairing);
    match args.format {
        Format::Text => print!("{}", render_text(&report, lang)),
        Format::Json => {
            let errors = diagnostics.count(Severity::Error);
            println!("{}", render_json(&report, errors));
        }
    }
    if diagnostics.has_errors() {
        let errors: Diagnostics = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        eprintln!(
            "{}",
            msg!(
                "translations-errors",
                counts = summary_counts(&errors, lang)
            )
            .text(lang)
        );
        return Ok(EXIT_CONTENT);
    }
    Ok(EXIT_OK)
}

fn run_stamp(
    root: &Path,
    config: &config::SiteConfig,
    content: &content::Content,
    record: &str,
    to: Option<&str>,
    lang: UiLang,
) -> u8 {
    let targets = match translations::stamp_plan(config, content, record, to) {
        Ok(targets) => targets,
        Err(refusal) => {
            print_failure(&refusal.message, None, refusal.hint.as_ref(), lang);
            return EXIT_FAILURE;
        }
    };
    for target in targets {
        let path = root.join(&target.file);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                let error = err.to_string();
                let message = msg!(
                    "translations-stamp-read",
                    file = &target.file,
                    error = error
                );
                print_failure(&message, None, None, lang);
                return EXIT_FAILURE;
            }
        };
        let stamped = match stamp::stamp_front_matter(&bytes, &target.digest) {
            Ok(stamped) => stamped,
            Err(stamp::StampTextError::NoFrontMatter) => {
                let message = msg!("translations-stamp-no-front-matter", file = &target.file);
                print_failure(&message, None, None, lang);
                return EXIT_FAILURE;
            }
        };
        if stamped != bytes
            && let Err(err) = crate::output::replace_file(&path, &stamped)
        {
            let error = err.to_string();
            let message = msg!(
                "translations-stamp-write",
                file = &target.file,
                error = error
            );
            print_failure(&message, None, None, lang);
            return EXIT_FAILURE;
        }
        println!(
            "{}",
            msg!(
                "translations-stamped",
                file = &target.file,
                digest = &target.digest
            )
            .text(lang)
        );
    }
    EXIT_OK
}

fn state_label(state: State) -> Message {
    match state {
        State::Complete => msg!("translations-state-complete"),
        State::Partial => msg!("translations-state-partial"),
        State::Stale => msg!("translations-state-stale"),
        State::Missing => msg!("translations-state-missing"),
    }
}

/// The table, then the counts per language and per collection.
fn render_text(report: &Report, lang: UiLang) -> String {
    if report.languages.is_empty() {
        return format!(
            "{}\n",
            msg!("translations-one-language", lang = &report.default_lang).text(lang)
        );
    }
    if report.records.is_empty() {
        return format!("{}\n", msg!("translations-no-records").text(lang));
    }
    let header = [
        msg!("translations-header-record"),
        msg!("translations-header-title"),
        msg!("translations-header-lang"),
        msg!("translations-header-status"),
        msg!("translations-header-untranslated"),
    ]
    .map(|m| m.text(lang));
    let mut rows: Vec<Vec<String>> = vec![header.to_vec()];
    for status in &report.records {
        rows.push(vec![
            status.record(),
            truncate(&status.title, TITLE_WIDTH),
            status.lang.clone(),
            state_label(status.state).text(lang),
            // A missing translation lacks every field: listing them would only be noise.
            if status.state == State::Missing {
                String::new()
            } else {
                status.untranslated.join(", ")
            },
        ]);
    }
    let mut out = table(&rows);
    out.push('\n');
    out.push_str(&msg!("translations-by-language").text(lang));
    out.push('\n');
    let by_language: Vec<Vec<String>> = report
        .by_language()
        .iter()
        .map(|(code, tally)| vec![format!("  {code}"), tally_text(tally, lang)])
        .collect();
    out.push_str(&table(&by_language));
    out.push('\n');
    out.push_str(&msg!("translations-by-collection").text(lang));
    out.push('\n');
    let by_collection: Vec<Vec<String>> = report
        .by_collection()
        .iter()
        .map(|(collection, code, tally)| {
            vec![
                format!("  {collection}"),
                code.clone(),
                tally_text(tally, lang),
            ]
        })
        .collect();
    out.push_str(&table(&by_collection));
    out
}

fn tally_text(tally: &Tally, lang: UiLang) -> String {
    msg!(
        "translations-tally",
        complete = tally.complete,
        total = tally.total,
        percent = tally.percent(),
        partial = tally.partial,
        stale = tally.stale,
        missing = tally.missing
    )
    .text(lang)
}

/// Rows as columns padded to the widest cell in terminal columns (a Chinese or Korean character
/// takes two), two spaces apart, with no spaces at the ends of lines.
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `text` cut to at most `max` terminal columns, ending with `…` when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if width + w + 1 > max {
            break;
        }
        out.push(c);
        width += w;
    }
    out.push('…');
    out
}

/// The report as JSON; its shape is documented in README.md ("Translations").
fn render_json(report: &Report, errors: usize) -> String {
    let path = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let counts = |tally: &Tally| {
        serde_json::json!({
            "total": tally.total,
            "complete": tally.complete,
            "partial": tally.partial,
            "stale": tally.stale,
            "missing": tally.missing,
            "percent": tally.percent(),
        })
    };
    let records: Vec<serde_json::Value> = report
        .records
        .iter()
        .map(|s| {
            serde_json::json!({
                "collection": s.collection,
                "id": s.id,
                "title": s.title,
                "language": s.lang,
                "status": s.state.key(),
                "untranslated": s.untranslated,
                "source": path(&s.source),
                "translation": s.translation.as_deref().map(path),
                "digest": s.digest,
                "translated_from": s.translated_from,
            })
        })
        .collect();
    let by_language: Vec<serde_json::Value> = report
        .by_language()
        .iter()
        .map(|(lang, tally)| {
            let mut value = counts(tally);
            value["language"] = lang.clone().into();
            value
        })
        .collect();
    let by_collection: Vec<serde_json::Value> = report
        .by_collection()
        .iter()
        .map(|(collection, lang, tally)| {
            let mut value = counts(tally);
            value["collection"] = collection.clone().into();
            value["language"] = lang.clone().into();
            value
        })
        .collect();
    let value = serde_json::json!({
        "default_language": report.default_lang,
        "languages": report.languages,
        "records": records,
        "by_language": by_language,
        "by_collection": by_collection,
        "errors": errors,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_with_double_width_text() {
        let rows = vec![
            vec!["记录".to_string(), "标题".to_string(), "x".to_string()],
            vec!["a/b".to_string(), "红心物业".to_string(), "y".to_string()],
            vec!["a/cc".to_string(), "붉은 마음".to_string(), "z".to_string()],
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        let column_of = |line: &str, needle: &str| line[..line.find(needle).unwrap()].width();
        assert_eq!(column_of(lines[0], "x"), column_of(lines[1], "y"));
        assert_eq!(column_of(lines[1], "y"), column_of(lines[2], "z"));
        assert_eq!(column_of(lines[0], "标题"), column_of(lines[1], "红心物业"));
    }

    #[test]
    fn long_titles_are_cut_by_width() {
        assert_eq!(truncate("红心物业", 24), "红心物业");
        let cut = truncate(&"党建".repeat(20), 24);
        assert!(cut.width() <= 24, "{cut}");
        assert!(cut.ends_with('…'));
    }
}
