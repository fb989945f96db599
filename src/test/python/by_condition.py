#!/usr/bin/env python3
"""The scorer's figures per hand and per capture condition, as Markdown tables.

usage: by_condition.py TRUTH.jsonl EXPORT.jsonl [--json]

EXPORT is Hattama's export of the same run (`./hattama benchmark FOLDER --export EXPORT.jsonl`).
For each group of protocols (all; each hand family, "typed" for typed ones; each hand set; each
condition of hardset.py's truth, "none" for those without; each capture) the group's truth lines
are scored by the dev-set generator's score.py (SCORE, default
/work/shared/devset-generator/score.py), so the figures are the scorer's own; wrong_verified counts
the figures accepted as VERIFIED that are wrong, the number that must stay 0; rejected counts the
protocols that came out REJECTED (or not at all), whose figures are then all missing.
"""
import json, os, subprocess, sys, tempfile

SCORE = os.environ.get("SCORE", "/work/shared/devset-generator/score.py")
sys.path.insert(0, os.path.dirname(SCORE))
from score import KEYS, load  # noqa: E402

COLUMNS = ["field_accuracy", "protocol_accuracy", "precinct_accuracy", "verified_precision", "verified_coverage"]


def records_by_file(export):
    out = {}
    for e in load(export):
        for s in e.get("source_files") or [e.get("source_file")]:
            if s:
                out.setdefault(os.path.basename(s.split("#")[0]), e)
    return out


def wrong_verified(t, e):
    exp = t["fields"] | {f"party_{p['line']}": p["votes"] for p in t["parties"]}
    got = (e or {}).get("fields") or {}
    wd = (t.get("words_differ") or {}).get("field")
    return sum(1 for k in KEYS if (got.get(k) or {}).get("status") == "VERIFIED"
               and ((got.get(k) or {}).get("value") != exp[k] or k == wd))


def groups(t):
    yield "all", "all"
    yield "hand", t.get("hand") or ("typed" if not t["handwritten"] else "handwritten (family not recorded)")
    if t.get("hand_set"):
        yield "hand set", t["hand_set"]
    for c in t.get("conditions") or (["none"] if "conditions" in t else []):
        yield "condition", c
    yield "capture", t["capture"]


def score(lines, export):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        f.writelines(lines)
    try:
        r = subprocess.run([sys.executable, SCORE, f.name, export, "--json"], check=True,
                           capture_output=True, text=True)
        return json.loads(r.stdout)
    finally:
        os.unlink(f.name)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    truth_path, export = sys.argv[1], sys.argv[2]
    with open(truth_path, encoding="utf-8") as f:
        lines = [l if l.endswith("\n") else l + "\n" for l in f if l.strip()]
    got = records_by_file(export)
    table = {}
    for line in lines:
        t = json.loads(line)
        for dim, name in groups(t):
            g = table.setdefault((dim, name), {"lines": [], "wrong_verified": 0, "rejected": 0})
            g["lines"].append(line)
            g["wrong_verified"] += wrong_verified(t, got.get(t["file"]))
            g["rejected"] += (got.get(t["file"]) or {}).get("status") in (None, "REJECTED")
    rows = []
    for (dim, name), g in table.items():
        r = score(g["lines"], export)
        rows.append(dict(dimension=dim, group=name, protocols=len(g["lines"]),
                         **{c: r[c] for c in COLUMNS}, wrong_verified=g["wrong_verified"],
                         rejected=g["rejected"]))
    order = ["all", "hand", "hand set", "condition", "capture"]
    rows.sort(key=lambda r: (order.index(r["dimension"]), r["group"]))
    if "--json" in sys.argv:
        print(json.dumps(rows, ensure_ascii=False))
        return
    fmt = lambda v: "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)
    for dim in order:
        part = [r for r in rows if r["dimension"] == dim]
        if not part:
            continue
        head = [dim, "n"] + COLUMNS + ["wrong_verified", "rejected"]
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in part:
            print("| " + " | ".join([r["group"], str(r["protocols"])] + [fmt(r[c]) for c in COLUMNS]
                                    + [str(r["wrong_verified"]), str(r["rejected"])]) + " |")
        print()


if __name__ == "__main__":
    main()
