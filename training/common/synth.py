"""Synthetic zone crops: a strip of the protocol form around one figure, drawn like
/work/shared/devset-generator/gen_protocols.py draws it (A4 at 200 dpi), then degraded like a
scan or a phone photo, then cut the way the layout stage cuts zones (with its errors).

Handwriting fonts are far tidier than real hands, so glyphs get per-character scale, rotation,
shear, baseline and spacing jitter, stroke-width changes and pen-pressure variation.
"""
import glob, json, math, os, random
from functools import lru_cache
import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFont
from fontTools.ttLib import TTFont

ASSETS = os.environ.get("HATTAMA_ASSETS", "/tmp/hattama-assets")
GENERATOR = os.environ.get("HATTAMA_GENERATOR", "/work/shared/devset-generator")
RESERVED = ("caveat", "bad-script", "marck-script", "neucha")  # held-out test fonts
# Fonts kept out of training so that protocols rendered with them (PROTOCOL_FONTS) measure
# handwriting the model has never seen; all three cover Kazakh, as the generator requires.
HOLDOUT = ("playpen-sans", "marmelad", "balsamiq-sans")

FORM_FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"]
TYPED_FONTS = ["/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"]
# printers and typewriters seen on real protocols use more faces than the generator's three
TYPED_EXTRA = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
               "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf"]


@lru_cache(maxsize=None)
def _cmap(path):
    return frozenset(TTFont(path).getBestCmap() or {})


@lru_cache(maxsize=4096)
def _font(path, size):
    return ImageFont.truetype(path, size)


class Family:
    """A font family split into subset files (fontsource): each char uses the first file having it."""
    def __init__(self, name, paths):
        self.name, self.paths = name, list(paths)

    def covers(self, text):
        return all(ch == " " or any(ord(ch) in _cmap(p) for p in self.paths) for ch in text)

    def path_for(self, ch):
        for p in self.paths:
            if ord(ch) in _cmap(p):
                return p
        return self.paths[0]


def hand_families(text_needed="0123456789"):
    fams = []
    for d in sorted(glob.glob(os.path.join(ASSETS, "fonts", "*"))):
        name = os.path.basename(d)
        if any(name.startswith(r) for r in RESERVED):
            raise SystemExit(f"reserved test font found in training assets: {name}")
        if name in HOLDOUT:
            continue
        files = sorted(glob.glob(os.path.join(d, "*.woff")))
        for style in ("normal", "italic"):
            fs = [f for f in files if f.endswith(f"-400-{style}.woff")]
            # latin first so digits come from the latin subset, as browsers would pick them
            fs.sort(key=lambda f: (0 if "-latin-400" in f else 1 if "-latin-ext" in f else 2, f))
            if fs:
                fam = Family(f"{name}-{style}", fs)
                if fam.covers(text_needed):
                    fams.append(fam)
    return fams


def typed_families(text_needed="0123456789"):
    fams = [Family(os.path.basename(p), [p, TYPED_FONTS[1]]) for p in TYPED_FONTS + TYPED_EXTRA]
    return [f for f in fams if f.covers(text_needed)]


@lru_cache(maxsize=20000)
def glyph(path, size, ch):
    """Ink mask of one glyph (uint8) and its offset from the PIL draw origin."""
    f = _font(path, size)
    l, t, r, b = f.getbbox(ch)
    p = 2
    w, h = max(1, r - l), max(1, b - t)
    im = Image.new("L", (w + 2 * p, h + 2 * p), 0)
    ImageDraw.Draw(im).text((p - l, p - t), ch, font=f, fill=255)
    return np.array(im), (l - p, t - p), f.getlength(ch)


def load_mnist():
    out = []
    for d in range(10):
        with open(os.path.join(ASSETS, "mnist", f"{d}.json")) as fh:
            a = np.array(json.load(fh)["data"], np.float32).reshape(-1, 28, 28)
        out.append((a * 255).astype(np.uint8))
    return out


def paste_max(canvas, m, x, y, alpha=1.0):
    h, w = m.shape
    x, y = int(round(x)), int(round(y))
    H, W = canvas.shape
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x0 >= x1 or y0 >= y1:
        return
    src = m[y0 - y:y1 - y, x0 - x:x1 - x].astype(np.float32) * (alpha / 255.0)
    np.maximum(canvas[y0:y1, x0:x1], src, out=canvas[y0:y1, x0:x1])


def warp_glyph(rng, m, scale, rot_deg, shear):
    """Affine-jitters a glyph mask about its centre; returns the mask and the shift of its
    top-left corner so that the centre stays put."""
    h, w = m.shape
    pad = int(0.35 * max(h, w)) + 2
    big = cv2.copyMakeBorder(m, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
    cx, cy = big.shape[1] / 2, big.shape[0] / 2
    a = math.radians(rot_deg)
    A = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]]) @ np.array([[1, shear], [0, 1]]) * scale
    M = np.hstack([A, (np.array([cx, cy]) - A @ np.array([cx, cy]))[:, None]]).astype(np.float32)
    out = cv2.warpAffine(big, M, (big.shape[1], big.shape[0]), flags=cv2.INTER_LINEAR, borderValue=0)
    return out, -pad


class Style:
    """How one writer (or printer) draws characters in one sample."""
    def __init__(self, rng, kind, fam=None, size=40, mnist=None):
        self.kind, self.fam, self.size, self.mnist = kind, fam, size, mnist
        r = rng
        self.slant = r.uniform(-0.25, 0.35) if kind != "typed" else (r.uniform(-0.05, 0.05) if r.random() < 0.3 else 0)
        self.jit_scale = r.uniform(0.0, 0.12) if kind != "typed" else 0.0
        self.jit_rot = r.uniform(0, 7) if kind != "typed" else 0.0
        self.jit_shear = r.uniform(0, 0.12) if kind != "typed" else 0.0
        self.jit_base = r.uniform(0.5, 3.5) if kind != "typed" else r.uniform(0, 0.4)
        self.spacing = r.uniform(-0.08, 0.25) if kind != "typed" else r.uniform(-0.02, 0.08)
        self.adv_jit = 0.08 if kind != "typed" else 0.0
        self.pressure = r.uniform(0.75, 1.0) if kind != "typed" else r.uniform(0.85, 1.0)
        # condensed hands (Amatic-like) were the dev set's only misreads: reach down to 0.6
        self.xscale = (r.uniform(0.6, 1.25) if r.random() < 0.5 else r.uniform(0.85, 1.15)) if kind != "typed" else r.uniform(0.9, 1.1)
        self.mnist_h = r.uniform(0.6, 0.8)
        # connected cursive: each character joined to the next by a pen stroke, often touching
        self.connect = kind != "typed" and r.random() < 0.22
        if self.connect:
            self.spacing = r.uniform(-0.18, 0.05)
        elif kind != "typed" and r.random() < 0.15:  # back-slanted and strongly forward-slanted hands
            self.slant = r.choice([r.uniform(-0.45, -0.2), r.uniform(0.35, 0.55)])
        elif kind != "typed" and r.random() < 0.12:  # letters set apart, as some write on a long rule
            self.spacing = r.uniform(0.35, 1.0)
        self.drop_first = 0.0  # how far the first character hangs below the others (fraction of size)

    def vextent(self, text):
        """Top and bottom of the text's ink relative to the draw origin (before jitter)."""
        if self.kind == "mnist":
            return self.size * (0.95 - self.mnist_h), self.size * 0.95
        tops, bots = [], []
        for ch in set(text) - {" "}:
            l, t, r, b = _font(self.fam.path_for(ch), self.size).getbbox(ch)
            tops.append(t)
            bots.append(b)
        return (min(tops), max(bots)) if tops else (0, self.size)

    def draw(self, rng, canvas, x, y_top, text):
        """Draws text with its PIL draw origin at (x, y_top); returns the end x."""
        prev = None  # right end of the previous character's ink (x, y), for connected hands
        for i, ch in enumerate(text):
            if ch == " ":
                x += self.size * rng.uniform(0.25, 0.4)
                continue
            if self.kind == "mnist" and ch.isdigit():
                src = self.mnist[int(ch)]
                m = src[rng.randrange(len(src))]
                ys, xs = np.nonzero(m > 20)
                m = m[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
                th = self.size * self.mnist_h * rng.uniform(0.92, 1.08)
                tw = max(2, m.shape[1] * th / m.shape[0] * self.xscale)
                m = cv2.resize(m, (int(round(tw)), int(round(th))), interpolation=cv2.INTER_LINEAR)
                off = (0, int(self.size * 0.95 - th))  # digits sit on the same baseline as fonts'
                adv = tw + self.size * (0.12 + 0.5 * max(0, self.spacing))
            else:
                path = self.fam.path_for(ch)
                m, off, adv = glyph(path, self.size, ch)
                if self.xscale != 1.0 or self.kind != "typed":
                    m = cv2.resize(m, (max(1, int(round(m.shape[1] * self.xscale))), m.shape[0]))
                    adv *= self.xscale
                adv += self.spacing * self.size * 0.5
            if self.kind != "typed":
                s = 1 + rng.uniform(-self.jit_scale, self.jit_scale)
                m, d = warp_glyph(rng, m, s, rng.uniform(-self.jit_rot, self.jit_rot),
                                  self.slant + rng.uniform(-self.jit_shear, self.jit_shear))
                off = (off[0] + d, off[1] + d)
                adv *= 1 + rng.uniform(-self.adv_jit, self.adv_jit)
            dy = rng.gauss(0, self.jit_base) + (self.drop_first * self.size if i == 0 else 0)
            a = self.pressure * (rng.uniform(0.85, 1.0) if self.kind != "typed" else 1.0)
            gx, gy = x + off[0], y_top + off[1] + dy
            paste_max(canvas, m, gx, gy, a)
            if self.connect:
                ends = _ink_ends(m)
                if ends and prev is not None and rng.random() < 0.85:
                    (lx, ly), _ = ends
                    join(rng, canvas, prev, (gx + lx, gy + ly), a, max(2, int(round(self.size / 18))))
                prev = (gx + ends[1][0], gy + ends[1][1]) if ends else None
            x += adv
        return x


def _ink_ends(m):
    """Leftmost and rightmost ink points of a glyph mask (lower half preferred, where pens join)."""
    ys, xs = np.nonzero(m > 90)
    if len(xs) == 0:
        return None
    low = ys >= (ys.min() + ys.max()) / 2
    lx_i = np.argmin(np.where(low, xs, 10 ** 6))
    rx_i = np.argmax(np.where(low, xs, -1))
    return (xs[lx_i], ys[lx_i]), (xs[rx_i], ys[rx_i])


def join(rng, canvas, a, b, alpha, width):
    """A joining pen stroke from a to b, sagging a little like a ligature."""
    (x0, y0), (x1, y1) = a, b
    mx, my = (x0 + x1) / 2, max(y0, y1) + rng.uniform(-2, 6)
    pts = [(x0 + (x1 - x0) * t, (1 - t) ** 2 * y0 + 2 * t * (1 - t) * my + t * t * y1) for t in np.linspace(0, 1, 8)]
    tmp = np.zeros_like(canvas)
    cv2.polylines(tmp, [np.int32(np.round(pts))], False, float(alpha), width, cv2.LINE_AA)
    np.maximum(canvas, tmp, out=canvas)


def form_text(canvas, x, y, text, path, size):
    """Printed form text (labels, hints), black."""
    for ch in text:
        if ch == " ":
            x += _font(path, size).getlength(" ")
            continue
        m, off, adv = glyph(path, size, ch)
        paste_max(canvas, m, x + off[0], y + off[1], 1.0)
        x += adv
    return x


def stroke_width(rng, ink, size):
    r = rng.random()
    if r < 0.08:  # felt-tip and thick ballpoint
        ink = cv2.dilate(ink, np.ones((4, 4), np.uint8) if rng.random() < 0.6 else np.ones((5, 5), np.uint8))
    elif r < 0.25:
        k = 2 if size < 40 or rng.random() < 0.6 else 3
        ink = cv2.dilate(ink, np.ones((k, k), np.uint8))
    elif r < 0.4:
        ink = cv2.erode(ink, np.ones((2, 2), np.uint8))
    return ink


def scribble(rng, canvas, x, y, size):
    """A stray stroke: a neighbour's figure or a pen slip at the edge of a zone."""
    pts = [(x, y)]
    for _ in range(rng.randint(1, 3)):
        px, py = pts[-1]
        pts.append((px + rng.uniform(-1, 1) * size * 0.6, py + rng.uniform(-1, 1) * size * 0.6))
    tmp = np.zeros_like(canvas)
    cv2.polylines(tmp, [np.int32(pts)], False, rng.uniform(0.6, 1.0), rng.choice([2, 2, 3]), cv2.LINE_AA)
    np.maximum(canvas, tmp, out=canvas)



def stray_strokes(rng, ink, box, size, n=1):
    """n stray strokes at the left or right edge of the cut."""
    for _ in range(n):
        side = rng.choice([box[0] + rng.uniform(-10, 10), box[2] + rng.uniform(-10, 10)])
        scribble(rng, ink, side, rng.uniform(box[1], box[3]), size)


def table_cell(form, left, top, width):
    """The party table's rows (96 px) across the strip and the borders of the cell at (left, top)."""
    H, W = form.shape
    for yy in (top - 96, top, top + 96, top + 192):
        cv2.line(form, (0, yy), (W - 1, yy), 1.0, 2)
    for xx in (left, left + width):
        cv2.line(form, (xx, 0), (xx, H - 1), 1.0, 2)


def cell_cut(rng, left, top, width):
    """The layout stage's cut of a table cell: each side a few px off."""
    return [left + rng.uniform(-9, 7), top + rng.uniform(-9, 6), left + width + rng.uniform(-7, 9), top + 96 + rng.uniform(-6, 9)]


def rule_cut(rng, x0, x1, rule, right):
    """The layout stage's cut of the zone above a rule from x0 to x1: 50-74 px high, stopping short
    of the rule or taking it and a few px below; right: how far off the right end may be."""
    return [x0 + rng.uniform(-18, 12), rule - rng.uniform(50, 74), x1 + rng.uniform(*right),
            rule + rng.choice([rng.uniform(-2, 9), rng.uniform(2, 9)])]


def place_on_rule(rng, style, text, R, writers_share):
    """The top of the writing for a rule at R: on it (most writers), as the generator places fonts,
    or through and below it, running into the printed hint (fast writers, small rules); sometimes
    the first character alone hangs through the rule."""
    top, bot = style.vextent(text)
    r = rng.random()
    if style.kind != "typed" and r < 0.22:
        ytop = R - bot + (bot - top) * rng.uniform(0.1, 0.6)
    elif r < writers_share:
        ytop = R - bot - rng.uniform(1, 8)
    else:
        ytop = R - style.size - 4 + rng.uniform(-7, 5)
    if style.kind != "typed" and len(text) > 1 and rng.random() < 0.1:
        style.drop_first = rng.uniform(0.15, 0.5)
    return ytop


def ink_grey(rng, kind):
    if kind == "typed":
        return rng.uniform(5, 40)
    if rng.random() < 0.12:  # violet or faded ink
        return rng.uniform(70, 115)
    return rng.choice([rng.uniform(35, 70), rng.uniform(15, 40)])  # blue ballpoint in grey, or black


def scan_or_photo(rng, ink, form, kind, box):
    """The finished strip captured by a scanner or a phone and cut at box; returns (crop, mode)."""
    mode = "photo" if rng.random() < 0.55 else "scan"
    return capture(rng, ink, form, ink_grey(rng, kind), mode, [int(round(v)) for v in box]), mode


# shares of the captures that get each hard condition (none of them rare on election night)
SEAL_SHARE, CREASE_SHARE, SHAKE_SHARE, LOW_RES_SHARE, STRONG_JPEG_SHARE = 0.12, 0.08, 0.10, 0.15, 0.15
SEAL_TEXT = "УЧАСТКОВАЯИЗБИРАТЕЛЬНАЯКОМИССИЯУЧАСКЕЛІКСАЙЛАУКОМИССИЯСЫ№0123456789"


def seal_layer(rng, H, W, box):
    """A round commission seal near the zone: one or two rings and a ring of capitals, as a mask."""
    m = np.zeros((H, W), np.float32)
    x0, y0, x1, y1 = box
    r = rng.uniform(110, 190)
    cx = rng.uniform(x0 - 0.5 * r, x1 + 0.5 * r)
    cy = rng.choice([y0 - r * rng.uniform(0.2, 1.0), y1 + r * rng.uniform(0.2, 1.0), (y0 + y1) / 2 + rng.uniform(-r, r)])
    t = rng.choice([2, 3, 4])
    cv2.circle(m, (int(cx), int(cy)), int(r), 1.0, t, cv2.LINE_AA)
    inner = r * rng.uniform(0.68, 0.76)
    if rng.random() < 0.7:
        cv2.circle(m, (int(cx), int(cy)), int(inner), 1.0, max(1, t - 1), cv2.LINE_AA)
    size = max(10, int((r - inner) * 0.7))
    path = FORM_FONTS[2]
    rr = (r + inner) / 2
    n = int(2 * math.pi * rr / (size * 0.75))
    phase = rng.uniform(0, 2 * math.pi)
    for k in range(n):
        ang = phase + 2 * math.pi * k / n
        px, py = cx + rr * math.cos(ang), cy + rr * math.sin(ang)
        if not (-size < px < W + size and -size < py < H + size):
            continue  # only the letters that can reach the strip
        g, _, _ = glyph(path, size, rng.choice(SEAL_TEXT))
        g, _ = warp_glyph(rng, g, 1.0, -math.degrees(ang) - 90, 0)
        paste_max(m, g, px - g.shape[1] / 2, py - g.shape[0] / 2, 1.0)
    # uneven pressure: seals print patchy
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    m *= np.clip(0.75 + 0.35 * np.sin(xx / rng.uniform(15, 60) + rng.uniform(0, 6)) * np.cos(yy / rng.uniform(15, 60)), 0.3, 1.0)
    return m


def crease(rng, img, box):
    """A fold across the strip: a dark hair line with a bright edge beside it."""
    H, W = img.shape
    x0, y0, x1, y1 = box
    if rng.random() < 0.6:  # across the writing, nearly horizontal
        y = rng.uniform(y0, y1)
        a = math.tan(math.radians(rng.uniform(-6, 6)))
        p0, p1 = (0, y - a * W / 2), (W, y + a * W / 2)
    else:
        x = rng.uniform(x0, x1)
        a = math.tan(math.radians(rng.uniform(-8, 8)))
        p0, p1 = (x - a * H / 2, 0), (x + a * H / 2, H)
    dark, bright = np.zeros((H, W), np.float32), np.zeros((H, W), np.float32)
    cv2.line(dark, tuple(int(v) for v in p0), tuple(int(v) for v in p1), 1.0, rng.choice([1, 2]), cv2.LINE_AA)
    off = rng.choice([-2, 2])
    cv2.line(bright, (int(p0[0]), int(p0[1]) + off), (int(p1[0]), int(p1[1]) + off), 1.0, 2, cv2.LINE_AA)
    img = img * (1 - dark * rng.uniform(0.2, 0.55))
    return np.minimum(255, img * (1 + bright * rng.uniform(0.03, 0.1)))


def motion_blur(rng, img):
    """Hand shake: a short straight smear at a random angle."""
    n = rng.randint(3, 9)
    k = np.zeros((n, n), np.float32)
    k[n // 2, :] = 1
    M = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), rng.uniform(0, 180), 1.0)
    k = cv2.warpAffine(k, M, (n, n))
    return cv2.filter2D(img, -1, k / max(k.sum(), 1e-6))


_NOISE = []


def noise(rng, shape, sigma):
    """Unit Gaussian noise cut from a fixed bank: drawing fresh noise was most of the cost."""
    if not _NOISE:
        _NOISE.append(np.random.default_rng(12345).standard_normal((1024, 1536)).astype(np.float32))
    b = _NOISE[0]
    h, w = shape
    y, x = rng.randrange(b.shape[0] - h), rng.randrange(b.shape[1] - w)
    return b[y:y + h, x:x + w] * sigma


def capture(rng, canvas_ink, canvas_form, ink_grey, mode, crop_box):
    """Composes the page strip, degrades it like a scan or photo, returns the grey crop."""
    # work on the crop and a margin only (blur and rotation need a little context)
    x0, y0, x1, y1 = crop_box
    m = 24
    ox, oy = max(0, x0 - m), max(0, y0 - m)
    canvas_ink = canvas_ink[oy:y1 + m, ox:x1 + m]
    canvas_form = canvas_form[oy:y1 + m, ox:x1 + m]
    crop_box = [x0 - ox, y0 - oy, x1 - ox, y1 - oy]
    H, W = canvas_ink.shape
    paper = rng.uniform(228, 252) if mode == "photo" else rng.uniform(238, 254)
    img = np.full((H, W), paper, np.float32)
    img += cv2.GaussianBlur(noise(rng, (H, W), rng.uniform(0, 5)), (0, 0), 2.0)
    img = img * (1 - canvas_form) + rng.uniform(0, 30) * canvas_form
    img = img * (1 - canvas_ink) + ink_grey * canvas_ink
    x0, y0, x1, y1 = crop_box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if rng.random() < SEAL_SHARE:  # violet seal ink multiplies over paper, rules and figures alike
        s = seal_layer(rng, H, W, crop_box) * rng.uniform(0.45, 0.95)
        img *= 1 - s * (1 - rng.uniform(80, 150) / 255.0)
    if rng.random() < CREASE_SHARE:
        img = crease(rng, img, crop_box)
    if mode == "scan":
        ang, scale = rng.uniform(-1.2, 1.2), rng.uniform(0.95, 1.05)
        M = cv2.getRotationMatrix2D((cx, cy), ang, scale)
        img = cv2.warpAffine(img, M, (W, H), borderValue=float(paper), flags=cv2.INTER_LINEAR)
        img += noise(rng, img.shape, 6)
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.3, 0.9))
        g = np.clip(img, 0, 255).astype(np.uint8)
        k = scale
    else:
        ang = rng.uniform(-2.0, 2.0)
        k = rng.uniform(0.72, 1.15)  # photo resolution relative to 200 dpi
        M = cv2.getRotationMatrix2D((cx, cy), ang, 1.0)
        M[0, 1] += rng.uniform(-0.03, 0.03)  # residual perspective as shear
        M[1, 0] += rng.uniform(-0.02, 0.02)
        img = cv2.warpAffine(img, M, (W, H), borderValue=float(paper), flags=cv2.INTER_LINEAR)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        light = rng.uniform(0.62, 1.02) + rng.uniform(-0.15, 0.15) * (xx / W - 0.5) + rng.uniform(-0.1, 0.1) * (yy / H - 0.5)
        if rng.random() < 0.3:
            sx, sy, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.2, 0.8) * W
            light *= 1 - rng.uniform(0.1, 0.35) * np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * r * r)))
        img *= light
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.7))
        if rng.random() < SHAKE_SHARE:
            img = motion_blur(rng, img)
        img += noise(rng, img.shape, 5)
        if rng.random() < LOW_RES_SHARE:  # old phones and messenger copies: figures 12-20 px high
            k = rng.uniform(0.42, 0.72)
        img = cv2.resize(np.clip(img, 0, 255).astype(np.uint8), (max(8, int(W * k)), max(8, int(H * k))), interpolation=cv2.INTER_AREA)
        q = rng.randint(45, 88) if rng.random() > STRONG_JPEG_SHARE else rng.randint(22, 45)
        ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q])
        g = cv2.imdecode(enc, cv2.IMREAD_GRAYSCALE)
    x0, y0, x1, y1 = (int(round(v * k)) for v in crop_box)
    return np.ascontiguousarray(g[max(0, y0):y1, max(0, x0):x1])
