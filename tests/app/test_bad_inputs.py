"""Bad or unusual inputs against every command, as one table: input, command, exit code, message.

Each case builds its inputs in a fresh temporary folder, runs ``python -m analysis`` as a user would
(a real process, so tracebacks, exit codes and hangs are seen as a user sees them), and checks:

- the exit code;
- a regular expression that standard error must match (``search``, so it may be a fragment);
- for exit code 2: standard error is one line starting with ``error: `` (warnings before it allowed);
- never a ``Traceback``.

Add cases to the section of your area. ``files`` maps a file name (relative to the temporary folder) to
its bytes, or to a callable taking the folder and writing it; ``{tmp}`` in ``argv`` is that folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from analysis.paths import ROOT

#: A short French text that passes the language check.
FRENCH = (
    "Titre de l’article\n\nLe gouvernement a annoncé lundi une réforme des retraites, "
    "que les syndicats jugent injuste et contre laquelle ils appellent à manifester.\n"
).encode()


def _writer(text: str, name: str = "a.txt") -> Callable[[Path], None]:
    """Write ``text`` (UTF-8) as ``name`` in the case's folder when the case runs (big inputs stay unbuilt)."""
    return lambda tmp: (tmp / name).write_text(text, encoding="utf-8")


#: A sentence with two names (text pipeline cases).
_NAMED = "Le président Emmanuel Macron est arrivé à Paris lundi. "
#: Relative dates of every kind, to resolve from the ends of the calendar.
_RELATIVE = (
    "Titre\n\nHier, le ministre a annoncé que la réforme entrera en vigueur demain, puis la semaine "
    "prochaine, le mois prochain et l'année prochaine. Il y a 4 500 ans, lundi dernier, le 29 février, "
    "à Noël et dans deux siècles : tout cela sera discuté vendredi à 14 h, le lendemain et l'hiver "
    "prochain, depuis trois ans.\n"
)


@dataclass(frozen=True)
class Case:
    """One row of the table."""

    id: str
    argv: tuple[str, ...]
    code: int
    message: str = ""
    files: dict[str, bytes | Callable[[Path], None]] = field(default_factory=dict)
    timeout: float = 120
    env: dict[str, str] = field(default_factory=dict)


# --- reading: inputs ------------------------------------------------------------------------------
#: A news page: its date in markup, a weekday and a day in its text.
PAGE = (
    "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>La grève reconduite | Le Journal</title>"
    "<meta property='article:published_time' content='2018-06-20T09:00:00+02:00'></head><body>"
    "<nav><a href='/'>Accueil</a></nav><article><h1>La grève reconduite</h1>"
    "<p>Dimanche 17 juin, les cheminots ont voté la reconduction de la grève contre la réforme, a annoncé le "
    "syndicat, et la circulation des trains restera très perturbée pendant toute la semaine.</p>"
    "<p>Le gouvernement appelle au dialogue et promet de recevoir les syndicats avant la fin du mois.</p>"
    "</article><footer>Tous droits réservés.</footer></body></html>"
).encode()
ROW = (
    '{"doc_id": %s, "text": "Le conseil municipal a voté lundi le budget de la ville, après un long débat.", '
    '"date": %s}\n'
)
#: UTF-8 French with one Windows-1252 "é" in it (broken UTF-8).
BROKEN_UTF8 = FRENCH.replace("réforme".encode(), b"r\xe9forme")
#: Windows-1252 French in which "déjà" + no-break space + "»" happens to form valid UTF-8 (E0 A0 BB).
CHANCE_UTF8 = (FRENCH.decode() + "« C’est déjà\u00a0», a dit le maire, à Besançon.\n").encode("cp1252")


def _csv(rows: list[str]) -> bytes:
    return ("text,title\n" + "".join(rows)).encode()


def _parquet_with_a_corrupt_row_group(tmp: Path) -> None:
    """c.parquet: 9 rows in row groups of 3; row group 1's text column chunk overwritten with 0xFF bytes."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp / "c.parquet"
    text = FRENCH.decode()
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9)], "text": [f"{text} Numéro {i}." for i in range(9)]})
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=3)
    chunk = pq.ParquetFile(path).metadata.row_group(1).column(1)
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[start : start + chunk.total_compressed_size] = b"\xff" * chunk.total_compressed_size
    path.write_bytes(bytes(data))


ARTICLE = str(ROOT / "data" / "article.txt")
#: A corpus folder of two French documents.
CORPUS = {"c/a.txt": FRENCH, "c/b.txt": FRENCH.replace(b"lundi", b"mardi")}
#: A folder in which no document can be read.
UNREADABLE = {"u/a.txt": b"", "u/b.txt": b"\x00\x01binary\x00"}

#: A small valid CoNLL-U file (10 columns) and a Sequoia PARSEME one (12 columns, NE in column 11).
CONLLU = (
    "# sent_id = s1\n# text = Le chat dort au jardin.\n"
    "1\tLe\tle\tDET\t_\t_\t2\tdet\t_\t_\n2\tchat\tchat\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
    "3\tdort\tdormir\tVERB\t_\t_\t0\troot\t_\t_\n4-5\tau\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "4\tà\tà\tADP\t_\t_\t6\tcase\t_\t_\n5\tle\tle\tDET\t_\t_\t6\tdet\t_\t_\n"
    "6\tjardin\tjardin\tNOUN\t_\t_\t3\tobl\t_\tSpaceAfter=No\n7\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n"
    "# sent_id = s2\n# text = Il pleut.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
    "2\tpleut\tpleuvoir\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
).encode()
SEQUOIA = (
    "# sent_id = t1\n# text = Jean Dupont est à Paris.\n"
    "1\tJean\tJean\tPROPN\t_\t_\t3\tnsubj\t_\t_\t1:PROPN|NE-PERS.final|_\t*\n"
    "2\tDupont\tDupont\tPROPN\t_\t_\t1\tflat\t_\t_\t1\t*\n3\test\têtre\tAUX\t_\t_\t0\troot\t_\t_\t*\t*\n"
    "4\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\t*\t*\n"
    "5\tParis\tParis\tPROPN\t_\t_\t3\tobl\t_\tSpaceAfter=No\t2:PROPN|NE-LOC.final|_\t*\n"
    "6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\t*\t*\n\n"
).encode()
HIPE_HEADER = (
    b"TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\t"
    b"NEL-LIT\tNEL-METO\tMISC\n"
)
TML = (
    "<?xml version='1.0' encoding='UTF-8'?>\n<TimeML>\n<DOCID>x</DOCID>\n"
    '<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2002-02-09" /></DCT>\n'
    '<TEXT>\nIl est arrivé <TIMEX3 tid="t1" type="DATE" value="2002-02-08">hier</TIMEX3> et repart '
    '<TIMEX3 tid="t2" type="DATE" value="2002-02-10">demain</TIMEX3>.\n</TEXT>\n</TimeML>\n'
).encode()
WIKINEWS = {"w/ref": "1.html\tchat;jardin\n".encode(), "w/txt/1.txt": FRENCH}


def _cut(data: bytes, at: float = 0.5) -> bytes:
    """The first part of a file, cut inside a line (a truncated download)."""
    cut = int(len(data) * at)
    while data[cut - 1 : cut] == b"\n":
        cut += 1
    return data[:cut]


def _without_last_lines(data: bytes, n: int) -> bytes:
    """The file without its last ``n`` lines: cut at a line boundary inside the last sentence."""
    return b"".join(data.splitlines(keepends=True)[:-n])


def _eval_cases() -> list[Case]:
    """Every ``eval`` kind against a missing path, an empty file, the article, a folder of the wrong kind and a
    truncated or garbled gold file; then against valid gold."""
    cases = []
    for what in ("tokens", "sentences", "ner", "timex", "keyterms"):
        cases += [
            Case(f"eval {what}: missing path", ("eval", what, "{tmp}/nope"), 2, r"nope: no such file or folder"),
            Case(
                f"eval {what}: empty file",
                ("eval", what, "{tmp}/empty.txt"),
                2,
                r"empty\.txt: (file is empty|not a folder)",
                files={"empty.txt": b""},
            ),
            Case(
                f"eval {what}: the article",
                ("eval", what, ARTICLE),
                2,
                r"article\.txt: (line 1: 1 tab-separated column|not a folder)",
            ),
        ]
    folder = {
        "tokens": r"is a folder \(expected a CoNLL-U file\)",
        "sentences": r"is a folder",
        "ner": r"is a folder",
        "timex": r"c: no \.tml file",
        "keyterms": r"c: no ref file",
    }
    cases += [
        Case(f"eval {what}: a corpus folder", ("eval", what, "{tmp}/c"), 2, message, files=CORPUS)
        for what, message in folder.items()
    ]
    cases += [
        Case(
            "eval tokens: truncated line",
            ("eval", "tokens", "{tmp}/g.conllu"),
            2,
            r"g\.conllu: line \d+: \d tab-separated column\(s\), expected 10",
            files={"g.conllu": _cut(CONLLU)},
        ),
        Case(
            "eval sentences: truncated sentence",
            ("eval", "sentences", "{tmp}/g.conllu"),
            2,
            r"g\.conllu: (ends inside a sentence|sentence 's2': its tokens do not spell)",
            files={"g.conllu": _without_last_lines(CONLLU, 2)},
        ),
        Case(
            "eval tokens: missing word",
            ("eval", "tokens", "{tmp}/g.conllu"),
            2,
            r"token ID '3' where word 2 was expected",
            files={"g.conllu": CONLLU.replace("2\tchat\tchat\tNOUN\t_\t_\t3\tnsubj\t_\t_\n".encode(), b"")},
        ),
        Case(
            "eval tokens: tokens and text disagree",
            ("eval", "tokens", "{tmp}/g.conllu"),
            2,
            r"sentence 's1': its tokens do not spell its '# text'",
            files={"g.conllu": CONLLU.replace(b"# text = Le chat", b"# text = Un chat")},
        ),
        Case(
            "eval tokens: not UTF-8",
            ("eval", "tokens", "{tmp}/g.conllu"),
            2,
            r"line 1: not UTF-8 \(byte 0xff",
            files={"g.conllu": b"\xff\xfe" + CONLLU},
        ),
        Case(
            "eval ner: plain CoNLL-U (no NE column)",
            ("eval", "ner", "{tmp}/g.conllu"),
            2,
            r"expected 11 .*PARSEME:MWE column 11",
            files={"g.conllu": CONLLU},
        ),
        Case(
            "eval ner: no entity annotated",
            ("eval", "ner", "{tmp}/g.parseme"),
            2,
            r"no named-entity annotation",
            files={"g.parseme": re.sub(rb"\d:PROPN\|NE-\w+\.final\|_|(?<=\t)[12](?=\t\*\n)", b"*", SEQUOIA)},
        ),
        Case(
            "eval ner: garbled column 11",
            ("eval", "ner", "{tmp}/g.parseme"),
            2,
            r"malformed PARSEME:MWE value 'x:y'",
            files={"g.parseme": SEQUOIA.replace(b"\t1\t*\n", b"\tx:y\t*\n")},
        ),
        Case(
            "eval ner: truncated",
            ("eval", "ner", "{tmp}/g.parseme"),
            2,
            r"g\.parseme: line \d+: ",
            files={"g.parseme": _cut(SEQUOIA, 0.6)},
        ),
        Case(
            "eval ner: HIPE token before any document",
            ("eval", "ner", "{tmp}/h.tsv"),
            2,
            r"h\.tsv: line 2: a token before any",
            files={"h.tsv": HIPE_HEADER + b"Paris\tB-loc" + b"\t_" * 8 + b"\n"},
        ),
        Case(
            "eval ner: HIPE line cut",
            ("eval", "ner", "{tmp}/h.tsv"),
            2,
            r"h\.tsv: line 3: 2 tab-separated",
            files={"h.tsv": HIPE_HEADER + b"# hipe2022:document_id = d1\nParis\tB-loc\n"},
        ),
        Case(
            "eval ner: HIPE folder with no HIPE-2022 file",
            ("eval", "ner", "{tmp}/hipe"),
            2,
            r"is a folder",
            files={"hipe/_src/notes.tsv": HIPE_HEADER},
        ),
        Case(
            "eval timex: truncated .tml",
            ("eval", "timex", "{tmp}/tb"),
            2,
            r"a\.tml: not well-formed XML",
            files={"tb/a.tml": _cut(TML)},
        ),
        Case(
            "eval timex: empty .tml",
            ("eval", "timex", "{tmp}/tb"),
            2,
            r"a\.tml: file is empty",
            files={"tb/a.tml": b""},
        ),
        Case(
            "eval timex: no DCT",
            ("eval", "timex", "{tmp}/tb"),
            2,
            r"a\.tml: no <DCT> creation date",
            files={"tb/a.tml": re.sub(rb"<DCT>.*</DCT>\n", b"", TML)},
        ),
        Case(
            "eval timex: no TIMEX3 at all",
            ("eval", "timex", "{tmp}/tb"),
            2,
            r"no TIMEX3 annotation",
            files={"tb/a.tml": re.sub(rb'<TIMEX3 tid="t[12]"[^>]*>|</TIMEX3>', b"", TML)},
        ),
        Case(
            "eval timex: a .tml file, not the folder",
            ("eval", "timex", "{tmp}/tb/a.tml"),
            2,
            r"a\.tml: not a folder",
            files={"tb/a.tml": TML},
        ),
        Case(
            "eval keyterms: ref without tabs",
            ("eval", "keyterms", "{tmp}/w"),
            2,
            r"ref: line 1: expected a file name, a tab and keyphrases",
            files={**WIKINEWS, "w/ref": b"1.html chat jardin\n"},
        ),
        Case(
            "eval keyterms: a page is missing",
            ("eval", "keyterms", "{tmp}/w"),
            2,
            r"ref: line 2: no page .*2\.txt",
            files={**WIKINEWS, "w/ref": WIKINEWS["w/ref"] + b"2.html\tx\n"},
        ),
        Case(
            "eval keyterms: empty ref",
            ("eval", "keyterms", "{tmp}/w"),
            2,
            r"ref: file is empty",
            files={**WIKINEWS, "w/ref": b"\n"},
        ),
        Case(
            "eval keyterms: no pages folder",
            ("eval", "keyterms", "{tmp}/w"),
            2,
            r"w: no txt/ folder",
            files={"w/ref": WIKINEWS["w/ref"]},
        ),
        Case(
            "eval tokens: valid gold",
            ("eval", "tokens", "{tmp}/g.conllu", "--errors", "{tmp}/e.tsv"),
            0,
            files={"g.conllu": CONLLU},
        ),
        Case(
            "eval sentences: --errors is a folder",
            ("eval", "sentences", "{tmp}/g.conllu", "--errors", "{tmp}"),
            2,
            r"is a folder",
            files={"g.conllu": CONLLU},
        ),
        Case(
            "eval tokens: --errors in a missing folder",
            ("eval", "tokens", "{tmp}/g.conllu", "--errors", "{tmp}/no/e.tsv"),
            2,
            r"does not exist",
            files={"g.conllu": CONLLU},
        ),
        Case(
            "eval tokens: --errors not .tsv",
            ("eval", "tokens", "{tmp}/g.conllu", "--errors", "{tmp}/e.csv"),
            2,
            r"unknown table format '\.csv'",
            files={"g.conllu": CONLLU},
        ),
        Case(
            "eval timex: --errors is a folder",
            ("eval", "timex", "{tmp}/tb", "--errors", "{tmp}/tb"),
            2,
            r"is a folder",
            files={"tb/a.tml": TML},
        ),
        Case("eval quotes: missing path", ("eval", "quotes", "{tmp}/nope"), 2, r"nope: no such file or folder"),
        Case(
            "eval quotes: a corpus folder",
            ("eval", "quotes", "{tmp}/c"),
            2,
            r"c: not the quote gold \(no attributions\.jsonl",
            files=CORPUS,
        ),
        Case(
            "eval quotes: a gold line not JSON",
            ("eval", "quotes", "{tmp}/q"),
            2,
            r"attributions\.jsonl:1: not JSON",
            files={"q/attributions.jsonl": b"{", "q/claims.jsonl": b"", "q/trafilatura_offsets.jsonl": b""},
        ),
        Case("eval timex: valid gold", ("eval", "timex", "{tmp}/tb"), 0, files={"tb/a.tml": TML}),
    ]
    return cases


#: Scheduler addresses that cannot work: exit 2 with one line, well within the case's timeout.
SCHEDULER_CASES = [
    Case(
        "scheduler: malformed address",
        ("clean", "{tmp}/c", "--scheduler", "tcp://"),
        2,
        r"malformed address",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: malformed port",
        ("clean", "{tmp}/c", "--scheduler", "tcp://127.0.0.1:http"),
        2,
        r"malformed port 'http'",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: port out of range",
        ("clean", "{tmp}/c", "--scheduler", "tcp://127.0.0.1:70000"),
        2,
        r"malformed port '70000'",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: unknown scheme",
        ("clean", "{tmp}/c", "--scheduler", "udp://127.0.0.1:8786"),
        2,
        r"unsupported scheme 'udp://'",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: unknown name",
        ("terms", "{tmp}/c", "--scheduler", "bogus"),
        2,
        r"unknown scheduler 'bogus'",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: host name that does not resolve",
        ("clean", "{tmp}/c", "--scheduler", "tcp://nohost.invalid:8786"),
        2,
        r"tcp://nohost\.invalid:8786: the host name (does not|did not) resolve",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: unroutable address",
        ("clean", "{tmp}/c", "--scheduler", "tcp://10.255.255.1:8786"),
        2,
        r"tcp://10\.255\.255\.1:8786: (no answer|not a dask scheduler|no dask scheduler answered)",
        files=CORPUS,
        timeout=15,
    ),
    Case(
        "scheduler: on one article",
        ("entities", "{tmp}/a.txt", "--scheduler", "processes"),
        2,
        r"--scheduler applies to a corpus .* not to one article",
        files={"a.txt": FRENCH},
    ),
]

CLI_CASES: list[Case] = [
    # arguments
    Case("no command", (), 2, r"^error: the following arguments are required: COMMAND"),
    Case("unknown command", ("frobnicate", "{tmp}/a.txt"), 2, r"invalid choice: 'frobnicate'"),
    Case(
        "unknown option",
        ("terms", "{tmp}/a.txt", "--bogus"),
        2,
        r"unrecognized arguments: --bogus",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--out where unsupported",
        ("terms", "{tmp}/c", "--out", "{tmp}/t.csv"),
        2,
        r"unrecognized arguments: --out",
        files=CORPUS,
    ),
    Case("missing argument", ("kwic", "{tmp}/a.txt"), 2, r"required: term", files={"a.txt": FRENCH}),
    Case(
        "missing option value",
        ("terms", "{tmp}/a.txt", "--top"),
        2,
        r"argument --top: expected one argument",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--top -1",
        ("terms", "{tmp}/a.txt", "--top", "-1"),
        2,
        r"argument --top: must be at least 1, not -1",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--top 0",
        ("keyterms", "{tmp}/a.txt", "--top", "0"),
        2,
        r"argument --top: must be at least 1",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--top not a number",
        ("keyness", "{tmp}/a.txt", "--top", "ten"),
        2,
        r"expected a whole number, not 'ten'",
        files={"a.txt": FRENCH},
    ),
    Case(
        "-n 0",
        ("ngrams", "{tmp}/a.txt", "-n", "0"),
        2,
        r"argument -n: must be at least 1, not 0",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--min-count 0",
        ("collocations", "{tmp}/a.txt", "--min-count", "0"),
        2,
        r"argument --min-count: must be",
        files={"a.txt": FRENCH},
    ),
    Case(
        "kwic: empty term", ("kwic", "{tmp}/a.txt", ""), 2, r"the term to search for is empty", files={"a.txt": FRENCH}
    ),
    Case("kwic: blank term", ("kwic", "{tmp}/c", "   "), 2, r"the term to search for is empty", files=CORPUS),
    Case(
        "kwic: punctuation only",
        ("kwic", "{tmp}/a.txt", "«»"),
        2,
        r"has no word to search for",
        files={"a.txt": FRENCH},
    ),
    Case(
        "kwic: --window -3",
        ("kwic", "{tmp}/a.txt", "réforme", "--window", "-3"),
        2,
        r"argument --window: must be at least 0, not -3",
        files={"a.txt": FRENCH},
    ),
    Case("--by unknown", ("terms", "{tmp}/c", "--by", "lemmas"), 2, r"invalid choice: 'lemmas'", files=CORPUS),
    Case(
        "--date malformed",
        ("timeline", "{tmp}/a.txt", "--date", "20/11/2022"),
        2,
        r"expected YYYY-MM-DD",
        files={"a.txt": FRENCH},
    ),
    Case(
        "--date impossible",
        ("timeline", "{tmp}/a.txt", "--date", "2022-02-30"),
        2,
        r"--date '2022-02-30'",
        files={"a.txt": FRENCH},
    ),
    # options that do not apply to the input
    Case(
        "--date on a corpus",
        ("timeline", "{tmp}/c", "--date", "2022-11-20"),
        2,
        r"--date applies to one article, not to a corpus",
        files=CORPUS,
    ),
    Case(
        "--date on a JSONL corpus",
        ("timeline", "{tmp}/c.jsonl", "--date", "2022-11-20"),
        2,
        r"--date applies to one article",
        files={"c.jsonl": b'{"text": "Le gouvernement a annonc\\u00e9."}\n'},
    ),
    Case("--by stem on keyness", ("keyness", "{tmp}/c", "--by", "stem"), 2, r"invalid choice: 'stem'", files=CORPUS),
    Case(
        "audit --by on one article",
        ("audit", "{tmp}/a.txt", "--by", "month"),
        2,
        r"--by applies to a corpus",
        files={"a.txt": FRENCH},
    ),
    Case(
        "audit --by an unknown part",
        ("audit", "{tmp}/c", "--by", "author"),
        2,
        r"invalid choice: 'author'",
        files=CORPUS,
    ),
    Case(
        "terms --by lemma on one article (--by is corpus-only for audit alone)",
        ("terms", "{tmp}/a.txt", "--by", "lemma", "--top", "3"),
        0,
        files={"a.txt": FRENCH},
    ),
    Case(
        "ngrams with its default --by on one article",
        ("ngrams", "{tmp}/a.txt", "--top", "3"),
        0,
        files={"a.txt": FRENCH},
    ),
    Case("claims: missing file", ("claims", "{tmp}/nope.txt"), 2, r"nope\.txt: no such file"),
    # corpora
    *[
        Case(
            f"{command}: no document could be read",
            (command, "{tmp}/u", *rest),
            2,
            r"u: no document could be read \(2 skipped",
            files=UNREADABLE,
        )
        for command, *rest in (
            ("clean",),
            ("tokens", "--fast"),
            ("sentences",),
            ("terms",),
            ("ngrams",),
            ("keyterms",),
            ("kwic", "réforme"),
            ("timeline",),
            ("entities",),
            ("quotes",),
            ("collocations",),
            ("keyness",),
            ("claims",),
            ("audit",),
        )
    ],
    Case(
        "corpus: a JSONL of bad lines only",
        ("sentences", "{tmp}/c.jsonl"),
        2,
        r"c\.jsonl: no document: no line or row can be analysed \(2 problems",
        files={"c.jsonl": b'{"title": "no text"}\n[1, 2]\n'},
    ),
    # output paths, checked before any work
    Case(
        "--out: folder does not exist",
        ("corpus", "{tmp}/c", "--out", "{tmp}/no/where.csv"),
        2,
        r"where\.csv: the folder .*no does not exist",
        files=CORPUS,
    ),
    Case(
        "--out: unknown suffix",
        ("corpus", "{tmp}/c", "--out", "{tmp}/summary.xlsx"),
        2,
        r"unknown table format '\.xlsx'",
        files=CORPUS,
    ),
    Case("--out: no suffix", ("corpus", "{tmp}/c", "--out", "{tmp}/summary"), 2, r"unknown table format", files=CORPUS),
    Case("--out: a folder", ("corpus", "{tmp}/c", "--out", "{tmp}/c"), 2, r"c: is a folder", files=CORPUS),
    Case(
        "--out: a folder named like a table",
        ("corpus", "{tmp}/c", "--out", "{tmp}/t.csv"),
        2,
        r"t\.csv: is a folder",
        files={**CORPUS, "t.csv/x": b""},
    ),
    Case(
        "--out: parent is a file",
        ("corpus", "{tmp}/c", "--out", "{tmp}/c/a.txt/s.csv"),
        2,
        r"is not a folder",
        files=CORPUS,
    ),
    Case("--out: a device", ("corpus", "{tmp}/c", "--out", "/dev/full"), 2, r"/dev/full: ", files=CORPUS),
    Case(
        "figures --out: a file",
        ("figures", "--out", "{tmp}/a.txt", "--only", "01"),
        2,
        r"a\.txt: not a folder",
        files={"a.txt": FRENCH},
    ),
    Case(
        "figures --out: parent missing",
        ("figures", "--out", "{tmp}/no/figs", "--only", "01"),
        2,
        r"the folder .*no does not exist",
    ),
    Case(
        "figures --only: no such notebook",
        ("figures", "--out", "{tmp}/figs", "--only", "99"),
        2,
        r"--only 99: no notebook name starts with '99'",
    ),
    Case(
        "figures --corpus: missing",
        ("figures", "--out", "{tmp}/figs", "--corpus", "{tmp}/nope"),
        2,
        r"nope: no such file or folder \(--corpus\)",
    ),
    Case(
        "report --out: a file", ("report", "--out", "{tmp}/a.txt"), 2, r"a\.txt: not a folder", files={"a.txt": FRENCH}
    ),
    Case("cache --max-size: not a size", ("cache", "--max-size", "12Q"), 2, r"--max-size: expected a size such as"),
    Case(
        "cache --clear with --max-size",
        ("cache", "--clear", "--max-size", "1G"),
        2,
        r"--clear removes them all",
        env={"ANALYSIS_CACHE_DIR": "c"},
    ),
    Case(
        "cache folder is a file",
        ("cache", "--prune"),
        2,
        r"blocker: the cache folder is not a folder",
        files={"blocker": b"x"},
        env={"ANALYSIS_CACHE_DIR": "blocker"},
    ),
    # gold data
    *_eval_cases(),
    # schedulers
    *SCHEDULER_CASES,
    # terminals that cannot show French
    Case(
        "ascii terminal, text",
        ("sentences", "{tmp}/a.txt"),
        0,
        r"warning: standard output \(ascii\) cannot show \d+ character",
        files={"a.txt": FRENCH},
        env={"PYTHONIOENCODING": "ascii"},
    ),
    Case(
        "ascii terminal, JSON",
        ("sentences", "{tmp}/a.txt", "--json"),
        0,
        r"^$",
        files={"a.txt": FRENCH},
        env={"PYTHONIOENCODING": "ascii"},
    ),
    Case(
        "C locale without UTF-8 mode",
        ("clean", "{tmp}/a.txt"),
        0,
        r"warning: standard output \(ascii\)",
        files={"a.txt": FRENCH},
        env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ),
    Case(
        "ascii terminal, error naming a French file",
        ("clean", "{tmp}/é.txt"),
        2,
        r"no such file",
        env={"PYTHONIOENCODING": "ascii"},
    ),
]


CASES: list[Case] = [
    # --- loading (one article) -------------------------------------------------------------------
    Case("missing file", ("clean", "{tmp}/missing.txt"), 2, r"missing\.txt: no such file"),
    Case("empty file", ("tokens", "{tmp}/a.txt"), 2, r"a\.txt: file is empty", files={"a.txt": b""}),
    Case(
        "binary file",
        ("sentences", "{tmp}/a.txt"),
        2,
        r"a\.txt: binary file",
        files={"a.txt": b"\x00\x01\x02binary\x00"},
    ),
    Case(
        "malformed sidecar",
        ("info", "{tmp}/a.txt"),
        2,
        r"a\.meta\.json: malformed JSON",
        files={"a.txt": FRENCH, "a.meta.json": b"{nope"},
    ),
    Case("good article", ("info", "{tmp}/a.txt", "--json"), 0, files={"a.txt": FRENCH}),
    # --- reading (html, md, encodings, corpus files and rows) ------------------------------------
    Case("html page: info", ("info", "{tmp}/page.html", "--json"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page: timeline", ("timeline", "{tmp}/page.html"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page: sentences", ("sentences", "{tmp}/page.html", "--json"), 0, r"\A\Z", files={"page.html": PAGE}),
    Case("html page in a corpus", ("corpus", "{tmp}/c", "--json"), 0, r"\A\Z", files={"c/page.html": PAGE}),
    Case(
        "html page without text",
        ("info", "{tmp}/vide.html"),
        2,
        r"vide\.html: trafilatura found no article text",
        files={"vide.html": b"<html><head><title>Rien</title></head><body></body></html>"},
    ),
    Case(
        "md front matter: info",
        ("info", "{tmp}/a.md"),
        0,
        r"\A\Z",
        files={"a.md": b"---\ntitle: Le budget\ndate: 2023-03-06\n---\n" + FRENCH},
    ),
    Case(
        "md malformed YAML",
        ("info", "{tmp}/a.md"),
        2,
        r"a\.md: malformed YAML front matter at line 2",
        files={"a.md": b"---\ntitle: a: b\n---\n" + FRENCH},
    ),
    Case(
        "md front matter never closed",
        ("tokens", "{tmp}/a.md", "--fast"),
        2,
        r"a\.md: front matter opened with --- on line 1 is never closed",
        files={"a.md": b"---\ntitle: x\n" + FRENCH},
    ),
    Case(
        "md bad front-matter date",
        ("sentences", "{tmp}/a.md"),
        2,
        r"a\.md: front matter date '20 mars' is not",
        files={"a.md": b"---\ndate: 20 mars\n---\n" + FRENCH},
    ),
    Case(
        "md nothing after front matter",
        ("clean", "{tmp}/a.md"),
        2,
        r"a\.md: no text after the front matter",
        files={"a.md": b"---\ntitle: x\n---\n\n"},
    ),
    Case(
        "md broken front matter in a corpus",
        ("corpus", "{tmp}/c", "--json"),
        0,
        r"skipped .*bad\.md: front matter opened",
        files={"c/bad.md": b"---\nx: 1\n" + FRENCH, "c/a.txt": FRENCH},
    ),
    Case(
        "broken UTF-8",
        ("clean", "{tmp}/a.txt"),
        2,
        r"a\.txt: broken UTF-8: byte \d+ \(line 3\) is 0xE9, invalid in UTF-8, in b'.*r\\xe9forme",
        files={"a.txt": BROKEN_UTF8},
    ),
    Case(
        "broken UTF-8 html",
        ("info", "{tmp}/a.html"),
        2,
        r"a\.html: broken UTF-8: byte \d+",
        files={"a.html": PAGE.replace("grève".encode(), b"gr\xe8ve", 1)},
    ),
    Case(
        "single-byte text with a chance UTF-8 sequence",
        ("tokens", "{tmp}/a.txt", "--fast"),
        0,
        r"warning: .*a\.txt: decoded as cp1252 .*also valid UTF-8 \(byte \d+ \(e0 a0 bb\)\)",
        files={"a.txt": CHANCE_UTF8},
    ),
    Case(
        "non-UTF-8 file name: info",
        ("info", "{tmp}/caf\udce9.txt"),
        0,
        r"\A\Z",
        files={"caf\udce9.txt": FRENCH},
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    Case(
        "non-UTF-8 file name: missing",
        ("tokens", "{tmp}/th\udce9.txt"),
        2,
        r"th\\xe9\.txt: no such file",
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    Case(
        "non-UTF-8 file name in a corpus",
        ("corpus", "{tmp}/c", "--json"),
        0,
        r"kept .*c/caf\\xe9\.txt: file name is not valid UTF-8: kept as doc_id 'caf\\xe9'",
        files={"c/caf\udce9.txt": FRENCH, "c/b.txt": FRENCH},
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    Case(
        "non-UTF-8 folder name: keyterms",
        ("keyterms", "{tmp}/c", "--json"),
        0,
        r"kept .*r\\xe9gion/a\.txt",
        files={"c/r\udce9gion/a.txt": FRENCH},
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    Case(
        "JSONL lone surrogate doc_id",
        ("keyterms", "{tmp}/c.jsonl", "--json"),
        0,
        r"kept .*c\.jsonl:1: doc_id holds lone surrogates \(not characters\): shown escaped as '\\\\ud800'",
        files={"c.jsonl": (ROW % ('"\\ud800"', "null") + ROW % ('"b"', "null")).encode()},
        env={"PYTHONIOENCODING": "utf-8:strict"},
    ),
    Case(
        "JSONL invalid date",
        ("corpus", "{tmp}/c.jsonl", "--json"),
        0,
        r"kept .*c\.jsonl:2: date '2023-13-45' is not a date .*kept without a date",
        files={"c.jsonl": (ROW % ('"a"', '"2023-03-01"') + ROW % ('"b"', '"2023-13-45"')).encode()},
    ),
    Case(
        "JSONL invalid UTF-8 line",
        ("corpus", "{tmp}/c.jsonl"),
        0,
        r"skipped .*c\.jsonl:1: not valid UTF-8: byte \d+",
        files={"c.jsonl": (ROW % ('"a"', "null")).encode("cp1252") + (ROW % ('"b"', "null")).encode()},
    ),
    Case(
        "JSONL empty", ("corpus", "{tmp}/c.jsonl"), 2, r"c\.jsonl: no document: an empty file", files={"c.jsonl": b""}
    ),
    Case(
        "JSONL every line bad",
        ("terms", "{tmp}/c.jsonl"),
        2,
        r"c\.jsonl: no document: no line or row can be analysed \(2 problems; first: .*c\.jsonl:1: not JSON",
        files={"c.jsonl": b"{nope\n[1, 2]\n"},
    ),
    Case(
        "CSV ragged rows",
        ("corpus", "{tmp}/c.csv", "--json"),
        0,
        r"skipped .*c\.csv#1: 3 fields where the header has 2 \(line 3\).*\n.*c\.csv#2: 1 field where",
        files={
            "c.csv": _csv(
                [
                    '"Le conseil a voté le budget de la ville.",A\n',
                    '"Un texte, puis",B,C\n',
                    '"Un texte sans titre"\n',
                    '"Le maire a salué le vote.",D\n',
                ]
            )
        },
    ),
    Case(
        "CSV invalid date",
        ("corpus", "{tmp}/c.csv"),
        0,
        r"kept .*c\.csv#0: date 'hier' is not a date",
        files={"c.csv": b'text,date\n"Le conseil a vot\xc3\xa9 le budget.",hier\n'},
    ),
    Case(
        "CSV header only",
        ("terms", "{tmp}/c.csv"),
        2,
        r"c\.csv: no document: a header only",
        files={"c.csv": b"text,title\n"},
    ),
    Case("CSV empty", ("corpus", "{tmp}/c.csv"), 2, r"c\.csv: no document \(an empty file", files={"c.csv": b""}),
    Case(
        "Parquet corrupt row group",
        ("corpus", "{tmp}/c.parquet", "--json"),
        0,
        r"skipped .*c\.parquet#3: row group 1 \(rows 3-5\) cannot be read",
        files={"c.parquet": _parquet_with_a_corrupt_row_group},
    ),
    Case(
        "folder without an article",
        ("keyterms", "{tmp}/c"),
        2,
        r"c: no document: no \.txt, \.md or \.html article in this folder",
        files={"c/README.md": b"# A folder\n", "c/notes.tsv": b"a\tb\n"},
    ),
    # --- text pipeline (long runs, long lines, memory, dates) ------------------------------------
    # Each of these hung, crashed or ran out of memory; the timeouts are generous (a hang guard).
    *[
        Case(f"200 KB of « through {c}", (c, "{tmp}/a.txt"), 0, files={"a.txt": _writer("«" * 200_000)}, timeout=600)
        for c in ("entities", "quotes", "timeline", "claims")
    ],
    Case(
        "«a» repeated through quotes",
        ("quotes", "{tmp}/a.txt"),
        0,
        files={"a.txt": _writer("«a»" * 60_000)},
        timeout=600,
    ),
    Case(
        "a capital then 60 KB of « through entities",
        ("entities", "{tmp}/a.txt"),
        0,
        files={"a.txt": _writer("A" + "«" * 60_000)},
        timeout=600,
    ),
    Case(
        "one huge hyphenated word through entities",
        ("entities", "{tmp}/a.txt", "--json"),
        0,
        files={"a.txt": _writer("Anti-" * 40_000 + "x")},
        timeout=600,
    ),
    Case(
        "digits and apostrophes through timeline",
        ("timeline", "{tmp}/a.txt", "--date", "2022-11-20"),
        0,
        files={"a.txt": _writer("7" * 100_000 + " " + "'" * 100_000 + " " + "123 " * 25_000)},
        timeout=600,
    ),
    Case(
        "200 KB of dots then a letter through entities",
        ("entities", "{tmp}/a.txt"),
        0,
        files={"a.txt": _writer("." * 200_000 + "x")},
        timeout=600,
    ),
    Case(
        "spaces and line breaks through quotes",
        ("quotes", "{tmp}/a.txt"),
        0,
        files={"a.txt": _writer("Il a dit. " + " \n " * 60_000 + "b")},
        timeout=600,
    ),
    Case(
        "1.2 MB segment through entities",
        ("entities", "{tmp}/a.txt", "--json"),
        0,
        files={"a.txt": _writer(_NAMED + "le chat dort sur le canapé " * 45_000 + ". " + _NAMED)},
        timeout=600,
    ),
    Case(
        "10 MB on one line through sentences",
        ("sentences", "{tmp}/a.txt", "--csv"),
        0,
        files={"a.txt": _writer("Le ministre a parlé. Il a dit non. " * 285_000)},
        timeout=600,
    ),
    Case(
        "10 MB of French through tokens --fast --json",
        ("tokens", "{tmp}/a.txt", "--fast", "--json"),
        0,
        files={"a.txt": _writer(FRENCH.decode() * 60_000)},
        timeout=600,
    ),
    *[
        Case(
            f"timeline --date {d}",
            ("timeline", "{tmp}/a.txt", "--date", d, "--json"),
            0,
            files={"a.txt": _writer(_RELATIVE)},
        )
        for d in ("9999-12-31", "0001-01-01")
    ],
    # --- textometry (a partition, a part, K, a query, a Europresse export) -----------------------
    Case(
        "specificities: no such partition field",
        ("specificities", "{tmp}/a.txt", "--partition", "rubrique"),
        2,
        r"partition field 'rubrique' does not exist",
        files={"a.txt": FRENCH},
    ),
    Case(
        "specificities: a period that is not one",
        ("specificities", "{tmp}/a.txt", "--partition", "date:decade"),
        2,
        r"unknown period 'decade'",
        files={"a.txt": FRENCH},
    ),
    Case(
        "specificities: a part without tokens",
        ("specificities", "{tmp}/c.jsonl", "--partition", "outlet"),
        2,
        r"part 'B' has no counted tokens",
        files={
            "c.jsonl": (ROW % ('"a"', '"2020-01-01"')).replace('"date"', '"outlet": "A", "date"').encode()
            + b'{"doc_id": "b", "text": "...", "outlet": "B"}\n'
        },
    ),
    Case(
        "reinert: more classes than segments",
        ("reinert", "{tmp}/a.txt", "--classes", "50"),
        2,
        r"k=50 classes asked but the text makes only \d+ segments",
        files={"a.txt": FRENCH},
    ),
    Case(
        "reinert: K below 2",
        ("reinert", "{tmp}/a.txt", "--classes", "1"),
        2,
        r"must be at least 2",
        files={"a.txt": FRENCH},
    ),
    Case(
        "ca: one part only",
        ("ca", "{tmp}/a.txt"),
        2,
        r"at least 2 active rows and 2 active columns",
        files={"a.txt": FRENCH},
    ),
    Case(
        "a Europresse file with no article",
        ("specificities", "{tmp}/e.html", "--partition", "outlet"),
        2,
        r"e\.html: Europresse export with no article",
        files={
            "e.html": b"<html><body><span class='DocPublicationName'>X</span><div class='titreArticle'>Y</div>"
            b"</body></html>"
        },
    ),
    Case(
        "an IRaMuTeQ corpus with only a header",
        ("corpus", "{tmp}/i.txt"),
        2,
        r"no iramuteq document",
        files={"i.txt": b"**** *journal_x\n\n"},
    ),
    Case(
        "a query that does not parse",
        ("query", "{tmp}/a.txt", '[lemma="drone" [pos="ADJ"]'),
        2,
        r"does not parse: position 16: expected '\]'",
        files={"a.txt": FRENCH},
    ),
    Case(
        "a query on an unknown attribute",
        ("query", "{tmp}/a.txt", '[lemme="drone"]'),
        2,
        r"position 2: unknown attribute 'lemme'",
        files={"a.txt": FRENCH},
    ),
    Case(
        "export into a folder that does not exist",
        ("export", "{tmp}/a.txt", "{tmp}/nope/c.txt"),
        2,
        r"no such folder",
        files={"a.txt": FRENCH},
    ),
    # --- command line (options, corpora, eval, schedulers, output paths, signals) ----------------
    # (signals, a full disk and a closed port need a running process or a fresh port: tests/test_cli_corpus.py)
    *CLI_CASES,
]


def _materialise(case: Case, tmp: Path) -> None:
    for name, content in case.files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(tmp)
        else:
            path.write_bytes(content)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    _materialise(case, tmp_path)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in case.argv]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **case.env}
    res = subprocess.run(
        [sys.executable, "-m", "analysis", *argv],
        capture_output=True,
        text=True,
        timeout=case.timeout,
        env=env,
        cwd=tmp_path,
    )
    assert "Traceback" not in res.stderr, res.stderr[-2000:]
    assert res.returncode == case.code, (res.returncode, res.stderr[-1000:])
    if case.message:
        assert re.search(case.message, res.stderr), res.stderr[-1000:]
    if case.code == 2:
        lines = [ln for ln in res.stderr.strip().splitlines() if not ln.startswith("warning: ")]
        assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr[-1000:]
