"""Compile the hand annotations in src/DOC.py into attributions.jsonl and claims.jsonl.

The hand annotation names every span by its text (and, when the text is not unique, by an
explicit occurrence or a wider context string); this script turns each into the explicit
anchor of GUIDE.md section 1 (text, occurrence, offsets) and fails loudly on any ambiguity.
`validate.py` then checks the JSONL files on their own, without this script.

Usage:
    python3 build.py                 # compile all src/*.py, write the two JSONL files
    python3 build.py --render [DOC]  # print a readable rendering for review
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import textmodel as tm  # noqa: E402


class Span:
    """A content span given by its first and last words: Span("Je suis", "bourgeoise")."""

    def __init__(self, start: str, end: str, occ: int | None = None, ctx: str | None = None):
        self.start, self.end, self.occ, self.ctx = start, end, occ, ctx


class BuildError(Exception):
    pass


def _word_ok(text: str, i: int, needle: str) -> bool:
    """Word boundaries at both ends of text[i:i+len(needle)] (for default lookups)."""
    j = i + len(needle)
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if needle[:1].isalnum() and (before.isalnum()):
        return False
    if needle[-1:].isalnum() and (after.isalnum()):
        return False
    return True


def locate_exact(text: str, spec, doc: str, what: str) -> tuple[int, int]:
    """Offsets of a spec that must be unique or explicit: "t", ("t", k) or ("t", "ctx")."""
    if isinstance(spec, tuple):
        needle, sel = spec
        occ = tm.occurrences(text, needle)
        if isinstance(sel, int):
            if sel >= len(occ):
                raise BuildError(f"{doc}: {what}: occurrence {sel} of {needle!r} not found")
            return occ[sel], occ[sel] + len(needle)
        ctx_occ = tm.occurrences(text, sel)
        if len(ctx_occ) != 1:
            raise BuildError(f"{doc}: {what}: context {sel!r} found {len(ctx_occ)} times")
        k = sel.find(needle)
        if k < 0:
            raise BuildError(f"{doc}: {what}: {needle!r} not inside its context {sel!r}")
        return ctx_occ[0] + k, ctx_occ[0] + k + len(needle)
    occ = tm.occurrences(text, spec)
    if len(occ) != 1:
        raise BuildError(f"{doc}: {what}: {spec!r} found {len(occ)} times; give an occurrence")
    return occ[0], occ[0] + len(spec)


def locate_content(text: str, spec, doc: str) -> tuple[int, int]:
    if isinstance(spec, Span):
        if spec.occ is not None:
            s0, _ = locate_exact(text, (spec.start, spec.occ), doc, "content start")
        elif spec.ctx is not None:
            s0, _ = locate_exact(text, (spec.start, spec.ctx), doc, "content start")
        else:
            s0, _ = locate_exact(text, spec.start, doc, "content start")
        e = text.find(spec.end, s0)
        if e < 0:
            raise BuildError(f"{doc}: content end {spec.end!r} not found after {spec.start!r}")
        return s0, e + len(spec.end)
    return locate_exact(text, spec, doc, "content")


def locate_near(text: str, spec, doc: str, what: str, anchor: tuple[int, int],
                avoid: tuple[int, int] | None = None, window: tuple[int, int] | None = None
                ) -> tuple[int, int]:
    """Default lookup: the word-bounded occurrence nearest to `anchor`, preferring ones
    outside `avoid` (the content span) and inside `window` (the paragraph)."""
    if isinstance(spec, tuple):
        return locate_exact(text, spec, doc, what)
    cands = [i for i in tm.occurrences(text, spec) if _word_ok(text, i, spec)]
    if not cands:
        raise BuildError(f"{doc}: {what}: {spec!r} not found")

    def key(i):
        e = i + len(spec)
        inside_avoid = avoid is not None and i >= avoid[0] and e <= avoid[1]
        outside_window = window is not None and not (i >= window[0] and e <= window[1])
        if i >= anchor[1]:
            dist = i - anchor[1]
        elif e <= anchor[0]:
            dist = anchor[0] - e
        else:
            dist = 0
        return (outside_window, inside_avoid, dist)

    best = min(cands, key=key)
    return best, best + len(spec)


TEXT_KEY = {"medium": "medium", "gender_cue": "gender_cue"}  # the brief's field names


def anchor_fields(text: str, prefix: str, span: tuple[int, int] | None) -> dict:
    key = TEXT_KEY.get(prefix, f"{prefix}_text")
    if span is None:
        return {key: "", f"{prefix}_occurrence": None,
                f"{prefix}_txt_start": None, f"{prefix}_txt_end": None}
    s, e = span
    needle = text[s:e]
    occ = tm.occurrences(text, needle).index(s)
    return {key: needle, f"{prefix}_occurrence": occ,
            f"{prefix}_txt_start": s, f"{prefix}_txt_end": e}


def quoted_of(text: str, s: int, e: int) -> str:
    """full / partial / none, from the quotation marks around and inside text[s:e]."""
    inner = text[s:e]
    i = s - 1
    while i >= 0 and text[i] in " \u00a0\u202f":
        i -= 1
    j = e
    while j < len(text) and text[j] in " \u00a0\u202f":
        j += 1
    opened = i >= 0 and text[i] in "«“\""
    closed = j < len(text) and text[j] in "»”\""
    if opened and closed:
        return "full"
    if any(c in tm.QUOTE_CHARS for c in inner):
        return "partial"
    return "none"


def load_src(path: str) -> dict:
    ns = {"Span": Span}
    with open(path, encoding="utf-8") as fh:
        code = fh.read()
    exec(compile(code, path, "exec"), ns)  # our own annotation files
    return ns


def build_doc(doc: str, ns: dict) -> tuple[list[dict], list[dict]]:
    text = tm.read_txt(doc)
    paras = tm.paragraphs(text, tm.html_blocks(doc))
    sents = tm.sentences(text, paras)

    # ---- attributions
    raw = []
    for n, a in enumerate(ns["ATTRS"]):
        where = f"attribution {n} ({a.get('k', '')})"
        try:
            cs, ce = locate_content(text, a["content"], doc)
        except BuildError as exc:
            raise BuildError(f"{where}: {exc}") from None
        para = tm.paragraph_at(paras, cs)
        window = (para.start, para.end)
        cue = None
        if a.get("cue"):
            cue = locate_near(text, a["cue"], doc, f"{where} cue", (cs, ce), (cs, ce), window)
        spk = None
        if a.get("spk"):
            ref = cue or (cs, ce)
            spk = locate_near(text, a["spk"], doc, f"{where} speaker", ref, (cs, ce), window)
        full = spk
        if a.get("full"):
            full = locate_near(text, a["full"], doc, f"{where} full speaker", spk, None, window)
            if not (full[0] <= spk[0] and spk[1] <= full[1]):
                raise BuildError(f"{doc}: {where}: full speaker does not contain the head mention")
        med = None
        if a.get("medium"):
            med = locate_near(text, a["medium"], doc, f"{where} medium", cue or (cs, ce), (cs, ce), window)
        gcue = None
        if a.get("gcue"):
            ref = spk or cue or (cs, ce)
            gcue = locate_near(text, a["gcue"], doc, f"{where} gender cue", ref, None, None)
        rec = {
            "doc_id": doc,
            "zone": tm.zone_at(paras, cs),
            "kind": a["kind"],
            "quoted": a.get("quoted") or quoted_of(text, cs, ce),
            **anchor_fields(text, "cue", cue),
            "cue_lemma": a.get("lemma", ""),
            **anchor_fields(text, "content", (cs, ce)),
            **anchor_fields(text, "speaker", spk),
            **anchor_fields(text, "speaker_full", full),
            "speaker": a.get("speaker", ""),
            "speaker_aliases": list(ns.get("ALIASES", {}).get(a.get("speaker", ""), [])),
            "resolution": a["res"],
            "named": bool(a.get("speaker", "")),
            "source_type": a["stype"],
            **anchor_fields(text, "medium", med),
            "gender": a.get("gender", "unknown"),
            **anchor_fields(text, "gender_cue", gcue),
            "gender_cue_type": a.get("gtype", ""),
            "status": a.get("status", "attributed"),
            "nested_in": a.get("in_", ""),   # local key for now
            "note": a.get("note", ""),
            "_k": a.get("k", f"#{n}"),
        }
        raw.append(rec)
    raw.sort(key=lambda r: (r["content_txt_start"], -r["content_txt_end"]))
    keymap = {}
    for i, r in enumerate(raw, 1):
        r["id"] = f"{doc}-a{i:02d}"
        keymap[r["_k"]] = r["id"]
    attrs = []
    for r in raw:
        if r["nested_in"]:
            if r["nested_in"] not in keymap:
                raise BuildError(f"{doc}: unknown parent key {r['nested_in']!r}")
            r["nested_in"] = keymap[r["nested_in"]]
        del r["_k"]
        attrs.append({"id": r.pop("id"), **r})

    # ---- claims
    spec = ns["CLAIMS"]
    missing = [s.index for s in sents if s.index not in spec]
    extra = [k for k in spec if k >= len(sents)]
    if missing or extra:
        raise BuildError(f"{doc}: claims missing for sentences {missing}, unknown sentences {extra}")
    claims = []
    for s in sents:
        v = spec[s.index]
        if isinstance(v, str):
            parts = [(None, v, None, "")]
        elif isinstance(v, tuple):
            parts = [(None,) + tuple(v) + (None, "")[len(v) - 1:]]
        else:
            parts = []
            for p in v:
                p = tuple(p)
                parts.append(p + (None, None, "")[len(p) - 1:] if len(p) < 4 else p)
        bounds = [s.start]
        for p in parts[1:]:
            b = text.find(p[0], bounds[-1], s.end)
            if b < 0:
                raise BuildError(f"{doc}: sentence {s.index}: clause start {p[0]!r} not found")
            bounds.append(b)
        bounds.append(s.end)
        for ci, p in enumerate(parts):
            _, status, cue_spec, note = p[0], p[1], p[2], p[3] if len(p) > 3 else ""
            rs, re_ = bounds[ci], bounds[ci + 1]
            while re_ > rs and text[re_ - 1].isspace():
                re_ -= 1
            over = [a for a in attrs if a["content_txt_start"] < re_ and a["content_txt_end"] > rs]
            over += [a for a in attrs if a not in over and a["cue_txt_start"] is not None
                     and a["cue_txt_start"] < re_ and a["cue_txt_end"] > rs]
            top = [a for a in over if not a["nested_in"]] or over
            cue = None
            source = ""
            if status in ("attributed", "conditional", "denied") and top:
                names = []
                for a in top:
                    if a["speaker"] and a["speaker"] not in names:
                        names.append(a["speaker"])
                source = " ; ".join(names)
            if cue_spec:
                cue = locate_near(text, cue_spec, doc, f"claim {s.index}.{ci} cue", (rs, re_), None, (rs, re_))
            elif status == "attributed" and top:
                main = max(top, key=lambda a: min(a["content_txt_end"], re_) - max(a["content_txt_start"], rs))
                if main["cue_txt_start"] is not None:
                    cue = (main["cue_txt_start"], main["cue_txt_end"])
            claims.append({
                "id": "", "doc_id": doc, "zone": s.zone, "sent": s.index, "clause": ci,
                **{k.replace("row_", ""): v for k, v in anchor_fields(text, "row", (rs, re_)).items()},
                "status": status,
                **anchor_fields(text, "cue", cue),
                "source": source,
                "attributions": [a["id"] for a in over],
                "note": note or "",
            })
    for i, c in enumerate(claims, 1):
        c["id"] = f"{doc}-c{i:03d}"
    return attrs, claims


def render(doc: str, attrs: list[dict], claims: list[dict]) -> str:
    text = tm.read_txt(doc)
    out = [f"######## {doc}"]
    for a in attrs:
        nest = f"  (in {a['nested_in']})" if a["nested_in"] else ""
        out.append(f"{a['id']} [{a['zone']}] {a['kind']}/{a['quoted']} status={a['status']}{nest}")
        out.append(f"   cue: {a['cue_text']!r} ({a['cue_lemma']})   medium: {a['medium']!r}")
        out.append(f"   speaker: {a['speaker_text']!r} / full {a['speaker_full_text']!r} -> "
                   f"{a['speaker']!r} {a['speaker_aliases']} [{a['resolution']}, named={a['named']}, {a['source_type']}]")
        out.append(f"   gender: {a['gender']} cue {a['gender_cue']!r} ({a['gender_cue_type']})")
        out.append(f"   content: «{a['content_text']}»")
        if a["note"]:
            out.append(f"   note: {a['note']}")
    out.append("---- claims")
    for c in claims:
        src = f" <{c['source']}>" if c["source"] else ""
        cue = f" cue={c['cue_text']!r}" if c["cue_text"] else ""
        note = f"  // {c['note']}" if c["note"] else ""
        out.append(f"[{c['sent']}.{c['clause']}] {c['status'].upper()}{cue}{src} {c['attributions']}: "
                   f"{c['text']}{note}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--render", action="store_true", help="print a readable rendering")
    ap.add_argument("docs", nargs="*", help="doc ids (default: every src/*.py)")
    args = ap.parse_args(argv)
    srcs = sorted(glob.glob(os.path.join(HERE, "src", "[0-9]*.py")))
    docs = [os.path.basename(p)[:-3] for p in srcs]
    wanted = args.docs or docs
    all_a, all_c = [], []
    try:
        for d in docs:
            a, c = build_doc(d, load_src(os.path.join(HERE, "src", f"{d}.py")))
            all_a += a
            all_c += c
            if args.render and d in wanted:
                print(render(d, a, c))
                print()
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    if not args.render:
        with open(os.path.join(HERE, "attributions.jsonl"), "w", encoding="utf-8") as fh:
            for r in all_a:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        with open(os.path.join(HERE, "claims.jsonl"), "w", encoding="utf-8") as fh:
            for r in all_c:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(all_a)} attributions and {len(all_c)} claim rows from {len(docs)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
