//! Pictures as templates and bodies show them (issue 15): the catalog's variants of a photo
//! made into `src`, `srcset`, sizes and links, for any picture content names.

use super::views::ImageView;
use crate::images::{self, Entry, PRINT_WIDTH, Photo, Variant, VariantFormat};
use crate::markdown::BodyPicture;
use crate::model::{ImageRef, Site, routes};

/// The `<img>` source is the fallback variant nearest this wide: what a browser without
/// `srcset` support gets.
const DEFAULT_WIDTH: u32 = 960;

pub fn image_view(site: &Site, image: &ImageRef) -> ImageView {
    view_of(site, &image.url, image.file.as_deref())
}

/// The picture at `url`, which is the site's file `file` (its output path) when it is one.
fn view_of(site: &Site, url: &str, file: Option<&str>) -> ImageView {
    match file.and_then(|f| site.pictures.get(f)) {
        Some(Entry::Photo(photo)) => photo_view(photo),
        Some(Entry::AsIs(as_is)) => plain(url, as_is.width, as_is.height, as_is.mime),
        None => match file.and_then(|f| site.pictures.svg_size(f)) {
            Some((width, height)) => plain(url, width, height, "image/svg+xml"),
            None => plain(url, 0, 0, ""),
        },
    }
}

/// A picture published as it is: its own URL, as large as it is.
fn plain(url: &str, width: u32, height: u32, mime: &str) -> ImageView {
    ImageView {
        url: url.to_string(),
        width,
        height,
        mime: mime.to_string(),
        largest: url.to_string(),
        print: url.to_string(),
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

/// Pictures in a body are shown in the text column, at most `.prose`'s 46em of 17 px (the
/// theme's CSS), else the width of the screen.
const BODY_SIZES: &str = "(min-width: 50rem) 782px, 100vw";

/// A picture of the site in a body, by the URL the body's link resolver gave it.
pub fn body_picture(site: &Site, url: &str) -> Option<BodyPicture> {
    let file = routes::output_path(&site.config, url);
    // Most links lead to pages: no view is built for them.
    if site.pictures.get(&file).is_none() && site.pictures.svg_size(&file).is_none() {
        return None;
    }
    let view = view_of(site, url, Some(&file));
    if view.width == 0 {
        return None;
    }
    Some(BodyPicture {
        src: view.url,
        width: view.width,
        height: view.height,
        srcset: view.srcset,
        webp_srcset: view.webp_srcset,
        sizes: BODY_SIZES.to_string(),
        largest: view.largest,
    })
}

/// Whether the file at `url` is a photo published only as its variants (its original is not
/// published without `keep_original`).
pub fn only_resized(site: &Site, url: &str) -> bool {
    let file = routes::output_path(&site.config, url);
    site.pictures
        .photo(&file)
        .is_some_and(|photo| photo.original.is_none())
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
