//! Dates and numbers as each language writes them: `2023年5月1日` / `2023년 5월 1일`, and figures
//! grouped by thousands (`21,652`). Pure functions; the theme gets the results as strings.

use jiff::civil::Date;

pub fn date(date: Date, lang: &str) -> String {
    match lang {
        "zh" | "ja" => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        "ko" => format!("{}년 {}월 {}일", date.year(), date.month(), date.day()),
        _ => date.to_string(),
    }
}

/// A figure with thousands separators; fractions keep up to two decimals.
pub fn number(value: f64) -> String {
    let negative = value < 0.0;
    let rounded = (value.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let fraction = rounded - whole as f64;
    if fraction > 0.0 {
        let decimals = format!("{fraction:.2}");
        grouped.push_str(decimals.trim_start_matches('0').trim_end_matches('0'));
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_per_language() {
        let d = Date::new(2023, 5, 1).unwrap();
        assert_eq!(date(d, "zh"), "2023年5月1日");
        assert_eq!(date(d, "ko"), "2023년 5월 1일");
        assert_eq!(date(d, "en"), "2023-05-01");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(21652.0), "21,652");
        assert_eq!(number(2000.0), "2,000");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(1234567.5), "1,234,567.5");
        assert_eq!(number(1.23456), "1.23");
        assert_eq!(number(-1200.0), "-1,200");
    }
}
