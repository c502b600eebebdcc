//! Mojibake: text broken by a wrong conversion between encodings. Works on one line at a time
//! and says where, in characters, each broken run starts and how long it is.
//!
//! Four signs, each rare in real Chinese and Korean text:
//! - U+FFFD, the replacement character a decoder writes for bytes it could not read;
//! - an ASCII `?` standing for a lost character between Chinese characters (`延边?州`);
//! - UTF-8 read as Latin-1 / Windows-1252 (`å»¶è¾¹`, `Ã©`, `ï¿½`): the run, encoded back to
//!   Windows-1252, is valid UTF-8 again;
//! - UTF-8 read as GBK (`鍏氬缓`, `锟斤拷`): the run, encoded back to GBK, holds at least two
//!   UTF-8 encoded characters in a row. Common Chinese characters in GBK start with a byte
//!   B0–F7 followed by A1–FE, which almost never line up as UTF-8, so real text does not.

use std::ops::Range;

use std::sync::OnceLock;

use encoding_rs::{GBK, WINDOWS_1252};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Replacement,
    QuestionMark,
    Latin1,
    Gbk,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    /// 0-based character index in the line, and length in characters.
    pub column: usize,
    pub width: usize,
    /// The run as written.
    pub text: String,
    /// What the run probably said, when it can be recovered.
    pub recovered: Option<String>,
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Characters Windows-1252 has above ASCII: what UTF-8 bytes turn into when read as it.
fn is_cp1252_high(c: char) -> bool {
    matches!(c as u32, 0x80..=0xFF) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

pub fn scan_line(line: &str) -> Vec<Found> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{FFFD}' {
            let end = run_end(&chars, i, |c| c == '\u{FFFD}');
            found.push(make(Kind::Replacement, &chars, i, end, None));
            i = end;
        } else if c == '?' && i > 0 && is_han(chars[i - 1]) {
            let end = run_end(&chars, i, |c| matches!(c, '?' | '!' | ' ' | '\u{3000}'));
            let run = &chars[i..end];
            let marks = run.iter().filter(|c| **c == '?').count();
            let spaced = run.iter().any(|c| c.is_whitespace());
            let next_han = chars.get(end).is_some_and(|c| is_han(*c));
            let bang = run.windows(2).any(|w| w == ['?', '!']);
            if bang || (next_han && (!spaced || marks >= 2)) {
                let mut trimmed = end;
                while trimmed > i && chars[trimmed - 1].is_whitespace() {
                    trimmed -= 1;
                }
                found.push(make(Kind::QuestionMark, &chars, i, trimmed, None));
            }
            i = end;
        } else if is_cp1252_high(c) {
            let end = run_end(&chars, i, is_cp1252_high);
            let run: String = chars[i..end].iter().collect();
            let (bytes, _, unmappable) = WINDOWS_1252.encode(&run);
            // One byte a character.
            if !unmappable && let Some((recovered, bytes)) = utf8_runs(&bytes, 1, |_| true) {
                let (start, stop) = (i + bytes.start, i + bytes.end);
                found.push(make(Kind::Latin1, &chars, start, stop, Some(recovered)));
            }
            i = end;
        } else if is_han(c) || is_gbk_symbol(c) {
            let end = run_end(&chars, i, |c| is_han(c) || is_gbk_symbol(c));
            let bytes = gbk_bytes(&chars[i..end]);
            // Two bytes a character: the characters whose bytes hold the UTF-8 text.
            if let Some(bytes) = bytes
                && let Some((recovered, bytes)) =
                    utf8_runs(&bytes, 2, |c| is_han(c) || c == '\u{FFFD}')
            {
                let (start, stop) = (i + bytes.start / 2, i + bytes.end.div_ceil(2));
                found.push(make(Kind::Gbk, &chars, start, stop, Some(recovered)));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// The GBK bytes of a run of Han characters and CJK symbols, two per character; `None` when
/// one of them is not in GBK. Looked up in a table made once (encoding each run anew with
/// encoding_rs was a fifth of `check`'s time on a large site).
fn gbk_bytes(run: &[char]) -> Option<Vec<u8>> {
    static TABLE: OnceLock<Vec<[u8; 2]>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..=0xFFFFu32)
            .map(|code| {
                let Some(c) = char::from_u32(code).filter(|c| is_han(*c) || is_gbk_symbol(*c))
                else {
                    return [0, 0];
                };
                let mut utf8 = [0; 4];
                let (bytes, _, unmappable) = GBK.encode(c.encode_utf8(&mut utf8));
                match (unmappable, &bytes[..]) {
                    (false, &[high, low]) => [high, low],
                    _ => [0, 0],
                }
            })
            .collect()
    });
    let mut bytes = Vec::with_capacity(run.len() * 2);
    for c in run {
        let pair = table.get(*c as usize).copied().unwrap_or([0, 0]);
        if pair == [0, 0] {
            return None;
        }
        bytes.extend_from_slice(&pair);
    }
    Some(bytes)
}

/// Full-width and CJK punctuation that GBK-decoded UTF-8 also produces (`锛`, `銆` are Han, but
/// `€`-like symbols are not); kept to the CJK symbol blocks.
fn is_gbk_symbol(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF5E)
}

fn run_end(chars: &[char], start: usize, in_run: impl Fn(char) -> bool) -> usize {
    chars[start..]
        .iter()
        .position(|c| !in_run(*c))
        .map_or(chars.len(), |n| start + n)
}

fn make(kind: Kind, chars: &[char], start: usize, end: usize, recovered: Option<String>) -> Found {
    Found {
        kind,
        column: start,
        width: end - start,
        text: chars[start..end].iter().collect(),
        recovered,
    }
}

/// The longest stretch of `bytes` that is multi-byte UTF-8, when it holds at least `min`
/// characters in a row that `wanted` accepts: the text it says and its byte range.
fn utf8_runs(
    bytes: &[u8],
    min: usize,
    wanted: impl Fn(char) -> bool,
) -> Option<(String, Range<usize>)> {
    let mut best = (String::new(), 0, 0..0);
    let mut current = (String::new(), 0, 0..0);
    let mut at = 0;
    while at < bytes.len() {
        let len = match bytes[at] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let decoded = (len > 0)
            .then(|| bytes.get(at..at + len))
            .flatten()
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next())
            .filter(|c| wanted(*c));
        match decoded {
            Some(c) => {
                if current.1 == 0 {
                    current.2 = at..at;
                }
                current.0.push(c);
                current.1 += 1;
                at += len;
                current.2.end = at;
            }
            None => {
                if current.1 > best.1 {
                    best = std::mem::take(&mut current);
                }
                current = (String::new(), 0, 0..0);
                at += 1;
            }
        }
    }
    if current.1 > best.1 {
        best = current;
    }
    (best.1 >= min).then_some((best.0, best.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(Kind, usize, usize)> {
        scan_line(line)
            .into_iter()
            .map(|f| (f.kind, f.column, f.width))
            .collect()
    }

    #[test]
    fn real_examples_from_the_source_reports() {
        // /work/shared/seeds/000: Traditional text that went through a broken conversion.
        let line = "用好“學習強國”“新時代e支部”和朝鮮語漢語“雙語流動黨?!钡绕脚_,確保黨員";
        let col = line.chars().position(|c| c == '?').unwrap();
        assert_eq!(kinds(line), vec![(Kind::QuestionMark, col, 2)]);
        let line = "突出實踐實效抓好黨內學習教育?!皟蓪W一做”學習教育中";
        assert_eq!(kinds(line), vec![(Kind::QuestionMark, 14, 2)]);
        let line = "為推進國家治理體系發揮更大作用?!?/p>";
        assert_eq!(kinds(line), vec![(Kind::QuestionMark, 15, 3)]);
        assert_eq!(kinds("責任編輯/姜? ? 姝"), vec![(Kind::QuestionMark, 6, 3)]);
    }

    #[test]
    fn replacement_characters_and_question_marks() {
        assert_eq!(
            kinds("延边\u{FFFD}\u{FFFD}州"),
            vec![(Kind::Replacement, 2, 2)]
        );
        assert_eq!(kinds("延边?州"), vec![(Kind::QuestionMark, 2, 1)]);
        assert_eq!(kinds("延边??州"), vec![(Kind::QuestionMark, 2, 2)]);
        // A question mark that ends a sentence, or in Korean, or in a URL, is not mojibake.
        assert!(kinds("为什么? 因为").is_empty());
        assert!(kinds("무엇입니까?그래서").is_empty());
        assert!(kinds("见 https://example.org/?id=3 网页").is_empty());
        assert!(kinds("是吗?").is_empty());
    }

    #[test]
    fn utf8_read_as_latin1() {
        let found = scan_line("标题：å»¶è¾¹ and cafÃ©");
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].kind, found[0].column, found[0].width),
            (Kind::Latin1, 3, 6)
        );
        assert_eq!(found[0].recovered.as_deref(), Some("延边"));
        assert_eq!(found[1].recovered.as_deref(), Some("é"));
        assert_eq!(scan_line("ï¿½")[0].recovered.as_deref(), Some("\u{FFFD}"));
        // Real Latin letters and the curly quotes and middle dot of Chinese text are fine.
        assert!(kinds("café · “延边” — Zürich ±3 °C 阿依古丽·买买提").is_empty());
    }

    #[test]
    fn utf8_read_as_gbk() {
        let found = scan_line("坚持鍏氬缓引领");
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].column, found[0].width),
            (Kind::Gbk, 2, 3)
        );
        assert_eq!(found[0].recovered.as_deref(), Some("党建"));
        assert_eq!(scan_line("锟斤拷")[0].kind, Kind::Gbk);
        // Any Chinese text saved as UTF-8 and opened as GBK is found and read back.
        for text in [
            "中国共产党员",
            "延边朝鲜族自治州委组织部",
            "红心物业，建强支部。",
        ] {
            let (garbled, _, _) = GBK.decode(text.as_bytes());
            let found = scan_line(&garbled);
            assert!(!found.is_empty(), "{garbled}");
            for found in found {
                let recovered = found.recovered.unwrap_or_default();
                assert!(
                    found.kind == Kind::Replacement || text.contains(&recovered),
                    "{garbled}"
                );
            }
        }
    }

    #[test]
    fn normal_chinese_and_korean_text_is_clean() {
        for line in [
            "延边朝鲜族自治州地处中俄朝三国交界，朝鲜族人口59.7万，边境线总长768.5公里。",
            "延邊作為全國唯一的朝鮮族自治州和最大的朝鮮族聚居地，邊境線總長768.5公里。",
            "연변조선족자치주는 중국, 러시아, 조선 세 나라가 만나는 곳에 있습니다.",
            "“红心物业”覆盖2000个社区；培训干部21652人次（2021年）。",
        ] {
            assert!(scan_line(line).is_empty(), "{line}: {:?}", scan_line(line));
        }
    }
}

#[cfg(test)]
mod seeds {
    /// The source reports in /work/shared/seeds (when present): every finding is one of the
    /// four broken passages of report 000, and nothing in the other reports is flagged.
    #[test]
    fn only_the_real_mojibake_of_the_source_reports_is_found() {
        let beside = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
        let Some(dir) = [beside, "/work/shared/seeds"]
            .iter()
            .find_map(|d| std::fs::read_dir(d).ok())
        else {
            return;
        };
        let mut found = Vec::new();
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".txt") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for (number, line) in text.lines().enumerate() {
                for f in super::scan_line(line) {
                    found.push(format!(
                        "{}:{}:{} {}",
                        &name[..3],
                        number + 1,
                        f.column + 1,
                        f.text
                    ));
                }
            }
        }
        found.sort();
        assert_eq!(
            found,
            [
                "000:10:15 ?!",
                "000:37:355 ?!?",
                "000:38:7 ? ?",
                "000:8:225 ?!"
            ]
        );
    }
}
