//! The regression guard of the performance work (not timed, so it cannot be flaky): a generated
//! site of N and then 2N records is built with the real binary, and what it reports doing
//! (`--timings` prints the work counters) and what it writes must stay linear. One template
//! render per page and per booklet entry, one Markdown render and one card per record and
//! language, total bytes that double when the records double, and list pages whose size does not
//! grow with the length of the list (a paginator that links every page would).

mod common;

use std::collections::BTreeMap;

use common::Site;

/// A two-language site of `records` projects spread over three regions, every fifth one not
/// translated into Korean (it is shown with the Chinese text, `fallback`), lists paginated by 5.
fn generated_site(records: usize) -> Site {
    let site = Site::base();
    site.edit("site.yaml", "paginate: 12", "paginate: 5");
    std::fs::remove_dir_all(site.path("content/projects")).unwrap();
    std::fs::remove_dir_all(site.path("content/cases")).unwrap();
    site.write(
        "content/data/regions.yaml",
        "yanji: {zh: 延吉市, ko: 연길시}\ndongyuan: {zh: 东源县, ko: 동원현}\nhunchun: {zh: 珲春市, ko: 훈춘시}\n",
    );
    let regions = ["yanji", "dongyuan", "hunchun"];
    for n in 0..records {
        let day = 1 + n % 28;
        let month = 1 + (n / 28) % 12;
        let year = 2015 + n / 336;
        site.write(
            &format!("content/projects/p{n:04}.zh.md"),
            format!(
                "---\ntitle: 示范项目{n}\ndate: {year}-{month:02}-{day:02}\nregion: {}\nowner: 组织部\n---\n\n## 做法\n\n第{n}个项目带动就业{n}人。\n\n- 一\n- 二\n",
                regions[n % regions.len()]
            ),
        );
        if n % 5 != 0 {
            site.write(
                &format!("content/projects/p{n:04}.ko.md"),
                format!("---\ntitle: 시범사업{n}\n---\n\n## 방법\n\n{n}번째 사업입니다.\n"),
            );
        }
    }
    site
}

struct Figures {
    pages: usize,
    templates: usize,
    planned: usize,
    markdown: usize,
    cards: usize,
    bytes: u64,
    largest_list_page: u64,
}

fn build(records: usize) -> Figures {
    let site = generated_site(records);
    let run = site.build(&["--timings"]);
    run.assert_ok();
    let number_after = |text: &str, label: &str| -> usize {
        let at = text
            .find(label)
            .unwrap_or_else(|| panic!("no {label:?} in:\n{text}"));
        text[at + label.len()..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number after {label:?} in:\n{text}"))
    };
    let work = &run.stderr[run.stderr.find("work:").expect("--timings prints the work")..];
    let files: BTreeMap<String, u64> = walk(&site.output());
    let largest_list_page = files
        .iter()
        .filter(|(path, _)| {
            path.starts_with("projects/page/") || path.as_str() == "projects/index.html"
        })
        .map(|(_, size)| *size)
        .max()
        .unwrap_or(0);
    Figures {
        pages: number_after(&run.stderr, "Built"),
        templates: number_after(work, "work:"),
        planned: number_after(work, "("),
        markdown: number_after(work, "),"),
        cards: number_after(work, "Markdown renders,"),
        bytes: files.values().sum(),
        largest_list_page,
    }
}

fn walk(dir: &std::path::Path) -> BTreeMap<String, u64> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, entry.metadata().unwrap().len());
            }
        }
    }
    files
}

#[test]
fn work_and_output_grow_linearly_with_the_records() {
    let (small, large) = (build(60), build(120));
    for (records, figures) in [(60, &small), (120, &large)] {
        // Every record is shown in both languages (Korean by fallback where untranslated).
        let shown = 2 * records;
        assert_eq!(
            figures.planned, figures.templates,
            "every planned render is done once"
        );
        assert_eq!(
            figures.templates,
            figures.pages + shown + 1 + 2 * shown,
            "one render per page, per booklet entry, for the 404 page, and of each card per \
             heading level (not per page that shows the card)"
        );
        assert_eq!(
            figures.markdown, shown,
            "Markdown once per record and language"
        );
        assert_eq!(figures.cards, shown, "one card per record and language");
    }
    assert!(
        large.pages <= 2 * small.pages + 2,
        "pages: {} for 60 records, {} for 120",
        small.pages,
        large.pages
    );
    assert!(
        large.bytes * 10 <= small.bytes * 21,
        "bytes written: {} for 60 records, {} for 120 (more than double)",
        small.bytes,
        large.bytes
    );
    assert!(
        large.largest_list_page * 100 <= small.largest_list_page * 105,
        "the largest list page grew from {} to {} bytes with the list",
        small.largest_list_page,
        large.largest_list_page
    );
}
