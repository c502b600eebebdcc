//! URL slugs for ids and free terms that are not `[a-z0-9-]+` (SPEC §3.1): Chinese characters
//! become toneless pinyin (梨园村 → `li-yuan-cun`), Hangul syllables their Revised Romanization
//! (축제 → `chuk-je`), Latin letters are lowercased, and everything else separates words.
//! Pinyin picks one reading of polyphones (长春 may come out wrong): `slug:` overrides it.

use pinyin::ToPinyin;

pub fn slugify(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut latin = String::new();
    let flush = |latin: &mut String, words: &mut Vec<String>| {
        if !latin.is_empty() {
            words.push(std::mem::take(latin));
        }
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
        } else if let Some(pinyin) = c.to_pinyin() {
            flush(&mut latin, &mut words);
            words.push(pinyin.plain().to_string());
        } else if let Some(roman) = romanize_hangul(c) {
            flush(&mut latin, &mut words);
            words.push(roman);
        } else if c.is_alphanumeric() {
            // Other scripts: keep the letter lowercased rather than lose it.
            latin.extend(c.to_lowercase());
        } else {
            flush(&mut latin, &mut words);
        }
    }
    flush(&mut latin, &mut words);
    let slug = words.join("-");
    if slug.is_empty() {
        "item".to_string()
    } else {
        slug
    }
}

/// Revised Romanization of one precomposed Hangul syllable, letter by letter.
fn romanize_hangul(c: char) -> Option<String> {
    const INITIALS: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const VOWELS: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINALS: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let index = (c as u32).checked_sub(0xAC00).filter(|i| *i < 11172)? as usize;
    let (initial, vowel, last) = (index / 588, (index % 588) / 28, index % 28);
    Some(format!(
        "{}{}{}",
        INITIALS[initial], VOWELS[vowel], FINALS[last]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_becomes_pinyin() {
        assert_eq!(slugify("梨园村"), "li-yuan-cun");
        assert_eq!(slugify("红心物业 2023"), "hong-xin-wu-ye-2023");
    }

    #[test]
    fn hangul_is_romanized() {
        assert_eq!(slugify("축제"), "chuk-je");
        assert_eq!(slugify("연길시"), "yeon-gil-si");
    }

    #[test]
    fn latin_and_punctuation() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(slugify("——"), "item");
    }
}
