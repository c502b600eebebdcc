//! Embeds the default theme (`themes/default/`) in the binary, as mdBook does with its theme:
//! writes a list of `(relative path, include_bytes!)` pairs that `render::theme` reads, and one
//! of the print templates (`print/`) that `print::theme` reads. Also records the commit and the
//! target for `showcase --version` (issue 19).

use std::path::Path;

/// The one file rule of the site's files, for the built-in theme too: a developer's swap file
/// or `.DS_Store` in `themes/default/` is not embedded.
#[path = "src/content/published.rs"]
#[allow(dead_code)]
mod published;

fn main() {
    // Read when the script runs, not when it is compiled: a compiled build script is reused
    // when the checkout moves (another worktree sharing a target folder), and would then embed
    // an old folder, or none.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("themes/default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    // The print templates (issue 18) are read by `print`, not by the HTML theme: a list of
    // their own, so that neither embeds the other's files.
    let (print, html): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(relative, _)| relative.starts_with("print/"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    write_list(&html, &out.join("embedded_theme.rs"));
    write_list(&print, &out.join("embedded_print.rs"));
    version_facts(&manifest);
}

/// `SHOWCASE_COMMIT` (the commit, from git, else from the variable of that name, as a build
/// from a source archive without `.git` may set it, else `unknown`) and `SHOWCASE_TARGET`.
fn version_facts(manifest: &str) {
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(manifest)
            .args(args)
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
    };
    println!("cargo:rerun-if-env-changed=SHOWCASE_COMMIT");
    let commit = git(&["rev-parse", "--short=12", "HEAD"])
        .or_else(|| std::env::var("SHOWCASE_COMMIT").ok())
        .unwrap_or_else(|| "unknown".into());
    // A new commit changes HEAD (on a detached head) or the branch's ref, loose or packed. In a
    // worktree `.git` is a file, so git itself says where these are.
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        let path = git(&["rev-parse", "--path-format=absolute", "--git-path", &name]);
        // A path that does not exist would make cargo run this script at every build.
        if let Some(path) = path.filter(|path| Path::new(path).exists()) {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    println!("cargo:rustc-env=SHOWCASE_COMMIT={commit}");
    let target = std::env::var("TARGET").expect("cargo sets TARGET");
    println!("cargo:rustc-env=SHOWCASE_TARGET={target}");
}

fn write_list(files: &[(String, String)], out: &Path) {
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in files {
        println!("cargo:rerun-if-changed={absolute}");
        code.push_str(&format!(
            "    ({relative:?}, include_bytes!({absolute:?})),\n"
        ));
    }
    code.push_str("];\n");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = if path.is_dir() {
            published::NameKind::Folder
        } else {
            published::NameKind::File
        };
        if !published::is_published_name(&entry.file_name().to_string_lossy(), kind) {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            let relative = path
                .strip_prefix(root)
                .expect("walked from root")
                .to_string_lossy()
                .replace('\\', "/");
            files.push((relative, path.display().to_string()));
        }
    }
}
