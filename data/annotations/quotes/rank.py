"""The crude attribution density ranking of README.md ("Choosing the articles", step 1).

Scores every text of the corpus not yet annotated (no src/DOC.py) by the number of quotation
marks plus the number of matches of a short list of reporting forms, and prints the ranking,
best first. Standard library only. The ranking only orders the reading; the choice among the
best-ranked texts is made by reading them (README.md).

Usage:
    python3 rank.py [--root CORPUS] [--all]   # --all also ranks the annotated texts
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import textmodel as tm  # noqa: E402

QUOTE_MARKS = "«»“”\""
#: Reporting forms (case-insensitive regular expressions), README step 1.
FORMS = [r"\bselon\b", r"\bd'après\b", r"\ba déclaré", r"\ba indiqué", r"\baffirme", r"\bexplique",
         r"-t-il\b", r"-t-elle\b", r"\bestime", r"\ba précisé", r"\ba ajouté", r"\ba annoncé",
         r"\bdéclare\b", r"\bindique\b", r"\bprécise\b", r"\bajoute\b", r"\ba dit\b", r"\bdit\b",
         r"\bassure", r"\bsouligne", r"\bconfirm"]


def score(text: str) -> tuple[int, int, int]:
    """(score, quotation marks, reporting forms) of one text."""
    quotes = sum(text.count(c) for c in QUOTE_MARKS)
    forms = sum(len(re.findall(f, text, re.I)) for f in FORMS)
    return quotes + forms, quotes, forms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", help="the wikinews-fr-100 folder (default: as validate.py)")
    ap.add_argument("--all", action="store_true", help="rank the annotated texts too")
    args = ap.parse_args(argv)
    root = tm.root_dir(args.root)
    paths = sorted(glob.glob(os.path.join(root, "txt", "*.txt")))
    if not paths:
        print(f"rank.py: no txt/*.txt under {root}", file=sys.stderr)
        return 2
    done = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, "src", "[0-9]*.py"))}
    rows = []
    for p in paths:
        doc = os.path.basename(p)[:-4]
        if doc in done and not args.all:
            continue
        with open(p, encoding="utf-8") as fh:
            text = fh.read()
        s, q, f = score(text)
        rows.append((-s, doc, s, q, f, len(text.split()), text.split("\n", 1)[0], doc in done))
    rows.sort()
    print(f"{len(rows)} texts ranked")
    for i, (_, doc, s, q, f, n, title, ann) in enumerate(rows, 1):
        mark = " (annotated)" if ann else ""
        print(f"{i:3d} {doc} score={s:3d} quotes={q:3d} forms={f:2d} words={n:4d} {title[:80]}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
