//! Writing `translated_from: <digest>` into a translation's front matter, changing nothing else:
//! every other byte of the file — a byte-order mark, CRLF line endings, comments, the order of
//! keys — stays as the translator left it. This is text surgery on one line on purpose; a YAML
//! round trip would reformat the file. It does no IO: the command reads and writes the file.

/// Why a file could not be stamped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StampTextError {
    /// The file does not start with a `---` line that a later `---` (or `...`) line closes.
    NoFrontMatter,
}

/// The file's bytes with `translated_from: <digest>` set in its front matter: an existing
/// top-level `translated_from:` line (with any indented lines that continue its value) is
/// replaced, else the line is added just before the closing `---`, with the line ending the file
/// already uses.
pub fn stamp_front_matter(bytes: &[u8], digest: &str) -> Result<Vec<u8>, StampTextError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let lines = split_lines(bytes, start);
    let Some(first) = lines.first() else {
        return Err(StampTextError::NoFrontMatter);
    };
    if trim_end(first.text(bytes)) != b"---" || first.eol(bytes).is_empty() {
        return Err(StampTextError::NoFrontMatter);
    }
    let closing = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, line)| matches!(trim_end(line.text(bytes)), b"---" | b"..."))
        .map(|(i, _)| i)
        .ok_or(StampTextError::NoFrontMatter)?;

    let key = b"translated_from:";
    let existing = (1..closing).find(|&i| lines[i].text(bytes).starts_with(key));
    let (replace_from, replace_to, eol) = match existing {
        Some(i) => {
            // A value may go on over indented lines (`translated_from:\n  abc`): replace those too.
            let mut end = i + 1;
            while end < closing
                && lines[end]
                    .text(bytes)
                    .first()
                    .is_some_and(|b| *b == b' ' || *b == b'\t')
            {
                end += 1;
            }
            let eol = lines[end - 1].eol(bytes).to_vec();
            (lines[i].start, lines[end - 1].end, eol)
        }
        None => {
            let at = lines[closing].start;
            (at, at, lines[closing - 1].eol(bytes).to_vec())
        }
    };
    let mut out = Vec::with_capacity(bytes.len() + digest.len() + 20);
    out.extend_from_slice(&bytes[..replace_from]);
    out.extend_from_slice(key);
    out.push(b' ');
    out.extend_from_slice(digest.as_bytes());
    out.extend_from_slice(&eol);
    out.extend_from_slice(&bytes[replace_to..]);
    Ok(out)
}

/// A line of the file: `start..end` covers its text and its line ending.
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn with_eol<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[self.start..self.end]
    }

    fn text<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        let line = self.with_eol(bytes);
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        line.strip_suffix(b"\r").unwrap_or(line)
    }

    fn eol<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        let line = self.with_eol(bytes);
        &line[self.text(bytes).len()..]
    }
}

fn split_lines(bytes: &[u8], start: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut at = start;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |i| at + i + 1);
        lines.push(Line { start: at, end });
        at = end;
    }
    lines
}

fn trim_end(text: &[u8]) -> &[u8] {
    let end = text
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: &str = "0123456789abcdef";

    fn check_stamp(input: &str, expect: &str) {
        let out = stamp_front_matter(input.as_bytes(), DIGEST).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expect);
    }

    #[test]
    fn adds_the_line_before_the_closing_fence() {
        check_stamp(
            "---\ntitle: 붉은마음\n---\n\n본문\n",
            "---\ntitle: 붉은마음\ntranslated_from: 0123456789abcdef\n---\n\n본문\n",
        );
    }

    #[test]
    fn replaces_an_existing_line_in_place() {
        check_stamp(
            "---\ntranslated_from: old # 예전\ntitle: 붉은마음\n---\n본문",
            "---\ntranslated_from: 0123456789abcdef\ntitle: 붉은마음\n---\n본문",
        );
        check_stamp(
            "---\ntitle: a\ntranslated_from:\n  old\nowner: b\n---\n",
            "---\ntitle: a\ntranslated_from: 0123456789abcdef\nowner: b\n---\n",
        );
    }

    #[test]
    fn keeps_crlf_and_a_byte_order_mark() {
        check_stamp(
            "\u{feff}---\r\ntitle: 붉은마음\r\n---\r\n본문\r\n",
            "\u{feff}---\r\ntitle: 붉은마음\r\ntranslated_from: 0123456789abcdef\r\n---\r\n본문\r\n",
        );
        check_stamp(
            "\u{feff}---\r\ntranslated_from: x\r\ntitle: a\r\n---\r\n",
            "\u{feff}---\r\ntranslated_from: 0123456789abcdef\r\ntitle: a\r\n---\r\n",
        );
    }

    #[test]
    fn an_indented_key_is_not_the_top_level_one() {
        check_stamp(
            "---\nsource:\n  translated_from: x\n---\n",
            "---\nsource:\n  translated_from: x\ntranslated_from: 0123456789abcdef\n---\n",
        );
    }

    #[test]
    fn stamping_twice_changes_nothing_more() {
        let once = stamp_front_matter("---\ntitle: a\n---\nb\n".as_bytes(), DIGEST).unwrap();
        let twice = stamp_front_matter(&once, DIGEST).unwrap();
        assert_eq!(once, twice);
    }

    #[test]
    fn an_empty_front_matter_gets_the_line() {
        check_stamp(
            "---\n---\n",
            "---\ntranslated_from: 0123456789abcdef\n---\n",
        );
    }

    #[test]
    fn files_without_a_closed_front_matter_are_refused() {
        for input in ["본문만\n", "---\ntitle: a\n", "", "---", "\u{feff}"] {
            assert_eq!(
                stamp_front_matter(input.as_bytes(), DIGEST),
                Err(StampTextError::NoFrontMatter),
                "{input:?}"
            );
        }
    }
}
