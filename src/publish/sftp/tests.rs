//! The SFTP target against a real OpenSSH server on 127.0.0.1 (the shared harness of
//! `tests/common/sshd.rs`): file operations, the server checks and each way of logging in.
//! Without sshd on the machine these tests say "skipped: …" and pass.

#[path = "../../../tests/common/sshd.rs"]
mod sshd;

use std::path::{Path, PathBuf};

use super::*;
use crate::messages::UiLang;
use sshd::Sshd;

/// Logging in with the harness's user key only, trusting the harness's known_hosts.
fn options(sshd: &Sshd) -> SftpOptions {
    SftpOptions {
        agent: None,
        keys: vec![sshd.user_key()],
        password: None,
        known_hosts: sshd.known_hosts(),
    }
}

fn connect(sshd: &Sshd, folder: &Path, options: &SftpOptions) -> Result<SftpTarget, SftpError> {
    SftpTarget::connect(&SftpUrl::parse(&sshd.url(folder)).unwrap(), options)
}

/// The files below `root`, relative, sorted, with their bytes.
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(root).unwrap();
            (
                relative.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Every operation of the target, checked on the server's disk (the server is this machine).
fn exercise(target: &mut SftpTarget, root: &Path) {
    assert!(target.is_empty().unwrap(), "a missing root is empty");
    target.write("index.html", b"<h1>home</h1>").unwrap();
    target.write("projects/x/index.html", b"one").unwrap();
    target.write("projects/x/index.html", b"two").unwrap();
    target.write("projects/y/index.html", b"y").unwrap();
    target.write("empty.txt", b"").unwrap();
    // A photo: many write requests in flight, and a file longer than one read.
    let photo: Vec<u8> = (0..1_500_000u32).map(|i| (i * 7 % 251) as u8).collect();
    target.write("ko/photos/big.jpg", &photo).unwrap();
    target.write("ko/photos/big.jpg", &photo[..1000]).unwrap();
    target.write("ko/photos/big.jpg", &photo).unwrap();
    target.write("中文/页面.html", "网站".as_bytes()).unwrap();
    assert!(!target.is_empty().unwrap());
    assert_eq!(
        files(root),
        vec![
            ("empty.txt".to_string(), b"".to_vec()),
            ("index.html".to_string(), b"<h1>home</h1>".to_vec()),
            ("ko/photos/big.jpg".to_string(), photo.clone()),
            ("projects/x/index.html".to_string(), b"two".to_vec()),
            ("projects/y/index.html".to_string(), b"y".to_vec()),
            ("中文/页面.html".to_string(), "网站".as_bytes().to_vec()),
        ],
        "no temporary file is left"
    );
    assert_eq!(
        target.read("projects/x/index.html").unwrap().unwrap(),
        b"two"
    );
    assert_eq!(target.read("ko/photos/big.jpg").unwrap().unwrap(), photo);
    assert_eq!(target.read("empty.txt").unwrap().unwrap(), b"");
    assert_eq!(target.read("none.html").unwrap(), None);
    assert_eq!(target.read("none/index.html").unwrap(), None);

    target.remove("projects/x/index.html").unwrap();
    target.remove("projects/x/index.html").unwrap();
    assert!(!root.join("projects/x").exists(), "an emptied folder goes");
    assert!(root.join("projects/y/index.html").is_file());
    target.remove("ko/photos/big.jpg").unwrap();
    assert!(
        !root.join("ko").exists(),
        "emptied folders go up to the root"
    );
    // A folder removed in this session is made again when a file goes back into it.
    target.write("projects/x/index.html", b"three").unwrap();
    assert_eq!(
        std::fs::read(root.join("projects/x/index.html")).unwrap(),
        b"three"
    );
    for path in [
        "index.html",
        "empty.txt",
        "projects/x/index.html",
        "projects/y/index.html",
        "中文/页面.html",
    ] {
        target.remove(path).unwrap();
    }
    assert!(root.is_dir(), "the root itself stays");
    assert!(target.is_empty().unwrap());
}

#[test]
fn an_sftp_target_writes_reads_replaces_and_removes_files() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let root = sshd.www().join("site/public");
    let mut target = connect(&sshd, &root, &options(&sshd)).unwrap();
    assert!(target.remote.posix_rename, "OpenSSH offers posix-rename");
    assert_eq!(
        target.describe(),
        format!(
            "sftp://{}@127.0.0.1:{}{}",
            sshd.user(),
            sshd.port(),
            root.display()
        )
    );
    exercise(&mut target, &root);
}

#[test]
fn a_file_the_server_has_is_copied_there_by_a_hard_link_not_sent_again() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let root = sshd.www().join("linked");
    let mut target = connect(&sshd, &root, &options(&sshd)).unwrap();
    assert!(target.remote.hardlink, "OpenSSH offers hardlink");
    assert!(target.is_empty().unwrap());
    target.write("search/zh/1/d/0.json", b"chunk").unwrap();
    assert!(
        target
            .copy("search/zh/1/d/0.json", "search/zh/2/d/0.json")
            .unwrap()
    );
    target.write("search/zh/2/d/1.json", b"new").unwrap();
    assert!(
        target
            .copy("index.html", "copy.html")
            .is_ok_and(|copied| !copied)
    );
    target.remove("search/zh/1/d/0.json").unwrap();
    assert_eq!(
        files(&root),
        vec![
            ("search/zh/2/d/0.json".to_string(), b"chunk".to_vec()),
            ("search/zh/2/d/1.json".to_string(), b"new".to_vec()),
        ],
        "the copy stays when its source goes, and no temporary file is left"
    );
}

#[test]
fn without_posix_rename_a_file_is_replaced_by_remove_and_rename() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let root = sshd.www().join("plain");
    let mut target = connect(&sshd, &root, &options(&sshd))
        .unwrap()
        .without_posix_rename();
    exercise(&mut target, &root);
}

#[test]
fn an_existing_site_is_written_into_without_making_its_folders_again() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let root = sshd.www();
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(root.join("a/b/old.html"), "old").unwrap();
    let mut target = connect(&sshd, &root, &options(&sshd)).unwrap();
    assert!(!target.is_empty().unwrap());
    target.write("a/b/new.html", b"new").unwrap();
    target.write("a/c/new.html", b"new").unwrap();
    assert_eq!(std::fs::read(root.join("a/b/old.html")).unwrap(), b"old");
    assert_eq!(std::fs::read(root.join("a/c/new.html")).unwrap(), b"new");
}

#[test]
fn a_file_that_cannot_be_written_is_reported_with_the_servers_words() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let root = sshd.www();
    // A file where a folder should be: neither the folder nor the file can be made.
    std::fs::write(root.join("taken"), "a file").unwrap();
    let mut target = connect(&sshd, &root, &options(&sshd)).unwrap();
    let mut file_root = connect(&sshd, &root.join("taken"), &options(&sshd)).unwrap();
    let err = file_root.is_empty().unwrap_err();
    assert!(err.detail.ends_with("taken: not a folder"), "{err}");
    let err = target.write("taken/index.html", b"x").unwrap_err();
    assert_eq!(err.path, "taken/index.html");
    assert!(err.target.starts_with("sftp://"), "{err}");
    // The folder that could not be made, with the server's words.
    assert!(
        err.detail
            .starts_with(&format!("{}: ", root.join("taken").display())),
        "{err}"
    );
    assert_eq!(std::fs::read(root.join("taken")).unwrap(), b"a file");
}

#[test]
fn an_unknown_server_is_refused_with_its_fingerprint_and_how_to_trust_it() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let known_hosts = sshd.www().join("known_hosts");
    std::fs::write(&known_hosts, "# nothing known\n").unwrap();
    let options = SftpOptions {
        known_hosts: known_hosts.clone(),
        ..options(&sshd)
    };
    let err = connect(&sshd, &sshd.www(), &options).err().unwrap();
    let SftpError::UnknownHost {
        fingerprint,
        ssh_command,
        line,
        ..
    } = &err
    else {
        panic!("not refused as unknown: {err:?}");
    };
    assert_eq!(fingerprint, &sshd.host_fingerprint());
    assert_eq!(
        ssh_command,
        &format!("ssh -p {} {}@127.0.0.1", sshd.port(), sshd.user())
    );
    assert_eq!(line, &sshd.host_key_line());
    let text = err.message().text(UiLang::En);
    assert!(text.contains(fingerprint.as_str()), "{text}");
    let hint = err.hint().unwrap().text(UiLang::En);
    assert!(hint.contains(ssh_command.as_str()), "{hint}");
    assert!(hint.contains(line.as_str()), "{hint}");
    assert!(
        !sshd.log().contains("Accepted"),
        "nothing was sent to log in"
    );

    // The line the hint gives is all it takes.
    std::fs::write(&known_hosts, format!("{line}\n")).unwrap();
    connect(&sshd, &sshd.www(), &options).unwrap();
}

#[test]
fn a_server_known_by_another_key_type_is_asked_for_that_key() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    // The server has an Ed25519 key too, which a client prefers; ssh would ask for the ECDSA
    // key that known_hosts records, and so must showcase.
    let known_hosts = sshd.www().join("known_hosts");
    std::fs::write(&known_hosts, format!("{}\n", sshd.ecdsa_host_key_line())).unwrap();
    let options = SftpOptions {
        known_hosts,
        ..options(&sshd)
    };
    connect(&sshd, &sshd.www(), &options).unwrap();
}

#[test]
fn a_changed_server_key_is_refused() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let other = sshd.stranger_key("other_host_key");
    let other_key = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let known_hosts = sshd.www().join("known_hosts");
    let recorded = format!("[127.0.0.1]:{} {}", sshd.port(), other_key.trim());
    std::fs::write(&known_hosts, format!("# first line\n{recorded}\n")).unwrap();
    let options = SftpOptions {
        known_hosts: known_hosts.clone(),
        ..options(&sshd)
    };
    let err = connect(&sshd, &sshd.www(), &options).err().unwrap();
    assert!(
        matches!(&err, SftpError::HostKeyChanged { line: 2, fingerprint, .. }
            if *fingerprint == sshd.host_fingerprint()),
        "{err:?}"
    );
    let text = err.message().text(UiLang::En);
    assert!(text.contains("line 2"), "{text}");
    // A revoked key is refused even though the server is also listed with it.
    let revoked = format!(
        "{}\n@revoked * {}\n",
        sshd.host_key_line(),
        sshd.host_key_line().split_once(' ').unwrap().1
    );
    std::fs::write(&known_hosts, revoked).unwrap();
    let err = connect(&sshd, &sshd.www(), &options).err().unwrap();
    assert!(
        matches!(err, SftpError::HostKeyRevoked { line: 2, .. }),
        "{err:?}"
    );
}

#[test]
fn a_refused_key_is_reported_with_everything_that_was_tried() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    let stranger = sshd.stranger_key("stranger");
    let missing = sshd.www().join("no_such_key");
    let locked = sshd.user_key_with_passphrase("locked", "passphrase");
    let options = SftpOptions {
        keys: vec![stranger.clone(), missing.clone(), locked.clone()],
        password: Some("not the password".into()),
        ..options(&sshd)
    };
    let err = connect(&sshd, &sshd.www(), &options).err().unwrap();
    let SftpError::AuthFailed { tried, user, .. } = &err else {
        panic!("not an authentication failure: {err:?}");
    };
    assert_eq!(user, sshd.user());
    assert!(
        matches!(
            &tried[..],
            [
                AuthAttempt::Key { path },
                AuthAttempt::KeyUnreadable { path: unreadable, .. },
                AuthAttempt::KeyEncrypted { path: encrypted },
                AuthAttempt::Password,
            ] if *path == stranger && *unreadable == missing && *encrypted == locked
        ),
        "{tried:?}"
    );
    let text = err.message().text(UiLang::En);
    assert!(text.contains(&stranger.display().to_string()), "{text}");
    assert!(text.contains("SHOWCASE_SFTP_PASSWORD"), "{text}");
}

#[test]
fn the_ssh_agent_is_tried_first() {
    let Some(sshd) = sshd::or_skip(Sshd::start()) else {
        return;
    };
    // The agent holds the key a passphrase protects: showcase never asks for it.
    let locked = sshd.user_key_with_passphrase("locked", "passphrase");
    let agent = sshd.agent(&[&sshd.user_key()]).unwrap();
    let with_agent = SftpOptions {
        agent: Some(agent.socket().to_path_buf()),
        keys: vec![locked],
        ..options(&sshd)
    };
    connect(&sshd, &sshd.www(), &with_agent).unwrap();
    assert!(sshd.log().contains("Accepted publickey"), "{}", sshd.log());

    let stranger = sshd.stranger_key("stranger");
    let agent = sshd.agent(&[&stranger]).unwrap();
    let refused = SftpOptions {
        agent: Some(agent.socket().to_path_buf()),
        keys: vec![],
        ..options(&sshd)
    };
    let err = connect(&sshd, &sshd.www(), &refused).err().unwrap();
    assert!(
        matches!(&err, SftpError::AuthFailed { tried, .. }
            if tried == &[AuthAttempt::Agent { keys: 1 }]),
        "{err:?}"
    );
    let gone = SftpOptions {
        agent: Some(sshd.www().join("no-agent.sock")),
        ..refused
    };
    let err = connect(&sshd, &sshd.www(), &gone).err().unwrap();
    assert!(
        matches!(&err, SftpError::AuthFailed { tried, .. }
            if matches!(&tried[..], [AuthAttempt::AgentUnavailable { .. }])),
        "{err:?}"
    );
}

#[test]
fn a_password_from_the_environment_logs_in() {
    let Some(sshd) = sshd::or_skip(Sshd::start_with_password("correct horse")) else {
        return;
    };
    let home = sshd.www().join("home");
    std::fs::create_dir(&home).unwrap();
    let known_hosts = sshd.known_hosts();
    let env = |name: &str| -> Option<PathBuf> {
        match name {
            "HOME" => Some(home.clone()),
            "SHOWCASE_SFTP_PASSWORD" => Some("correct horse".into()),
            "SHOWCASE_KNOWN_HOSTS" => Some(known_hosts.clone()),
            _ => None,
        }
    };
    let options = SftpOptions::from_vars(None, env);
    assert!(options.keys.is_empty() && options.agent.is_none());
    let mut target = connect(&sshd, &sshd.www().join("site"), &options).unwrap();
    target.write("index.html", b"by password").unwrap();
    assert!(sshd.log().contains("Accepted password"), "{}", sshd.log());

    let wrong = SftpOptions {
        password: Some("wrong".into()),
        ..options
    };
    let err = connect(&sshd, &sshd.www(), &wrong).err().unwrap();
    assert!(
        matches!(&err, SftpError::AuthFailed { tried, .. } if tried == &[AuthAttempt::Password]),
        "{err:?}"
    );
}

#[test]
fn a_closed_port_is_a_connection_failure() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = SftpUrl::parse(&format!("sftp://u@127.0.0.1:{port}/srv/site")).unwrap();
    let options = SftpOptions {
        known_hosts: PathBuf::from("/nonexistent/known_hosts"),
        ..SftpOptions::default()
    };
    let err = SftpTarget::connect(&url, &options).err().unwrap();
    assert!(matches!(err, SftpError::Connect { .. }), "{err:?}");
    assert_eq!(
        err.message().text(UiLang::En),
        format!("cannot connect to 127.0.0.1:{port}")
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn options_are_read_from_the_environment_as_ssh_reads_them() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join(".ssh")).unwrap();
    for name in ["id_rsa", "id_ed25519"] {
        std::fs::write(home.path().join(".ssh").join(name), "key").unwrap();
    }
    let vars = |pairs: Vec<(&'static str, PathBuf)>| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        }
    };
    let ssh = home.path().join(".ssh");
    let options = SftpOptions::from_vars(
        None,
        vars(vec![
            ("HOME", home.path().to_path_buf()),
            ("SSH_AUTH_SOCK", "/run/agent.sock".into()),
        ]),
    );
    assert_eq!(options.agent, Some(PathBuf::from("/run/agent.sock")));
    assert_eq!(
        options.keys,
        vec![ssh.join("id_ed25519"), ssh.join("id_rsa")]
    );
    assert_eq!(options.password, None);
    assert_eq!(options.known_hosts, ssh.join("known_hosts"));

    let options = SftpOptions::from_vars(
        None,
        vars(vec![
            ("HOME", home.path().to_path_buf()),
            ("SSH_AUTH_SOCK", "".into()),
            ("SHOWCASE_SFTP_KEY", "/keys/deploy".into()),
            ("SHOWCASE_SFTP_PASSWORD", "secret".into()),
            ("SHOWCASE_KNOWN_HOSTS", "/keys/known".into()),
        ]),
    );
    assert_eq!(options.agent, None);
    assert_eq!(options.keys, vec![PathBuf::from("/keys/deploy")]);
    assert_eq!(options.password.as_deref(), Some("secret"));
    assert_eq!(options.known_hosts, PathBuf::from("/keys/known"));
    assert!(!format!("{options:?}").contains("secret"));

    let named = SftpOptions::from_vars(
        Some(Path::new("/keys/named")),
        vars(vec![("SHOWCASE_SFTP_KEY", "/keys/deploy".into())]),
    );
    assert_eq!(named.keys, vec![PathBuf::from("/keys/named")]);
}

#[test]
fn every_refusal_tells_the_user_what_to_do() {
    let tried = vec![
        AuthAttempt::Agent { keys: 2 },
        AuthAttempt::Key {
            path: "/home/a/.ssh/id_ed25519".into(),
        },
        AuthAttempt::KeyEncrypted {
            path: "/home/a/.ssh/id_rsa".into(),
        },
    ];
    let err = SftpError::AuthFailed {
        server: "example.org".into(),
        user: "web".into(),
        tried,
    };
    for lang in [UiLang::En, UiLang::Zh] {
        let text = err.message().text(lang);
        assert!(text.contains("/home/a/.ssh/id_ed25519"), "{text}");
        assert!(text.contains("/home/a/.ssh/id_rsa"), "{text}");
        assert!(err.hint().is_some());
    }
    let nothing = SftpError::AuthFailed {
        server: "example.org".into(),
        user: "web".into(),
        tried: vec![],
    };
    assert!(
        nothing
            .message()
            .text(UiLang::En)
            .contains("SHOWCASE_SFTP_PASSWORD")
    );
    let url = SftpUrl::parse("sftp://web:pw@example.org/site").unwrap_err();
    assert!(
        url.hint()
            .unwrap()
            .text(UiLang::En)
            .contains("SHOWCASE_SFTP_PASSWORD")
    );
}
