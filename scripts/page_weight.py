#!/usr/bin/env python3
"""Measure what a real browser downloads for pages of a built site (issue 15's page weight).

The script serves OUTPUT_DIR (a folder written by `showcase build`) with Python's http.server on
127.0.0.1 (a thread of this script), and loads each --page in a fresh headless Debian Chromium
(`/usr/bin/chromium`, its own temporary profile, so nothing is cached between loads) at two
viewports:

  desktop  1280x800 CSS px, device pixel ratio 1;
  mobile   390x844 CSS px, device pixel ratio 2 (`--force-device-scale-factor=2`), so
           `srcset` picks its 2x candidates.

Chromium is given 5 s of virtual time (`--virtual-time-budget=5000 --dump-dom`) to load the page
and settle. The bytes are counted on the server side: every response the server sends while a
page loads is recorded with its path, status, content type, body bytes and bytes on the wire
(headers included). No other browser traffic can be counted: Chromium resolves every host but
127.0.0.1 to nothing (the same flags as the project's browser tests).

For each page and viewport it reports the images fetched (a response whose content type is
image/*, or whose path ends in .jpg, .jpeg, .png, .webp, .gif, .svg or .avif), their body bytes,
all bytes on the wire, and how many <img> elements the page's DOM has. Images below the fold with
loading="lazy" are not fetched: that is what a visitor's browser does too, and the figures are
what such a visitor downloads on opening the page, not after scrolling.

Budgets of issue 15 (MB = 1,000,000 bytes, images' body bytes): a record page with six photos
<= 1.5 MB at 1280 px and <= 1.2 MB at 390 px (2x); the home page and list pages <= 0.4 MB each
(both viewports). A page's kind is guessed from its path (`zh/` home; `zh/cases/` list; deeper:
record, after a language prefix if any) or given as `--page PATH=KIND` (home, list, record,
none). A page that is not served with status 200 is an error.

Needs Python 3.8+ (standard library only) and Chromium (`apt-get install -y chromium`). This is
a measurement run by hand, not part of `cargo test`. It exits 1 when a budget is not met.

Examples:
    showcase build --output /tmp/pw-site
    python3 scripts/page_weight.py /tmp/pw-site --page zh/cases/banjiang-cun/ --page zh/ \\
        --page zh/cases/ --json weight.json
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import mimetypes
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NoReturn

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif")
VIEWPORTS = {
    "desktop": {"size": (1280, 800), "dpr": 1},
    "mobile": {"size": (390, 844), "dpr": 2},
}
MB = 1_000_000
BUDGETS = {  # image bytes per page kind and viewport
    "record": {"desktop": 1.5 * MB, "mobile": 1.2 * MB},
    "home": {"desktop": 0.4 * MB, "mobile": 0.4 * MB},
    "list": {"desktop": 0.4 * MB, "mobile": 0.4 * MB},
}
CHROMIUM_FLAGS = [
    "--headless",
    "--disable-gpu",
    "--no-sandbox",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fail(msg: str) -> NoReturn:
    print(f"page_weight.py: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="page_weight.py",
        description=__doc__.split("\n\n")[0],
        epilog="Progress goes to stderr, the report (Markdown) to stdout. "
        "See the top of the script for what is measured and how.",
    )
    ap.add_argument("output", type=Path, metavar="OUTPUT_DIR", help="a built site (showcase build --output DIR)")
    ap.add_argument("--page", action="append", required=True, metavar="PATH[=KIND]",
                    help="a page, relative to the site's root (zh/cases/banjiang-cun/); repeat for more. "
                    "KIND (home, list, record, none) picks the budget; default: guessed from the path")
    ap.add_argument("--viewports", default="desktop,mobile",
                    help="comma-separated: desktop (1280x800, DPR 1), mobile (390x844, DPR 2); default: both")
    ap.add_argument("--chromium", type=Path, default=Path("/usr/bin/chromium"), help="default: /usr/bin/chromium")
    ap.add_argument("--budget-ms", type=int, default=5000,
                    help="Chromium's virtual time budget for a page to settle (default: 5000)")
    ap.add_argument("--timeout", type=float, default=90, help="seconds one Chromium run may take (default: 90)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write every request to FILE")
    a = ap.parse_args(argv)
    a.viewports = [v.strip() for v in a.viewports.split(",") if v.strip()]
    if not a.viewports or any(v not in VIEWPORTS for v in a.viewports):
        ap.error(f"--viewports takes a comma list of {', '.join(VIEWPORTS)}")
    pages = []
    for spec in a.page:
        path, _, kind = spec.partition("=")
        path = path.lstrip("/")
        kind = kind or guess_kind(path, a.output)
        if kind not in (*BUDGETS, "none"):
            ap.error(f"--page {spec}: KIND must be one of home, list, record, none")
        pages.append((path, kind))
    a.pages = pages
    return a


def guess_kind(path: str, root: Path) -> str:
    """showcase's URLs: `[ko/]` home, `[ko/]cases/` a list, `[ko/]cases/<id>/` a record."""
    parts = [p for p in path.split("/") if p and p != "index.html"]
    if parts and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?", parts[0]) and (root / parts[0] / "index.html").is_file():
        parts = parts[1:]  # a language's prefix (the default language has none)
    if not parts:
        return "home"
    if len(parts) == 1:
        return "list"
    if len(parts) == 2 and parts[1] != "page":
        return "record"
    return "none"


# --------------------------------------------------------------------------------------
# The server: counts what it sends
# --------------------------------------------------------------------------------------


class CountingWriter:
    """Wraps a socket's write file and counts the bytes written through it."""

    def __init__(self, inner):
        self.inner = inner
        self.count = 0

    def write(self, data) -> int:
        n = self.inner.write(data)
        self.count += len(data)
        return n

    def __getattr__(self, name):
        return getattr(self.inner, name)


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[dict] = []

    def take(self) -> list[dict]:
        with self.lock:
            out, self.requests = self.requests, []
        return out

    def add(self, entry: dict) -> None:
        with self.lock:
            self.requests.append(entry)


class Handler(http.server.SimpleHTTPRequestHandler):
    recorder: Recorder

    def setup(self) -> None:
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def end_headers(self) -> None:
        self._header_bytes = sum(len(b) for b in getattr(self, "_headers_buffer", [])) + 2
        super().end_headers()

    def handle_one_request(self) -> None:
        start = self.wfile.count
        self._header_bytes = 0
        self.path = ""
        super().handle_one_request()
        sent = self.wfile.count - start
        if self.path:
            headers = getattr(self, "_sent_headers", {})
            self.recorder.add({
                "path": self.path,
                "status": getattr(self, "_status", 0),
                "type": headers.get("content-type", ""),
                "wire_bytes": sent,
                "body_bytes": max(0, sent - self._header_bytes),
            })

    def send_response(self, code, message=None) -> None:
        self._status = code
        self._sent_headers = {}
        super().send_response(code, message)

    def send_header(self, keyword, value) -> None:
        self._sent_headers = getattr(self, "_sent_headers", {})
        self._sent_headers[keyword.lower()] = value
        super().send_header(keyword, value)

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, Recorder]:
    recorder = Recorder()
    mimetypes.add_type("image/webp", ".webp")
    mimetypes.add_type("image/avif", ".avif")
    handler = functools.partial(type("H", (Handler,), {"recorder": recorder}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, recorder


# --------------------------------------------------------------------------------------
# Loading a page
# --------------------------------------------------------------------------------------


def is_image(req: dict) -> bool:
    path = req["path"].split("?", 1)[0].lower()
    return req["type"].startswith("image/") or path.endswith(IMAGE_EXTS)


def load(a: argparse.Namespace, url: str, viewport: str) -> tuple[str, float]:
    """Load `url` in a fresh Chromium at `viewport`; return the DOM and the seconds it took."""
    vp = VIEWPORTS[viewport]
    with tempfile.TemporaryDirectory(prefix="page-weight-") as profile:
        cmd = [str(a.chromium), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--window-size={vp['size'][0]},{vp['size'][1]}",
               f"--force-device-scale-factor={vp['dpr']}",
               f"--virtual-time-budget={a.budget_ms}", "--run-all-compositor-stages-before-draw",
               "--dump-dom", url]
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        try:
            dom, _ = p.communicate(timeout=a.timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            fail(f"Chromium took more than {a.timeout} s on {url} ({viewport})")
        if p.returncode != 0:
            fail(f"Chromium exited with {p.returncode} on {url} ({viewport})")
        return dom.decode("utf-8", errors="replace"), time.monotonic() - t0


def measure(a, server, recorder, path: str, kind: str, viewport: str) -> dict:
    url = f"http://127.0.0.1:{server.server_address[1]}/{path}"
    recorder.take()
    dom, seconds = load(a, url, viewport)
    time.sleep(0.2)  # the server's threads finish recording the last responses
    reqs = recorder.take()
    images = [r for r in reqs if is_image(r)]
    doc = next((r for r in reqs if r["path"].split("?")[0] in (f"/{path}", f"/{path}index.html")), None)
    if doc is None or doc["status"] != 200:
        fail(f"/{path} was not served (status {doc['status'] if doc else 'none'}): is it a page of {a.output}?")
    budget = BUDGETS.get(kind, {}).get(viewport)
    image_bytes = sum(r["body_bytes"] for r in images)
    return {
        "page": path, "kind": kind, "viewport": viewport,
        "width": VIEWPORTS[viewport]["size"][0], "dpr": VIEWPORTS[viewport]["dpr"],
        "page_status": doc["status"] if doc else None,
        "requests": len(reqs), "images": len(images), "image_bytes": image_bytes,
        "total_body_bytes": sum(r["body_bytes"] for r in reqs),
        "total_wire_bytes": sum(r["wire_bytes"] for r in reqs),
        "img_elements": len(re.findall(r"<img\b", dom, flags=re.I)),
        "lazy_img_elements": len(re.findall(r"<img\b[^>]*\bloading=\"?lazy", dom, flags=re.I)),
        "budget_bytes": budget, "within_budget": None if budget is None else image_bytes <= budget,
        "seconds": round(seconds, 2), "log": reqs,
    }


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def kb(n: float) -> str:
    return f"{n / 1000:,.0f} kB"


def report(results: list[dict], root: Path) -> str:
    lines = [f"## Page weight: {root}", "",
             "- headless Chromium, a fresh profile per load (nothing cached), "
             "5 s of virtual time to settle; bytes counted by the server",
             "- lazy-loaded images below the fold are not fetched (as in a visitor's browser): "
             "'img in DOM' counts every <img>, 'images' those fetched",
             "- budgets apply to the images' body bytes; 1 MB = 1,000,000 bytes", "",
             "| page | kind | viewport | images | image bytes | budget | ok | all bytes (wire) | requests | img in DOM (lazy) |",
             "|" + " --- |" * 10]
    for r in results:
        vp = f"{r['width']} px × {r['dpr']}"
        ok = "–" if r["within_budget"] is None else ("yes" if r["within_budget"] else "**NO**")
        lines.append(f"| /{r['page']} | {r['kind']} | {vp} | {r['images']} | {kb(r['image_bytes'])} "
                     f"| {kb(r['budget_bytes']) if r['budget_bytes'] else '–'} | {ok} | {kb(r['total_wire_bytes'])} "
                     f"| {r['requests']} | {r['img_elements']} ({r['lazy_img_elements']}) |")
    failed = [r for r in results if r["within_budget"] is False]
    lines += ["", f"Budgets: {'all met' if not failed else f'{len(failed)} NOT met'} "
              f"({sum(r['within_budget'] is not None for r in results)} checked)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    if not a.output.is_dir():
        fail(f"{a.output}: not a folder")
    if not (a.chromium.is_file() or shutil.which(str(a.chromium))):
        fail(f"no Chromium at {a.chromium}: apt-get install -y chromium, or give --chromium")
    server, recorder = serve(a.output.absolute())
    results = []
    try:
        for path, kind in a.pages:
            for viewport in a.viewports:
                r = measure(a, server, recorder, path, kind, viewport)
                progress(f"/{path} {viewport}: {r['images']} images, {kb(r['image_bytes'])}; "
                         f"{kb(r['total_wire_bytes'])} in all ({r['seconds']} s)")
                results.append(r)
    finally:
        server.shutdown()
    print(report(results, a.output))
    if a.json:
        a.json.write_text(json.dumps({"output": str(a.output), "results": results}, indent=1) + "\n")
        progress(f"every request written to {a.json}")
    return 0 if all(r["within_budget"] is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
