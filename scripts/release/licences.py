#!/usr/bin/env python3
"""Writes THIRD-PARTY-LICENSES.txt for one target (scripts/release.sh): every crate compiled into
showcase's binary for that target (normal dependencies, followed from showcase; build scripts'
and proc-macros' crates run only on the build machine and are left out), with its licence as
Cargo.toml states it, then the licence texts the crates ship (LICENSE*, LICENCE*, COPYING*,
NOTICE* beside their Cargo.toml), each text once with the crates that carry it. A crate that
ships no text is listed with its SPDX id alone.

    python3 scripts/release/licences.py TARGET > THIRD-PARTY-LICENSES.txt   (in the checkout)
"""

import json
import os
import subprocess
import sys

PREFIXES = ("license", "licence", "copying", "notice")


def crates(target):
    meta = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target]
        )
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            normal = any(kind["kind"] is None for kind in dep["dep_kinds"])
            macro = any(
                "proc-macro" in t["kind"] for t in packages[dep["pkg"]]["targets"]
            )
            if normal and not macro and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def texts(package):
    folder = os.path.dirname(package["manifest_path"])
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.lower().startswith(PREFIXES) and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                found.append((name, f.read().strip()))
    return found


def main():
    target = sys.argv[1]
    listed = crates(target)
    out = [
        f"Third-party software in showcase for {target}",
        "",
        "showcase's binary contains the following crates (Rust libraries), each under the",
        "licence named beside it. Their licence texts follow, each once, after the crates that",
        "ship it.",
        "",
    ]
    by_text = {}
    for package in listed:
        label = f"{package['name']} {package['version']}"
        out.append(f"{label}: {package.get('license') or 'see its licence file'}")
        for name, text in texts(package):
            by_text.setdefault(text, []).append(f"{label} ({name})")
    for text, labels in sorted(by_text.items(), key=lambda item: item[1]):
        out += ["", "=" * 78, *labels, "=" * 78, "", text]
    print("\n".join(out))


if __name__ == "__main__":
    main()
