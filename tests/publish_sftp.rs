//! `showcase publish` to an SFTP server (issue 17), against Debian's sshd started by the test
//! on 127.0.0.1 with its own keys (`common::sshd`; skipped with a message where sshd cannot
//! run, required under CI): a first publish, a publish with no change (nothing written) and a
//! publish of one changed record (only what shows it written), the server's folder compared
//! with the output each time. Also: an unknown server is refused before anything is sent.

mod common;

use std::path::Path;

use common::sshd::{Sshd, or_skip};
use common::*;

const MANIFEST: &str = ".showcase-publish.json";

fn assert_mirrors(output: &Path, target: &Path) {
    let mut want = snapshot(output);
    want.remove(".showcase-output");
    let mut have = snapshot(target);
    assert!(have.remove(MANIFEST).is_some(), "no manifest on the server");
    assert_eq!(
        have.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "the server does not hold exactly the output"
    );
    assert!(have == want, "a file on the server differs from the output");
}

fn publish(site: &Site, sshd: &Sshd, target: &str, known_hosts: &Path) -> Run {
    let key = sshd.user_key();
    run_showcase_with_env(
        site.root(),
        &["publish", "--root", ".", "--to", target],
        &[
            ("SHOWCASE_KNOWN_HOSTS", known_hosts.to_str().unwrap()),
            ("SHOWCASE_SFTP_KEY", key.to_str().unwrap()),
            ("SSH_AUTH_SOCK", ""),
            ("SHOWCASE_SFTP_PASSWORD", ""),
        ],
    )
}

#[test]
fn publishing_over_sftp_sends_everything_once_then_only_what_changed() {
    let Some(sshd) = or_skip(Sshd::start()) else {
        return;
    };
    let site = Site::base();
    let folder = sshd.www().join("showcase");
    let target = sshd.url(&folder);

    let first = publish(&site, &sshd, &target, &sshd.known_hosts());
    first
        .assert_ok()
        .assert_stderr_has("0 to change, 0 to remove")
        .assert_stderr_has("Published to sftp://");
    assert_mirrors(&site.output(), &folder);

    publish(&site, &sshd, &target, &sshd.known_hosts())
        .assert_ok()
        .assert_stderr_has("already holds this site: nothing to publish");

    let before = snapshot(&folder);
    site.edit(
        "content/projects/hongxin.zh.md",
        "title: 红心物业",
        "title: 红心物业（新）",
    );
    let run = publish(&site, &sshd, &target, &sshd.known_hosts());
    run.assert_ok().assert_stderr_has("Published to sftp://");
    assert_mirrors(&site.output(), &folder);
    let after = snapshot(&folder);
    let written: Vec<&String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(written.iter().any(|p| *p == "projects/hongxin/index.html"));
    assert!(!written.iter().any(|p| *p == "assets/style.css"));
    assert!(written.len() * 3 < after.len(), "{written:?}");
}

#[test]
fn an_unknown_server_is_refused_before_anything_is_sent() {
    let Some(sshd) = or_skip(Sshd::start()) else {
        return;
    };
    let site = Site::base();
    let folder = sshd.www().join("showcase");
    let nobody_known = site.outside().join("known_hosts");
    std::fs::write(&nobody_known, "").unwrap();
    let run = publish(&site, &sshd, &sshd.url(&folder), &nobody_known);
    run.assert_code(2)
        .assert_stderr_has(&sshd.host_fingerprint());
    assert!(!folder.exists(), "something was sent to an unknown server");
}
