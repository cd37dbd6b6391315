#!/usr/bin/python3
"""Draws the demo workspace's images: studio shots of a small homeware range.

Every picture is drawn from code (no photographs, no downloads), so the set can be remade
and carries no third-party rights. Needs Pillow (Debian: python3-pil) and the DejaVu
fonts (fonts-dejavu-core) for the two logos.

    /usr/bin/python3 resources/demo/generate.py [OUTPUT_DIR]

writes the JPEGs next to this script (or into OUTPUT_DIR). demo.json, which says which
image belongs to which entity and with which caption, is kept by hand beside them.
"""

import math
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SS = 2  # drawn at twice the size, then scaled down: smooth edges
LIGHT = (-0.55, 0.83)  # light from the upper left (x, z towards the viewer)
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


# ---------------------------------------------------------------- colours and scenes

def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def scaled(colour, factor):
    return tuple(max(0, min(255, int(round(c * factor)))) for c in colour)


class Scene:
    """A studio backdrop: a wall that curves into the floor, lit from the upper left."""

    def __init__(self, width, height, wall, floor, horizon=0.68):
        self.w, self.h = width * SS, height * SS
        self.size = (width, height)
        self.image = Image.new("RGB", (self.w, self.h))
        draw = ImageDraw.Draw(self.image)
        horizon_y = int(self.h * horizon)
        for y in range(self.h):
            if y < horizon_y:
                t = y / horizon_y
                colour = mix(scaled(wall, 1.06), wall, t)
            else:
                t = (y - horizon_y) / max(1, self.h - horizon_y)
                colour = mix(floor, scaled(floor, 0.9), t)
            draw.line([(0, y), (self.w, y)], fill=colour)
        # the sweep: blur the wall/floor seam, then a soft light pool on the left
        band = self.image.crop((0, horizon_y - 60 * SS, self.w, horizon_y + 60 * SS))
        band = band.filter(ImageFilter.GaussianBlur(30 * SS))
        self.image.paste(band, (0, horizon_y - 60 * SS))
        self.glow((0.3, 0.35), 0.75, (255, 255, 255), 0.18)
        self.vignette(0.16)

    def px(self, fx, fy):
        return fx * self.w, fy * self.h

    def glow(self, centre, radius, colour, strength):
        mask = Image.new("L", (self.w, self.h), 0)
        d = ImageDraw.Draw(mask)
        cx, cy = self.px(*centre)
        r = radius * self.h
        d.ellipse([cx - r, cy - r * 0.8, cx + r, cy + r * 0.8], fill=int(255 * strength))
        mask = mask.filter(ImageFilter.GaussianBlur(r / 2.5))
        self.image.paste(Image.new("RGB", (self.w, self.h), colour), (0, 0), mask)

    def vignette(self, strength):
        mask = Image.new("L", (self.w, self.h), int(255 * strength))
        d = ImageDraw.Draw(mask)
        d.ellipse([-self.w * 0.1, -self.h * 0.15, self.w * 1.1, self.h * 1.15], fill=0)
        mask = mask.filter(ImageFilter.GaussianBlur(self.h / 6))
        self.image.paste(Image.new("RGB", (self.w, self.h), (0, 0, 0)), (0, 0), mask)

    def shadow(self, cx, cy, rx, ry, strength=0.45, blur=None):
        """A soft floor shadow, thrown a little to the right of the object (light from the left)."""
        mask = Image.new("L", (self.w, self.h), 0)
        d = ImageDraw.Draw(mask)
        d.ellipse([cx - rx * 0.85, cy - ry, cx + rx * 1.35, cy + ry], fill=int(255 * strength))
        mask = mask.filter(ImageFilter.GaussianBlur(blur or rx * 0.22))
        self.image.paste(Image.new("RGB", (self.w, self.h), (20, 18, 16)), (0, 0), mask)
        contact = Image.new("L", (self.w, self.h), 0)
        ImageDraw.Draw(contact).ellipse([cx - rx * 0.75, cy - ry * 0.35, cx + rx * 0.8, cy + ry * 0.35],
                                        fill=int(255 * strength * 0.9))
        contact = contact.filter(ImageFilter.GaussianBlur(max(2, rx * 0.05)))
        self.image.paste(Image.new("RGB", (self.w, self.h), (15, 12, 10)), (0, 0), contact)

    def save(self, path, exif_date, quality=84, max_bytes=118 * 1024):
        final = self.image.resize(self.size, Image.LANCZOS)
        exif = Image.Exif()
        exif[0x010F] = "Vitrine"
        exif[0x0110] = "Demo studio (generated)"
        exif[0x0131] = "resources/demo/generate.py"
        exif[0x8769] = {0x9003: exif_date, 0x9004: exif_date}
        while True:
            final.save(path, "JPEG", quality=quality, optimize=True, progressive=False, exif=exif.tobytes())
            if os.path.getsize(path) <= max_bytes or quality <= 60:
                break
            quality -= 4


# ---------------------------------------------------------------- solids of revolution

def shade_stripe(colour, width, gloss=0.35, ambient=0.38):
    """One row of a lit cylinder of the given colour, width pixels across."""
    stripe = Image.new("RGB", (width, 1))
    pixels = stripe.load()
    lx, lz = LIGHT
    for x in range(width):
        t = (x + 0.5) / width * 2 - 1
        nz = math.sqrt(max(0.0, 1 - t * t))
        diffuse = max(0.0, t * lx + nz * lz)
        # the reflected light: strongest where the normal halves light and view
        hx, hz = lx, lz + 1
        norm = math.hypot(hx, hz)
        spec = max(0.0, (t * hx + nz * hz) / norm) ** 40 * gloss
        rim = max(0.0, abs(t) - 0.85) / 0.15 * 0.12  # a faint bounce light on the edges
        base = scaled(colour, ambient + (1 - ambient) * diffuse + rim)
        pixels[x, 0] = mix(base, (255, 255, 255), min(1.0, spec))
    return stripe


def revolve(scene, cx, rows, colour, gloss=0.35):
    """Paints a solid of revolution. rows: (y, radius, visible half width) from top to bottom;
    the visible width is smaller than the radius where an elliptical bottom curves away."""
    base = shade_stripe(colour, 512, gloss)
    for y, radius, visible in rows:
        width = max(2, int(round(radius * 2)))
        stripe = base.resize((width, 1), Image.BILINEAR)
        keep = max(1, int(round(visible * 2)))
        left = (width - keep) // 2
        stripe = stripe.crop((left, 0, left + keep, 1))
        scene.image.paste(stripe, (int(round(cx - keep / 2)), int(y)))


def profile_rows(top, bottom, radius_at, bottom_ry):
    """Rows of a solid whose radius follows radius_at(fraction 0..1), with an elliptical bottom."""
    rows = []
    height = bottom - top
    for y in range(int(top), int(bottom)):
        r = radius_at((y - top) / height)
        rows.append((y, r, r))
    r_end = radius_at(1.0)
    for y in range(int(bottom), int(bottom + bottom_ry)):
        f = (y - bottom) / bottom_ry
        rows.append((y, r_end, r_end * math.sqrt(max(0.0, 1 - f * f))))
    return rows


def ellipse(draw, cx, cy, rx, ry, **kwargs):
    draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], **kwargs)


def shaded_ellipse(scene, cx, cy, rx, ry, outer, inner):
    """An opening seen from above: a rim, and a darker inside lit from the left."""
    draw = ImageDraw.Draw(scene.image)
    ellipse(draw, cx, cy, rx, ry, fill=outer)
    layer = Image.new("RGB", (int(rx * 2), int(ry * 2)))
    d = ImageDraw.Draw(layer)
    for x in range(layer.width):
        t = x / layer.width
        d.line([(x, 0), (x, layer.height)], fill=mix(scaled(inner, 0.7), scaled(inner, 1.25), t))
    mask = Image.new("L", layer.size, 0)
    ImageDraw.Draw(mask).ellipse([rx * 0.06, ry * 0.1, rx * 1.94, ry * 1.9], fill=255)
    scene.image.paste(layer, (int(cx - rx), int(cy - ry)), mask)


def polygon(scene, points, fill):
    ImageDraw.Draw(scene.image).polygon([(float(x), float(y)) for x, y in points], fill=fill)


def gradient_polygon(scene, points, top, bottom, vertical=True):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, y0, x1, y1 = int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1
    layer = Image.new("RGB", (x1 - x0, y1 - y0))
    d = ImageDraw.Draw(layer)
    span = layer.height if vertical else layer.width
    for i in range(span):
        c = mix(top, bottom, i / max(1, span - 1))
        if vertical:
            d.line([(0, i), (layer.width, i)], fill=c)
        else:
            d.line([(i, 0), (i, layer.height)], fill=c)
    mask = Image.new("L", layer.size, 0)
    ImageDraw.Draw(mask).polygon([(x - x0, y - y0) for x, y in points], fill=255)
    scene.image.paste(layer, (x0, y0), mask)


# ---------------------------------------------------------------- products

def mug(scene, cx, floor, size, colour, inner=(238, 232, 222)):
    s = size * SS
    r, h = 0.5 * s, 0.95 * s
    top = floor - h
    scene.shadow(cx, floor, r * 1.25, r * 0.22)
    # handle: a thick ring on the right, drawn first so the body covers its ends
    handle = Image.new("L", (scene.w, scene.h), 0)
    hd = ImageDraw.Draw(handle)
    hx, hy = cx + r * 0.98, top + h * 0.48
    hd.ellipse([hx - r * 0.42, hy - h * 0.3, hx + r * 0.42, hy + h * 0.3], fill=255)
    hd.ellipse([hx - r * 0.24, hy - h * 0.18, hx + r * 0.24, hy + h * 0.18], fill=0)
    shade = Image.new("RGB", (scene.w, scene.h), scaled(colour, 0.62))
    scene.image.paste(shade, (0, 0), handle)
    hl = Image.new("L", (scene.w, scene.h), 0)
    ImageDraw.Draw(hl).arc([hx - r * 0.36, hy - h * 0.26, hx + r * 0.36, hy + h * 0.26], 200, 300,
                           fill=110, width=int(r * 0.05))
    scene.image.paste(Image.new("RGB", (scene.w, scene.h), (255, 255, 255)), (0, 0),
                      hl.filter(ImageFilter.GaussianBlur(r * 0.02)))
    ry = r * 0.22
    revolve(scene, cx, profile_rows(top, floor - ry, lambda f: r * (0.97 + 0.03 * f), ry), colour)
    shaded_ellipse(scene, cx, top, r, ry, scaled(colour, 1.12), inner)


def bottle(scene, cx, floor, size, colour, cap=(60, 60, 66), label=None):
    s = size * SS
    r, h = 0.36 * s, 1.55 * s
    top = floor - h
    scene.shadow(cx, floor, r * 1.3, r * 0.24)

    def radius(f):
        if f < 0.12:  # neck
            return r * 0.42
        if f < 0.3:  # shoulder
            g = (f - 0.12) / 0.18
            return r * (0.42 + 0.58 * math.sin(g * math.pi / 2))
        return r

    ry = r * 0.2
    revolve(scene, cx, profile_rows(top, floor - ry, radius, ry), colour, gloss=0.6)
    if label:
        text_colour, band = label
        y0, y1 = top + h * 0.5, top + h * 0.72
        revolve(scene, cx, [(y, r + 1, r + 1) for y in range(int(y0), int(y1))], band, gloss=0.15)
        font = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"), int(r * 0.32))
        draw = ImageDraw.Draw(scene.image)
        draw.text((cx - r * 0.1, (y0 + y1) / 2), "AQUA", font=font, fill=text_colour, anchor="mm")
    # the cap
    cap_top = top - r * 0.35
    revolve(scene, cx, profile_rows(cap_top, top + r * 0.12, lambda f: r * 0.47, r * 0.06), cap, gloss=0.5)
    ellipse(ImageDraw.Draw(scene.image), cx, cap_top, r * 0.47, r * 0.09, fill=scaled(cap, 1.3))


def gift_box(scene, x, floor, size, colour, ribbon=(224, 186, 82), bow=True):
    """A cube seen from a little above and to the left, with a ribbon crosswise."""
    s = size * SS
    w, d, h = s, s * 0.55, s * 0.8
    dx, dy = d * 0.75, -d * 0.5
    scene.shadow(x + w * 0.55 + dx * 0.5, floor + dy * 0.3, w * 0.75, d * 0.35, strength=0.5)
    fl, fr = (x, floor), (x + w, floor)
    tl, tr = (x, floor - h), (x + w, floor - h)
    front = [tl, tr, fr, fl]
    side = [tr, (tr[0] + dx, tr[1] + dy), (fr[0] + dx, fr[1] + dy), fr]
    lid = [tl, (tl[0] + dx, tl[1] + dy), (tr[0] + dx, tr[1] + dy), tr]
    gradient_polygon(scene, front, scaled(colour, 1.05), scaled(colour, 0.85))
    gradient_polygon(scene, side, scaled(colour, 0.68), scaled(colour, 0.55))
    gradient_polygon(scene, lid, scaled(colour, 1.3), scaled(colour, 1.15))
    # the lid's edge, a band a little darker than the box
    band = h * 0.16
    polygon(scene, [tl, tr, (tr[0], tr[1] + band), (tl[0], tl[1] + band)], scaled(colour, 0.95))
    polygon(scene, [tr, side[1], (side[1][0], side[1][1] + band), (tr[0], tr[1] + band)], scaled(colour, 0.6))
    ImageDraw.Draw(scene.image).line([(tl[0], tl[1] + band), (tr[0], tr[1] + band), (side[1][0], side[1][1] + band)],
                                     fill=scaled(colour, 0.5), width=int(2 * SS))
    # the ribbon: one band over the front, the lid and down the back; one across the lid
    # at half depth and down the side
    rw = w * 0.09
    mid = x + w * 0.45
    polygon(scene, [(mid - rw, tl[1]), (mid + rw, tl[1]), (mid + rw, floor), (mid - rw, floor)], ribbon)
    polygon(scene, [(mid - rw, tl[1]), (mid - rw + dx, tl[1] + dy), (mid + rw + dx, tl[1] + dy), (mid + rw, tl[1])],
            scaled(ribbon, 1.15))
    k = rw / w * 1.6  # the band's half width as a fraction of the depth
    at = lambda p, u: (p[0] + dx * u, p[1] + dy * u)  # noqa: E731 - a point moved back by u of the depth
    polygon(scene, [at(tl, 0.5 - k), at(tr, 0.5 - k), at(tr, 0.5 + k), at(tl, 0.5 + k)], scaled(ribbon, 1.08))
    polygon(scene, [at(tr, 0.5 - k), at(tr, 0.5 + k), at(fr, 0.5 + k), at(fr, 0.5 - k)], scaled(ribbon, 0.66))
    if bow:
        bx, by = at((mid, tl[1]), 0.5)
        draw = ImageDraw.Draw(scene.image)

        def loop(sign, rx, ry, colour):
            tilt = math.radians(-28 * sign)
            points = []
            for i in range(0, 360, 8):
                a = math.radians(i)
                ex, ey = rx + rx * math.cos(a), ry * math.sin(a)
                points.append((bx + sign * (ex * math.cos(tilt) - ey * math.sin(tilt)),
                               by + sign * (ex * math.sin(tilt) + ey * math.cos(tilt))))
            draw.polygon(points, fill=colour)

        for sign in (-1, 1):  # the tails, then the loops, then the knot
            draw.polygon([(bx, by), (bx + sign * w * 0.1, by + w * 0.12), (bx + sign * w * 0.05, by + w * 0.13)],
                         fill=scaled(ribbon, 0.8))
        for sign in (-1, 1):
            loop(sign, w * 0.12, w * 0.065, scaled(ribbon, 1.05 if sign < 0 else 0.88))
            loop(sign, w * 0.07, w * 0.03, scaled(ribbon, 0.7))
        ellipse(draw, bx, by, w * 0.04, w * 0.035, fill=scaled(ribbon, 1.12))


def chair(scene, x, floor, size, wood=(196, 150, 98), seat=None, facing=1):
    """A simple wooden chair, three-quarter view; facing -1 mirrors it."""
    s = size * SS
    seat = seat or wood
    w, d = s * 0.75, s * 0.42
    seat_y = floor - s * 0.78
    dx, dy = d * 0.7 * facing, -d * 0.45
    scene.shadow(x + w * 0.5 + dx * 0.5, floor + dy * 0.45, w * 0.85, d * 0.4, strength=0.35)
    draw = ImageDraw.Draw(scene.image)
    leg = s * 0.045
    front_l, front_r = x + leg, x + w - leg
    if facing < 0:
        front_l, front_r = x + leg, x + w - leg
    back_l, back_r = front_l + dx, front_r + dx

    def leg_at(lx, top, bottom, shade):
        gradient_polygon(scene, [(lx - leg, top), (lx + leg, top), (lx + leg * 0.8, bottom), (lx - leg * 0.8, bottom)],
                         scaled(wood, shade), scaled(wood, shade * 0.8), vertical=False)

    back_top = seat_y - s * 0.85
    # back legs rise to carry the backrest
    leg_at(back_l, back_top + dy, floor + dy, 0.7)
    leg_at(back_r, back_top + dy, floor + dy, 0.62)
    # the backrest: two rails between the back legs, with slats
    for ry in (back_top + dy + s * 0.03, back_top + dy + s * 0.28):
        gradient_polygon(scene, [(back_l, ry), (back_r, ry), (back_r, ry + s * 0.09), (back_l, ry + s * 0.09)],
                         scaled(wood, 1.05), scaled(wood, 0.78))
    for i in range(1, 4):
        sx = back_l + (back_r - back_l) * i / 4
        gradient_polygon(scene, [(sx - leg * 0.5, back_top + dy + s * 0.1), (sx + leg * 0.5, back_top + dy + s * 0.1),
                                 (sx + leg * 0.5, back_top + dy + s * 0.3), (sx - leg * 0.5, back_top + dy + s * 0.3)],
                         scaled(wood, 0.92), scaled(wood, 0.72), vertical=False)
    # the seat: a top and a front edge
    top = [(x, seat_y), (x + w, seat_y), (x + w + dx, seat_y + dy), (x + dx, seat_y + dy)]
    gradient_polygon(scene, top, scaled(seat, 1.02), scaled(seat, 1.2))
    edge = s * 0.06
    gradient_polygon(scene, [(x, seat_y), (x + w, seat_y), (x + w, seat_y + edge), (x, seat_y + edge)],
                     scaled(seat, 0.82), scaled(seat, 0.66))
    side_x = x + w if facing > 0 else x
    gradient_polygon(scene, [(side_x, seat_y), (side_x + dx, seat_y + dy), (side_x + dx, seat_y + dy + edge),
                             (side_x, seat_y + edge)], scaled(seat, 0.6), scaled(seat, 0.5))
    leg_at(front_l, seat_y + edge, floor, 0.95)
    leg_at(front_r, seat_y + edge, floor, 0.85)
    # a stretcher between the front legs
    ry = floor - s * 0.25
    draw.line([(front_l, ry), (front_r, ry)], fill=scaled(wood, 0.75), width=int(leg * 0.9))


def lamp(scene, cx, floor, size, shade=(236, 228, 210), metal=(70, 70, 74), lit=False):
    s = size * SS
    scene.shadow(cx, floor, s * 0.32, s * 0.07)
    base_r = s * 0.26
    revolve(scene, cx, profile_rows(floor - s * 0.07, floor - base_r * 0.18, lambda f: base_r, base_r * 0.18),
            metal, gloss=0.7)
    ellipse(ImageDraw.Draw(scene.image), cx, floor - s * 0.07, base_r, base_r * 0.18, fill=scaled(metal, 1.35))
    stem_top = floor - s * 1.05
    revolve(scene, cx, [(y, s * 0.025, s * 0.025) for y in range(int(stem_top), int(floor - s * 0.07))], metal, gloss=0.8)
    # the shade: a truncated cone, wider at the bottom
    top, bottom = stem_top - s * 0.45, stem_top + s * 0.05
    if lit:
        scene.glow((cx / scene.w, (bottom + s * 0.1) / scene.h), 0.32, (255, 214, 140), 0.55)
        cone = Image.new("L", (scene.w, scene.h), 0)
        ImageDraw.Draw(cone).polygon([(cx - s * 0.3, bottom), (cx + s * 0.3, bottom), (cx + s * 0.75, floor),
                                      (cx - s * 0.75, floor)], fill=70)
        scene.image.paste(Image.new("RGB", (scene.w, scene.h), (255, 226, 170)), (0, 0),
                          cone.filter(ImageFilter.GaussianBlur(s * 0.08)))
    colour = scaled(shade, 1.0) if not lit else (252, 226, 168)
    rows = profile_rows(top, bottom, lambda f: s * (0.2 + 0.2 * f), s * 0.06)
    revolve(scene, cx, rows, colour, gloss=0.1 if not lit else 0.0)
    ellipse(ImageDraw.Draw(scene.image), cx, top, s * 0.2, s * 0.035, fill=scaled(colour, 0.75))


def plant_pot(scene, cx, floor, size, clay=(196, 104, 66), leaves=(70, 128, 72), seed=1):
    s = size * SS
    rnd = random.Random(seed)
    r_top, r_bottom, h = s * 0.42, s * 0.3, s * 0.72
    top = floor - h
    scene.shadow(cx, floor, r_top * 1.2, r_top * 0.2)
    # leaves behind the rim first, then the pot, then leaves in front
    draw = ImageDraw.Draw(scene.image)

    def leaf(angle, length, width, colour):
        a = math.radians(angle)
        bx, by = cx + math.cos(a) * r_top * 0.2, top - s * 0.02
        tx, ty = bx + math.cos(a) * length, by - math.sin(a) * length
        nx, ny = -math.sin(a), -math.cos(a)
        points = []
        for i in range(0, 21):
            f = i / 20
            wdt = math.sin(f * math.pi) * width
            points.append((bx + (tx - bx) * f + nx * wdt, by + (ty - by) * f + ny * wdt))
        for i in range(20, -1, -1):
            f = i / 20
            wdt = math.sin(f * math.pi) * width
            points.append((bx + (tx - bx) * f - nx * wdt, by + (ty - by) * f - ny * wdt))
        draw.polygon(points, fill=colour)
        draw.line([(bx, by), (tx, ty)], fill=scaled(colour, 1.25), width=max(1, int(width * 0.12)))

    for i in range(14):
        angle = 20 + i * 140 / 13 + rnd.uniform(-8, 8)
        leaf(angle, s * rnd.uniform(0.55, 0.95), s * rnd.uniform(0.07, 0.11),
             scaled(leaves, rnd.uniform(0.7, 1.15)))
    ry = r_top * 0.2
    rim = s * 0.1
    revolve(scene, cx, profile_rows(top + rim, floor - ry, lambda f: r_top * 0.94 - (r_top * 0.94 - r_bottom) * f, ry),
            clay, gloss=0.08)
    revolve(scene, cx, [(y, r_top, r_top) for y in range(int(top), int(top + rim))], scaled(clay, 1.06), gloss=0.08)
    shaded_ellipse(scene, cx, top, r_top, ry, scaled(clay, 1.15), (78, 58, 44))
    for i in range(7):
        angle = 55 + i * 70 / 6 + rnd.uniform(-6, 6)
        leaf(angle, s * rnd.uniform(0.45, 0.7), s * rnd.uniform(0.07, 0.1), scaled(leaves, rnd.uniform(0.9, 1.25)))


def notebook(scene, x, floor, size, cover=(44, 74, 110), band=(30, 30, 34), angle=0.0):
    """A closed notebook lying on the floor, seen from above at a slant."""
    s = size * SS
    w, d, t = s * 0.75, s * 0.95, s * 0.07
    a = math.radians(angle)

    def pt(u, v):  # u across, v into the picture (foreshortened)
        ru = u * math.cos(a) - v * math.sin(a)
        rv = u * math.sin(a) + v * math.cos(a)
        return x + ru + rv * 0.45, floor - rv * 0.5

    corners = [pt(0, 0), pt(w, 0), pt(w, d), pt(0, d)]
    scene.shadow(sum(c[0] for c in corners) / 4 + s * 0.05, sum(c[1] for c in corners) / 4 + s * 0.05,
                 w * 0.75, d * 0.3, strength=0.35)
    # page block (the thickness), then the cover
    near = [corners[0], corners[1], (corners[1][0], corners[1][1] + t), (corners[0][0], corners[0][1] + t)]
    right = [corners[1], corners[2], (corners[2][0], corners[2][1] + t), (corners[1][0], corners[1][1] + t)]
    gradient_polygon(scene, near, (246, 242, 232), (214, 208, 196))
    gradient_polygon(scene, right, (228, 222, 210), (200, 194, 182))
    for i in range(1, 6):
        f = i / 6
        ImageDraw.Draw(scene.image).line([(near[0][0], near[0][1] + t * f), (near[1][0], near[1][1] + t * f)],
                                         fill=(196, 190, 178), width=1)
    gradient_polygon(scene, corners, scaled(cover, 1.25), scaled(cover, 0.9))
    # the elastic band, and the ribbon bookmark at the bottom edge
    draw = ImageDraw.Draw(scene.image)
    b0, b1 = pt(w * 0.82, 0), pt(w * 0.82, d)
    draw.line([b0, b1], fill=band, width=int(s * 0.025))
    draw.line([(b0[0], b0[1]), (b0[0], b0[1] + t)], fill=band, width=int(s * 0.025))
    r0 = pt(w * 0.35, 0)
    draw.polygon([(r0[0] - s * 0.015, r0[1] + t), (r0[0] + s * 0.015, r0[1] + t), (r0[0] + s * 0.02, r0[1] + t + s * 0.12),
                  (r0[0], r0[1] + t + s * 0.1), (r0[0] - s * 0.01, r0[1] + t + s * 0.12)], fill=(170, 40, 48))
    # a blind-embossed mark on the cover
    c = pt(w * 0.42, d * 0.55)
    ellipse(draw, c[0], c[1], s * 0.07, s * 0.035, outline=scaled(cover, 0.8), width=int(SS * 2))


# ---------------------------------------------------------------- logos

def logo(path, name, tagline, colour, accent, mark, date):
    scene = Scene(1000, 750, (246, 244, 240), (236, 233, 228), horizon=1.0)
    draw = ImageDraw.Draw(scene.image)
    cx, cy = scene.w * 0.5, scene.h * 0.4
    r = scene.h * 0.17
    ellipse(draw, cx, cy, r, r, fill=colour)
    ellipse(draw, cx, cy, r * 0.86, r * 0.86, outline=accent, width=int(3 * SS))
    mark(draw, cx, cy, r * 0.6, accent)
    title = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif-Bold.ttf"), int(62 * SS))
    small = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans.ttf"), int(26 * SS))
    draw.text((cx, cy + r * 1.75), name, font=title, fill=colour, anchor="mm")
    draw.text((cx, cy + r * 2.45), tagline, font=small, fill=scaled(colour, 1.6), anchor="mm")
    scene.save(path, date)


def sun_mark(draw, cx, cy, r, colour):
    draw.pieslice([cx - r * 0.6, cy - r * 0.3, cx + r * 0.6, cy + r * 0.9], 180, 360, fill=colour)
    for i in range(7):
        a = math.radians(180 + 15 + i * 25)
        draw.line([(cx + math.cos(a) * r * 0.75, cy + 0.3 * r + math.sin(a) * r * 0.75),
                   (cx + math.cos(a) * r * 1.05, cy + 0.3 * r + math.sin(a) * r * 1.05)], fill=colour, width=int(r * 0.09))
    draw.line([(cx - r, cy + r * 0.45), (cx + r, cy + r * 0.45)], fill=colour, width=int(r * 0.08))


def letter_mark(draw, cx, cy, r, colour):
    font = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"), int(r * 1.5))
    draw.text((cx, cy), "BL", font=font, fill=colour, anchor="mm")


# ---------------------------------------------------------------- the set

BLUE, CORAL, SAGE = (52, 92, 150), (222, 112, 92), (140, 168, 132)
TEAL, ORANGE = (32, 132, 136), (232, 128, 44)
WARM_WALL, WARM_FLOOR = (232, 226, 216), (212, 204, 192)
COOL_WALL, COOL_FLOOR = (222, 228, 232), (200, 206, 210)


def render(out):
    def scene(wall=WARM_WALL, floor=WARM_FLOOR, w=1000, h=750):
        return Scene(w, h, wall, floor)

    shots = []

    def shot(name, date, build, **kwargs):
        sc = scene(**kwargs)
        build(sc)
        sc.save(os.path.join(out, name), date)
        shots.append(name)

    f = lambda sc, fy: sc.h * fy  # noqa: E731 - a floor line as a fraction of the height

    shot("tas-1001-front.jpg", "2024:03:11 09:12:00", lambda sc: mug(sc, sc.w * 0.47, f(sc, 0.8), 330, BLUE))
    shot("tas-1001-colours.jpg", "2024:03:11 09:40:00", lambda sc: (
        mug(sc, sc.w * 0.22, f(sc, 0.78), 230, SAGE), mug(sc, sc.w * 0.7, f(sc, 0.78), 230, CORAL),
        mug(sc, sc.w * 0.45, f(sc, 0.86), 250, BLUE)))
    shot("tas-1001-detail.jpg", "2024:03:11 10:05:00", lambda sc: mug(sc, sc.w * 0.42, f(sc, 1.15), 720, BLUE),
         wall=(214, 222, 232), floor=(190, 198, 210))
    shot("fla-2040-front.jpg", "2024:03:12 11:02:00",
         lambda sc: bottle(sc, sc.w * 0.5, f(sc, 0.9), 470, TEAL, label=((250, 250, 250), (26, 96, 100))),
         w=800, h=1000, wall=COOL_WALL, floor=COOL_FLOOR)
    shot("fla-2040-pair.jpg", "2024:03:12 11:20:00", lambda sc: (
        bottle(sc, sc.w * 0.36, f(sc, 0.86), 330, ORANGE, cap=(240, 240, 236), label=((250, 250, 250), (190, 90, 24))),
        bottle(sc, sc.w * 0.62, f(sc, 0.9), 330, TEAL, label=((250, 250, 250), (26, 96, 100)))),
         wall=COOL_WALL, floor=COOL_FLOOR)
    shot("fla-2040-detail.jpg", "2024:03:12 11:35:00",
         lambda sc: bottle(sc, sc.w * 0.5, f(sc, 1.9), 900, TEAL, label=((250, 250, 250), (26, 96, 100))),
         w=800, h=1000, wall=COOL_WALL, floor=COOL_FLOOR)
    shot("box-3100-front.jpg", "2024:03:13 14:10:00",
         lambda sc: gift_box(sc, sc.w * 0.3, f(sc, 0.84), 360, (178, 36, 48)))
    shot("box-3100-stack.jpg", "2024:03:13 14:30:00", lambda sc: (
        gift_box(sc, sc.w * 0.14, f(sc, 0.86), 300, (40, 66, 110), bow=False),
        gift_box(sc, sc.w * 0.55, f(sc, 0.84), 230, (178, 36, 48), ribbon=(240, 236, 228)),
        gift_box(sc, sc.w * 0.2, f(sc, 0.86) - 300 * SS * 0.8 - 20 * SS, 200, (226, 196, 120), ribbon=(178, 36, 48))))
    shot("stu-4200-front.jpg", "2024:03:14 10:00:00", lambda sc: chair(sc, sc.w * 0.34, f(sc, 0.93), 470),
         w=800, h=1000)
    shot("stu-4200-side.jpg", "2024:03:14 10:20:00",
         lambda sc: chair(sc, sc.w * 0.42, f(sc, 0.93), 420, seat=(120, 130, 140), facing=-1), w=800, h=1000,
         wall=COOL_WALL, floor=COOL_FLOOR)
    shot("stu-4200-pair.jpg", "2024:03:14 10:45:00", lambda sc: (
        chair(sc, sc.w * 0.12, f(sc, 0.9), 400), chair(sc, sc.w * 0.55, f(sc, 0.94), 400, wood=(120, 84, 56))))
    shot("lam-5300-on.jpg", "2024:03:15 17:30:00", lambda sc: lamp(sc, sc.w * 0.5, f(sc, 0.9), 560, lit=True),
         w=800, h=1000, wall=(120, 110, 100), floor=(96, 88, 80))
    shot("lam-5300-off.jpg", "2024:03:15 17:45:00", lambda sc: lamp(sc, sc.w * 0.5, f(sc, 0.9), 560),
         w=800, h=1000)
    shot("top-6010-front.jpg", "2024:03:18 09:30:00", lambda sc: plant_pot(sc, sc.w * 0.5, f(sc, 0.88), 400, seed=3))
    shot("top-6010-trio.jpg", "2024:03:18 09:50:00", lambda sc: (
        plant_pot(sc, sc.w * 0.22, f(sc, 0.82), 230, seed=5, leaves=(96, 140, 80)),
        plant_pot(sc, sc.w * 0.76, f(sc, 0.84), 260, clay=(214, 206, 196), seed=7),
        plant_pot(sc, sc.w * 0.48, f(sc, 0.9), 320, seed=9, leaves=(52, 110, 70))))
    shot("top-6010-glazed.jpg", "2024:03:18 10:10:00",
         lambda sc: plant_pot(sc, sc.w * 0.5, f(sc, 0.88), 400, clay=(46, 90, 120), leaves=(88, 140, 60), seed=11),
         wall=COOL_WALL, floor=COOL_FLOOR)
    shot("not-7001-front.jpg", "2024:03:19 13:00:00",
         lambda sc: notebook(sc, sc.w * 0.22, f(sc, 0.76), 560, angle=-8), wall=(236, 232, 224), floor=(222, 216, 206))
    shot("not-7001-colours.jpg", "2024:03:19 13:20:00", lambda sc: (
        notebook(sc, sc.w * 0.08, f(sc, 0.8), 420, cover=(150, 44, 52), angle=10),
        notebook(sc, sc.w * 0.32, f(sc, 0.88), 420, cover=(70, 110, 80), angle=-4),
        notebook(sc, sc.w * 0.55, f(sc, 0.82), 420, cover=(44, 74, 110), angle=-14)),
         wall=(236, 232, 224), floor=(222, 216, 206))
    shot("set-breakfast.jpg", "2024:03:20 11:00:00", lambda sc: (
        plant_pot(sc, sc.w * 0.16, f(sc, 0.76), 210, seed=13),
        bottle(sc, sc.w * 0.42, f(sc, 0.78), 250, ORANGE, cap=(240, 240, 236), label=((250, 250, 250), (190, 90, 24))),
        notebook(sc, sc.w * 0.52, f(sc, 0.93), 300, angle=-10),
        mug(sc, sc.w * 0.3, f(sc, 0.9), 200, CORAL)))
    shot("set-office.jpg", "2024:03:20 11:40:00", lambda sc: (
        lamp(sc, sc.w * 0.78, f(sc, 0.84), 300),
        chair(sc, sc.w * 0.12, f(sc, 0.93), 330, seat=(120, 130, 140)),
        plant_pot(sc, sc.w * 0.62, f(sc, 0.92), 210, clay=(214, 206, 196), seed=17)), wall=COOL_WALL, floor=COOL_FLOOR)

    logo(os.path.join(out, "kunde-morgenrot-logo.jpg"), "Café Morgenrot", "Kaffeerösterei & Frühstück seit 1998",
         (150, 52, 44), (246, 196, 120), sun_mark, "2024:02:02 08:00:00")
    logo(os.path.join(out, "kunde-lindner-logo.jpg"), "Büro Lindner GmbH", "Büroausstattung · Planung · Service",
         (36, 60, 96), (236, 240, 246), letter_mark, "2024:02:05 08:00:00")
    shots += ["kunde-morgenrot-logo.jpg", "kunde-lindner-logo.jpg"]
    return shots


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(target, exist_ok=True)
    made = render(target)
    total = sum(os.path.getsize(os.path.join(target, name)) for name in made)
    for name in made:
        print(f"{name}: {os.path.getsize(os.path.join(target, name)) // 1024} KB")
    print(f"{len(made)} images, {total // 1024} KB")
