//! The whole build in one screen: load the config, parse the content, assemble the site,
//! render it, write it. `build` and (later) `serve` and `check` share [`load`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::check;
use crate::config::{self, BaseUrl, SiteConfig};
use crate::content::{self, Content, ParseCache};
use crate::diagnostics::Diagnostics;
use crate::images::{self, cache::ImageCache};
use crate::model::record_pages::{self, RecordPages};
use crate::model::{self, AssembleOptions, KeptRecords, Site, VersionMemo};
use crate::output::{self, NullSink, OutputError, Staging, WriteStats};
use crate::print;
use crate::render::{
    self, Bodies, KeptTexts, RenderError, Rendering, Texts, Theme, ThemeError, WorkCounters,
};
use crate::svg::{self, SafeSvgs};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `output_dir` of site.yaml; relative to the working folder.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<BaseUrl>,
    pub drafts: bool,
    /// Shared with whoever shows progress.
    pub counters: Arc<WorkCounters>,
    /// The record pages published last, which `W-url-gone` compares this build's with:
    /// `publish` gives those of its target; `None` takes those of the output's marker.
    pub published_pages: Option<RecordPages>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Content problems: every one is in the list.
    #[error("the site has errors")]
    Content(Diagnostics),
    #[error(transparent)]
    Theme(#[from] ThemeError),
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

impl From<print::publish::PdfError> for BuildError {
    fn from(err: print::publish::PdfError) -> Self {
        match err {
            print::publish::PdfError::Content(diagnostics) => BuildError::Content(diagnostics),
            print::publish::PdfError::Output(err) => BuildError::Output(err),
        }
    }
}

pub struct BuildReport {
    pub output: PathBuf,
    pub pages_per_lang: Vec<(String, usize)>,
    pub written: WriteStats,
    /// Warnings (a successful build has no errors).
    pub diagnostics: Diagnostics,
    pub seconds: f64,
    /// The phases of the build, in order.
    pub phases: Vec<Phase>,
    /// Per language: records in its search index, the index's bytes and files.
    pub search: Vec<(String, usize, usize, usize)>,
    /// What the photos took: made now or taken from the cache.
    pub photos: images::Produced,
    /// The addresses of record pages published last that this build no longer has.
    pub gone: Vec<String>,
    /// The booklet's PDFs, with `booklet.pdf: true`.
    pub pdfs: Option<print::publish::Published>,
}

pub struct CheckReport {
    /// Records read (each with all its languages).
    pub records: usize,
    pub diagnostics: Diagnostics,
}

pub struct Phase {
    pub name: &'static str,
    pub seconds: f64,
    /// The process's peak resident memory so far, in bytes, where the system tells it.
    pub peak_memory: Option<u64>,
}

/// The peak resident memory of this process (Linux: `VmHWM` in /proc/self/status).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Times the phases of a build.
struct Phases {
    last: Instant,
    done: Vec<Phase>,
}

impl Phases {
    fn start() -> Phases {
        Phases {
            last: Instant::now(),
            done: Vec::new(),
        }
    }

    fn end(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push(Phase {
            name,
            seconds: (now - self.last).as_secs_f64(),
            peak_memory: peak_memory(),
        });
        self.last = now;
    }
}

/// Loads and assembles the site; errors in site.yaml stop here, content errors are returned
/// beside the site so that every problem is reported at once.
pub fn load(options: &BuildOptions) -> Result<(Site, Diagnostics), Diagnostics> {
    load_inspecting(options, LoadMemos::default(), |_, _| Diagnostics::default())
}

/// What `serve` keeps from one load to the next, for the next to reuse: file parses, record
/// versions and record builds.
#[derive(Clone, Copy, Default)]
pub struct LoadMemos<'a> {
    pub parses: Option<&'a ParseCache>,
    pub versions: Option<&'a VersionMemo>,
    pub records: Option<&'a KeptRecords>,
}

/// [`load`], letting `inspect` see the parsed files before they are assembled into the site
/// (the rules of `check` that read what each file says).
fn load_inspecting(
    options: &BuildOptions,
    memos: LoadMemos<'_>,
    inspect: impl FnOnce(&SiteConfig, &Content) -> Diagnostics,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let root = &options.root;
    let (mut config, _, config_warnings) = config::load_with_warnings(root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = base_url.clone();
    }
    let (content, mut diagnostics) = content::load_cached(root, &config, memos.parses);
    diagnostics.extend(config_warnings);
    diagnostics.extend(inspect(&config, &content));
    let (static_files, static_diagnostics) = content::static_files(root);
    diagnostics.extend(static_diagnostics);
    let (site, model_diagnostics) = model::assemble(
        config,
        content,
        &static_files,
        AssembleOptions {
            drafts: options.drafts,
            versions: memos.versions,
            kept: memos.records,
        },
    );
    diagnostics.extend(model_diagnostics);
    let site = with_pictures(root, site, &mut diagnostics);
    Ok((site, diagnostics))
}

/// The site with its picture files planned (issue 15): what each is and which variants are
/// published; problems with a file are errors where content names it.
fn with_pictures(root: &Path, mut site: Site, diagnostics: &mut Diagnostics) -> Site {
    let (catalog, found) = images::plan(root, &site, Arc::new(ImageCache::open(root)));
    diagnostics.extend(found);
    site.pictures = Arc::new(catalog);
    site
}

pub fn output_dir(options: &BuildOptions, site: &Site) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join(&site.config.output_dir))
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut phases = Phases::start();
    let (site, diagnostics) = load(options).map_err(BuildError::Content)?;
    phases.end("load and assemble");
    let output = output_dir(options, &site);
    // Refuse a foreign output folder before doing the work.
    output::check_target(&options.root, &output)?;
    let theme = Theme::load(&options.root, &site.config)?;
    phases.end("theme");
    let (texts, svgs, mut diagnostics) =
        texts_or_errors(&site, &theme, diagnostics, options, None, Bodies::Keep)?;
    // Addresses the last build published that this one will not (issue 17).
    let previous_pages = match &options.published_pages {
        Some(pages) => pages.clone(),
        None => RecordPages::from_lines(&output::remembered(&output)),
    };
    let record_pages = RecordPages::of_site(&site);
    diagnostics.extend(record_pages::gone_warnings(
        &previous_pages,
        &record_pages,
        &site,
    ));
    let gone = previous_pages
        .gone_from(&record_pages)
        .into_values()
        .flatten()
        .map(str::to_string)
        .collect();
    let mut site = site;
    // The booklet's PDFs set the bodies from their Markdown, after the photos are made.
    if !site.config.booklet.pdf {
        site.release_markdown();
    }
    phases.end("markdown");
    // Photos are made before anything is written, so that a photo only decoding finds broken
    // stops the build with the previous output in place.
    let photos = images::produce(&options.root, &site.pictures, &options.counters.photos)
        .map_err(BuildError::Content)?;
    phases.end("photos");
    let rendering =
        Rendering::prepare(&site, &theme, &options.counters, texts, svgs).map_err(build_error)?;
    phases.end("cards, lists, related");
    let staging = Staging::create(&options.root, &output)?;
    let search = rendering
        .write_search_indexes(&staging)
        .map_err(build_error)?
        .iter()
        .map(|(lang, index)| (lang.clone(), index.docs, index.bytes, index.paths.len()))
        .collect();
    phases.end("search index");
    let summary = rendering.render(&staging).map_err(build_error)?;
    images::publish(&options.root, &site.pictures, &staging)?;
    phases.end("render and write");
    let pdfs = match site.config.booklet.pdf {
        true => {
            let published = print::publish::publish(
                &options.root,
                &site,
                rendering.index(),
                &theme,
                None,
                &staging,
            )?;
            phases.end("booklet PDFs");
            Some(published)
        }
        false => None,
    };
    if let Some(pdfs) = &pdfs {
        diagnostics.extend(pdfs.diagnostics.clone());
    }
    let written = staging.commit(&record_pages.to_lines())?;
    phases.end("replace the previous output");
    images::keep_only_used(&site.pictures);
    rendering.dispose_in_background();
    std::thread::spawn(move || drop(site));
    Ok(BuildReport {
        output,
        pages_per_lang: summary.pages_per_lang.into_iter().collect(),
        written,
        diagnostics,
        seconds: started.elapsed().as_secs_f64(),
        phases: phases.done,
        search,
        photos,
        gone,
        pdfs,
    })
}

/// What `serve` renders from on every change: the site loaded with unchanged files taken from
/// `cache`, its theme, its rendered texts and cleaned SVG files, with the warnings. Errors stop
/// here, as in [`build`].
/// The texts of records `kept` has from the last rendering are taken rather than rendered.
pub fn load_for_serve(
    options: &BuildOptions,
    memos: LoadMemos<'_>,
    kept: Option<KeptTexts>,
) -> Result<(Site, Theme, Texts, SafeSvgs, Diagnostics), BuildError> {
    let (mut site, diagnostics) = load_inspecting(options, memos, |_, _| Diagnostics::default())
        .map_err(BuildError::Content)?;
    // Setting a volume's PDF takes seconds, too long for every save: the preview links no PDF
    // (`build` and `showcase booklet` make them).
    site.config.booklet.pdf = false;
    let theme = Theme::load(&options.root, &site.config)?;
    // `serve` renders again the bodies of the few record pages and search runs an update makes
    // rather than hold every body's HTML and search text.
    let (texts, svgs, diagnostics) =
        texts_or_errors(&site, &theme, diagnostics, options, kept, Bodies::Drop)?;
    Ok((site, theme, texts, svgs, diagnostics))
}

/// Renders every Markdown text and cleans every SVG file to publish; the site's problems so
/// far and those these add, sorted, are returned with them when none is an error, and as the
/// error when one is.
fn texts_or_errors(
    site: &Site,
    theme: &Theme,
    mut diagnostics: Diagnostics,
    options: &BuildOptions,
    kept: Option<KeptTexts>,
    bodies: Bodies,
) -> Result<(Texts, SafeSvgs, Diagnostics), BuildError> {
    let (texts, render_diagnostics) = render::render_texts(site, &options.counters, kept, bodies);
    diagnostics.extend(render_diagnostics);
    let (svgs, svg_diagnostics) = svg::make_safe(&options.root, &site.static_files, Some(theme));
    diagnostics.extend(svg_diagnostics);
    let diagnostics = diagnostics.sorted();
    if diagnostics.has_errors() {
        return Err(BuildError::Content(diagnostics));
    }
    Ok((texts, svgs, diagnostics))
}

/// Everything a build checks, plus the rules only `check` runs, writing nothing: theme and
/// template failures become diagnostics, and every page is rendered into a [`NullSink`] to
/// find templates that read values that do not exist. Sorted by file and line.
pub fn check(options: &BuildOptions) -> CheckReport {
    let root = &options.root;
    let loaded = load_inspecting(options, LoadMemos::default(), |config, content| {
        check::content_rules(root, config, content)
    });
    let (site, mut diagnostics) = match loaded {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            return CheckReport {
                records: 0,
                diagnostics: diagnostics.sorted(),
            };
        }
    };
    let (texts, render_diagnostics) =
        render::render_texts(&site, &options.counters, None, Bodies::Keep);
    diagnostics.extend(render_diagnostics);
    diagnostics.extend(images::verify(root, &site.pictures));
    diagnostics.extend(images::advice(&site, &site.pictures));
    images::save_index(&site.pictures);
    let theme = Theme::load(root, &site.config);
    let (svgs, svg_diagnostics) = svg::make_safe(root, &site.static_files, theme.as_ref().ok());
    diagnostics.extend(svg_diagnostics);
    match theme {
        Err(err) => diagnostics.push(check::template_problem(&err, root, &site.config)),
        // Pages of a site with errors are not rendered: a build would not get that far.
        Ok(_) if diagnostics.has_errors() => {}
        Ok(theme) => {
            let rendered = Rendering::prepare(&site, &theme, &options.counters, texts, svgs)
                .and_then(|rendering| rendering.render(&NullSink));
            if let Err(err) = rendered {
                diagnostics.push(check::template_problem(&err, root, &site.config));
            }
        }
    }
    CheckReport {
        // Records with errors and drafts are checked too, though not published.
        records: site.records.len() + site.unpublished.len(),
        diagnostics: diagnostics.sorted(),
    }
}

pub fn build_error(err: RenderError) -> BuildError {
    match err {
        RenderError::Output(err) => BuildError::Output(err),
        err => BuildError::Render(err),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::output::{Contents, MemorySink};
    use std::path::Path;
    use std::sync::atomic::Ordering;

    /// The base fixture copied to a temporary folder, to be edited.
    pub(crate) fn base_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        for entry in walkdir::WalkDir::new(&base) {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(&base).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        dir
    }

    #[test]
    fn versions_kept_between_loads_are_those_a_load_from_nothing_makes() {
        let dir = base_site();
        let options = BuildOptions {
            root: dir.path().to_path_buf(),
            ..BuildOptions::default()
        };
        let memo = VersionMemo::default();
        let versions =
            |site: &Site| -> Vec<(String, u64, std::collections::BTreeMap<String, u64>)> {
                let records = site.records.iter();
                records
                    .map(|r| (r.id.clone(), r.version, r.versions.clone()))
                    .collect()
            };
        let with_memo = || {
            let none = |_: &SiteConfig, _: &Content| Diagnostics::default();
            versions(
                &load_inspecting(
                    &options,
                    LoadMemos {
                        versions: Some(&memo),
                        ..LoadMemos::default()
                    },
                    none,
                )
                .unwrap()
                .0,
            )
        };
        let first = with_memo();
        assert_eq!(first, versions(&load(&options).unwrap().0));
        // A title saved: that record's versions change, and a load from nothing agrees.
        let record = dir.path().join("content/projects/hongxin.zh.md");
        let text = std::fs::read_to_string(&record).unwrap();
        std::fs::write(&record, text.replacen("title: ", "title: 新", 1)).unwrap();
        let second = with_memo();
        assert_eq!(second, versions(&load(&options).unwrap().0));
        let changed: Vec<&String> = first
            .iter()
            .zip(&second)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| &a.0)
            .collect();
        assert_eq!(changed, ["hongxin"]);
    }

    #[test]
    fn records_are_reused_only_while_what_they_were_built_from_is_the_same() {
        let dir = base_site();
        let options = BuildOptions {
            root: dir.path().to_path_buf(),
            ..BuildOptions::default()
        };
        // Verifying: every reuse is compared with a new build of the same files.
        let kept = KeptRecords::new(true);
        let memos = LoadMemos {
            records: Some(&kept),
            ..LoadMemos::default()
        };
        let none = |_: &SiteConfig, _: &Content| Diagnostics::default();
        // Loads with the memo, gives the records back as `serve` does when the site is
        // replaced, and compares the site with a load from nothing.
        let load_again = || -> usize {
            let (site, diagnostics) = load_inspecting(&options, memos, none).unwrap();
            let (fresh, fresh_diagnostics) = load(&options).unwrap();
            assert_eq!(
                format!("{:?}", site.records),
                format!("{:?}", fresh.records)
            );
            assert_eq!(format!("{diagnostics:?}"), format!("{fresh_diagnostics:?}"));
            kept.give_back(site.records);
            kept.reused()
        };
        assert_eq!(load_again(), 0, "nothing to reuse yet");
        let records = load(&options).unwrap().0.records.len();
        assert_eq!(load_again(), records, "nothing changed");
        let record = dir.path().join("content/projects/hongxin.zh.md");
        let text = std::fs::read_to_string(&record).unwrap();
        std::fs::write(&record, text.replacen("title: ", "title: 新", 1)).unwrap();
        assert_eq!(load_again(), records - 1, "one record's file changed");
        assert_eq!(load_again(), records);
        // A file in static/ may be a picture a record names: every record is built again.
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static/new.txt"), "新").unwrap();
        assert_eq!(load_again(), 0, "static/ changed");
        assert!(kept.take_stale().is_empty());

        // A kept record that is not what its files make is found by verifying.
        let (mut site, _) = load_inspecting(&options, memos, none).unwrap();
        site.records[0].title = crate::localized::Localized::default();
        kept.give_back(site.records);
        load_inspecting(&options, memos, none).unwrap();
        assert_eq!(kept.take_stale().len(), 1);
    }

    #[test]
    fn every_planned_render_is_done_once() {
        let options = BuildOptions {
            root: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base"),
            ..BuildOptions::default()
        };
        let (site, diagnostics) = load(&options).expect("the base fixture loads");
        assert!(!diagnostics.has_errors());
        let theme = Theme::load(&options.root, &site.config).unwrap();
        let (texts, _) = render::render_texts(&site, &options.counters, None, Bodies::Keep);
        let (svgs, _) = svg::make_safe(&options.root, &site.static_files, Some(&theme));
        let rendering = Rendering::prepare(&site, &theme, &options.counters, texts, svgs).unwrap();
        let sink = MemorySink::default();
        let summary = rendering.render(&sink).unwrap();
        let counters = &options.counters;
        let pages: usize = summary.pages_per_lang.values().sum();
        let translations: usize = site.records.iter().map(|r| r.presence.len()).sum();
        // Pages, one booklet entry per record and language, the 404 page, and each card once
        // per heading level.
        assert_eq!(
            counters.templates.load(Ordering::Relaxed),
            pages + translations + 1 + 2 * translations
        );
        assert_eq!(
            counters.planned.load(Ordering::Relaxed),
            counters.templates.load(Ordering::Relaxed)
        );
        // Each record body once per language it is shown in, plus the introductions.
        assert_eq!(
            counters.markdown.load(Ordering::Relaxed),
            translations + site.intros.len()
        );
        // One card per record and language, however many pages show it.
        assert_eq!(counters.cards.load(Ordering::Relaxed), translations);

        // The booklet's placeholders are all replaced, by every entry of the language, in order.
        let files = sink.into_files();
        let text = |path: &str| match &files[path] {
            Contents::Bytes(bytes) => String::from_utf8(bytes.clone()).unwrap(),
            Contents::Copy(_) => panic!("{path} is a copy"),
        };
        let booklet = text("booklet/index.html");
        assert!(!booklet.contains('\u{0}'), "no placeholder is left");
        let mut last = 0;
        let shown = crate::model::Index::new(&site);
        for c in 0..site.collections.len() {
            for &index in shown.collection(c, site.default_lang()) {
                let record = &site.records[index];
                let anchor = format!(
                    "<article class=\"booklet-record record\" id=\"{}-{}\"",
                    record.collection, record.id
                );
                let at = booklet
                    .find(&anchor)
                    .unwrap_or_else(|| panic!("{anchor} missing"));
                assert!(at > last, "{anchor} is out of order");
                last = at;
            }
        }
    }
}
