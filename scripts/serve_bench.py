#!/usr/bin/env python3
"""Benchmark `showcase serve`: save-to-reload latency and the server's memory.

The site given with --root is copied to a scratch folder on tmpfs (edits never touch the
original). `showcase serve --port 0` is started on the copy, and the script listens to the
live-reload event stream exactly as an open page does. Then, for each kind of edit, it saves a
file N times and measures the time from the write (the file closed) to the `reload` event that
names the edited page reaching the listener: the watcher's debounce, the rebuild, the byte
comparison and the event all count. Kinds:

  body   a paragraph of one record's body changes (only that record's pages change);
  title  that record's title changes (its cards on list, term and home pages change too);
  theme  a template the site overrides (themes/<theme>/templates/base.html) changes: every
         page changes.

Each edit waits for its own event before the next one, and a pause follows, so edits are not
merged into one rebuild. The server's memory is read from /proc (VmRSS after the first build,
and VmHWM, the peak, at the end). This is not part of `cargo test`.

Examples:
    python3 scripts/serve_bench.py --binary target/release/showcase --root .
    python3 scripts/serve_bench.py --binary target/release/showcase \\
        --root /dev/shm/c10k/showcase --record content/projects/project-00001.zh.md
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--kinds", default="body,title,theme")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--scratch", default="/dev/shm", help="where the copy goes")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="showcase-serve-bench-", dir=args.scratch))
    try:
        site = scratch / "site"
        shutil.copytree(
            args.root,
            site,
            ignore=shutil.ignore_patterns("output", "target", ".git", "node_modules"),
        )
        return run(args, site)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(args: argparse.Namespace, site: Path) -> int:
    record = Path(args.record) if args.record else first_record(site)
    theme_file = site / "themes/default/templates/base.html"
    if not theme_file.exists():
        theme_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "themes/default/templates/base.html", theme_file)
    page = page_url(record)

    started = time.perf_counter()
    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--root", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "LANG": "C"},
    )
    try:
        line = server.stdout.readline()
        match = re.search(r"http://([\d.]+):(\d+)", line)
        if not match:
            print(f"serve printed no address: {line!r}", file=sys.stderr)
            return 1
        host, port = match.group(1), int(match.group(2))
        first_build = time.perf_counter() - started
        log = ServerLog(server.stderr)
        events = EventStream(host, port)
        rss_after_build = memory(server.pid, "VmRSS")

        print(f"site: {args.root}  record: {record}  page: {page}")
        print(f"first build and start: {first_build:.2f} s, RSS {rss_after_build} MiB")
        results = {}
        for kind in args.kinds.split(","):
            edit = editor(kind, site / record, theme_file)
            expected = page if kind != "theme" else "/"
            times, whole = [], []
            for n in range(args.edits):
                time.sleep(args.pause)
                events.drain()
                rebuilds = log.rebuilds()
                before = time.perf_counter()
                edit(n)
                arrived = events.wait_for(expected, timeout=60)
                times.append((arrived - before) * 1000)
                # The next edit waits until the whole site is up to date again.
                whole.append((log.wait_for_rebuild(rebuilds, timeout=120) - before) * 1000)
            results[kind] = times
            print(
                f"{kind:6} reload: median {statistics.median(times):7.1f} ms, "
                f"worst {max(times):7.1f} ms, best {min(times):6.1f} ms (n={len(times)});  "
                f"whole site rebuilt: median {statistics.median(whole):7.1f} ms, "
                f"worst {max(whole):7.1f} ms"
            )
        peak = memory(server.pid, "VmHWM")
        rss = memory(server.pid, "VmRSS")
        print(f"server memory: RSS {rss} MiB now, peak {peak} MiB")
        print(json.dumps({k: [round(t, 1) for t in v] for k, v in results.items()}))
        return 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def first_record(site: Path) -> Path:
    for path in sorted((site / "content/projects").rglob("*.zh.md")):
        if not path.name.startswith("_"):
            return path.relative_to(site)
    raise SystemExit("no record under content/projects/")


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


def editor(kind: str, record: Path, theme_file: Path):
    original = record.read_text(encoding="utf-8")
    theme = theme_file.read_text(encoding="utf-8")

    def body(n: int) -> None:
        write(record, original.rstrip("\n") + f"\n\n基准修改第{n}次。\n")

    def title(n: int) -> None:
        # Inside the quotes when the title is quoted.
        edited, count = re.subn(
            r'(?m)^title: *("?)(.*?)("?)$', rf"title: \g<1>\g<2>·{n}\g<3>", original, 1
        )
        assert count == 1, f"{record} has no plain `title:` line"
        write(record, edited)

    def template(n: int) -> None:
        write(theme_file, theme.replace("</body>", f"<!-- bench {n} --></body>", 1))

    return {"body": body, "title": title, "theme": template}[kind]


def write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def memory(pid: int, field: str) -> int:
    """A /proc/<pid>/status memory field, in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return 0


class ServerLog:
    """What serve prints to stderr, read on a thread; counts its "Rebuilt" lines."""

    def __init__(self, stream) -> None:
        self.lock = threading.Condition()
        self.done: list[float] = []
        threading.Thread(target=self.read, args=(stream,), daemon=True).start()

    def read(self, stream) -> None:
        for line in stream:
            if line.startswith("Rebuilt in"):
                with self.lock:
                    self.done.append(time.perf_counter())
                    self.lock.notify_all()

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
