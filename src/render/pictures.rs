//! Pictures as templates and bodies show them (issue 15): the catalog's variants of a photo
//! made into `src`, `srcset`, sizes and links, for any picture content names.

use super::views::ImageView;
use crate::images::{self, Entry, PRINT_WIDTH, Photo, Variant, VariantFormat};
use crate::model::{ImageRef, Site};

/// The `<img>` source is the fallback variant nearest this wide: what a browser without
/// `srcset` support gets.
const DEFAULT_WIDTH: u32 = 960;

pub fn image_view(site: &Site, image: &ImageRef) -> ImageView {
    let entry = image.file.as_deref().and_then(|f| site.pictures.get(f));
    match entry {
        Some(Entry::Photo(photo)) => photo_view(photo),
        Some(Entry::AsIs(as_is)) => plain(image, as_is.width, as_is.height, as_is.mime),
        None => {
            let size = image
                .file
                .as_deref()
                .and_then(|f| site.pictures.svg_size(f));
            match size {
                Some((width, height)) => plain(image, width, height, "image/svg+xml"),
                None => plain(image, 0, 0, ""),
            }
        }
    }
}

/// A picture published as it is: its own URL, as large as it is.
fn plain(image: &ImageRef, width: u32, height: u32, mime: &str) -> ImageView {
    ImageView {
        url: image.url.clone(),
        width,
        height,
        mime: mime.to_string(),
        largest: image.url.clone(),
        print: image.url.clone(),
        print_width: width,
        print_height: height,
        ..ImageView::default()
    }
}

fn photo_view(photo: &Photo) -> ImageView {
    let fallback = photo.fallback();
    let shown = nearest(&fallback, DEFAULT_WIDTH);
    let print = nearest(&fallback, PRINT_WIDTH);
    let largest = fallback.last().copied();
    let webp: Vec<&Variant> = if shown.is_some_and(|v| v.format == VariantFormat::WebP) {
        Vec::new()
    } else {
        photo.of(VariantFormat::WebP).collect()
    };
    ImageView {
        url: shown.map(|v| v.url.clone()).unwrap_or_default(),
        width: shown.map_or(0, |v| v.width),
        height: shown.map_or(0, |v| v.height),
        srcset: srcset(&fallback),
        webp_srcset: srcset(&webp),
        mime: shown
            .map(|v| v.format.mime().to_string())
            .unwrap_or_default(),
        largest: largest.map(|v| v.url.clone()).unwrap_or_default(),
        print: print.map(|v| v.url.clone()).unwrap_or_default(),
        print_width: print.map_or(0, |v| v.width),
        print_height: print.map_or(0, |v| v.height),
    }
}

/// The widest variant up to `width`, else the narrowest.
fn nearest<'a>(variants: &[&'a Variant], width: u32) -> Option<&'a Variant> {
    variants
        .iter()
        .rev()
        .find(|v| v.width <= width)
        .or(variants.first())
        .copied()
}

fn srcset(variants: &[&Variant]) -> String {
    variants
        .iter()
        .map(|v| format!("{} {}w", v.url, v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A gallery picture's credit from its photo's metadata, when the item has none.
pub fn metadata_credit(site: &Site, image: &ImageRef) -> Option<String> {
    let photo = site.pictures.photo(image.file.as_deref()?)?;
    images::credit(photo)
}

/// The picture a link preview shows for a record: its cover's sharing JPEG, as (URL, width,
/// height); `None` when the cover is not a photo.
pub fn share(site: &Site, cover: &ImageRef) -> Option<(String, u32, u32)> {
    let photo = site.pictures.photo(cover.file.as_deref()?)?;
    let share = photo.share.as_ref()?;
    Some((share.url.clone(), share.width, share.height))
}
