//! Traditional characters in Simplified Chinese text and the reverse, found with OpenCC
//! (`ferrous-opencc`): a character the conversion to the record's script changes is in the other
//! script. Converting a whole text at once lets OpenCC's phrase tables keep characters that are
//! right in context (`乾隆` stays, `著名` stays).

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The script a Chinese language tag asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    /// Traditional, with the conversion that writes it (Taiwan and Hong Kong differ a little).
    Traditional(BuiltinConfig),
}

/// `None` for a language that is not Chinese (Korean may contain Hanja and is never checked).
pub fn script_of(code: &str, tag: &str) -> Option<Script> {
    let tag = tag.to_ascii_lowercase();
    let chinese = tag == "zh" || tag.starts_with("zh-") || code.eq_ignore_ascii_case("zh");
    if !chinese {
        return None;
    }
    let parts: Vec<&str> = tag.split(['-', '_']).collect();
    Some(
        if parts.contains(&"hant")
            || parts.contains(&"tw")
            || parts.contains(&"hk")
            || parts.contains(&"mo")
        {
            if parts.contains(&"tw") {
                Script::Traditional(BuiltinConfig::S2tw)
            } else if parts.contains(&"hk") || parts.contains(&"mo") {
                Script::Traditional(BuiltinConfig::S2hk)
            } else {
                Script::Traditional(BuiltinConfig::S2t)
            }
        } else {
            Script::Simplified
        },
    )
}

/// A line with characters of the other script: the first one, its byte offset in the text,
/// what to write instead, and how many such characters the line has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub offset: usize,
    pub found: char,
    pub expected: String,
    pub count: usize,
}

fn converter(config: BuiltinConfig) -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2TW: OnceLock<Option<OpenCC>> = OnceLock::new();
    static S2HK: OnceLock<Option<OpenCC>> = OnceLock::new();
    let cell = match config {
        BuiltinConfig::T2s => &T2S,
        BuiltinConfig::S2tw => &S2TW,
        BuiltinConfig::S2hk => &S2HK,
        _ => &S2T,
    };
    cell.get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()
}

/// Each line of `text` that has characters of the other script than `script`, in order.
pub fn mismatches(text: &str, script: Script) -> Vec<Mismatch> {
    if !text.chars().any(super::mojibake::is_han) {
        return Vec::new();
    }
    let config = match script {
        Script::Simplified => BuiltinConfig::T2s,
        Script::Traditional(config) => config,
    };
    let Some(opencc) = converter(config) else {
        return Vec::new();
    };
    let converted = opencc.convert(text);
    let mut found = Vec::new();
    if converted.chars().count() == text.chars().count() {
        let mut line_start = 0;
        for (line, converted_line) in text.split('\n').zip(converted.split('\n')) {
            compare(line, converted_line, line_start, &mut found, opencc);
            line_start += line.len() + 1;
        }
    } else {
        // A phrase changed length: compare line by line, converting each line alone.
        let mut line_start = 0;
        for line in text.split('\n') {
            if line.chars().any(super::mojibake::is_han) {
                compare(line, &opencc.convert(line), line_start, &mut found, opencc);
            }
            line_start += line.len() + 1;
        }
    }
    found
}

fn compare(
    line: &str,
    converted: &str,
    line_start: usize,
    found: &mut Vec<Mismatch>,
    opencc: &OpenCC,
) {
    let mut first: Option<Mismatch> = None;
    let mut count = 0;
    if converted.chars().count() == line.chars().count() {
        for ((offset, a), b) in line.char_indices().zip(converted.chars()) {
            if a != b && super::mojibake::is_han(a) {
                count += 1;
                first.get_or_insert(Mismatch {
                    offset: line_start + offset,
                    found: a,
                    expected: b.to_string(),
                    count: 0,
                });
            }
        }
    } else {
        // Still different lengths: character by character, without phrase context.
        let mut buf = [0u8; 4];
        for (offset, a) in line.char_indices() {
            if !super::mojibake::is_han(a) {
                continue;
            }
            let b = opencc.convert(a.encode_utf8(&mut buf));
            if b.chars().ne(std::iter::once(a)) {
                count += 1;
                first.get_or_insert(Mismatch {
                    offset: line_start + offset,
                    found: a,
                    expected: b,
                    count: 0,
                });
            }
        }
    }
    if let Some(mut first) = first {
        first.count = count;
        found.push(first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_language_tags() {
        assert_eq!(script_of("zh", "zh-Hans"), Some(Script::Simplified));
        assert_eq!(script_of("zh", "zh-CN"), Some(Script::Simplified));
        assert_eq!(
            script_of("tw", "zh-TW"),
            Some(Script::Traditional(BuiltinConfig::S2tw))
        );
        assert_eq!(
            script_of("hk", "zh-HK"),
            Some(Script::Traditional(BuiltinConfig::S2hk))
        );
        assert_eq!(
            script_of("zht", "zh-Hant"),
            Some(Script::Traditional(BuiltinConfig::S2t))
        );
        assert_eq!(script_of("ko", "ko"), None);
        assert_eq!(script_of("ko", "ko-Kore"), None);
    }

    #[test]
    fn traditional_characters_in_simplified_text() {
        let text = "延边州干部培训\n延邊作為全國唯一的朝鮮族自治州\n培训21652人次，學习";
        let found = mismatches(text, Script::Simplified);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].found, '邊');
        assert_eq!(found[0].expected, "边");
        assert_eq!(found[0].offset, text.find('邊').unwrap());
        assert_eq!(found[0].count, 4);
        assert_eq!(found[1].found, '學');
        assert_eq!(found[1].expected, "学");
        assert_eq!(found[1].count, 1);
    }

    #[test]
    fn simplified_text_in_context_is_clean() {
        for text in [
            "乾隆年间的著名学者，干部群众一起干事创业。",
            "延边朝鲜族自治州地处中俄朝三国交界，“红心物业”覆盖2000个社区。",
            "后来，皇后的头发很长。",
        ] {
            assert_eq!(mismatches(text, Script::Simplified), vec![], "{text}");
        }
    }

    #[test]
    fn simplified_characters_in_traditional_text() {
        let text = "延邊作為全國唯一的朝鮮族自治州，党员干部";
        let found = mismatches(text, Script::Traditional(BuiltinConfig::S2t));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].found, '党');
        assert_eq!(found[0].expected, "黨");
        assert!(
            mismatches(
                "延邊作為全國唯一的朝鮮族自治州",
                Script::Traditional(BuiltinConfig::S2t)
            )
            .is_empty()
        );
    }
}
