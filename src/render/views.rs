//! What templates see (STYLE: "Templates see view types only"): plain serializable values,
//! localized and formatted for one language, shared by several page kinds (each kind's own
//! view is in its file under `pages/`). `themes/default/README.md` documents every field of
//! both; keep them in step. Values that are already HTML are named `*_html` or `chart_svg`.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, Hash)]
pub struct LinkView {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub key: String,
    pub name: String,
    pub url: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    pub code: String,
    pub tag: String,
    pub name: String,
    pub url: String,
    pub current: bool,
}

/// `site`: these keys are the same on every page of a language; `nav` (`[NavItem]`, the current
/// item marked) and `languages` (`[LanguageLink]`, to this page's counterparts) are added per
/// page (see `pages::site_value`).
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub base_path: String,
    pub home_url: String,
    pub lang_tag: String,
    pub feed_url: String,
    pub year: i16,
    /// Hosts pictures and media may come from besides the site (`allowed_hosts:`), as
    /// Content-Security-Policy sources (`assets.intranet.example:*`).
    pub resource_hosts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub tag: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    pub permalink: String,
    pub description: String,
    /// The absolute URL of a JPEG about 1200 px wide for `og:image` (empty without a photo).
    pub image: String,
    pub image_width: u32,
    pub image_height: u32,
    pub alternates: Vec<Alternate>,
}

/// A picture as `<img>` and `<picture>` need it (issue 15). For a photo, `url` is the
/// fallback-format variant nearest 960 px wide and the srcsets list every variant; for an SVG,
/// a GIF or a picture from an allowed host, `url` is the file itself and the srcsets are empty.
#[derive(Debug, Clone, Default, Serialize, Hash)]
pub struct ImageView {
    pub url: String,
    /// Of `url`'s file; 0 when unknown (a picture from another host).
    pub width: u32,
    pub height: u32,
    /// Every fallback variant (JPEG, PNG for transparency): `"URL 480w, URL 960w"`.
    pub srcset: String,
    /// Every WebP variant; empty when none.
    pub webp_srcset: String,
    /// The type of `url`'s file, empty when unknown.
    pub mime: String,
    /// The largest fallback variant: what a gallery picture links to.
    pub largest: String,
    /// The widest fallback variant up to 1600 px, for print.
    pub print: String,
    pub print_width: u32,
    pub print_height: u32,
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct CoverView {
    pub alt: String,
    #[serde(flatten)]
    pub image: ImageView,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricView {
    pub label: String,
    pub value: f64,
    pub value_display: String,
    pub unit: String,
}

impl std::hash::Hash for MetricView {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.label.hash(state);
        self.value.to_bits().hash(state);
        self.value_display.hash(state);
        self.unit.hash(state);
    }
}

#[derive(Debug, Clone, Serialize, Hash)]
pub struct CardView {
    pub id: String,
    pub collection: String,
    pub collection_name: String,
    pub title: String,
    pub url: String,
    pub summary: String,
    pub date: String,
    pub date_display: String,
    pub region: Option<LinkView>,
    pub cover: Option<CoverView>,
    pub featured: bool,
    pub lang_tag: String,
    pub fallback: bool,
    pub metrics: Vec<MetricView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    pub key: String,
    pub label: String,
    pub kind: &'static str,
    pub text: String,
    pub html: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PictureView {
    pub caption: String,
    /// The item's `credit`, else the photo's EXIF/IPTC artist or copyright.
    pub credit: String,
    #[serde(flatten)]
    pub image: ImageView,
}

#[derive(Debug, Clone, Serialize)]
/// A record page's `record`: the card's keys plus these (see `Rendering::record_value`, which
/// adds the card and the body from values prepared once).
pub struct RecordView {
    #[serde(skip)]
    pub card: CardView,
    pub updated: String,
    pub updated_display: String,
    pub fields: Vec<FieldView>,
    pub metrics: Vec<MetricView>,
    pub chart_svg: String,
    #[serde(skip)]
    pub body_html: tera::Value,
    pub toc: Vec<TocEntry>,
    pub gallery: Vec<PictureView>,
    /// Every taxonomy the record has terms in, in site.yaml order.
    pub taxonomies: Vec<TaxonomyTerms>,
    pub regions: Vec<LinkView>,
    pub tags: Vec<LinkView>,
    pub source: Option<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyTerms {
    pub key: String,
    pub name: String,
    pub terms: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CollectionView {
    pub key: String,
    pub name: String,
    pub url: String,
    pub count: usize,
    pub intro_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Stands for pages left out between two links (`number` is 0, `url` empty).
    pub gap: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub prev_url: String,
    pub next_url: String,
    pub pages: Vec<PageLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub label: String,
    pub value_display: String,
    pub unit: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaxonomyView {
    pub key: String,
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub id: String,
    pub name: String,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    pub year: i16,
    pub url: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStrings {
    pub code: String,
    pub tag: String,
    pub home_url: String,
    pub t: std::collections::BTreeMap<String, String>,
}

/// `search` on `search.html`: where the language's index is and its shape (see
/// `themes/default/README.md`, "Search").
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// The index's manifest, with the base path: `/search/zh/0123456789abcdef.json`.
    pub index_url: String,
    pub docs: usize,
    pub shards: usize,
    pub chunk: usize,
}

/// The start of a booklet chapter's slot. Slots are wrapped in NUL, which no content or
/// template text can contain (source files holding NUL are refused as binary), so that a slot
/// is never met by chance.
const SLOT_START: &[u8] = b"\0booklet-entries:";

/// `entries` of chapter `chapter` on `booklet.html`: the one place the theme prints it is where
/// `render/booklet.rs` writes the chapter's entries (see `themes/default/README.md`).
pub fn entries_slot(chapter: usize) -> String {
    format!("\u{0}booklet-entries:{chapter}\u{0}")
}

/// The first slot in `text`: where it is, and the chapter it stands for. A text that merely
/// looks like the start of one is text.
pub fn find_entries_slot(text: &[u8]) -> Option<(std::ops::Range<usize>, usize)> {
    let mut from = 0;
    loop {
        let start = from + text[from..].iter().position(|&b| b == 0)?;
        if let Some(after) = text[start..].strip_prefix(SLOT_START) {
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let number = std::str::from_utf8(&after[..digits]).ok();
            if let (Some(Ok(chapter)), Some(&0)) = (number.map(str::parse), after.get(digits)) {
                return Some((start..start + SLOT_START.len() + digits + 1, chapter));
            }
        }
        from = start + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_found_in_order_and_nothing_else_is() {
        let text = format!("<a>{}<b>{}</b>", entries_slot(3), entries_slot(12));
        let (first, chapter) = find_entries_slot(text.as_bytes()).unwrap();
        assert_eq!((&text[..first.start], chapter), ("<a>", 3));
        let rest = &text[first.end..];
        let (second, chapter) = find_entries_slot(rest.as_bytes()).unwrap();
        assert_eq!((&rest[..second.start], chapter), ("<b>", 12));
        assert_eq!(&rest[second.end..], "</b>");
        for text in ["x\0booklet-entries:oops\0y", "\0booklet-entries:7", "\0\0"] {
            assert_eq!(find_entries_slot(text.as_bytes()), None, "{text:?}");
        }
    }
}
