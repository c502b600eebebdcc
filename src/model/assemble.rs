//! Content files → [`Site`]: pairs each record's files across languages (a translation
//! inherits every field it does not set, SPEC §3.3), leaves drafts out, gives slugs, resolves
//! terms, related records and pictures, and sorts. Every problem becomes a diagnostic.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::kept::{KeptBuild, KeptRecords};
use super::{
    Collection, ImageRef, Intro, Picture, Presence, Record, RecordKey, RecordLookup, Site,
    StaticFile, Taxonomy, Term, Unpublished, VersionMemo, routes, slug::slugify,
};
use crate::config::{CollectionSchema, MissingTranslation, SiteConfig, SortKey, is_slug};
use crate::content::fields::{FieldValue, Located, RecordFields};
use crate::content::{Content, RawRecord, pair};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::digest::Digest;
use crate::localized::Localized;
use crate::messages::msg;
use crate::source::characters::{IdKind, check_id};
use crate::url_policy::{Destination, UrlUse};
use crate::yaml::read::closest;

#[derive(Debug, Clone, Copy, Default)]
pub struct AssembleOptions<'a> {
    /// Publish records marked `draft: true` (`--drafts`).
    pub drafts: bool,
    /// Each record's versions by what they are made from, kept by `serve` between saves.
    pub versions: Option<&'a VersionMemo>,
    /// Each record's last build, kept by `serve` between saves.
    pub kept: Option<&'a KeptRecords>,
}

/// Builds the site. `static_files` are the paths under `static/`, relative to it.
pub fn assemble(
    config: SiteConfig,
    content: Content,
    static_files: &[PathBuf],
    options: AssembleOptions<'_>,
) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let default_lang = config.default_lang().to_string();

    let mut taxonomies: Vec<Taxonomy> = config
        .taxonomies
        .iter()
        .map(|t| Taxonomy {
            key: t.key.clone(),
            terms: content.terms.get(&t.key).map_or_else(Vec::new, |terms| {
                terms
                    .iter()
                    .map(|d| Term {
                        id: d.id.clone(),
                        slug: d.id.clone(),
                        name: d.name.clone(),
                        records: Vec::new(),
                    })
                    .collect()
            }),
        })
        .collect();

    // Which files make each record, in a stable order (shared with translation status).
    let pairing = pair(&config, &content);
    diagnostics.extend(pairing.diagnostics);
    let mut files: Vec<Option<Arc<RawRecord>>> = content.records.into_iter().map(Some).collect();

    let static_set: BTreeSet<PathBuf> = static_files.iter().cloned().collect();
    let mut bundle_files: BTreeMap<(String, String), BTreeSet<PathBuf>> = BTreeMap::new();
    for asset in &content.assets {
        bundle_files
            .entry((asset.collection.clone(), asset.id.clone()))
            .or_default()
            .insert(asset.name.clone());
    }
    let builder = Builder {
        config: &config,
        static_files: &static_set,
        bundle_files: &bundle_files,
        options,
    };
    let mut unpublished = BTreeMap::new();
    // A record whose default-language file has errors is broken, not missing: links to it and
    // its translations get no second message.
    for (collection, id, lang) in &content.unparsed {
        if *lang == default_lang {
            unpublished.insert(format!("{collection}/{id}"), Unpublished::Broken);
        }
    }
    // What every record's build reads besides its own files and bundle.
    let shared_inputs = options.kept.map(|_| {
        Digest::new()
            .add_debug(&config)
            .add(&static_set)
            .add(&options.drafts)
            .finish()
    });
    let mut last_builds = options.kept.map(KeptRecords::take).unwrap_or_default();
    let mut to_build: Vec<ToBuild> = Vec::with_capacity(pairing.records.len());
    for paired in pairing.records {
        let position = paired.collection;
        // Issue 14: `a\u{200b}b` and `ab` look the same but would be two records.
        if let Some(diagnostic) = check_id(&paired.id, IdKind::Record, None)
            && let Some(first) = &files[paired.first]
        {
            diagnostics.push(diagnostic.in_file(&first.path));
        }
        let schema = &config.collections[position];
        let key = format!("{}/{}", schema.key, paired.id);
        let Some(base) = paired.source.and_then(|i| files[i].take()) else {
            unpublished.insert(key, Unpublished::Broken);
            continue;
        };
        let translations: Vec<Arc<RawRecord>> = paired
            .translations
            .iter()
            .filter_map(|&i| files[i].take())
            .collect();
        if base.fields.draft == Some(true) && !options.drafts {
            unpublished.insert(key, Unpublished::Draft);
            continue;
        }
        let record_key = RecordKey::of(&base.collection, &base.id);
        let last = last_builds.remove(&record_key);
        to_build.push(ToBuild {
            position,
            key,
            record_key,
            base,
            translations,
            last,
        });
    }
    // Records are built in parallel (on every save in `serve`, 10,000 of them); their terms are
    // then resolved in site order, since a free term is numbered where it first appears.
    let results: Vec<_> = to_build
        .into_par_iter()
        .map(|item| {
            let inputs = shared_inputs.map(|shared| builder.inputs(shared, &item));
            let schema = &config.collections[item.position];
            let record_key = item.record_key;
            let (record, found, build) =
                builder.build_or_reuse(schema, item.base, item.translations, item.last, inputs);
            (
                item.position,
                item.key,
                record,
                found,
                build.map(|build| (record_key, build)),
            )
        })
        .collect();
    let mut builds =
        rustc_hash::FxHashMap::with_capacity_and_hasher(results.len(), Default::default());
    // (collection position, record, its `related` references as written)
    let mut built: Vec<(usize, Record, Vec<Located<String>>)> = Vec::with_capacity(results.len());
    for (position, key, record, found, build) in results {
        diagnostics.extend(found);
        builds.extend(build);
        let Some(BuiltRecord {
            mut record,
            related,
            terms,
        }) = record
        else {
            unpublished.insert(key, Unpublished::Broken);
            continue;
        };
        record.terms = resolve_terms(&mut taxonomies, &config, terms, &mut diagnostics);
        built.push((position, record, related));
    }

    // Site order: collections as declared, each in its own sort order.
    // (Their positions are sorted: a record is a large value to move.)
    let mut order: Vec<usize> = (0..built.len()).collect();
    order.sort_by(|&a, &b| {
        let ((pa, ra, _), (pb, rb, _)) = (&built[a], &built[b]);
        pa.cmp(pb)
            .then_with(|| compare_records(&config.collections[*pa], ra, rb, &default_lang))
    });
    let mut built: Vec<Option<_>> = built.into_iter().map(Some).collect();
    let mut records: Vec<Record> = Vec::with_capacity(order.len());
    let mut pending_related: Vec<Vec<Located<String>>> = Vec::with_capacity(order.len());
    for (_, record, related) in order.into_iter().filter_map(|at| built[at].take()) {
        records.push(record);
        pending_related.push(related);
    }

    check_duplicate_slugs(&records, &mut diagnostics);
    super::aliases::check_taken(&mut records, &config, &mut diagnostics);

    let mut site = Site {
        collections: config
            .collections
            .iter()
            .map(|c| Collection {
                key: c.key.clone(),
                records: records
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.collection == c.key)
                    .map(|(i, _)| i)
                    .collect(),
            })
            .collect(),
        config,
        records: Vec::new(),
        taxonomies,
        intros: BTreeMap::new(),
        static_files: Vec::new(),
        lookup: RecordLookup::default(),
        unpublished: BTreeMap::new(),
        pictures: Default::default(),
        inputs: Default::default(),
    };

    // Terms list their records in site order.
    for (index, record) in records.iter().enumerate() {
        for (key, terms) in &record.terms {
            if let Some(taxonomy) = site.taxonomies.iter_mut().find(|t| &t.key == key) {
                for &term in terms {
                    taxonomy.terms[term].records.push(index);
                }
            }
        }
    }
    let lookup = RecordLookup::new(&records);
    for (index, related) in pending_related.into_iter().enumerate() {
        for reference in related {
            match lookup.find(&reference.value) {
                Some(target) if target != index => records[index].related.push(target),
                Some(_) => {}
                None => match super::unpublished_reason(&unpublished, &reference.value) {
                    // Its own errors were reported; one mistake should give one message.
                    Some(Unpublished::Broken) => {}
                    Some(Unpublished::Draft) => diagnostics.push(
                        Diagnostic::warning(
                            "W-related-draft",
                            msg!("related-draft", id = &reference.value),
                        )
                        .at(reference.at.clone())
                        .hint(msg!("related-draft-hint")),
                    ),
                    None => diagnostics.push(unknown_record(&reference, &lookup)),
                },
            }
        }
    }
    for record in &records {
        check_refs(record, &lookup, &site.taxonomies, &mut diagnostics);
    }

    for intro in content.intros {
        site.intros.insert(
            (intro.collection, intro.lang),
            Intro {
                title: intro.title,
                body: intro.body,
            },
        );
    }
    for asset in content.assets {
        let Some(index) = lookup.find(&format!("{}/{}", asset.collection, asset.id)) else {
            continue;
        };
        let record = &records[index];
        let url = routes::record_assets(&site.config, &record.collection, &record.slug);
        let dest = format!(
            "{}{}",
            routes::output_path(&site.config, &url).trim_end_matches("index.html"),
            slash_path(&asset.name)
        );
        site.static_files.push(StaticFile {
            source: asset.source,
            dest,
        });
    }
    for path in static_files {
        site.static_files.push(StaticFile {
            source: Path::new("static").join(path),
            dest: slash_path(path),
        });
    }
    site.static_files.sort();
    finish_versions(
        &mut records,
        &site.taxonomies,
        site.config.default_lang(),
        options.versions,
    );
    site.lookup = lookup;
    site.unpublished = unpublished;
    site.records = records;
    if let Some(kept) = options.kept {
        kept.keep(builds);
    }
    (site, diagnostics)
}

/// A record to build: its collection's position, `collection/id` and its key, its files, its
/// last build.
struct ToBuild {
    position: usize,
    key: String,
    record_key: RecordKey,
    base: Arc<RawRecord>,
    translations: Vec<Arc<RawRecord>>,
    last: Option<KeptBuild>,
}

/// Adds to each record's version (so far its files' digests) what assembling gave it: its slug,
/// languages and bundle files, and its terms and related records by id (indices move when
/// records or free terms come and go); and makes its version in each language it is shown in
/// from the same and what it shows there (`versions::of_language`).
fn finish_versions(
    records: &mut [Record],
    taxonomies: &[Taxonomy],
    default_lang: &str,
    memo: Option<&VersionMemo>,
) {
    let related_ids: Vec<Vec<(&str, &str)>> = records
        .iter()
        .map(|record| {
            record
                .related
                .iter()
                .map(|&i| (records[i].collection.as_str(), records[i].id.as_str()))
                .collect()
        })
        .collect();
    let kept = memo.map(VersionMemo::take).unwrap_or_default();
    let versions: Vec<(u64, BTreeMap<String, u64>)> = records
        .par_iter()
        .zip(&related_ids)
        .map(|(record, related)| {
            let mut digest = crate::digest::Digest::new();
            record.add_place(&mut digest);
            digest
                .add(&record.bundle_files)
                .add(&record.assets_url)
                .add(related)
                .add_debug(&record.presence);
            for (key, terms) in &record.terms {
                let taxonomy = taxonomies.iter().find(|t| &t.key == key);
                digest.add(key);
                for &term in terms {
                    digest.add(&taxonomy.map(|t| t.terms[term].id.as_str()));
                }
            }
            let shared = digest.finish();
            let version = crate::digest::Digest::new()
                .add(&record.version)
                .add(&shared)
                .finish();
            // What `of_language` reads is the record's files (its version so far) and
            // `shared`: a record whose version is unchanged has the same versions as before.
            if let Some(kept) = kept.get(&version) {
                return (version, kept.clone());
            }
            let in_languages = record
                .presence
                .keys()
                .map(|lang| {
                    let version = super::versions::of_language(record, lang, default_lang, shared);
                    (lang.clone(), version)
                })
                .collect();
            (version, in_languages)
        })
        .collect();
    if let Some(memo) = memo {
        memo.keep_only(
            versions
                .iter()
                .map(|(version, in_languages)| (*version, in_languages)),
        );
    }
    for (record, (version, in_languages)) in records.iter_mut().zip(versions) {
        record.version = version;
        record.versions = in_languages;
    }
}

/// `last`'s record as it was built (its terms, related records and versions are worked out
/// again by every update), with the problems its build found; and `last` to keep again.
fn reuse(
    mut last: KeptBuild,
    collection: &str,
    id: &str,
) -> Option<(BuiltRecord, Diagnostics, KeptBuild)> {
    let mut record = *last.record.take()?;
    // Two records with one key: build.
    if record.collection != collection || record.id != id {
        return None;
    }
    record.terms.clear();
    record.related.clear();
    record.version = last.files_version;
    record.versions.clear();
    let built = BuiltRecord {
        record,
        related: last.related.clone(),
        terms: last.terms.clone(),
    };
    Some((built, last.diagnostics.clone(), last))
}

/// Fields a translation may set (SPEC §3.3); every other field is shared and written once.
fn translatable_keys(schema: &CollectionSchema) -> Vec<&str> {
    let mut keys = vec!["title", "summary", "draft", "translated_from", "body"];
    keys.extend(
        schema
            .fields
            .iter()
            .filter(|f| f.ty.is_translatable())
            .map(|f| f.name.as_str()),
    );
    keys
}

/// What a record can see while it is built: the config and the files pictures may name.
/// Shared by the threads that build records.
struct Builder<'a> {
    config: &'a SiteConfig,
    static_files: &'a BTreeSet<PathBuf>,
    bundle_files: &'a BTreeMap<(String, String), BTreeSet<PathBuf>>,
    options: AssembleOptions<'a>,
}

/// A record as [`Builder::build`] gives it: its terms as written, to be resolved in site order
/// ([`resolve_terms`]), and its `related` references as written, to be resolved once every
/// record is known.
#[derive(Debug)]
struct BuiltRecord {
    record: Record,
    related: Vec<Located<String>>,
    terms: BTreeMap<String, Vec<Located<String>>>,
}

/// Each taxonomy's terms of a record as written → indices into the taxonomy's terms, adding
/// the free terms not seen yet.
fn resolve_terms(
    taxonomies: &mut [Taxonomy],
    config: &SiteConfig,
    terms: BTreeMap<String, Vec<Located<String>>>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Vec<usize>> {
    let mut record_terms = BTreeMap::new();
    for (key, values) in terms {
        let Some(position) = taxonomies.iter().position(|t| t.key == key) else {
            continue;
        };
        let closed = config
            .taxonomy(&key)
            .is_some_and(|t| t.terms_file.is_some());
        let mut indices = Vec::new();
        for value in values {
            if let Some(index) = resolve_term(
                &mut taxonomies[position],
                &value,
                closed,
                config.default_lang(),
                diagnostics,
            ) && !indices.contains(&index)
            {
                indices.push(index);
            }
        }
        record_terms.insert(key, indices);
    }
    record_terms
}

impl Builder<'_> {
    /// A digest of everything [`Builder::build`] reads for `item`: `shared`, what it reads of
    /// the site, and the record's files and bundle.
    fn inputs(&self, shared: u64, item: &ToBuild) -> u64 {
        let mut digest = Digest::new();
        digest.add(&shared).add(&item.base.digest);
        for translation in &item.translations {
            digest.add(&translation.digest);
        }
        if item.base.bundle_dir.is_some() {
            let key = (item.base.collection.clone(), item.base.id.clone());
            digest.add(&self.bundle_files.get(&key));
        }
        digest.finish()
    }

    /// The record built, or its `last` build when that read the same `inputs` (with the
    /// problems it found then); and the build to keep for the next update.
    fn build_or_reuse(
        &self,
        schema: &CollectionSchema,
        base: Arc<RawRecord>,
        translations: Vec<Arc<RawRecord>>,
        last: Option<KeptBuild>,
        inputs: Option<u64>,
    ) -> (Option<BuiltRecord>, Diagnostics, Option<KeptBuild>) {
        let reusable = last
            .filter(|last| Some(last.inputs) == inputs)
            .and_then(|last| reuse(last, &base.collection, &base.id));
        if let Some((built, found, kept)) = reusable {
            let memo = self.options.kept;
            memo.inspect(|memo| memo.count_reuse());
            if let Some(memo) = memo.filter(|memo| memo.verifying()) {
                let key = format!("{}/{}", base.collection, base.id);
                let mut fresh_found = Diagnostics::default();
                let fresh = self.build(schema, base, translations, &mut fresh_found);
                if format!("{:?}", (&fresh, &fresh_found))
                    != format!("{:?}", (Some(&built), &found))
                {
                    memo.report_stale(key);
                }
            }
            return (Some(built), found, Some(kept));
        }
        let mut found = Diagnostics::default();
        let built = self.build(schema, base, translations, &mut found);
        let kept = inputs.zip(built.as_ref()).map(|(inputs, built)| KeptBuild {
            inputs,
            files_version: built.record.version,
            related: built.related.clone(),
            terms: built.terms.clone(),
            diagnostics: found.clone(),
            record: None,
        });
        (built, found, kept)
    }

    fn build(
        &self,
        schema: &CollectionSchema,
        base: Arc<RawRecord>,
        translations: Vec<Arc<RawRecord>>,
        diagnostics: &mut Diagnostics,
    ) -> Option<BuiltRecord> {
        let config = self.config;
        let default_lang = config.default_lang();
        // Not copied when nothing else holds it (`build`); `serve`'s parse cache does.
        let base = Arc::unwrap_or_clone(base);
        let RawRecord {
            collection,
            id,
            path,
            fields,
            start,
            bundle_dir,
            digest,
            ..
        } = base;
        let mut files_digest = crate::digest::Digest::new();
        files_digest.add(&digest);
        for translation in &translations {
            files_digest.add(&translation.digest);
        }
        let RecordFields {
            mut title,
            mut summary,
            date,
            updated,
            featured,
            weight,
            slug,
            terms,
            related,
            aliases,
            source,
            mut custom,
            mut body,
            keys: fields_keys,
            ..
        } = fields;

        let has_title = title
            .exact(default_lang)
            .is_some_and(|t| !t.trim().is_empty());
        if !has_title {
            diagnostics.push(
                Diagnostic::error("E-missing-field", msg!("record-no-title"))
                    .at(start.clone())
                    .hint(msg!("record-no-title-hint")),
            );
        }
        // A date that is present but wrong was already reported where it is written.
        let has_date_key = fields_keys.iter().any(|(k, _)| k == "date");
        if date.is_none() && !has_date_key {
            diagnostics.push(
                Diagnostic::error("E-missing-field", msg!("record-no-date"))
                    .at(start.clone())
                    .hint(msg!("record-no-date-hint")),
            );
        }
        for field in schema
            .fields
            .iter()
            // A value that is present but wrong was already reported where it is written.
            .filter(|f| f.required && !custom.contains_key(&f.name))
            .filter(|f| !fields_keys.iter().any(|(k, _)| *k == f.name))
        {
            diagnostics.push(
                Diagnostic::error(
                    "E-missing-field",
                    msg!(
                        "record-missing-required",
                        field = &field.name,
                        collection = &collection
                    ),
                )
                .at(start.clone())
                .hint(msg!(
                    "record-missing-required-hint",
                    field = &field.name,
                    kind = field.ty.name()
                )),
            );
        }
        let (Some(date), true) = (date, has_title) else {
            return None;
        };

        // Translations add their languages; everything they do not set is inherited.
        let allowed = translatable_keys(schema);
        for translation in translations {
            for (key, location) in &translation.fields.keys {
                if !allowed.contains(&key.as_str()) {
                    diagnostics.push(
                        Diagnostic::error(
                            "E-translation-shared-field",
                            msg!("translation-shared-field", field = key, lang = default_lang),
                        )
                        .at(location.clone())
                        .hint(msg!(
                            "translation-shared-field-hint",
                            path = &path,
                            default_lang = default_lang,
                            lang = &translation.lang
                        )),
                    );
                }
            }
            if translation.fields.draft == Some(true) && !self.options.drafts {
                continue;
            }
            let lang = translation.lang.clone();
            title.overlay(&translation.fields.title);
            summary.overlay(&translation.fields.summary);
            body.overlay(&translation.fields.body);
            for (name, value) in &translation.fields.custom {
                match custom.get_mut(name) {
                    Some(existing) => existing.merge_translation(value),
                    None => {
                        custom.insert(name.clone(), value.clone());
                    }
                }
            }
            if translation.fields.title.exact(&lang).is_none() {
                diagnostics.push(
                    Diagnostic::warning(
                        "W-untranslated-title",
                        msg!(
                            "untranslated-title",
                            lang = &lang,
                            default_lang = default_lang
                        ),
                    )
                    .at(translation.start.clone())
                    .hint(msg!("untranslated-title-hint")),
                );
            }
        }
        let mut presence = BTreeMap::new();
        for language in &config.languages {
            if title.has(&language.code) {
                presence.insert(language.code.clone(), Presence::Translated);
            } else if config.missing_translation == MissingTranslation::Fallback {
                presence.insert(language.code.clone(), Presence::Fallback);
            }
        }

        let slug = match slug {
            Some(slug) if is_slug(&slug.value) => slug.value,
            Some(slug) => {
                let diagnostic = check_id(&slug.value, IdKind::Slug, Some(&slug.at))
                    .unwrap_or_else(|| {
                        Diagnostic::error("E-bad-slug", msg!("bad-slug", slug = &slug.value))
                            .at(slug.at)
                            .hint(msg!("bad-slug-hint", slug = slugify(&slug.value)))
                    });
                diagnostics.push(diagnostic);
                slugify(&id)
            }
            None if is_slug(&id) => id.clone(),
            None => slugify(&id),
        };

        let assets_url = routes::record_assets(config, &collection, &slug);
        let no_files = BTreeSet::new();
        let bundle = bundle_dir.as_ref().map(|_| {
            self.bundle_files
                .get(&(collection.clone(), id.clone()))
                .unwrap_or(&no_files)
        });
        let mut images = BTreeMap::new();
        let mut galleries = BTreeMap::new();
        for field in &schema.fields {
            match custom.get(&field.name) {
                Some(FieldValue::Image(value)) => {
                    if let Some(url) = self.picture_url(value, bundle, &assets_url, diagnostics) {
                        images.insert(field.name.clone(), url);
                    }
                }
                Some(FieldValue::Gallery(items)) => {
                    let pictures = items
                        .iter()
                        .filter_map(|item| {
                            Some(Picture {
                                image: self.picture_url(
                                    &item.src,
                                    bundle,
                                    &assets_url,
                                    diagnostics,
                                )?,
                                caption: item.caption.clone(),
                                credit: item.credit.clone(),
                            })
                        })
                        .collect();
                    galleries.insert(field.name.clone(), pictures);
                }
                _ => {}
            }
        }
        let bundle_files = bundle
            .map(|files| files.iter().map(|p| slash_path(p)).collect())
            .unwrap_or_default();
        let record = Record {
            collection,
            id,
            slug,
            path,
            date,
            updated,
            featured: featured.unwrap_or(false),
            weight: weight.unwrap_or(0),
            title,
            summary,
            body,
            // Resolved by `resolve_terms`, in site order.
            terms: BTreeMap::new(),
            related: Vec::new(),
            aliases: super::aliases::read(aliases, config, diagnostics),
            source,
            fields: custom,
            images,
            galleries,
            presence,
            assets_url: bundle_dir.map(|_| assets_url),
            bundle_files,
            // Completed by `finish_versions` once related records are known.
            version: files_digest.finish(),
            versions: BTreeMap::new(),
        };
        Some(BuiltRecord {
            record,
            related,
            terms,
        })
    }

    /// A picture named by content: a file of the record's bundle, else of `static/`.
    fn picture_url(
        &self,
        value: &Located<String>,
        bundle: Option<&BTreeSet<PathBuf>>,
        assets_url: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<ImageRef> {
        // Issue 14: a picture from another site only from a host site.yaml trusts.
        match self.config.url_policy.judge(&value.value, UrlUse::Resource) {
            Ok(Destination::Site) => {}
            Ok(Destination::Outside) => {
                return Some(ImageRef {
                    url: value.value.trim().to_string(),
                    file: None,
                    at: value.at.clone(),
                });
            }
            Err(refusal) => {
                diagnostics.push(
                    refusal
                        .diagnostic(&value.value, UrlUse::Resource)
                        .at(value.at.clone()),
                );
                return None;
            }
        }
        let path = match check_image_path(value) {
            Ok(path) => path,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                return None;
            }
        };
        if bundle.is_some_and(|files| files.contains(&path)) {
            let url = format!("{assets_url}{}", slash_path(&path));
            return Some(ImageRef {
                file: Some(routes::output_path(self.config, &url)),
                url,
                at: value.at.clone(),
            });
        }
        if self.static_files.contains(&path) {
            return Some(ImageRef {
                url: format!("{}{}", self.config.base_url.path, slash_path(&path)),
                file: Some(slash_path(&path)),
                at: value.at.clone(),
            });
        }
        let message = if bundle.is_some() {
            msg!("missing-image-bundle-or-static", path = &value.value)
        } else {
            msg!("missing-image-static", path = &value.value)
        };
        diagnostics.push(
            Diagnostic::error("E-missing-image", message)
                .at(value.at.clone())
                .hint(msg!("missing-image-hint")),
        );
        None
    }
}

fn resolve_term(
    taxonomy: &mut Taxonomy,
    value: &Located<String>,
    closed: bool,
    default_lang: &str,
    diagnostics: &mut Diagnostics,
) -> Option<usize> {
    if let Some(diagnostic) = check_id(&value.value, IdKind::Term, Some(&value.at)) {
        diagnostics.push(diagnostic);
        return None;
    }
    if closed {
        if let Some(index) = taxonomy.terms.iter().position(|t| t.id == value.value) {
            return Some(index);
        }
        let ids: Vec<&str> = taxonomy.terms.iter().map(|t| t.id.as_str()).collect();
        let hint = match closest(&value.value, &ids) {
            Some(near) => msg!("unknown-term-hint-did-you-mean", name = near),
            None => msg!(
                "unknown-term-hint-list",
                terms = ids.join(", "),
                term = &value.value
            ),
        };
        diagnostics.push(
            Diagnostic::error(
                "E-unknown-term",
                msg!(
                    "unknown-term",
                    term = &value.value,
                    taxonomy = &taxonomy.key
                ),
            )
            .at(value.at.clone())
            .hint(hint),
        );
        return None;
    }
    let slug = if is_slug(&value.value) {
        value.value.clone()
    } else {
        slugify(&value.value)
    };
    if let Some(index) = taxonomy.terms.iter().position(|t| t.slug == slug) {
        return Some(index);
    }
    taxonomy.terms.push(Term {
        id: value.value.clone(),
        slug,
        name: Localized::one(default_lang, value.value.clone()),
        records: Vec::new(),
    });
    Some(taxonomy.terms.len() - 1)
}

/// The order of records in a collection: its sort key, then newest, then weight, then id, so
/// the order is total and builds are deterministic.
fn compare_records(
    schema: &CollectionSchema,
    a: &Record,
    b: &Record,
    default_lang: &str,
) -> std::cmp::Ordering {
    let primary = match schema.sort.key {
        SortKey::Date => a.date.cmp(&b.date),
        SortKey::Weight => a.weight.cmp(&b.weight),
        SortKey::Title => title_key(a.title.text(default_lang, default_lang))
            .cmp(&title_key(b.title.text(default_lang, default_lang))),
    };
    let primary = if schema.sort.descending {
        primary.reverse()
    } else {
        primary
    };
    primary
        .then(b.date.cmp(&a.date))
        .then(a.weight.cmp(&b.weight))
        .then(a.id.cmp(&b.id))
}

/// Chinese titles sort by pinyin, as Chinese readers expect; Hangul sorts correctly as it is.
fn title_key(title: &str) -> String {
    if title
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        slugify(title)
    } else {
        title.to_lowercase()
    }
}

fn check_duplicate_slugs(records: &[Record], diagnostics: &mut Diagnostics) {
    let mut first_at: BTreeMap<(&str, &str), &Record> = BTreeMap::new();
    for record in records {
        let Some(first) = first_at.get(&(record.collection.as_str(), record.slug.as_str())) else {
            first_at.insert((&record.collection, &record.slug), record);
            continue;
        };
        diagnostics.push(
            Diagnostic::error(
                "E-duplicate-slug",
                msg!(
                    "duplicate-slug",
                    first = &first.id,
                    second = &record.id,
                    url = format!("/{}/{}/", record.collection, record.slug)
                ),
            )
            .in_file(&record.path)
            .hint(msg!("duplicate-slug-hint")),
        );
    }
}

fn unknown_record(reference: &Located<String>, lookup: &RecordLookup) -> Diagnostic {
    // A reference that differs from an id by an invisible character only: say that.
    if let Some(diagnostic) = check_id(&reference.value, IdKind::Reference, Some(&reference.at)) {
        return diagnostic;
    }
    let keys = lookup.keys();
    let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let hint = match closest(&reference.value, &refs) {
        Some(near) => msg!("did-you-mean", name = near),
        None => msg!("unknown-record-hint"),
    };
    Diagnostic::error(
        "E-unknown-record",
        msg!("unknown-record", id = &reference.value),
    )
    .at(reference.at.clone())
    .hint(hint)
}

fn check_refs(
    record: &Record,
    lookup: &RecordLookup,
    taxonomies: &[Taxonomy],
    diagnostics: &mut Diagnostics,
) {
    for value in record.fields.values() {
        if let FieldValue::Ref(reference) = value {
            let is_term = taxonomies
                .iter()
                .any(|t| t.terms.iter().any(|term| term.id == reference.value));
            if lookup.find(&reference.value).is_none() && !is_term {
                diagnostics.push(unknown_record(reference, lookup));
            }
        }
    }
}

/// A relative path written with `/` whatever the system's separator: as URLs and output paths
/// name it.
pub fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks an image path from content: relative, without `..`, and naming a file of the
/// record's bundle or of `static/` (SPEC §6). Returns the path as written, cleaned.
pub fn check_image_path(value: &Located<String>) -> Result<PathBuf, Diagnostic> {
    let text = value.value.trim();
    let path = Path::new(text);
    // Windows users write `images\a.jpg` as Explorer shows it. Said as written, with the same
    // path in `/`, which every system reads (the output is addressed by URL).
    let slashed = text.replace('\\', "/");
    if text.contains('\\') && is_safe_picture_path(&slashed) {
        return Err(Diagnostic::error(
            "E-unsafe-path",
            msg!("picture-path-backslash", path = text),
        )
        .at(value.at.clone())
        .hint(msg!("picture-path-backslash-hint", path = slashed)));
    }
    if !is_safe_picture_path(text) {
        return Err(
            Diagnostic::error("E-unsafe-path", msg!("unsafe-picture-path", path = text))
                .at(value.at.clone())
                .hint(msg!("unsafe-picture-path-hint")),
        );
    }
    Ok(path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect())
}

/// Relative, without `..`, `\` or a scheme (SPEC §6).
fn is_safe_picture_path(text: &str) -> bool {
    let escapes = Path::new(text).components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    });
    !(text.is_empty()
        || escapes
        || text.starts_with(['/', '\\'])
        || text.contains('\\')
        || text.contains("://"))
}
