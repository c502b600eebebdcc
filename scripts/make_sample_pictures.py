#!/usr/bin/env python3
"""Render the raster pictures of the sample site (issue 15: responsive photo pipeline).

The sample showcase needs real raster pictures so that the photo pipeline (resized WebP/JPEG
variants, EXIF orientation, credits, stripping of metadata) is visible and tested on it. These
pictures are not photographs: every one is a scene or chart drawn by this script from shapes,
gradients, blur and grain, so that it looks calm and photo-like and weighs what a real photo
weighs. The captions on the site say they are illustrations (示意图 / 그림).

Output is deterministic: every picture draws from its own fixed seed, so the same Pillow version
gives the same bytes. Run from the repository root:

    python3 -m venv /tmp/pics-venv && /tmp/pics-venv/bin/pip install Pillow
    /tmp/pics-venv/bin/python scripts/make_sample_pictures.py            # writes into content/, static/
    /tmp/pics-venv/bin/python scripts/make_sample_pictures.py --scale 0.25 --out /tmp/prev   # quick preview

What is special about some files (on purpose, for the pipeline's tests):
  - projects/bianchui-dangqi-hong/birch-road.jpg is a portrait picture stored rotated: its pixels
    are landscape and it carries EXIF Orientation 6, so only a pipeline that applies the
    orientation shows it upright.
  - projects/bianchui-dangqi-hong/coop-field.jpg carries EXIF Artist (UTF-8 bytes) and its gallery
    item has no `credit`, so the credit shown comes from the file.
  - projects/dongyuan-sannian/chart.png has a transparent background (RGBA with soft shadows).
  - No file carries GPS or any other metadata.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps, ImageStat

JPEG_QUALITY = 85
ORIENTATION = 0x0112
ARTIST = 0x013B
ARTIST_CREDIT = "崔明远 绘"  # made-up illustrator; 绘 (drawn), since the picture is rendered

# ----------------------------------------------------------------------------------- helpers


def mix(c1, c2, t):
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


def vgrad(w, h, stops):
    """A vertical gradient through (position 0..1, colour) stops."""
    col = []
    for y in range(h):
        t = y / max(1, h - 1)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if t <= p1:
                col.append(mix(c0, c1, (t - p0) / max(1e-9, p1 - p0)))
                break
        else:
            col.append(stops[-1][1])
    strip = Image.new("RGB", (1, h))
    strip.putdata(col)
    return strip.resize((w, h), Image.NEAREST)


def ridge(rnd, w, y_left, y_right, amp, rough=0.55, depth=10):
    """A mountain profile by midpoint displacement: a list of (x, y)."""
    pts = [y_left, y_right]
    a = amp
    for _ in range(depth):
        nxt = []
        for p, q in zip(pts, pts[1:]):
            nxt += [p, (p + q) / 2 + rnd.uniform(-a, a)]
        nxt.append(pts[-1])
        pts = nxt
        a *= rough
    n = len(pts) - 1
    return [(w * i / n, y) for i, y in enumerate(pts)]


def paste_shape(img, poly, fill, blur=0.0):
    """Fill a polygon with a colour or an image of the same size, with a softened edge."""
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).polygon(poly, fill=255)
    if blur:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    layer = Image.new("RGB", img.size, fill) if isinstance(fill, tuple) else fill
    img.paste(layer, (0, 0), mask)


def haze_band(img, y0, y1, colour, strength):
    """A horizontal band of mist, strongest in the middle."""
    w, h = img.size
    mask = Image.new("L", (1, h), 0)
    vals = []
    for y in range(h):
        if y0 <= y <= y1:
            t = (y - y0) / max(1, y1 - y0)
            vals.append(int(255 * strength * math.sin(math.pi * t) ** 1.5))
        else:
            vals.append(0)
    mask.putdata(vals)
    img.paste(Image.new("RGB", img.size, colour), (0, 0), mask.resize((w, h)))


def glow(img, cx, cy, r, colour, strength):
    w, h = img.size
    g = Image.radial_gradient("L").resize((int(2 * r), int(2 * r)))
    g = ImageOps.invert(g).point(lambda v: int(max(0, v - 128) * 2 * strength))
    mask = Image.new("L", (w, h), 0)
    mask.paste(g, (int(cx - r), int(cy - r)))
    img.paste(Image.new("RGB", (w, h), colour), (0, 0), mask)


def grain(img, seed, amount):
    """Monochrome film grain (softened), added around zero."""
    w, h = img.size
    rnd = random.Random(seed)
    n = Image.frombytes("L", (w, h), rnd.randbytes(w * h)).filter(ImageFilter.GaussianBlur(0.5))
    k = amount / ImageStat.Stat(n).stddev[0]  # amount: the grain's standard deviation, in levels
    n = n.point(lambda v: int(round(max(0, min(255, 128 + (v - 128) * k)))))
    return ImageChops.add(img, Image.merge("RGB", (n, n, n)), 1.0, -128)


def vignette(img, strength=0.35):
    w, h = img.size
    g = Image.radial_gradient("L").resize((w, h))
    g = g.point(lambda v: int(max(0, v - 90) / 165 * 255 * strength))
    dark = Image.new("RGB", (w, h), (10, 10, 14))
    img.paste(dark, (0, 0), g)


def finish(img, seed, grain_amount=2.6, soften=0.8, vig=0.3):
    img = img.filter(ImageFilter.GaussianBlur(soften))
    if vig:
        vignette(img, vig)
    img = grain(img, seed, grain_amount)
    return img.filter(ImageFilter.UnsharpMask(radius=2, percent=40, threshold=2))


class Cam:
    """A pinhole camera at (cam_x, eye, 0) looking along +Z, for the interiors."""

    def __init__(self, w, h, f, eye, cam_x=0.0, horizon=0.5):
        self.cx, self.cy, self.f, self.eye, self.x = w / 2, h * horizon, f, eye, cam_x

    def p(self, x, y, z):
        return (self.cx + self.f * (x - self.x) / z, self.cy - self.f * (y - self.eye) / z)

    def quad(self, *pts):
        return [self.p(*q) for q in pts]


def shade(c, k):
    return tuple(max(0, min(255, int(v * k))) for v in c)


def box(d, cam, x0, x1, y0, y1, z0, z1, colour, top=1.12, side=0.8, depth_fade=None):
    """A lit box: front face, top face when below the eye, the side facing the camera."""
    if depth_fade:
        colour = mix(colour, depth_fade[0], min(1, z0 / depth_fade[1]) * depth_fade[2])
    if x0 > cam.x:
        d.polygon(cam.quad((x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)), fill=shade(colour, side))
    if x1 < cam.x:
        d.polygon(cam.quad((x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)), fill=shade(colour, side))
    if y1 < cam.eye:
        d.polygon(cam.quad((x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)), fill=shade(colour, top))
    d.polygon(cam.quad((x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)), fill=colour)


def korean_house(d, rnd, x, base, w, roof=None, snow=False, light=1.0):
    """A Yanbian village house: white walls, a hipped roof with slightly lifted eave ends."""
    h = w * rnd.uniform(0.36, 0.44)
    wall = shade((236, 232, 222), light)
    d.rectangle([x, base - h, x + w, base], fill=wall)
    d.rectangle([x, base - h * 0.12, x + w, base], fill=shade((170, 160, 148), light))  # plinth
    # windows and a door
    n = max(2, int(w / (h * 0.7)))
    for i in range(n):
        wx = x + w * (0.1 + 0.8 * (i + 0.5) / n) - h * 0.18
        frame = shade((120, 84, 56), light)
        d.rectangle([wx, base - h * 0.78, wx + h * 0.36, base - h * 0.3], fill=frame)
        d.rectangle([wx + h * 0.03, base - h * 0.75, wx + h * 0.33, base - h * 0.33],
                    fill=shade((196, 206, 214), light * rnd.uniform(0.8, 1.0)))
    roof = roof or rnd.choice([(70, 76, 86), (74, 82, 92), (60, 96, 140), (140, 70, 52)])
    ov, rh = w * 0.09, h * 0.62
    top = base - h - rh
    poly = [(x - ov, base - h - rh * 0.16), (x - ov * 0.4, base - h + rh * 0.02),
            (x + w + ov * 0.4, base - h + rh * 0.02), (x + w + ov, base - h - rh * 0.16),
            (x + w * 0.84, top), (x + w * 0.16, top)]
    d.polygon(poly, fill=(245, 247, 250) if snow else shade(roof, light))
    if snow:
        d.line([poly[0], poly[1], poly[2], poly[3]], fill=(150, 156, 166), width=max(1, int(w * 0.012)))
    else:  # lighter upper half of the slope
        d.polygon([(x + w * 0.05, base - h - rh * 0.5), (x + w * 0.95, base - h - rh * 0.5),
                   (x + w * 0.84, top), (x + w * 0.16, top)], fill=shade(roof, light * 1.15))
    d.line([(x + w * 0.16, top), (x + w * 0.84, top)], fill=shade(roof, light * 0.6), width=max(2, int(w * 0.02)))
    return (x + w * rnd.uniform(0.2, 0.8), top + rh * 0.3)  # a chimney spot


def poplar(d, rnd, x, base, hgt, colour):
    for _ in range(14):
        ry = rnd.uniform(0, hgt * 0.8)
        rw = hgt * rnd.uniform(0.08, 0.14)
        d.ellipse([x - rw, base - hgt + ry * 0.9 - rw * 1.8, x + rw, base - hgt + ry * 0.9 + rw * 1.8],
                  fill=shade(colour, rnd.uniform(0.8, 1.15)))
    d.line([(x, base), (x, base - hgt * 0.3)], fill=(60, 50, 40), width=max(1, int(hgt * 0.02)))


def tree_line(d, rnd, w, y, hgt, colour, density=0.5):
    x = -hgt
    while x < w + hgt:
        r = hgt * rnd.uniform(0.3, 0.6)
        d.ellipse([x - r, y - hgt * rnd.uniform(0.6, 1.0), x + r, y + r * 0.3], fill=shade(colour, rnd.uniform(0.8, 1.1)))
        x += r * density * 2


def smoke(img, rnd, x, y, size):
    layer = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(layer)
    for i in range(9):
        r = size * (0.25 + i * 0.12)
        cx = x + size * 0.5 * i * 0.35 + rnd.uniform(-1, 1) * size * 0.1
        cy = y - size * i * 0.55
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=int(90 * (1 - i / 10)))
    layer = layer.filter(ImageFilter.GaussianBlur(size * 0.35))
    img.paste(Image.new("RGB", img.size, (226, 226, 230)), (0, 0), layer)


def perspective_rows(d, w, h, y0, vp, colour_a, colour_b, n, rnd, width=2):
    """Furrow lines from the bottom edge to a vanishing point, clipped at y0."""
    for i in range(n + 1):
        bx = -w * 0.6 + (2.2 * w) * i / n
        t = (y0 - h) / (vp[1] - h)
        x0 = bx + (vp[0] - bx) * t
        d.line([(bx, h), (x0, y0)], fill=colour_a if i % 2 else colour_b, width=width)


# ----------------------------------------------------------------------------------- scenes


def village_dawn(W, H, rnd):
    """A Yanbian village at the foot of Changbai-style mountains, at dawn."""
    img = vgrad(W, H, [(0, (96, 122, 168)), (0.28, (178, 170, 190)), (0.42, (244, 196, 152)),
                       (0.5, (250, 214, 170)), (1, (250, 214, 170))])
    glow(img, W * 0.63, H * 0.46, H * 0.5, (255, 226, 180), 0.6)
    glow(img, W * 0.63, H * 0.46, H * 0.07, (255, 246, 226), 0.9)
    for k, (yl, yr, amp, col) in enumerate([
            (0.34, 0.30, 0.10, (150, 146, 176)), (0.40, 0.37, 0.08, (118, 120, 152)),
            (0.45, 0.47, 0.06, (86, 96, 120)), (0.52, 0.50, 0.04, (60, 74, 82))]):
        pts = ridge(rnd, W, H * yl, H * yr, H * amp)
        paste_shape(img, pts + [(W, H), (0, H)], col, blur=3 - k * 0.6)
        haze_band(img, H * (yl - 0.02), H * (yl + 0.12), (236, 200, 170), 0.35)
    d = ImageDraw.Draw(img, "RGBA")
    tree_line(d, rnd, W, H * 0.575, H * 0.05, (52, 66, 58), 0.45)
    # fields
    paste_shape(img, [(0, H * 0.6), (W, H * 0.59), (W, H), (0, H)], vgrad(W, H, [(0, (92, 104, 70)), (0.6, (112, 118, 72)), (1, (66, 74, 48))]))
    d = ImageDraw.Draw(img, "RGBA")
    perspective_rows(d, W, H, H * 0.62, (W * 0.45, H * 0.56), (70, 80, 52, 120), (150, 140, 96, 90), 90, rnd, width=3)
    chimneys = []
    # houses, far to near
    for row, (y, size, n) in enumerate([(0.602, 0.048, 16), (0.64, 0.07, 10)]):
        xs = sorted(rnd.uniform(-0.02, 0.98) for _ in range(n))
        for x in xs:
            if row == 1 and 0.36 < x < 0.56:
                continue  # the road
            chimneys.append(korean_house(d, rnd, W * x, H * y, W * size * rnd.uniform(0.85, 1.15), light=0.82 + row * 0.08))
        tree_line(d, rnd, W, H * (y + 0.008), H * 0.012, (62, 78, 56), 1.2) if row == 0 else None
    for x in (0.08, 0.22, 0.74, 0.9):
        poplar(d, rnd, W * x, H * 0.66, H * rnd.uniform(0.16, 0.22), (54, 72, 50))
    # road into the village
    road = [(W * 0.30, H), (W * 0.62, H), (W * 0.475, H * 0.62), (W * 0.455, H * 0.62)]
    paste_shape(img, road, vgrad(W, H, [(0, (170, 150, 130)), (0.6, (176, 156, 132)), (1, (120, 108, 96))]), blur=2)
    d = ImageDraw.Draw(img, "RGBA")
    d.line([(W * 0.46, H), (W * 0.466, H * 0.62)], fill=(240, 236, 220, 110), width=6)
    # utility poles along the road
    for i in range(7):
        t = i / 7
        z = 1 / (1 + 3 * t)
        x, y = W * (0.66 - 0.19 * (1 - z)), H * (0.62 + 0.34 * z)
        hh = H * 0.42 * z
        d.line([(x, y), (x, y - hh)], fill=(50, 44, 40), width=max(2, int(14 * z)))
        d.line([(x - hh * 0.08, y - hh * 0.93), (x + hh * 0.08, y - hh * 0.93)], fill=(50, 44, 40), width=max(2, int(8 * z)))
    for c in chimneys[::4]:
        smoke(img, rnd, c[0], c[1], H * 0.02)
    haze_band(img, int(H * 0.55), int(H * 0.68), (246, 214, 184), 0.45)
    return img


def border_river(W, H, rnd):
    """A border river in summer, with a granite boundary marker on the near bank."""
    img = vgrad(W, H, [(0, (120, 160, 206)), (0.4, (200, 214, 226)), (1, (200, 214, 226))])
    for _ in range(10):  # soft clouds
        cx, cy, r = rnd.uniform(0, W), rnd.uniform(0, H * 0.25), rnd.uniform(H * 0.05, H * 0.12)
        layer = Image.new("L", (W, H), 0)
        ImageDraw.Draw(layer).ellipse([cx - r * 2.5, cy - r * 0.6, cx + r * 2.5, cy + r * 0.6], fill=110)
        img.paste((248, 250, 252), (0, 0), layer.filter(ImageFilter.GaussianBlur(r * 0.5)))
    far = [(0.36, 0.33, 0.07, (132, 156, 160)), (0.41, 0.43, 0.05, (92, 122, 106)), (0.47, 0.46, 0.02, (58, 90, 62))]
    for k, (yl, yr, amp, col) in enumerate(far):
        paste_shape(img, ridge(rnd, W, H * yl, H * yr, H * amp) + [(W, H), (0, H)], col, blur=2.5 - k * 0.7)
        haze_band(img, H * (yl - 0.03), H * (yl + 0.1), (206, 218, 224), 0.3)
    d = ImageDraw.Draw(img, "RGBA")
    tree_line(d, rnd, W, H * 0.5, H * 0.03, (46, 76, 50), 0.5)
    d.rectangle([0, H * 0.5, W, H * 0.52], fill=(120, 130, 104))  # far bank
    # river: water colour plus a blurred, darkened mirror of the far bank
    top, bot = int(H * 0.52), int(H * 0.74)
    mirror = img.crop((0, top - (bot - top), W, top)).transpose(Image.FLIP_TOP_BOTTOM)
    mirror = mirror.resize((W, bot - top)).filter(ImageFilter.GaussianBlur(6))
    water = Image.blend(vgrad(W, bot - top, [(0, (112, 136, 140)), (1, (84, 110, 118))]), mirror, 0.45)
    wd = ImageDraw.Draw(water, "RGBA")
    for _ in range(900):
        y = rnd.uniform(0, bot - top) ** 1.3 / (bot - top) ** 0.3
        x, ln = rnd.uniform(-50, W), rnd.uniform(20, 160) * (0.4 + y / (bot - top))
        wd.line([(x, y), (x + ln, y)], fill=(230, 238, 240, rnd.randint(12, 45)), width=rnd.choice([1, 2, 2, 3]))
    img.paste(water, (0, top))
    # near bank: grass with strokes
    paste_shape(img, ridge(rnd, W, H * 0.75, H * 0.73, H * 0.02, depth=8) + [(W, H), (0, H)],
                vgrad(W, H, [(0, (120, 140, 80)), (0.8, (104, 128, 66)), (1, (70, 92, 48))]), blur=2)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(9000):
        x, y = rnd.uniform(0, W), H * (0.74 + 0.26 * rnd.random() ** 0.7)
        ln = (y / H - 0.7) * H * 0.05
        c = rnd.choice([(84, 110, 50), (150, 164, 96), (110, 136, 64), (180, 178, 120)])
        d.line([(x, y), (x + rnd.uniform(-0.3, 0.3) * ln, y - ln)], fill=c + (150,), width=rnd.choice([1, 2, 2, 3]))
    # footpath along the bank
    d.polygon([(0, H * 0.86), (W, H * 0.80), (W, H * 0.83), (0, H * 0.91)], fill=(176, 160, 132, 200))
    # the boundary marker: granite pillar on a plinth, lit from the left
    mx, my, mw, mh = W * 0.64, H * 0.86, W * 0.06, H * 0.36
    sh = Image.new("L", (W, H), 0)
    ImageDraw.Draw(sh).ellipse([mx - mw * 0.2, my - mw * 0.2, mx + mw * 2.4, my + mw * 0.35], fill=120)
    img.paste((40, 50, 34), (0, 0), sh.filter(ImageFilter.GaussianBlur(mw * 0.15)))
    d = ImageDraw.Draw(img, "RGBA")
    sd = mw * 0.35
    d.polygon([(mx - mw * 0.25, my), (mx + mw * 1.25, my), (mx + mw * 1.25, my - mh * 0.1), (mx - mw * 0.25, my - mh * 0.1)], fill=(196, 194, 186))
    d.polygon([(mx + mw * 1.25, my), (mx + mw * 1.25 + sd, my - sd * 0.4), (mx + mw * 1.25 + sd, my - mh * 0.1 - sd * 0.4), (mx + mw * 1.25, my - mh * 0.1)], fill=(138, 138, 134))
    d.polygon([(mx - mw * 0.25, my - mh * 0.1), (mx + mw * 1.25, my - mh * 0.1), (mx + mw * 1.25 + sd, my - mh * 0.1 - sd * 0.4), (mx - mw * 0.25 + sd, my - mh * 0.1 - sd * 0.4)], fill=(214, 212, 204))
    base, topy = my - mh * 0.1, my - mh
    d.polygon([(mx, base), (mx + mw, base), (mx + mw * 0.96, topy), (mx + mw * 0.04, topy)], fill=(232, 230, 222))
    d.polygon([(mx + mw, base), (mx + mw + sd * 0.7, base - sd * 0.3), (mx + mw * 0.96 + sd * 0.7, topy - sd * 0.3), (mx + mw * 0.96, topy)], fill=(160, 160, 156))
    d.polygon([(mx + mw * 0.04, topy), (mx + mw * 0.96, topy), (mx + mw * 0.5 + sd * 0.35, topy - mw * 0.45)], fill=(244, 242, 236))
    d.polygon([(mx + mw * 0.96, topy), (mx + mw * 0.96 + sd * 0.7, topy - sd * 0.3), (mx + mw * 0.5 + sd * 0.35, topy - mw * 0.45)], fill=(176, 176, 172))
    d.rectangle([mx + mw * 0.22, topy + mh * 0.12, mx + mw * 0.78, topy + mh * 0.55], outline=(200, 198, 190), width=3)
    d.rectangle([mx + mw * 0.3, topy + mh * 0.16, mx + mw * 0.7, topy + mh * 0.2], fill=(180, 40, 36))  # red band
    for _ in range(400):  # granite speckle
        px, py = rnd.uniform(mx + 2, mx + mw - 2), rnd.uniform(topy + 4, base - 4)
        d.point((px, py), fill=(150, 150, 146, 160))
    return img


def meeting_room(W, H, rnd):
    """A meeting room with long tables and a red banner area on the back wall."""
    cam = Cam(W, H, W * 0.55, 2.3, cam_x=0.4, horizon=0.36)
    img = Image.new("RGB", (W, H), (200, 190, 176))
    d = ImageDraw.Draw(img, "RGBA")
    Z1, XL, XR, TOP = 15.0, -5.5, 6.0, 3.4
    d.polygon(cam.quad((XL, 0, 0.5), (XR, 0, 0.5), (XR, 0, Z1), (XL, 0, Z1)), fill=(128, 58, 52))  # carpet
    d.polygon(cam.quad((XL, TOP, 0.5), (XR, TOP, 0.5), (XR, TOP, Z1), (XL, TOP, Z1)), fill=(236, 234, 228))
    d.polygon(cam.quad((XL, 0, 0.5), (XL, TOP, 0.5), (XL, TOP, Z1), (XL, 0, Z1)), fill=(222, 212, 194))
    d.polygon(cam.quad((XR, 0, 0.5), (XR, TOP, 0.5), (XR, TOP, Z1), (XR, 0, Z1)), fill=(212, 202, 184))
    d.polygon(cam.quad((XL, 0, Z1), (XR, 0, Z1), (XR, TOP, Z1), (XL, TOP, Z1)), fill=(232, 224, 210))
    # carpet pattern: faint lines
    for z in [1 + i * 0.9 for i in range(16)]:
        d.line(cam.quad((XL, 0.001, z), (XR, 0.001, z)), fill=(110, 48, 44, 90), width=2)
    # banner area and a plain screen on the back wall (no lettering)
    d.polygon(cam.quad((-3.6, 2.55, Z1 - 0.01), (4.4, 2.55, Z1 - 0.01), (4.4, 3.05, Z1 - 0.01), (-3.6, 3.05, Z1 - 0.01)), fill=(178, 32, 30))
    d.polygon(cam.quad((-3.5, 2.62, Z1 - 0.02), (4.3, 2.62, Z1 - 0.02), (4.3, 2.64, Z1 - 0.02), (-3.5, 2.64, Z1 - 0.02)), fill=(230, 190, 110))
    d.polygon(cam.quad((-1.8, 1.0, Z1 - 0.01), (2.6, 1.0, Z1 - 0.01), (2.6, 2.35, Z1 - 0.01), (-1.8, 2.35, Z1 - 0.01)), fill=(58, 70, 96))
    d.polygon(cam.quad((-1.7, 1.08, Z1 - 0.02), (2.5, 1.08, Z1 - 0.02), (2.5, 2.27, Z1 - 0.02), (-1.7, 2.27, Z1 - 0.02)), fill=(90, 120, 160))
    # wood panelling on the back wall under the screen
    d.polygon(cam.quad((XL, 0, Z1 - 0.01), (XR, 0, Z1 - 0.01), (XR, 0.9, Z1 - 0.01), (XL, 0.9, Z1 - 0.01)), fill=(150, 108, 72))
    # windows on the right wall, with light
    for z in (3.0, 6.2, 9.4, 12.4):
        d.polygon(cam.quad((XR - 0.01, 0.9, z), (XR - 0.01, 2.8, z), (XR - 0.01, 2.8, z + 2.2), (XR - 0.01, 0.9, z + 2.2)), fill=(236, 242, 246))
        d.polygon(cam.quad((XR - 0.02, 0.9, z + 1.08), (XR - 0.02, 2.8, z + 1.08), (XR - 0.02, 2.8, z + 1.14), (XR - 0.02, 0.9, z + 1.14)), fill=(170, 170, 166))
        d.polygon(cam.quad((XR - 0.03, 0.9, z - 0.3), (XR - 0.03, 2.9, z - 0.3), (XR - 0.03, 2.9, z + 0.1), (XR - 0.03, 0.9, z + 0.1)), fill=(196, 170, 130))  # curtain
    # ceiling lights
    lights = Image.new("L", (W, H), 0)
    ld = ImageDraw.Draw(lights)
    for z in [2 + 2.2 * i for i in range(6)]:
        for x in (-2.5, 0.5, 3.5):
            q = cam.quad((x - 0.5, TOP - 0.01, z), (x + 0.5, TOP - 0.01, z), (x + 0.5, TOP - 0.01, z + 0.6), (x - 0.5, TOP - 0.01, z + 0.6))
            d.polygon(q, fill=(255, 252, 240))
            ld.polygon(q, fill=160)
    img.paste((255, 246, 220), (0, 0), lights.filter(ImageFilter.GaussianBlur(W * 0.012)))
    d = ImageDraw.Draw(img, "RGBA")
    # two long tables with chairs on both sides, far to near
    items = []
    for tx in (-3.2, 1.6):
        items.append((12.5, "table", tx, 0))
        for z in [4.0 + 0.9 * i for i in range(10)]:
            items.append((z, "chair", tx - 0.45, -1))  # backrest on the side away from the table
            items.append((z, "chair", tx + 1.65, 1))
    items.append((13.6, "podium", 0.2, 0))
    for z, kind, x, side in sorted(items, key=lambda it: -it[0]):
        if kind == "table":
            box(d, cam, x, x + 1.2, 0.0, 0.74, 3.8, z, (120, 36, 32), depth_fade=((150, 120, 110), 20, 0.3))
            d.polygon(cam.quad((x - 0.03, 0.74, 3.8), (x + 1.23, 0.74, 3.8), (x + 1.23, 0.76, z), (x - 0.03, 0.76, z)), fill=(246, 244, 238))
            for zz in [4.1 + 0.9 * i for i in range(9)]:
                for cx in (x + 0.18, x + 0.95):
                    box(d, cam, cx, cx + 0.07, 0.76, 0.86, zz, zz + 0.07, (250, 250, 250))  # cups
                    box(d, cam, cx - 0.05, cx + 0.2, 0.76, 0.77, zz + 0.15, zz + 0.45, (236, 236, 230))  # papers
        elif kind == "chair":
            c = (44, 56, 84)
            box(d, cam, x - 0.22, x + 0.22, 0.0, 0.46, z, z + 0.44, c)
            bx = x - 0.22 if side < 0 else x + 0.16
            box(d, cam, bx, bx + 0.06, 0.46, 0.95, z + 0.02, z + 0.42, shade(c, 1.1))
        else:
            box(d, cam, x - 0.6, x + 0.6, 0, 1.05, z, z + 0.5, (132, 84, 52))
    return img


def birch_road(W, H, rnd):
    """An upright (portrait) picture: a patrol road through an autumn birch wood."""
    img = vgrad(W, H, [(0, (232, 226, 196)), (0.45, (214, 180, 96)), (0.62, (150, 130, 70)), (1, (108, 88, 56))])
    d = ImageDraw.Draw(img, "RGBA")
    vp = (W * 0.52, H * 0.55)
    # canopy: many soft dabs of leaves
    for i in range(5200):
        x, y = rnd.uniform(-50, W + 50), H * rnd.random() ** 1.6 * 0.62
        r = W * rnd.uniform(0.004, 0.02) * (0.6 + y / H)
        c = rnd.choice([(214, 160, 40), (232, 188, 70), (190, 120, 34), (150, 150, 60), (240, 214, 120)])
        d.ellipse([x - r, y - r * 0.7, x + r, y + r * 0.7], fill=c + (rnd.randint(60, 150),))
    img = img.filter(ImageFilter.GaussianBlur(W * 0.004))
    d = ImageDraw.Draw(img, "RGBA")
    # the road to the vanishing point
    road = [(W * 0.18, H), (W * 0.92, H), (vp[0] + W * 0.02, vp[1]), (vp[0] - W * 0.015, vp[1])]
    paste_shape(img, road, vgrad(W, H, [(0, (150, 130, 100)), (0.55, (160, 140, 104)), (1, (120, 100, 76))]), blur=3)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(9000):  # fallen leaves, denser near
        y = vp[1] + (H - vp[1]) * rnd.random() ** 0.6
        x = rnd.uniform(0, W)
        r = W * (0.001 + 0.006 * (y - vp[1]) / (H - vp[1]))
        c = rnd.choice([(226, 170, 50), (200, 130, 40), (240, 200, 90), (170, 110, 40)])
        d.ellipse([x - r, y - r * 0.45, x + r, y + r * 0.45], fill=c + (rnd.randint(120, 220),))
    # birches: far (thin, pale) to near (thick)
    trees = []
    for _ in range(34):
        z = rnd.uniform(1.1, 10)
        side = rnd.choice([-1, 1])
        trees.append((z, vp[0] + side * W * rnd.uniform(0.22, 0.9) / z * 2.2))
    for z, x in sorted(trees, reverse=True):
        tw = W * 0.075 / z
        base = vp[1] + (H - vp[1]) * 0.9 / z
        top = -10
        fade = min(1, (z - 1) / 11)
        bark = mix((240, 238, 230), (226, 214, 180), fade * 0.8)
        dark = mix((40, 36, 32), (180, 160, 110), fade)
        d.polygon([(x - tw / 2, base), (x + tw / 2, base), (x + tw * 0.32, top), (x - tw * 0.32, top)], fill=bark)
        d.polygon([(x + tw * 0.12, base), (x + tw / 2, base), (x + tw * 0.32, top), (x + tw * 0.06, top)], fill=shade(bark, 0.82))
        for _ in range(int(40 / max(1, z * 0.5))):  # lenticels and dark patches
            yy = rnd.uniform(top, base)
            ln = tw * rnd.uniform(0.2, 0.7)
            xx = x + rnd.uniform(-tw * 0.35, tw * 0.35 - ln * 0.5)
            d.line([(xx, yy), (xx + ln, yy + rnd.uniform(-2, 2))], fill=dark + (200,), width=max(1, int(tw * rnd.uniform(0.03, 0.1))))
        d.ellipse([x - tw * 0.7, base - tw * 0.12, x + tw * 0.7, base + tw * 0.12], fill=(70, 56, 40, 90))
    # light shafts
    shafts = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(shafts)
    for _ in range(6):
        x = rnd.uniform(0, W)
        sd.polygon([(x, 0), (x + W * 0.05, 0), (x + W * 0.32, H), (x + W * 0.2, H)], fill=rnd.randint(20, 40))
    img.paste((255, 236, 180), (0, 0), shafts.filter(ImageFilter.GaussianBlur(W * 0.02)))
    haze_band(img, int(H * 0.35), int(H * 0.65), (236, 214, 160), 0.35)
    return img


def greenhouses(d, rnd, W, H, rows, colour=(226, 232, 234)):
    """Rows of arched plastic greenhouses seen side-on, far to near."""
    for y, size, xs in rows:
        for x in xs:
            gw, gh = W * size * 4.2, H * size * 0.9
            x0, base = W * x, H * y
            d.rounded_rectangle([x0, base - gh, x0 + gw, base + gh * 0.1], radius=gh, fill=colour)
            d.rounded_rectangle([x0, base - gh, x0 + gw, base - gh * 0.45], radius=gh * 0.6, fill=shade(colour, 1.06))
            for k in range(1, int(gw / (gh * 0.5))):
                xx = x0 + k * gh * 0.5
                d.line([(xx, base - gh * 0.96), (xx, base + gh * 0.1)], fill=shade(colour, 0.8) + (150,), width=max(1, int(gh * 0.04)))
            d.line([(x0 + gh * 0.3, base + gh * 0.1), (x0 + gw - gh * 0.3, base + gh * 0.1)], fill=(90, 96, 80), width=max(1, int(gh * 0.06)))


def coop_field(W, H, rnd):
    """Paddy fields and greenhouses of a village co-operative in summer, mountains behind."""
    img = vgrad(W, H, [(0, (86, 140, 206)), (0.38, (190, 214, 232)), (1, (190, 214, 232))])
    for _ in range(14):
        cx, cy, r = rnd.uniform(-100, W), rnd.uniform(H * 0.05, H * 0.3), rnd.uniform(H * 0.03, H * 0.08)
        layer = Image.new("L", (W, H), 0)
        ImageDraw.Draw(layer).ellipse([cx - r * 3, cy - r * 0.7, cx + r * 3, cy + r * 0.7], fill=150)
        img.paste((252, 252, 252), (0, 0), layer.filter(ImageFilter.GaussianBlur(r * 0.4)))
    for k, (yl, yr, amp, col) in enumerate([(0.33, 0.36, 0.07, (120, 150, 158)), (0.42, 0.39, 0.05, (70, 112, 80))]):
        paste_shape(img, ridge(rnd, W, H * yl, H * yr, H * amp) + [(W, H), (0, H)], col, blur=2 - k)
        haze_band(img, H * (yl - 0.03), H * (yl + 0.09), (200, 218, 224), 0.3)
    d = ImageDraw.Draw(img, "RGBA")
    tree_line(d, rnd, W, H * 0.46, H * 0.035, (54, 92, 56), 0.55)
    # paddies: bands that grow toward the viewer, with earthen ridges
    y, step, i = H * 0.465, H * 0.012, 0
    while y < H:
        c = rnd.choice([(96, 160, 64), (112, 172, 70), (88, 150, 60), (124, 178, 84)])
        d.rectangle([0, y, W, y + step], fill=c)
        d.line([(0, y), (W, y + rnd.uniform(-step, step) * 0.3)], fill=(150, 140, 100), width=max(1, int(step * 0.08)))
        i += 1
        y += step
        step *= 1.16
    for _ in range(16000):  # rice plants
        yy = H * 0.47 + (H * 0.53) * rnd.random() ** 0.8
        x = rnd.uniform(0, W)
        ln = (yy - H * 0.45) / H * 40
        c = rnd.choice([(70, 130, 50), (140, 196, 96), (96, 150, 60)])
        d.line([(x, yy), (x + rnd.uniform(-ln, ln) * 0.25, yy - ln)], fill=c + (140,), width=max(1, int(ln * 0.08)))
    greenhouses(d, rnd, W, H, [(0.475, 0.02, [0.50, 0.64, 0.78]), (0.53, 0.028, [0.46, 0.66, 0.86])])
    # a farm shed with a blue roof
    d.rectangle([W * 0.2, H * 0.43, W * 0.3, H * 0.475], fill=(224, 222, 214))
    d.polygon([(W * 0.19, H * 0.432), (W * 0.31, H * 0.432), (W * 0.3, H * 0.418), (W * 0.2, H * 0.418)], fill=(60, 110, 170))
    for x in (0.08, 0.14, 0.36, 0.42):
        poplar(d, rnd, W * x, H * 0.47, H * rnd.uniform(0.12, 0.16), (58, 96, 52))
    # a field road
    paste_shape(img, [(W * 0.05, H), (W * 0.2, H), (W * 0.46, H * 0.49), (W * 0.44, H * 0.49)], (186, 170, 136), blur=2)
    return img


def winter_village(W, H, rnd):
    """A border village after snow: white roofs, chimney smoke, bare trees."""
    img = vgrad(W, H, [(0, (150, 172, 200)), (0.4, (222, 228, 234)), (1, (222, 228, 234))])
    for k, (yl, yr, amp) in enumerate([(0.3, 0.34, 0.08), (0.4, 0.37, 0.06)]):
        pts = ridge(rnd, W, H * yl, H * yr, H * amp)
        paste_shape(img, pts + [(W, H), (0, H)], vgrad(W, H, [(0, (244, 246, 250)), (0.4, (176, 186, 204)), (1, (140, 152, 174))]), blur=2)
        haze_band(img, H * (yl - 0.02), H * (yl + 0.1), (230, 234, 240), 0.3)
    paste_shape(img, [(0, H * 0.52), (W, H * 0.5), (W, H), (0, H)], vgrad(W, H, [(0, (236, 240, 246)), (1, (210, 220, 234))]))
    d = ImageDraw.Draw(img, "RGBA")
    tree_line(d, rnd, W, H * 0.515, H * 0.035, (92, 100, 112), 0.5)  # conifers at the foot of the hills
    tree_line(d, rnd, W, H * 0.52, H * 0.02, (120, 120, 126), 0.6)
    chimneys = []
    for y, size, n in [(0.545, 0.05, 12), (0.61, 0.075, 7), (0.72, 0.11, 3)]:
        for x in sorted(rnd.uniform(-0.02, 0.95) for _ in range(n)):
            chimneys.append(korean_house(d, rnd, W * x, H * y, W * size, snow=True, light=0.95))
            d.polygon([(W * x, H * y), (W * (x + size), H * y), (W * (x + size * 1.2), H * (y + size * 0.25)), (W * (x + 0.2 * size), H * (y + size * 0.25))], fill=(170, 184, 206, 110))
    # bare trees
    def branch(x, y, ang, ln, wd, depth):
        if depth == 0 or ln < 3:
            return
        x2, y2 = x + math.cos(ang) * ln, y - math.sin(ang) * ln
        d.line([(x, y), (x2, y2)], fill=(64, 56, 52, 220), width=max(1, int(wd)))
        for _ in range(2):
            branch(x2, y2, ang + rnd.uniform(-0.6, 0.6), ln * rnd.uniform(0.62, 0.8), wd * 0.68, depth - 1)
    for x in (0.05, 0.3, 0.56, 0.88):
        branch(W * x, H * 0.8, math.pi / 2, H * 0.1, W * 0.007, 8)
    # tyre tracks in the snow
    for off in (-0.02, 0.02):
        d.line([(W * (0.42 + off * 6), H), (W * (0.5 + off), H * 0.62)], fill=(176, 184, 196, 160), width=max(2, int(W * 0.006)))
    for c in chimneys:
        smoke(img, rnd, c[0], c[1], H * 0.015)
    return img


def service_hall(W, H, rnd):
    """A bright community service hall with counters, screens and waiting seats."""
    cam = Cam(W, H, W * 0.5, 1.6, cam_x=-0.6, horizon=0.47)
    img = Image.new("RGB", (W, H), (236, 238, 240))
    d = ImageDraw.Draw(img, "RGBA")
    Z1, XL, XR, TOP = 13.0, -7.0, 6.0, 3.6
    d.polygon(cam.quad((XL, 0, 0.5), (XR, 0, 0.5), (XR, 0, Z1), (XL, 0, Z1)), fill=(214, 214, 210))
    d.polygon(cam.quad((XL, TOP, 0.5), (XR, TOP, 0.5), (XR, TOP, Z1), (XL, TOP, Z1)), fill=(244, 245, 246))
    d.polygon(cam.quad((XL, 0, 0.5), (XL, TOP, 0.5), (XL, TOP, Z1), (XL, 0, Z1)), fill=(232, 236, 240))
    d.polygon(cam.quad((XR, 0, 0.5), (XR, TOP, 0.5), (XR, TOP, Z1), (XR, 0, Z1)), fill=(226, 228, 230))
    d.polygon(cam.quad((XL, 0, Z1), (XR, 0, Z1), (XR, TOP, Z1), (XL, TOP, Z1)), fill=(240, 240, 236))
    for z in [0.5 + 0.8 * i for i in range(17)]:  # floor tiles
        d.line(cam.quad((XL, 0.001, z), (XR, 0.001, z)), fill=(186, 186, 184), width=2)
    for x in [XL + 0.8 * i for i in range(18)]:
        d.line(cam.quad((x, 0.001, 0.5), (x, 0.001, Z1)), fill=(186, 186, 184), width=2)
    # big windows on the left wall
    for z in (1.5, 4.5, 7.5, 10.5):
        d.polygon(cam.quad((XL + 0.01, 0.4, z), (XL + 0.01, 3.2, z), (XL + 0.01, 3.2, z + 2.6), (XL + 0.01, 0.4, z + 2.6)), fill=(250, 252, 255))
        d.polygon(cam.quad((XL + 0.02, 0.4, z + 1.25), (XL + 0.02, 3.2, z + 1.25), (XL + 0.02, 3.2, z + 1.35), (XL + 0.02, 0.4, z + 1.35)), fill=(190, 196, 204))
    # a band of the organisation's red colour across the back wall, and window screens
    d.polygon(cam.quad((XL, 3.0, Z1 - 0.01), (XR, 3.0, Z1 - 0.01), (XR, 3.3, Z1 - 0.01), (XL, 3.3, Z1 - 0.01)), fill=(186, 40, 36))
    counters = [XL + 0.6 + 1.6 * i for i in range(8)]
    for x in counters:
        d.polygon(cam.quad((x + 0.2, 2.1, Z1 - 0.01), (x + 1.3, 2.1, Z1 - 0.01), (x + 1.3, 2.6, Z1 - 0.01), (x + 0.2, 2.6, Z1 - 0.01)), fill=(36, 44, 60))
        d.polygon(cam.quad((x + 0.35, 2.28, Z1 - 0.02), (x + 0.6, 2.28, Z1 - 0.02), (x + 0.6, 2.42, Z1 - 0.02), (x + 0.35, 2.42, Z1 - 0.02)), fill=(230, 80, 60))
        d.polygon(cam.quad((x + 0.7, 2.3, Z1 - 0.02), (x + 1.15, 2.3, Z1 - 0.02), (x + 1.15, 2.38, Z1 - 0.02), (x + 0.7, 2.38, Z1 - 0.02)), fill=(90, 200, 120))
    box(d, cam, XL + 0.4, XR - 0.6, 0, 1.05, Z1 - 1.0, Z1 - 0.05, (246, 246, 244))  # the counter
    box(d, cam, XL + 0.4, XR - 0.6, 0.0, 0.12, Z1 - 1.02, Z1 - 0.9, (120, 130, 146))
    for x in counters:  # glass partitions
        d.polygon(cam.quad((x, 1.05, Z1 - 1.0), (x, 1.75, Z1 - 1.0), (x, 1.75, Z1 - 0.2), (x, 1.05, Z1 - 0.2)), fill=(200, 226, 236, 110))
        box(d, cam, x + 0.55, x + 1.05, 1.05, 1.45, Z1 - 0.6, Z1 - 0.55, (40, 44, 52))  # monitors
    # ceiling: square panel lights
    lights = Image.new("L", (W, H), 0)
    ld = ImageDraw.Draw(lights)
    for z in [1.5 + 1.6 * i for i in range(7)]:
        for x in [XL + 1.0 + 2.0 * i for i in range(7)]:
            q = cam.quad((x, TOP - 0.01, z), (x + 0.6, TOP - 0.01, z), (x + 0.6, TOP - 0.01, z + 0.6), (x, TOP - 0.01, z + 0.6))
            d.polygon(q, fill=(255, 255, 252))
            ld.polygon(q, fill=140)
            # the panel's reflection on the glossy floor
            ld.polygon(cam.quad((x, 0.001, z), (x + 0.6, 0.001, z), (x + 0.6, 0.001, z + 0.6), (x, 0.001, z + 0.6)), fill=50)
    img.paste((255, 255, 250), (0, 0), lights.filter(ImageFilter.GaussianBlur(W * 0.008)))
    d = ImageDraw.Draw(img, "RGBA")
    for x, z in ((XL + 0.6, 11.0), (XR - 0.8, 9.0), (XR - 0.8, 3.0)):  # potted plants, behind the seats they stand beyond
        box(d, cam, x - 0.25, x + 0.25, 0, 0.45, z, z + 0.5, (236, 236, 232))
        cx, cy = cam.p(x, 1.0, z)
        r = W * 0.12 / z
        for _ in range(40):
            ox, oy, rr = rnd.uniform(-r, r), rnd.uniform(-r * 1.2, r * 0.6), r * rnd.uniform(0.2, 0.45)
            d.ellipse([cx + ox - rr, cy + oy - rr * 0.6, cx + ox + rr, cy + oy + rr * 0.6], fill=rnd.choice([(60, 130, 70), (80, 150, 80), (40, 100, 56)]) + (220,))
    # waiting seats: rows of linked chairs, far to near, on both sides of the aisle
    rows = [z for z in (8.5, 7.0, 5.5, 4.0)]
    for z in rows:
        for x0 in (-5.6, 0.6):
            box(d, cam, x0 - 0.05, x0 + 3.25, 0.0, 0.38, z + 0.05, z + 0.45, (150, 156, 164))  # beam
            for k in range(6):
                x = x0 + k * 0.54
                box(d, cam, x, x + 0.48, 0.38, 0.45, z, z + 0.45, (30, 96, 170))
                box(d, cam, x, x + 0.48, 0.45, 0.9, z + 0.42, z + 0.48, (36, 108, 186))
    glow(img, cam.p(XL, 1.8, 3)[0], cam.p(XL, 1.8, 3)[1], H * 0.5, (255, 255, 255), 0.35)
    return img


def blueberry_field(W, H, rnd):
    """Blueberry rows on red soil, green hills and white greenhouses (Dongyuan, Guangdong)."""
    img = vgrad(W, H, [(0, (150, 184, 214)), (0.34, (222, 232, 236)), (1, (222, 232, 236))])
    for k, (yl, yr, amp, col) in enumerate([(0.3, 0.32, 0.05, (128, 158, 150)), (0.37, 0.36, 0.04, (76, 124, 84)), (0.43, 0.42, 0.025, (56, 108, 62))]):
        paste_shape(img, ridge(rnd, W, H * yl, H * yr, H * amp, rough=0.5) + [(W, H), (0, H)], col, blur=2.5 - k * 0.7)
        haze_band(img, H * (yl - 0.02), H * (yl + 0.08), (220, 230, 232), 0.35)
    d = ImageDraw.Draw(img, "RGBA")
    tree_line(d, rnd, W, H * 0.46, H * 0.03, (52, 104, 58), 0.5)
    greenhouses(d, rnd, W, H, [(0.47, 0.011, [0.06, 0.14, 0.22, 0.70, 0.78]), (0.49, 0.014, [0.60, 0.71, 0.82])], colour=(236, 238, 236))
    paste_shape(img, [(0, H * 0.49), (W, H * 0.49), (W, H), (0, H)], vgrad(W, H, [(0, (176, 112, 80)), (1, (150, 88, 60))]))
    d = ImageDraw.Draw(img, "RGBA")
    vp = (W * 0.5, H * 0.44)
    n = 22
    bushes = []
    for i in range(n + 1):
        bx = -W * 1.5 + 4 * W * i / n
        for j in range(60):
            t = j / 60
            tt = t ** 1.9
            y = H - (H - H * 0.495) * (1 - (1 - tt))
            y = H * 0.495 + (H - H * 0.495) * (1 - t) ** 2.2
            s = (y - vp[1]) / (H - vp[1])
            x = vp[0] + (bx - vp[0]) * s
            if -W * 0.1 < x < W * 1.1:
                bushes.append((y, x, s))
    for y, x, s in sorted(bushes):
        r = W * 0.05 * s
        for _ in range(6):
            ox, oy, rr = rnd.uniform(-r, r), rnd.uniform(-r * 0.8, 0), r * rnd.uniform(0.35, 0.7)
            d.ellipse([x + ox - rr, y + oy - rr * 0.8 - r * 0.5, x + ox + rr, y + oy + rr * 0.8 - r * 0.5],
                      fill=rnd.choice([(54, 110, 58), (72, 128, 66), (44, 94, 52), (90, 140, 80)]))
        if s > 0.25:
            for _ in range(int(12 * s)):
                bx_, by_ = x + rnd.uniform(-r, r) * 0.9, y - r * 0.5 + rnd.uniform(-r, r * 0.3) * 0.7
                br = max(1.5, r * 0.06)
                d.ellipse([bx_ - br, by_ - br, bx_ + br, by_ + br], fill=rnd.choice([(52, 62, 110), (70, 84, 140), (40, 46, 86)]))
        d.ellipse([x - r * 1.1, y - r * 0.12, x + r * 1.1, y + r * 0.2], fill=(90, 60, 40, 70))
    return img


def chart_png(W, H, rnd):
    """A bar chart with a transparent background: 8 tasks, 38 key works, 77 measures."""
    img = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    values = [8, 38, 77]
    left, right, top, bottom = W * 0.08, W * 0.96, H * 0.14, H * 0.86
    d = ImageDraw.Draw(img)
    for k in range(0, 81, 20):  # grid
        y = bottom - (bottom - top) * k / 80
        d.line([(left, y), (right, y)], fill=(128, 128, 128, 70), width=2)
    try:
        font = ImageFont.load_default(size=int(H * 0.07))
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    shadow = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    sd = ImageDraw.Draw(shadow)
    slot = (right - left) / len(values)
    colours = [(226, 120, 96), (204, 66, 52), (168, 28, 30)]
    bars = []
    for i, v in enumerate(values):
        x0 = left + slot * i + slot * 0.2
        x1 = x0 + slot * 0.6
        y0 = bottom - (bottom - top) * v / 80
        bars.append((x0, x1, y0, v, colours[i]))
        sd.rounded_rectangle([x0 + 12, y0 + 12, x1 + 12, bottom], radius=18, fill=(0, 0, 0, 90))
    img = Image.alpha_composite(img, shadow.filter(ImageFilter.GaussianBlur(14)))
    d = ImageDraw.Draw(img)
    for x0, x1, y0, v, c in bars:
        grad = vgrad(int(x1 - x0), int(bottom - y0), [(0, shade(c, 1.18)), (1, shade(c, 0.86))]).convert("RGBA")
        mask = Image.new("L", grad.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle([0, 0, grad.size[0] - 1, grad.size[1] + 20], radius=18, fill=255)
        img.paste(grad, (int(x0), int(y0)), mask)
        d.text(((x0 + x1) / 2, y0 - H * 0.03), str(v), font=font, fill=(70, 70, 76, 255), anchor="ms")
    d.line([(left, bottom), (right, bottom)], fill=(90, 90, 96, 230), width=4)
    return img


# ----------------------------------------------------------------------------------- the list

BIANCHUI = "content/projects/bianchui-dangqi-hong"
PICTURES = [
    # path, renderer, (width, height) as shown, seed, extras
    (f"{BIANCHUI}/cover.jpg", village_dawn, (3000, 2000), 11, {}),
    (f"{BIANCHUI}/river.jpg", border_river, (2400, 1600), 12, {}),
    (f"{BIANCHUI}/meeting.jpg", meeting_room, (2400, 1800), 13, {}),
    (f"{BIANCHUI}/birch-road.jpg", birch_road, (1800, 2700), 14, {"orientation": 6}),
    (f"{BIANCHUI}/coop-field.jpg", coop_field, (2400, 1600), 15, {"artist": ARTIST_CREDIT}),
    (f"{BIANCHUI}/winter.jpg", winter_village, (2400, 1600), 16, {}),
    ("static/images/service-hall.jpg", service_hall, (2400, 1800), 17, {}),
    ("static/images/liyuan-blueberry.jpg", blueberry_field, (2400, 1600), 18, {}),
    ("content/projects/dongyuan-sannian/chart.png", chart_png, (1400, 840), 19, {"png": True}),
]


def render(path, fn, size, seed, extra, out, scale):
    w, h = (max(8, int(v * scale)) for v in size)
    rnd = random.Random(seed)
    img = fn(w, h, rnd)
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if extra.get("png"):
        img.save(target, "PNG", optimize=True)
        return target
    img = finish(img.convert("RGB"), seed * 7919, soften=0.7 * max(scale, 0.25))
    exif = Image.Exif()
    if extra.get("orientation") == 6:
        # Orientation 6: the viewer must turn the stored pixels 90° clockwise, so store them
        # turned 90° counter-clockwise.
        upright = img
        img = img.transpose(Image.ROTATE_90)
        exif[ORIENTATION] = 6
        assert ImageOps.exif_transpose(_with_exif(img, exif)).tobytes() == upright.tobytes()
    if "artist" in extra:
        exif[ARTIST] = extra["artist"].encode("utf-8")  # EXIF ASCII field holding UTF-8, as cameras and exiftool write it
    kwargs = {"exif": exif.tobytes()} if len(exif) else {}
    img.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False, **kwargs)
    return target


def _with_exif(img, exif):
    copy = img.copy()
    copy.getexif().update(exif)
    copy.info["exif"] = exif.tobytes()
    return copy


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("."), help="root to write under (default: the repository root)")
    ap.add_argument("--scale", type=float, default=1.0, help="render smaller for a quick preview")
    ap.add_argument("--only", help="render only the pictures whose path contains this")
    args = ap.parse_args()
    total = 0
    for path, fn, size, seed, extra in PICTURES:
        if args.only and args.only not in path:
            continue
        target = render(path, fn, size, seed, extra, args.out, args.scale)
        kb = target.stat().st_size / 1024
        total += kb
        with Image.open(target) as im:
            print(f"{path}: {im.size[0]}x{im.size[1]} {kb:.0f} KB")
    print(f"total {total:.0f} KB")


if __name__ == "__main__":
    main()
