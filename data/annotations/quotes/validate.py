"""Check the quote gold (attributions.jsonl, claims.jsonl) against the texts and GUIDE.md.

Standard library only (trafilatura is needed only for --trafilatura / --export-trafilatura).

    python3 validate.py                      # check everything, print counts
    python3 validate.py --trafilatura        # also check every body anchor maps into
                                             # trafilatura's text of the HTML page
    python3 validate.py --export-trafilatura OUT.jsonl
                                             # write each span's offsets in trafilatura's text

Exit status: 0 when there is no error (warnings are printed but allowed), 1 otherwise,
2 when a file is missing or unreadable.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import textmodel as tm  # noqa: E402

ZONES = {"title", "lead", "heading", "body"}
KINDS = {"direct", "indirect", "mixed", "according-to"}
QUOTED = {"full", "partial", "none"}
RESOLUTIONS = {"name", "pronoun", "role", "previous", "none"}
SOURCE_TYPES = {"person", "group", "organisation", "media", "document", "unknown"}
GENDERS = {"f", "m", "unknown"}
GENDER_CUES = {"title", "pronoun", "agreement", "role_noun", "first_name", ""}
ATTR_STATUS = {"attributed", "conditional", "denied"}
CLAIM_STATUS = {"asserted", "attributed", "conditional", "hypothetical", "denied"}
ACCORDING = {"selon", "d'après", "pour", "de source", "de l'avis de", "aux yeux de"}
SPAN_PREFIXES = ("cue", "content", "speaker", "speaker_full", "medium", "gender_cue")
TEXT_KEY = {"medium": "medium", "gender_cue": "gender_cue"}  # the other spans use PREFIX_text

ATTR_FIELDS = {
    "id": str, "doc_id": str, "zone": str, "kind": str, "quoted": str, "cue_lemma": str,
    "speaker": str, "speaker_aliases": list, "resolution": str, "named": bool, "source_type": str,
    "gender": str, "gender_cue_type": str, "status": str, "nested_in": str, "note": str,
}
CLAIM_FIELDS = {
    "id": str, "doc_id": str, "zone": str, "sent": int, "clause": int, "text": str,
    "occurrence": int, "txt_start": int, "txt_end": int, "status": str, "source": str,
    "attributions": list, "note": str,
}


def split_of(doc_id: str) -> str:
    """README: first byte of sha256(doc_id) even -> tune, odd -> check."""
    return "tune" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"ERROR {where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"warning {where}: {msg}")


def load_jsonl(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return rows


def check_anchor(rep: Report, where: str, text: str, row: dict, prefix: str) -> tuple[int, int] | None:
    keys = {"text": TEXT_KEY.get(prefix, f"{prefix}_text"), "occ": f"{prefix}_occurrence",
            "s": f"{prefix}_txt_start", "e": f"{prefix}_txt_end"}
    if prefix == "claim":
        keys = {"text": "text", "occ": "occurrence", "s": "txt_start", "e": "txt_end"}
    for k in keys.values():
        if k not in row:
            rep.error(where, f"missing field {k}")
            return None
    t, occ, s, e = (row[keys[k]] for k in ("text", "occ", "s", "e"))
    if not isinstance(t, str):
        rep.error(where, f"{keys['text']} is not a string")
        return None
    if t == "":
        if occ is not None or s is not None or e is not None:
            rep.error(where, f"empty {keys['text']} must have null occurrence and offsets")
        return None
    if not all(isinstance(v, int) for v in (occ, s, e)):
        rep.error(where, f"{prefix}: occurrence and offsets must be integers")
        return None
    found = tm.occurrences(text, t)
    if occ >= len(found):
        rep.error(where, f"{prefix} {t!r}: occurrence {occ} but only {len(found)} found")
        return None
    if found[occ] != s or s + len(t) != e or text[s:e] != t:
        rep.error(where, f"{prefix} {t!r}: occurrence {occ} is at {found[occ]}, offsets say {s}:{e}")
        return None
    return s, e


def quote_depth_before(text: str, pos: int, par_start: int) -> int:
    """How many quotations are open at `pos` inside its paragraph (« » “ ” and toggling ")."""
    depth = 0
    straight_open = False
    for ch in text[par_start:pos]:
        if ch in "«“":
            depth += 1
        elif ch in "»”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
    return depth + (1 if straight_open else 0)


def check_attributions(rep: Report, attrs: list[dict], texts: dict, paras: dict) -> None:
    ids = collections.Counter(a.get("id") for a in attrs)
    for i, n in ids.items():
        if n > 1:
            rep.error(str(i), "duplicate id")
    by_id = {a.get("id"): a for a in attrs}
    for a in attrs:
        where = a.get("id", "?")
        ok = True
        for f, typ in ATTR_FIELDS.items():
            if f not in a or not isinstance(a[f], typ):
                rep.error(where, f"field {f} missing or not {typ.__name__}")
                ok = False
        if not ok:
            continue
        doc = a["doc_id"]
        if doc not in texts:
            rep.error(where, f"unknown doc_id {doc}")
            continue
        if not re.fullmatch(rf"{re.escape(doc)}-a\d\d", a["id"]):
            rep.error(where, "id must be DOC-aNN")
        text = texts[doc]
        for f, allowed in (("zone", ZONES), ("kind", KINDS), ("quoted", QUOTED), ("resolution", RESOLUTIONS),
                           ("source_type", SOURCE_TYPES), ("gender", GENDERS),
                           ("gender_cue_type", GENDER_CUES), ("status", ATTR_STATUS)):
            if a[f] not in allowed:
                rep.error(where, f"{f}={a[f]!r} not in {sorted(allowed)}")
        spans = {p: check_anchor(rep, where, text, a, p) for p in SPAN_PREFIXES}
        content = spans["content"]
        if content is None:
            rep.error(where, "content span is required")
            continue
        zone = tm.zone_at(paras[doc], content[0])
        if zone != a["zone"]:
            rep.error(where, f"zone {a['zone']} but content lies in {zone}")
        par = tm.paragraph_at(paras[doc], content[0])
        if content[1] > par.end:
            rep.error(where, "content runs over a paragraph end (GUIDE 3.2: one attribution per paragraph)")
        # speaker
        if a["named"] != (a["speaker"] != ""):
            rep.error(where, "named must be true exactly when speaker is not empty")
        no_mention = a["speaker_text"] == ""
        if no_mention != (a["resolution"] in ("previous", "none")):
            rep.error(where, f"resolution {a['resolution']} with speaker_text {a['speaker_text']!r}")
        if no_mention and a["speaker_full_text"]:
            rep.error(where, "speaker_full_text without speaker_text")
        if spans["speaker"] and spans["speaker_full"]:
            if not (spans["speaker_full"][0] <= spans["speaker"][0] and spans["speaker"][1] <= spans["speaker_full"][1]):
                rep.error(where, "speaker_full_text does not contain speaker_text")
        if spans["speaker"] and not spans["speaker_full"]:
            rep.error(where, "speaker_full_text missing")
        for alias in a["speaker_aliases"]:
            if not isinstance(alias, str) or alias not in text:
                rep.error(where, f"alias {alias!r} does not occur in the text")
        if a["speaker_aliases"] and not a["speaker"]:
            rep.error(where, "aliases without a speaker")
        # cue
        lemma = a["cue_lemma"]
        if a["cue_text"] == "":
            if a["resolution"] not in ("previous", "none"):
                rep.error(where, "a cue-less attribution must be a continuation (previous) or unsourced (none)")
            if lemma:
                rep.error(where, "cue_lemma without cue")
        elif not lemma:
            rep.error(where, "cue_lemma missing")
        if (a["kind"] == "according-to") != (lemma in ACCORDING):
            rep.error(where, f"kind {a['kind']} but cue_lemma {lemma!r}")
        # quoting
        s, e = content
        inner = text[s:e]
        has_mark = any(c in tm.QUOTE_CHARS for c in inner)
        inside = quote_depth_before(text, s, par.start) > 0
        dash = a["cue_text"] == "—"
        if a["quoted"] == "full" and not inside and not a["nested_in"]:
            rep.error(where, "quoted=full but the content does not lie inside quotation marks")
        if a["quoted"] == "partial" and not has_mark:
            rep.error(where, "quoted=partial but the content holds no quotation mark")
        if a["quoted"] == "none" and not a["nested_in"] and (has_mark or (inside and not dash)):
            rep.error(where, "quoted=none but the content is (partly) quoted")
        if a["kind"] == "direct" and not (a["quoted"] == "full" or (dash and a["quoted"] == "none")):
            rep.error(where, "direct needs quoted=full (or a dash-signed pull quote)")
        if a["kind"] == "mixed" and a["quoted"] != "partial":
            rep.error(where, "mixed needs quoted=partial")
        if a["kind"] == "indirect" and a["quoted"] != "none" and not a["nested_in"]:
            rep.error(where, "indirect needs quoted=none")
        if dash and a["kind"] != "direct":
            rep.error(where, "a dash signature introduces a direct quote")
        # cue and speaker stay outside the content, except incises and nested attributions
        for p in ("cue", "speaker"):
            sp = spans[p]
            if sp and s <= sp[0] and sp[1] <= e and not (a["kind"] in ("direct", "according-to", "mixed")):
                rep.warn(where, f"{p} lies inside the content")
        # gender
        if a["gender"] != "unknown":
            if not (a["named"] and a["source_type"] == "person"):
                rep.error(where, "gender f/m only for named persons (GUIDE 5)")
            if not (a["gender_cue"] and a["gender_cue_type"]):
                rep.error(where, "gender f/m needs gender_cue and gender_cue_type")
        elif a["gender_cue"] or a["gender_cue_type"]:
            rep.error(where, "gender unknown must not carry a cue")
        # nesting
        if a["nested_in"]:
            parent = by_id.get(a["nested_in"])
            if parent is None or parent["doc_id"] != doc:
                rep.error(where, f"nested_in {a['nested_in']!r} is not an attribution of the same document")
            elif not (parent["content_txt_start"] <= s and e <= parent["content_txt_end"]):
                rep.error(where, "nested attribution's content is not inside its parent's content")


def check_claims(rep: Report, claims: list[dict], attrs: list[dict], texts: dict, paras: dict) -> None:
    by_id = {a["id"]: a for a in attrs if "id" in a}
    per_doc = collections.defaultdict(list)
    ids = collections.Counter(c.get("id") for c in claims)
    for i, n in ids.items():
        if n > 1:
            rep.error(str(i), "duplicate id")
    for c in claims:
        where = c.get("id", "?")
        ok = True
        for f, typ in CLAIM_FIELDS.items():
            if f not in c or not isinstance(c[f], typ):
                rep.error(where, f"field {f} missing or not {typ.__name__}")
                ok = False
        if not ok or c["doc_id"] not in texts:
            if ok:
                rep.error(where, f"unknown doc_id {c['doc_id']}")
            continue
        text = texts[c["doc_id"]]
        if c["status"] not in CLAIM_STATUS:
            rep.error(where, f"status {c['status']!r} not in {sorted(CLAIM_STATUS)}")
        span = check_anchor(rep, where, text, c, "claim")
        cue = check_anchor(rep, where, text, c, "cue")
        if span is None:
            continue
        par = tm.paragraph_at(paras[c["doc_id"]], span[0])
        if span[1] > par.end:
            rep.error(where, "claim row runs over a paragraph end")
        if par.zone != c["zone"]:
            rep.error(where, f"zone {c['zone']} but the row lies in {par.zone}")
        for aid in c["attributions"]:
            if aid not in by_id or by_id[aid]["doc_id"] != c["doc_id"]:
                rep.error(where, f"unknown attribution {aid}")
        st = c["status"]
        if st == "asserted" and (c["cue_text"] or c["source"] or c["attributions"]):
            rep.error(where, "asserted rows carry no cue, source or attribution")
        if st in ("conditional", "denied", "hypothetical") and cue is None:
            rep.error(where, f"{st} row needs its cue")
        if st == "attributed" and not c["attributions"]:
            rep.error(where, "attributed row without any attribution")
        if st == "hypothetical" and c["source"]:
            rep.error(where, "hypothetical rows are in the article's own voice (no source)")
        per_doc[c["doc_id"]].append((span, c))

    for doc, rows in per_doc.items():
        text = texts[doc]
        rows.sort(key=lambda r: r[0][0])
        # no overlap
        for (s1, c1), (s2, c2) in zip(rows, rows[1:]):
            if s2[0] < s1[1]:
                rep.error(c2["id"], f"overlaps {c1['id']}")
        # coverage of every non-space character outside datelines
        covered = bytearray(len(text))
        for (s, e), _ in rows:
            covered[s:e] = b"\x01" * (e - s)
        for p in paras[doc]:
            for i in range(p.body_start, p.end):
                if not covered[i] and not text[i].isspace():
                    rep.error(doc, f"character {i} ({text[i]!r}, paragraph {p.index}) is in no claim row")
                    break
        # rows follow the documented sentence cutting
        sents = tm.sentences(text, paras[doc])
        by_sent = collections.defaultdict(list)
        for (s, e), c in rows:
            by_sent[c["sent"]].append((s, e, c))
        if sorted(by_sent) != [x.index for x in sents]:
            rep.error(doc, "claim rows do not follow the sentence cutting of GUIDE 6.1")
        for x in sents:
            parts = sorted(by_sent.get(x.index, []), key=lambda r: r[0])
            if not parts:
                continue
            if parts[0][0] != x.start or parts[-1][1] != x.end:
                rep.error(parts[0][2]["id"], f"rows of sentence {x.index} do not span it exactly")
            if [p[2]["clause"] for p in parts] != list(range(len(parts))):
                rep.error(parts[0][2]["id"], f"clause numbers of sentence {x.index} are not 0..n")
        # attributions against claims
        for a in (a for a in attrs if a["doc_id"] == doc):
            s, e = a["content_txt_start"], a["content_txt_end"]
            over = [c for (cs, ce), c in rows if cs < e and ce > s]
            statuses = {c["status"] for c in over}
            if not over:
                rep.error(a["id"], "content lies in no claim row")
                continue
            if statuses & {"asserted", "hypothetical"}:
                rep.error(a["id"], f"content overlaps rows with status {sorted(statuses)}")
            if a["status"] not in statuses:
                rep.error(a["id"], f"status {a['status']} but its rows are {sorted(statuses)}")
            elif len(statuses) > 1:
                rep.warn(a["id"], f"content spans rows of status {sorted(statuses)}")
            for c in over:
                if a["id"] not in c["attributions"]:
                    rep.error(c["id"], f"does not list {a['id']} whose content it holds")


# ---------------------------------------------------------------- trafilatura mapping

def _norm_map(s: str) -> tuple[str, list[int]]:
    """normalise() with, for each output char, its index in s."""
    out, idx = [], []
    prev_space = False
    for i, ch in enumerate(s):
        if ch == "\u00ad":
            continue
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            idx.append(i)
            prev_space = True
        else:
            out.append(ch)
            idx.append(i)
            prev_space = False
    return "".join(out), idx


def trafilatura_maps(docs: list[str], paras: dict, texts: dict, rep: Report) -> dict:
    """Per doc: (txt offset -> trafilatura offset) for every body character."""
    try:
        import trafilatura
    except ImportError:
        print("validate.py: --trafilatura needs the trafilatura package (e.g. the project's .venv)", file=sys.stderr)
        sys.exit(2)
    maps = {}
    for doc in docs:
        with open(os.path.join(tm.root_dir(), "html", f"{doc}.html"), encoding="utf-8") as fh:
            page = fh.read()
        found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=False)
        tr = (found.as_dict() if hasattr(found, "as_dict") else dict(found))["text"]
        text = texts[doc]
        body_idx, body_chars = [], []
        for p in paras[doc]:
            if p.zone != "body":
                continue
            if body_chars:
                body_chars.append("\n")
                body_idx.append(-1)
            for i in range(p.start, p.end):
                body_chars.append(text[i])
                body_idx.append(i)
        nb, mb = _norm_map("".join(body_chars))
        nt, mt = _norm_map(tr)
        lb = len(nb) - len(nb.lstrip())
        lt = len(nt) - len(nt.lstrip())
        if nb.strip() != nt.strip():
            rep.error(doc, "normalised body text differs from trafilatura's text")
            continue
        m = {}
        for k in range(len(nb.strip())):
            src = body_idx[mb[k + lb]]
            if src >= 0:
                m[src] = mt[k + lt]
        maps[doc] = (m, tr)
    return maps


def map_span(m: dict, s: int, e: int) -> tuple[int, int] | None:
    """Map txt[s:e] to trafilatura offsets (first kept char to last kept char)."""
    keep = [i for i in range(s, e) if i in m]
    if not keep:
        return None
    return m[keep[0]], m[keep[-1]] + 1


def check_and_export(rep: Report, attrs: list[dict], claims: list[dict], maps: dict, out: str | None) -> int:
    rows = []
    n = 0
    for a in attrs:
        if a["zone"] != "body" or a["doc_id"] not in maps:
            continue
        m, tr = maps[a["doc_id"]]
        rec = {"id": a["id"], "doc_id": a["doc_id"]}
        for p in SPAN_PREFIXES:
            s, e = a[f"{p}_txt_start"], a[f"{p}_txt_end"]
            if s is None:
                rec[f"{p}_start"] = rec[f"{p}_end"] = None
                continue
            sp = map_span(m, s, e)
            if sp is None or tm.normalise(tr[sp[0]:sp[1]]) != tm.normalise(a[TEXT_KEY.get(p, f"{p}_text")]).strip():
                zone_ok = tm.zone_at(PARAS[a["doc_id"]], s) == "body"
                if zone_ok:
                    rep.error(a["id"], f"{p} does not map into trafilatura's text")
                rec[f"{p}_start"] = rec[f"{p}_end"] = None
                continue
            rec[f"{p}_start"], rec[f"{p}_end"] = sp
            n += 1
        rows.append(rec)
    for c in claims:
        if c["zone"] != "body" or c["doc_id"] not in maps:
            continue
        m, tr = maps[c["doc_id"]]
        sp = map_span(m, c["txt_start"], c["txt_end"])
        if sp is None or tm.normalise(tr[sp[0]:sp[1]]) != tm.normalise(c["text"]).strip():
            rep.error(c["id"], "claim row does not map into trafilatura's text")
            continue
        rec = {"id": c["id"], "doc_id": c["doc_id"], "start": sp[0], "end": sp[1]}
        if c["cue_txt_start"] is not None:
            cp = map_span(m, c["cue_txt_start"], c["cue_txt_end"])
            rec["cue_start"], rec["cue_end"] = cp if cp else (None, None)
        rows.append(rec)
        n += 1
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} rows of trafilatura offsets to {out}")
    return n


PARAS: dict = {}


def counts(title: str, rows: list[dict], field: str) -> str:
    c = collections.Counter(r[field] for r in rows)
    return f"{title:<28}" + ", ".join(f"{k}: {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--attributions", default=os.path.join(HERE, "attributions.jsonl"))
    ap.add_argument("--claims", default=os.path.join(HERE, "claims.jsonl"))
    ap.add_argument("--trafilatura", action="store_true", help="check body anchors against trafilatura's text")
    ap.add_argument("--export-trafilatura", metavar="OUT", help="write span offsets in trafilatura's text")
    ap.add_argument("--quiet", action="store_true", help="errors and counts only, no warnings")
    ap.add_argument("--root", help="folder of the corpus (holds txt/ and html/); default "
                                   "$WIKINEWS_FR_100 or ../../shared/eval/news/wikinews-fr-100")
    args = ap.parse_args(argv)
    if args.root:
        os.environ["WIKINEWS_FR_100"] = args.root
    try:
        attrs = load_jsonl(args.attributions)
        claims = load_jsonl(args.claims)
    except (OSError, ValueError) as exc:
        print(f"validate.py: {exc}", file=sys.stderr)
        return 2
    docs = sorted({r.get("doc_id") for r in attrs} | {r.get("doc_id") for r in claims})
    texts, paras = {}, PARAS
    rep = Report()
    for d in docs:
        try:
            texts[d] = tm.read_txt(d)
            paras[d] = tm.paragraphs(texts[d], tm.html_blocks(d))
        except (OSError, ValueError) as exc:
            print(f"validate.py: document {d}: {exc}", file=sys.stderr)
            return 2
    check_attributions(rep, attrs, texts, paras)
    check_claims(rep, claims, attrs, texts, paras)
    mapped = None
    if args.trafilatura or args.export_trafilatura:
        maps = trafilatura_maps(docs, paras, texts, rep)
        mapped = check_and_export(rep, attrs, claims, maps, args.export_trafilatura)

    if not args.quiet:
        for w in rep.warnings:
            print(w)
    for e in rep.errors:
        print(e)
    body = [a for a in attrs if a.get("zone") == "body"]
    print(f"\n{len(docs)} documents, {len(attrs)} attributions ({len(body)} in the body zone, "
          f"{sum(1 for a in attrs if a.get('nested_in'))} nested), {len(claims)} claim rows")
    for title, field in (("attributions by kind", "kind"), ("  by quoted", "quoted"),
                         ("  by resolution", "resolution"), ("  by source_type", "source_type"),
                         ("  by named", "named"), ("  by gender", "gender"),
                         ("  by gender_cue_type", "gender_cue_type"), ("  by status", "status"),
                         ("  by zone", "zone")):
        print(counts(title, attrs, field))
    persons = [a for a in attrs if a.get("source_type") == "person" and a.get("named")]
    print(counts("named persons by gender", persons, "gender"))
    print(counts("claim rows by status", claims, "status"))
    print(counts("  by zone", claims, "zone"))
    print("\nper document (body zone): attributions / claim rows / split")
    split_tot = collections.Counter()
    for d in docs:
        na = sum(1 for a in body if a["doc_id"] == d)
        nc = sum(1 for c in claims if c.get("doc_id") == d and c.get("zone") == "body")
        sp = split_of(d)
        split_tot[(sp, "docs")] += 1
        split_tot[(sp, "attr")] += na
        split_tot[(sp, "top")] += sum(1 for a in body if a["doc_id"] == d and not a["nested_in"])
        split_tot[(sp, "claims")] += nc
        print(f"  {d}  {na:3d}  {nc:3d}  {sp}")
    for sp in ("tune", "check"):
        print(f"{sp:<6} {split_tot[(sp, 'docs')]} documents, {split_tot[(sp, 'attr')]} body attributions "
              f"({split_tot[(sp, 'top')]} top-level), {split_tot[(sp, 'claims')]} body claim rows")
    for field in ("kind", "resolution", "gender", "status"):
        line = []
        for sp in ("tune", "check"):
            sub = [a for a in body if split_of(a["doc_id"]) == sp and not a["nested_in"]]
            c = collections.Counter(a[field] for a in sub)
            line.append(f"{sp}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
        print(f"  top-level body by {field:<10} " + " | ".join(line))
    line = []
    for sp in ("tune", "check"):
        c = collections.Counter(r["status"] for r in claims if split_of(r["doc_id"]) == sp and r["zone"] == "body")
        line.append(f"{sp}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print(f"  body claim rows by status " + " | ".join(line))
    if mapped is not None:
        print(f"trafilatura: {mapped} body spans mapped")
    print(f"\n{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
