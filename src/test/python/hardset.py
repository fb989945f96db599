#!/usr/bin/env python3
"""Hard captures: protocols drawn by the dev-set generator under the conditions that broke reading
in the field, each protocol's mix recorded in its truth record.

usage: hardset.py OUT COUNT SEED [--hands DIR] [--plain] [--hand-share P]

  --hands DIR   add the families under DIR (one folder per family, e.g. holdout_fonts.py's) to the
                generator's own; with --plain, use only them (a held-out hands set)
  --plain       no conditions: the generator's output exactly (same rng order), with the hand's
                family recorded in each truth record
  --hand-share  share of handwritten protocols (default 0.6 with --plain, else 0.85)

The generator's modules are imported (GENERATOR, default /work/shared/devset-generator); its random
stream is left as it is and the conditions draw from a second one, so the figures, the words and
the truth are those the generator makes for SEED. The writing conditions are applied while the
figures are drawn (the generator's draw_text is wrapped); the paper and capture ones on the page:

  writing_on_rule, writing_through_rule, writing_below_rule   figures (and words) shifted down onto,
      through or under their rule, into the hint line below; about half the figures of the protocol
  lead_digit_on_rule   the first digit of some figures dropped through the rule (2367 read as 367)
  connected_digits     digits run together with a joining stroke, as connected cursive does
  thick_pen            a felt-tip: strokes 1-2 px fatter
  seal                 a violet round seal (ring of text with the precinct number, a star), semi-
                       transparent, multiplied onto the signature block; seal_over_figure: onto a figure
  crease_h, crease_v   a fold across the whole sheet: a dark line, a light edge, a soft shadow;
                       crease_rulelike: a horizontal one between a value line and its neighbour,
                       thin and dark enough to pass for a rule
  shake_blur           hand-shake motion blur (photos)
  photo_1500_2300      photos downscaled to a long side of 1500-2300 px
  rotated_90, rotated_180, rotated_270   scans fed in sideways or upside down
  messenger            re-sent through a messenger: long side 1280 px, JPEG quality 60-80

Truth: the generator's record (file, lang, precinct, capture, handwritten, fields, parties,
violation, words_differ) plus hand (family, or null for typed), hand_set (generator or the --hands
folder's name) and conditions; score.py and Hattama's benchmark read it as they read the generator's.
"""
import argparse, glob, json, math, os, random, sys
import numpy as np, cv2
from PIL import Image, ImageDraw, ImageFont

GENERATOR = os.environ.get("GENERATOR", "/work/shared/devset-generator")
sys.path.insert(0, GENERATOR)
import gen_protocols as gen  # noqa: E402
import forms  # noqa: E402

SEAL_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FORM_INK = (0, 0, 0)


def families(root):
    fams = {}
    for d in sorted(glob.glob(os.path.join(root, "*"))):
        files = sorted(glob.glob(os.path.join(d, "*-400-normal.woff")))
        if files:
            fams[os.path.basename(d)] = files
    return fams


class Pen:
    """How this protocol's figures are written; None of these set draws exactly as the generator."""
    def __init__(self, crng=None):
        self.crng = crng
        self.shift = None       # (name, low, high): downward shift as a share of the font size
        self.lead = False
        self.connected = False
        self.stroke = 0

    def active(self):
        return bool(self.shift or self.lead or self.connected or self.stroke)


PEN = Pen()
_plain_draw_text = gen.draw_text


def draw_text(draw, xy, text, fs, fill, jitter=0.0, rng=None):
    """The generator's draw_text, with this protocol's pen for the filled-in text (not the form's)."""
    if not PEN.active() or fill == FORM_INK or not text.strip():
        return _plain_draw_text(draw, xy, text, fs, fill, jitter, rng)
    c = PEN.crng
    size = fs.faces[0][0].size
    digits = text.isdigit()
    shift = 0.0
    if PEN.shift and c.random() < 0.55:
        shift = size * c.uniform(PEN.shift[1], PEN.shift[2])
    x, y = xy
    placed = []
    for i, ch in enumerate(text):
        f = fs.face(ch)
        dy = rng.gauss(0, jitter) if jitter else 0
        if digits and i == 0 and len(text) > 1 and PEN.lead and c.random() < 0.5:
            dy += size * c.uniform(0.3, 0.6)
        if digits and PEN.connected and placed:
            # connected cursive: this digit starts where the last one's ink ends, touching it
            px, _, pch, pf = placed[-1]
            x = min(x, px + pf.getbbox(pch)[2] - f.getbbox(ch)[0] - c.uniform(1, 4))
        placed.append((x, y + dy + shift, ch, f))
        x += f.getlength(ch) * (1 + (rng.uniform(-0.06, 0.06) if jitter else 0))
    for px, py, ch, f in placed:
        draw.text((px, py), ch, font=f, fill=fill, stroke_width=PEN.stroke, stroke_fill=fill)
    if digits and PEN.connected:
        for (ax, ay, ach, af), (bx, by, bch, bf) in zip(placed, placed[1:]):
            l0, t0, r0, b0 = af.getbbox(ach)
            l1, t1, r1, b1 = bf.getbbox(bch)
            # the exit stroke of a cursive digit: from its foot up to the middle of the next one
            draw.line([(ax + r0 - 2, ay + b0 - 3), (bx + l1 + 3, by + (t1 + b1) / 2)], fill=fill,
                      width=max(2, 2 + PEN.stroke))
    return x


gen.draw_text = draw_text


# --- paper -------------------------------------------------------------------------------------

def seal(page, crng, lang, pec, place, centre):
    """A violet round commission seal multiplied onto the page (RGB float array) around centre."""
    nr = np.random.default_rng(crng.randrange(1 << 30))
    R = crng.randint(140, 170)
    S = 2 * R + 20
    layer = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(layer)
    c = S / 2
    d.ellipse((c - R, c - R, c + R, c + R), outline=255, width=5)
    d.ellipse((c - R + 10, c - R + 10, c + R - 10, c + R - 10), outline=255, width=2)
    ri = R * 0.55
    d.ellipse((c - ri, c - ri, c + ri, c + ri), outline=255, width=2)
    city = place.split(",")[0].upper()
    ring = (f"УЧАСТКОВАЯ ИЗБИРАТЕЛЬНАЯ КОМИССИЯ № {pec} * {city} * " if lang == "ru"
            else f"№ {pec} УЧАСКЕЛІК САЙЛАУ КОМИССИЯСЫ * {city} * ")
    font = ImageFont.truetype(SEAL_FONT, max(14, int(R * 0.14)))
    rt = (R - 10 + ri) / 2
    total = sum(font.getlength(ch) for ch in ring)
    scale = 2 * math.pi * rt * 0.97 / total
    a = -math.pi / 2
    for ch in ring:
        w = font.getlength(ch) * scale
        a += w / 2 / rt
        g = Image.new("L", (int(font.size * 1.6), int(font.size * 1.6)), 0)
        ImageDraw.Draw(g).text((g.width / 2, g.height / 2), ch, font=font, fill=255, anchor="mm")
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        layer.paste(g, (int(c + rt * math.cos(a) - g.width / 2), int(c + rt * math.sin(a) - g.height / 2)), g)
        a += w / 2 / rt
    star = [(c + (ri * 0.75 if k % 2 == 0 else ri * 0.3) * math.cos(-math.pi / 2 + k * math.pi / 5),
             c + (ri * 0.75 if k % 2 == 0 else ri * 0.3) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    d.polygon(star, fill=255)
    layer = layer.rotate(crng.uniform(0, 360), resample=Image.BICUBIC)
    m = np.asarray(layer, np.float32) / 255
    # uneven ink: pressed harder on one side, speckled, with faint patches
    yy, xx = np.mgrid[0:S, 0:S].astype(np.float32)
    ang = crng.uniform(0, 2 * math.pi)
    press = 0.75 + 0.35 * ((xx - c) * math.cos(ang) + (yy - c) * math.sin(ang)) / R
    blot = cv2.GaussianBlur(nr.random((S, S)).astype(np.float32), (0, 0), 6)
    blot = np.clip((blot - blot.mean()) / (blot.std() + 1e-6) * 0.35 + 1, 0.2, 1.3)
    m = cv2.GaussianBlur(m, (0, 0), 0.9) * np.clip(press, 0.3, 1.1) * blot * crng.uniform(0.55, 0.85)
    m *= nr.random((S, S)) > 0.06
    m = np.clip(m, 0, 1)
    colour = np.array([crng.randint(95, 135), crng.randint(45, 85), crng.randint(155, 205)], np.float32) / 255
    h, w = page.shape[:2]
    x0, y0 = int(centre[0] - S / 2), int(centre[1] - S / 2)
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(w, x0 + S), min(h, y0 + S)
    if xa >= xb or ya >= yb:
        return
    mm = m[ya - y0:yb - y0, xa - x0:xb - x0, None]
    page[ya:yb, xa:xb] *= 1 - mm * (1 - colour)  # multiply: the ink under the seal stays dark


def crease(page, crng, axis, at, rulelike):
    """A fold across the whole sheet at row (axis 0) or column (axis 1) `at` of the page array."""
    nr = np.random.default_rng(crng.randrange(1 << 30))
    h, w = page.shape[:2]
    n, along = (h, w) if axis == 0 else (w, h)
    # the fold is not quite straight: a slight tilt and a slow wander
    wander = np.cumsum(nr.normal(0, 0.15, along)).astype(np.float32)
    wander -= np.linspace(wander[0], wander[-1], along)
    pos = at + np.linspace(0, crng.uniform(-12, 12), along) + np.clip(wander, -3, 3)
    idx = np.arange(n, dtype=np.float32)[:, None] - pos[None, :]  # signed distance, n x along
    side = crng.choice([-1, 1])
    if rulelike:
        core, cw, shade, sw = crng.uniform(0.35, 0.55), crng.uniform(0.9, 1.4), crng.uniform(0.04, 0.1), crng.uniform(4, 10)
    else:
        core, cw, shade, sw = crng.uniform(0.6, 0.85), crng.uniform(0.7, 1.2), crng.uniform(0.08, 0.2), crng.uniform(10, 35)
    f = 1 - (1 - core) * np.exp(-(idx / cw) ** 2)
    f -= shade * np.exp(-np.maximum(idx * side, 0) / sw) * (idx * side > 0)
    light = crng.uniform(0.03, 0.08)
    f += light * np.exp(-np.maximum(-idx * side - 1.5, 0) / 3) * (idx * side < -1.5)
    f *= 1 + nr.normal(0, 0.04, (1, along)).astype(np.float32) * np.exp(-(idx / 2) ** 2)  # worn paper fibre
    f = np.clip(f, 0.2, 1.1)
    if axis == 1:
        f = f.T
    page *= f[..., None]
    np.clip(page, 0, 255, out=page)


def motion_blur(img, crng):
    a = np.asarray(img).astype(np.float32)
    k = crng.randint(5, 15)
    ang = crng.uniform(0, 180)
    ker = np.zeros((k, k), np.float32)
    ker[k // 2, :] = 1
    ker = cv2.warpAffine(ker, cv2.getRotationMatrix2D((k / 2 - 0.5, k / 2 - 0.5), ang, 1.0), (k, k))
    ker /= ker.sum()
    return Image.fromarray(np.clip(cv2.filter2D(a, -1, ker), 0, 255).astype(np.uint8))


def fit_long_side(img, long_side):
    s = long_side / max(img.size)
    if s >= 1:
        return img
    return Image.fromarray(cv2.resize(np.asarray(img), (round(img.width * s), round(img.height * s)),
                                      interpolation=cv2.INTER_AREA))


def messenger(img, rng):
    """What a messenger makes of a picture: long side 1280 px, JPEG quality 60-80; returns (image, quality)."""
    return fit_long_side(img.convert("RGB"), 1280), rng.randint(60, 80)


# --- the set -----------------------------------------------------------------------------------

def choose_conditions(crng, hand):
    cond = []
    pen = Pen(crng)
    if hand:
        r = crng.random()
        if r < 0.6:
            pen.shift = crng.choice([("writing_on_rule", 0.25, 0.4), ("writing_through_rule", 0.5, 0.7),
                                     ("writing_below_rule", 0.85, 1.1)])
            cond.append(pen.shift[0])
        if crng.random() < 0.3:
            pen.lead = True
            cond.append("lead_digit_on_rule")
        if crng.random() < 0.35:
            pen.connected = True
            cond.append("connected_digits")
        if crng.random() < 0.4:
            pen.stroke = crng.choice([1, 1, 2])
            cond.append("thick_pen")
    return cond, pen


def paper(crng, page_img, lang, pec, place, boxes, cond):
    page = np.asarray(page_img).astype(np.float32)
    extra = {}
    if crng.random() < 0.8:
        sig_y = boxes["ballots_unused"][3] + 20
        centre = (crng.uniform(720, 1050), min(gen.H - 120, sig_y + crng.uniform(30, 130)))
        seal(page, crng, lang, pec, place, centre)
        cond.append("seal")
        if crng.random() < 1 / 3:
            key = crng.choice(sorted(boxes))
            x0, y0, x1, y1 = boxes[key]
            fx = 300 if not key.startswith("party_") else 880  # where the digits of that field are written
            seal(page, crng, lang, pec, place, (fx + crng.uniform(-120, 120), (y0 + y1) / 2 + crng.uniform(-60, 60)))
            cond.append("seal_over_figure")
            extra["seal_field"] = key
    if crng.random() < 0.7:
        r = crng.random()
        horiz, vert = r < 0.8, r >= 0.5
        if horiz:
            rulelike = crng.random() < 0.5
            if rulelike:
                # between a value line and its neighbour, where the layout stage looks for rules
                key = crng.choice([k for k, _ in forms.LINES[lang]] + [k for k, _ in forms.TAIL[lang]])
                x0, y0, x1, y1 = boxes[key]
                at = crng.choice([y0 - crng.uniform(8, 20), y0 + crng.uniform(10, 22), y1 + crng.uniform(2, 8)])
                cond.append("crease_rulelike")
            else:
                at = crng.uniform(0.3, 0.7) * gen.H
            crease(page, crng, 0, at, rulelike)
            cond.append("crease_h")
            extra["crease_y"] = round(float(at))
        if vert:
            crease(page, crng, 1, gen.W / 2 + crng.uniform(-80, 80), False)
            cond.append("crease_v")
    return Image.fromarray(np.clip(page, 0, 255).astype(np.uint8)), extra


def main(argv):
    ap = argparse.ArgumentParser(description="Hard captures from the dev-set generator's code.")
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("seed", type=int)
    ap.add_argument("--hands")
    ap.add_argument("--plain", action="store_true")
    ap.add_argument("--hand-share", type=float)
    a = ap.parse_args(argv)
    out, count, seed, plain, hands_dir = a.out, a.count, a.seed, a.plain, a.hands
    hand_share = a.hand_share if a.hand_share is not None else 0.6 if plain else 0.85
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    crng = random.Random(f"hardset-{seed}")
    fams = {}
    set_of = {}
    if not (plain and hands_dir):
        for k, v in gen.hand_families().items():
            fams[k], set_of[k] = v, "generator"
    if hands_dir:
        for k, v in families(hands_dir).items():
            fams[k], set_of[k] = v, os.path.basename(os.path.normpath(hands_dir))
    fam_of = {tuple(v): k for k, v in fams.items()}
    truth = []
    for n in range(count):
        lang = rng.choice(["ru", "kk"])
        pec = rng.randint(1, 999)
        place = rng.choice(forms.PLACES[lang])
        fields, parties = gen.make_values(rng)
        violation = gen.inject_violation(rng, fields, parties) if rng.random() < 0.3 else None
        words_override, words_differ = {}, None
        if violation == "words_differ":
            keys = list(fields) + [f"party_{i + 1}" for i in range(5)]
            k = rng.choice(keys)
            real = fields.get(k) if k in fields else parties[int(k[-1]) - 1]
            other = max(0, real + rng.choice([-1, 1]) * rng.choice([1, 9, 10, 90, 100]))
            words_override[k] = gen.numerals.words(lang, other)
            words_differ = {"field": k, "digits": real, "words": other}
        hand = None
        if rng.random() < hand_share:
            usable = [f for f in fams.values() if gen.FontSet(f, 30).covers("әғқңөұүһі" if lang == "kk" else "абвгдеёжзий")]
            hand = rng.choice(usable)
        cond, pen = ([], Pen()) if plain else choose_conditions(crng, hand)
        PEN.__dict__.update(pen.__dict__)
        pages, boxes = gen.render(rng, lang, pec, place, fields, parties, words_override, hand)
        PEN.__dict__.update(Pen().__dict__)
        img, extra = (pages[0], {}) if plain else paper(crng, pages[0], lang, pec, place, boxes, cond)
        mode = rng.choice(["photo", "photo", "scan", "pdf"])
        if not plain:  # hard captures are mostly phone photos
            mode = crng.choice(["photo"] * 13 + ["scan"] * 4 + ["pdf"] * 3)
        shot = gen.capture(rng, img, "scan" if mode == "pdf" else mode)
        pid = f"p{seed}-{n:03d}"
        quality = rng.randint(55, 85) if mode == "photo" else None
        if not plain:
            if mode == "photo":
                if crng.random() < 0.5:
                    shot = motion_blur(shot, crng)
                    cond.append("shake_blur")
                shot = fit_long_side(shot, crng.randint(1500, 2300))
                cond.append("photo_1500_2300")
            elif crng.random() < 0.6:
                turn = crng.choice([90, 180, 270])
                shot = shot.rotate(turn, expand=True)
                cond.append(f"rotated_{turn}")
            if crng.random() < 0.2:
                shot, quality = messenger(shot, crng)
                cond.append("messenger")
        if quality is not None:
            name = pid + ".jpg"
            shot.convert("RGB").save(os.path.join(out, name), quality=quality)
        elif mode == "scan":
            name = pid + ".png"
            shot.convert("L").save(os.path.join(out, name))
        else:
            name = pid + ".pdf"
            shot.convert("L").save(os.path.join(out, name), resolution=200)
        fam = fam_of.get(tuple(hand)) if hand else None
        truth.append(dict(file=name, lang=lang, precinct=str(pec), capture=mode, handwritten=bool(hand),
                          fields=fields,
                          parties=[dict(line=i + 1, name=forms.PARTIES[lang][i], votes=v) for i, v in enumerate(parties)],
                          violation=violation, words_differ=words_differ,
                          hand=fam, hand_set=set_of.get(fam) if fam else None, conditions=cond) | extra)
    with open(os.path.join(out, "truth.jsonl"), "w") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
