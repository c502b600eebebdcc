//! SPEC §6: no input makes showcase panic or hang. Property test: the records and site.yaml of
//! the base fixture are damaged the way files get damaged (cut off, random bytes, a deleted or
//! doubled line, broken indentation, a tab) and `check` and `build` must each end with a clear
//! report: exit 0, or exit 1 with at least one diagnostic, never a panic, a signal or a hang
//! (`run_showcase` fails the test on those). `PROPTEST_CASES` bounds the number of cases (CI
//! sets it; the default here is 64).

mod common;

use common::*;
use proptest::prelude::*;

/// The files a mutation may hit.
const TARGETS: [&str; 5] = [
    "site.yaml",
    "content/projects/hongxin.zh.md",
    "content/projects/hongxin.ko.md",
    "content/cases/liyuan.zh.md",
    "content/data/regions.yaml",
];

#[derive(Debug, Clone)]
enum Damage {
    /// Keep only the first part of the file (a save interrupted, a copy cut off).
    Truncate(usize),
    /// Bytes that are not what was written (a bad disk, a wrong encoding).
    Insert(usize, Vec<u8>),
    DeleteLine(usize),
    DoubleLine(usize),
    /// Indent a line by a few more spaces, or remove its indentation.
    Indent(usize, i8),
    /// A tab at the start of a line, which YAML does not allow for indentation.
    Tab(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        any::<usize>().prop_map(Damage::DeleteLine),
        any::<usize>().prop_map(Damage::DoubleLine),
        (any::<usize>(), -4i8..4).prop_map(|(line, by)| Damage::Indent(line, by)),
        any::<usize>().prop_map(Damage::Tab),
    ]
}

fn apply(bytes: &[u8], damage: &Damage) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match damage {
        Damage::Truncate(at) => return bytes[..at % (bytes.len() + 1)].to_vec(),
        Damage::Insert(at, inserted) => {
            let at = at % (bytes.len() + 1);
            return [&bytes[..at], inserted, &bytes[at..]].concat();
        }
        Damage::DeleteLine(line) => {
            lines.remove(line % n);
        }
        Damage::DoubleLine(line) => {
            let copy = lines[line % n].clone();
            lines.insert(line % n, copy);
        }
        Damage::Indent(line, by) => {
            let text = &mut lines[line % n];
            if *by >= 0 {
                text.splice(0..0, std::iter::repeat_n(b' ', *by as usize));
            } else {
                let spaces = text.iter().take_while(|b| **b == b' ').count();
                text.drain(..spaces);
            }
        }
        Damage::Tab(line) => lines[line % n].insert(0, b'\t'),
    }
    lines.join(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_files_get_a_report_never_a_panic(
        target in 0..TARGETS.len(),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let site = Site::base();
        let path = site.path(TARGETS[target]);
        let mut bytes = std::fs::read(&path).unwrap();
        for d in &damages {
            bytes = apply(&bytes, d);
        }
        std::fs::write(&path, &bytes).unwrap();
        for run in [site.check(&[]), site.build(&[])] {
            match run.code {
                0 => {}
                1 => prop_assert!(
                    run.stderr.contains("error["),
                    "exit 1 without a diagnostic:\n{}", run.stderr
                ),
                2 => prop_assert!(
                    run.stderr.contains("error"),
                    "exit 2 without saying why:\n{}", run.stderr
                ),
                code => prop_assert!(false, "exit {code}:\n{}", run.stderr),
            }
        }
    }
}
