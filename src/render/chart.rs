//! The key figures as an inline SVG bar chart, drawn at build time (SPEC §4): no script, no
//! external file, readable by screen readers through `role="img"` and a label. Bars are scaled
//! per figure against the largest value; labels and values are escaped text.

use super::views::MetricView;
use crate::render::escape_xml;

const ROW_HEIGHT: usize = 36;
const LABEL_WIDTH: usize = 200;
const BAR_WIDTH: usize = 380;
const WIDTH: usize = 720;

/// Draws a chart of `metrics`; empty when there are fewer than two figures to compare.
pub fn bar_chart(metrics: &[MetricView], title: &str) -> String {
    if metrics.len() < 2 {
        return String::new();
    }
    let max = metrics.iter().map(|m| m.value).fold(0.0_f64, f64::max);
    let height = metrics.len() * ROW_HEIGHT + 8;
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape_xml(title)
    );
    for (i, metric) in metrics.iter().enumerate() {
        let y = i * ROW_HEIGHT + 4;
        let width = if max > 0.0 {
            ((metric.value / max) * BAR_WIDTH as f64).round().max(2.0) as usize
        } else {
            2
        };
        let text_y = y + ROW_HEIGHT / 2 + 5;
        svg.push_str(&format!(
            r#"<g class="chart-row"><text class="chart-label" x="{}" y="{text_y}" text-anchor="end">{}</text><rect class="chart-bar" x="{}" y="{}" width="{width}" height="{}" rx="2"/><text class="chart-value" x="{}" y="{text_y}">{} {}</text></g>"#,
            LABEL_WIDTH - 12,
            escape_xml(&metric.label),
            LABEL_WIDTH,
            y + 6,
            ROW_HEIGHT - 12,
            LABEL_WIDTH + width + 8,
            escape_xml(&metric.value_display),
            escape_xml(&metric.unit),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(label: &str, value: f64) -> MetricView {
        MetricView {
            label: label.into(),
            value,
            value_display: crate::render::format::number(value),
            unit: "人".into(),
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let svg = bar_chart(
            &[metric("培训<干部>", 21652.0), metric("党员", 10826.0)],
            "主要数据",
        );
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains("width=\"380\" height=\"24\""), "{svg}");
        assert!(svg.contains("width=\"190\" height=\"24\""), "{svg}");
        assert!(svg.contains("培训&lt;干部&gt;"), "{svg}");
        assert!(svg.contains("21,652 人"), "{svg}");
    }

    #[test]
    fn one_figure_needs_no_chart() {
        assert_eq!(bar_chart(&[metric("a", 1.0)], "t"), "");
    }
}
