//! The automatic summary (SPEC §2): the body's opening text cut at a sentence end near a target
//! length. Chinese and Korean have no spaces to cut at, so the cut is at `。！？` or a Korean
//! sentence end (`다.`, `요.`), never in the middle of a word; plain text, so never broken HTML.

/// Sentence-ending characters in Chinese, Korean and Latin text.
const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '!', '?', '.', '…'];

/// The first sentences of `text` up to about `target` characters (a Chinese character and a
/// Hangul syllable count one each). Never returns more than `2 * target` characters.
pub fn excerpt(text: &str, target: usize) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= target {
        return text;
    }
    let mut best: Option<usize> = None;
    for (i, c) in chars.iter().enumerate().take(target * 2) {
        if SENTENCE_ENDS.contains(c) && is_sentence_end(&chars, i) {
            let end = i + 1;
            // Prefer the last end within the target; else the first one after it.
            if end <= target || best.is_none() {
                best = Some(end);
            }
            if end > target {
                break;
            }
        }
    }
    match best {
        Some(end) => chars[..end].iter().collect(),
        None => {
            let cut = last_break(&chars, target).unwrap_or(target);
            let mut out: String = chars[..cut]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string();
            out.push('…');
            out
        }
    }
}

/// A `.` ends a sentence only before whitespace or the end (not in 3.5 or example.org).
fn is_sentence_end(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '.' | '!' | '?' => chars
            .get(i + 1)
            .is_none_or(|c| c.is_whitespace() || !c.is_ascii()),
        _ => true,
    }
}

/// Where to cut text with no sentence end: after a comma or at a space before `target`.
fn last_break(chars: &[char], target: usize) -> Option<usize> {
    (target / 2..target)
        .rev()
        .find(|&i| matches!(chars[i], '，' | '、' | '；' | ',' | ';' | ' '))
        .map(|i| i + usize::from(chars[i] != ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_chinese_at_a_full_stop() {
        let text = format!("{}。{}。", "甲".repeat(60), "乙".repeat(80));
        assert_eq!(excerpt(&text, 120), format!("{}。", "甲".repeat(60)));
    }

    #[test]
    fn takes_the_first_end_after_the_target_when_none_before() {
        let text = format!("{}。{}。", "甲".repeat(130), "乙".repeat(10));
        assert_eq!(excerpt(&text, 120), format!("{}。", "甲".repeat(130)));
    }

    #[test]
    fn cuts_korean_at_a_sentence_end() {
        let text = "연길시는 당건설을 강화했다. 주민들의 만족도가 높아졌다. 다음 단계로 나아간다.";
        assert_eq!(
            excerpt(text, 32),
            "연길시는 당건설을 강화했다. 주민들의 만족도가 높아졌다."
        );
    }

    #[test]
    fn decimals_do_not_end_sentences() {
        assert_eq!(
            excerpt("增长3.5倍，成效显著。后面还有很多很多内容", 12),
            "增长3.5倍，成效显著。"
        );
    }

    #[test]
    fn text_without_ends_is_cut_at_a_comma_with_an_ellipsis() {
        let text = format!("{}，{}", "甲".repeat(50), "乙".repeat(300));
        assert_eq!(excerpt(&text, 100), format!("{}，…", "甲".repeat(50)));
    }

    #[test]
    fn short_text_is_whole() {
        assert_eq!(excerpt("短。\n\n文", 120), "短。 文");
    }
}
