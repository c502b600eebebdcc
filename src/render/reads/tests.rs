//! Which pages an edit makes the next rendering render (issue 16), on a small site written to
//! a temporary folder, loaded and rendered for real, edited, and rendered again with what the
//! first rendering remembered.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::{Arc, Mutex};

use super::Memo;
use crate::output::{OutputError, PreviousFile, Sink};
use crate::pipeline::{self, BuildOptions};
use crate::render::Kept;
use crate::render::{Bodies, Rendering, Theme, WorkCounters, render_texts};

const SITE: &str = "\
title: {zh: 测试, ko: 시험}
base_url: /
languages:
  - {code: zh, tag: zh-Hans, name: 中文}
  - {code: ko, tag: ko, name: 조선어}
missing_translation: omit
taxonomies:
  regions: {name: {zh: 地区, ko: 지역}, terms: data/regions.yaml}
collections:
  projects:
    name: {zh: 示范项目, ko: 시범사업}
    sort: date desc
    paginate: 2
";

const REGIONS: &str = "yanji: {zh: 延吉市, ko: 연길시}\nantu: {zh: 安图县, ko: 안도현}\n";

/// Record `n` (1–6) in Chinese: dated in month `n` (so p6 is first, p1 last), in Yanji when
/// `n` is odd, else in Antu, with an explicit summary.
fn record(n: usize, title: &str, body: &str) -> String {
    let region = if n % 2 == 1 { "yanji" } else { "antu" };
    format!(
        "---\ntitle: {title}\ndate: 2020-0{n}-01\nregion: {region}\nsummary: 摘要{n}\n---\n\n{body}\n"
    )
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", SITE);
    write(root, "content/data/regions.yaml", REGIONS);
    for n in 1..=6 {
        let path = format!("content/projects/p{n}.zh.md");
        write(
            root,
            &path,
            &record(n, &format!("项目{n}"), &format!("正文{n}。")),
        );
    }
    // Only p3 is translated.
    write(
        root,
        "content/projects/p3.ko.md",
        "---\ntitle: 사업3\nsummary: 요약3\n---\n\n본문3.\n",
    );
    dir
}

/// A sink over the files of a previous rendering that notes which files were given anew.
#[derive(Default)]
struct Recording {
    previous: BTreeMap<String, Arc<[u8]>>,
    files: Mutex<BTreeMap<String, Arc<[u8]>>>,
    written: Mutex<BTreeSet<String>>,
}

impl Sink for Recording {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self.written.lock().unwrap().insert(path.to_string());
        self.files
            .lock()
            .unwrap()
            .insert(path.to_string(), Arc::from(bytes));
        Ok(())
    }

    fn append(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let mut files = self.files.lock().unwrap();
        let mut joined = files.get(path).map(|b| b.to_vec()).unwrap_or_default();
        joined.extend_from_slice(bytes);
        files.insert(path.to_string(), Arc::from(joined));
        Ok(())
    }

    fn copy(&self, path: &str, _: &Path) -> Result<(), OutputError> {
        self.put(path, b"(copied)")
    }

    fn keep(&self, path: &str) -> bool {
        let Some(bytes) = self.previous.get(path) else {
            return false;
        };
        self.files
            .lock()
            .unwrap()
            .insert(path.to_string(), bytes.clone());
        true
    }

    fn incremental(&self) -> bool {
        true
    }

    fn previous(&self, path: &str) -> Option<Box<dyn PreviousFile>> {
        let bytes = self.previous.get(path)?.clone();
        Some(Box::new(bytes))
    }
}

/// What a rendering gives the next one: its files, what it kept and its memo.
type Previous = (BTreeMap<String, Arc<[u8]>>, Kept, Memo);

/// The site at `root` rendered after `previous`, as `serve` does: what the next rendering
/// needs, the HTML pages written anew and the template renders done.
fn render(root: &Path, previous: Option<Previous>) -> (Previous, BTreeSet<String>, Work) {
    let options = BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    };
    let (site, diagnostics) = pipeline::load(&options).expect("the site loads");
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let theme = Theme::load(root, &site.config).unwrap();
    let counters = WorkCounters::default();
    let (files, kept, memo) = match previous {
        Some((files, kept, memo)) => (files, Some(kept), Some(memo)),
        None => (BTreeMap::new(), None, None),
    };
    let (kept_texts, kept_cards, kept_similar) = match kept {
        Some(Kept {
            texts,
            cards,
            similar,
        }) => (Some(texts), Some(cards), similar),
        None => (None, None, None),
    };
    // As `serve` does: record pages render their bodies again (the comparison with a full
    // rendering checks they are the same).
    let (texts, _) = render_texts(&site, &counters, kept_texts, Bodies::Drop);
    let mut rendering = Rendering::prepare_keeping(
        &site,
        &theme,
        &counters,
        texts,
        Default::default(),
        kept_cards,
        kept_similar,
    )
    .unwrap();
    let sink = Recording {
        previous: files,
        ..Recording::default()
    };
    let (_, memo) = rendering.render_since(&sink, memo.as_ref()).unwrap();
    let kept = rendering.keep();
    let pages = sink
        .written
        .into_inner()
        .unwrap()
        .into_iter()
        .filter(|path| path.ends_with(".html") && path != "404.html")
        .collect();
    let work = Work {
        renders: counters.templates.load(Relaxed),
        search_runs: counters.search_runs.load(Relaxed),
    };
    ((sink.files.into_inner().unwrap(), kept, memo), pages, work)
}

/// What a rendering did: template renders, and runs of records inverted for search.
struct Work {
    renders: usize,
    search_runs: usize,
}

/// What rendering again after `edit` renders, and whether that equals a full rendering.
fn after(edit: impl FnOnce(&Path)) -> (BTreeSet<String>, usize) {
    after_changing(|_| {}, edit)
}

/// [`after`], on the site as `setup` changes it.
fn after_changing(
    setup: impl FnOnce(&Path),
    edit: impl FnOnce(&Path),
) -> (BTreeSet<String>, usize) {
    let (_, pages, work) = work_after_changing(setup, edit);
    (pages, work.renders)
}

/// [`after_changing`], with the work of the first rendering and of the one after the edit.
fn work_after_changing(
    setup: impl FnOnce(&Path),
    edit: impl FnOnce(&Path),
) -> (Work, BTreeSet<String>, Work) {
    let dir = site();
    setup(dir.path());
    let (previous, _, first) = render(dir.path(), None);
    edit(dir.path());
    let ((incremental, _, _), pages, work) = render(dir.path(), Some(previous));
    let ((full, _, _), _, _) = render(dir.path(), None);
    let differ: Vec<&String> = full
        .keys()
        .chain(incremental.keys())
        .filter(|path| full.get(*path) != incremental.get(*path))
        .collect();
    assert!(differ.is_empty(), "stale after the update: {differ:?}");
    (first, pages, work)
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn nothing_changed_renders_no_page() {
    let (pages, _) = after(|_| {});
    assert_eq!(pages, BTreeSet::new());
}

#[test]
fn a_title_renders_the_pages_that_show_it() {
    let (pages, renders) = after(|root| {
        write(
            root,
            "content/projects/p3.zh.md",
            &record(3, "新标题", "正文3。"),
        );
    });
    assert_eq!(
        pages,
        set(&[
            // The record's Chinese page (the Korean one shows the Korean title: p3 is
            // translated).
            "projects/p3/index.html",
            // Its list page (p6 p5 | p4 p3 | p2 p1), the home page, its neighbours.
            "projects/page/2/index.html",
            "index.html",
            "projects/p4/index.html",
            "projects/p2/index.html",
            // Records of its region show it as related.
            "projects/p1/index.html",
            "projects/p5/index.html",
            // Its region's page and its year's page.
            "regions/yanji/index.html",
            "years/2020/index.html",
            // The Chinese booklet and search page (its index changed).
            "booklet/index.html",
            "search/index.html",
        ])
    );
    // Those pages, the record's Chinese booklet entry, its card in each language twice (h2,
    // h3: cards are made again for every language of a changed record) and the 404 page:
    // nothing grows with the site.
    assert_eq!(renders, pages.len() + 1 + 2 * 2 + 1);
}

#[test]
fn a_translation_leaves_the_other_language_s_search_index_alone() {
    let (pages, _) = after(|root| {
        write(
            root,
            "content/projects/p3.ko.md",
            "---\ntitle: 새 제목\nsummary: 요약3\n---\n\n본문3.\n",
        );
    });
    assert!(pages.contains("ko/search/index.html"), "{pages:?}");
    assert!(pages.contains("ko/projects/index.html"), "{pages:?}");
    assert!(!pages.contains("search/index.html"), "{pages:?}");
    assert!(!pages.contains("projects/page/2/index.html"), "{pages:?}");
}

#[test]
fn a_title_inverts_again_only_the_run_of_records_it_is_in() {
    let (first, _, work) = work_after_changing(
        |root| {
            for i in 0..1200 {
                let text = format!(
                    "---\ntitle: 记录{i}\ndate: 2019-01-01\nregion: antu\n---\n\n第{i}条记录。\n"
                );
                write(root, &format!("content/projects/q{i}.zh.md"), &text);
            }
        },
        |root| {
            write(
                root,
                "content/projects/p3.zh.md",
                &record(3, "新标题", "正文3。"),
            );
        },
    );
    // Both languages' runs from nothing, then one Chinese run: the Korean index is kept.
    assert!(first.search_runs > 4, "{} runs", first.search_runs);
    assert_eq!(work.search_runs, 1);
}

#[test]
fn a_body_edit_leaves_lists_alone_when_the_summary_stays() {
    let (pages, _) = after(|root| {
        write(
            root,
            "content/projects/p3.zh.md",
            &record(3, "项目3", "新的正文。"),
        );
    });
    assert_eq!(
        pages,
        set(&[
            "projects/p3/index.html",
            "booklet/index.html",
            "search/index.html",
        ])
    );
}

#[test]
fn an_untranslated_record_s_edit_renders_its_fallback_pages_too() {
    // p5 has no Korean file: with `fallback` its Korean page and entry show the Chinese text.
    let (pages, _) = after_changing(
        |root| write(root, "site.yaml", &SITE.replace("omit", "fallback")),
        |root| {
            write(
                root,
                "content/projects/p5.zh.md",
                &record(5, "项目5", "新的正文。"),
            );
        },
    );
    for page in [
        "projects/p5/index.html",
        "ko/projects/p5/index.html",
        "booklet/index.html",
        "ko/booklet/index.html",
    ] {
        assert!(pages.contains(page), "{page} not rendered: {pages:?}");
    }
}

#[test]
fn a_translation_s_edit_leaves_the_default_language_s_pages_alone() {
    let (pages, _) = after(|root| {
        write(
            root,
            "content/projects/p3.ko.md",
            "---\ntitle: 사업3\nsummary: 요약3\n---\n\n새 본문.\n",
        );
    });
    assert_eq!(
        pages,
        set(&[
            "ko/projects/p3/index.html",
            "ko/booklet/index.html",
            "ko/search/index.html",
        ])
    );
}

#[test]
fn a_template_renders_only_its_pages() {
    let (pages, _) = after(|root| {
        let template = crate::render::theme::built_in_file("templates/year.html")
            .expect("the theme has year.html");
        write(
            root,
            "themes/default/templates/year.html",
            &template.replace("{% endblock", "<!-- edited -->{% endblock"),
        );
    });
    assert_eq!(
        pages,
        set(&["years/2020/index.html", "ko/years/2020/index.html"])
    );
}

#[test]
fn the_base_template_renders_every_page_but_no_card_or_booklet_entry() {
    let dir = site();
    let (previous, all, _) = render(dir.path(), None);
    let template = crate::render::theme::built_in_file("templates/base.html").unwrap();
    write(
        dir.path(),
        "themes/default/templates/base.html",
        &template.replace("</body>", "<!-- edited --></body>"),
    );
    let (_, pages, work) = render(dir.path(), Some(previous));
    assert_eq!(pages, all);
    // The pages and the 404 page: cards and entries do not name base.html.
    assert_eq!(work.renders, pages.len() + 1);
}

#[test]
fn the_card_partial_renders_every_page_that_carries_a_card() {
    // A site's grid that inserts the pre-rendered card without naming the card partial.
    let grid = |root: &Path| {
        let grid = crate::render::theme::built_in_file("templates/partials/card-grid.html")
            .unwrap()
            .replace("{% include \"partials/card.html\" %}", "");
        write(
            root,
            "themes/default/templates/partials/card-grid.html",
            &grid,
        );
    };
    let (pages, _) = after_changing(grid, |root| {
        let card = crate::render::theme::built_in_file("templates/partials/card.html").unwrap();
        write(
            root,
            "themes/default/templates/partials/card.html",
            &format!("<!-- edited -->{card}"),
        );
    });
    assert!(pages.contains("projects/index.html"), "{pages:?}");
}

#[test]
fn a_new_record_renders_everything_again() {
    let dir = site();
    let (previous, _, _) = render(dir.path(), None);
    let html: Vec<String> = previous
        .0
        .keys()
        .filter(|p| p.ends_with(".html") && *p != "404.html")
        .cloned()
        .collect();
    write(
        dir.path(),
        "content/projects/p7.zh.md",
        &record(7, "项目7", "正文7。"),
    );
    let (_, pages, _) = render(dir.path(), Some(previous));
    assert!(
        html.iter().all(|p| pages.contains(p)),
        "a record's coming changes where every record is, which every text may link to"
    );
}
