"""The HIPE-2022 French newspaper sets: reader of the token TSV files and the plain texts beside them.

Gold data: ``news/hipe-fr-plaintext/_src/HIPE-2022-v2.1-*-fr.tsv`` (hipe2020, letemps, newseye,
newseye-dev2), with the plain text of each document in ``hipe-fr-plaintext/<file stem>__<document id>.txt``.
Format (hipe-eval/HIPE-2022-data ``README.md``): a header line ``TOKEN NE-COARSE-LIT …  MISC``; per
document, comment lines (``# hipe2022:document_id = …``) then one token per line, IOB tags in
``NE-COARSE-LIT`` (``B-pers``/``I-PER``…; the scorer upper-cases them), and ``|``-joined flags in
``MISC`` (``NoSpaceAfter``, ``EndOfLine``, ``EndOfSentence``).

The text is rebuilt from the tokens exactly as the plain texts were: a token, then a newline after
``EndOfLine``, nothing after ``NoSpaceAfter``, else one space. A token line that starts with ``#`` was
read as a comment by that builder: it has no offsets (the count is kept, :attr:`HipeDoc.dropped`).
When the plain text is present it must equal the rebuilt one (else :class:`HipeGoldError`).

Entities are collected from the IOB column as the HIPE scorer's ``collect_named_entities`` does: an
entity ends at ``O``, at a ``B-`` or at a change of type, and (``merge_lines=True``) may cross a line
break. Coarse types map to ours: ``pers``/``PER`` → PER, ``loc`` → LOC, ``org`` → ORG; the others
(``prod``, ``time``, ``HumanProd``) are out of the PER/LOC/ORG view and kept as ``OTHER``.

Documents are split into halves by :func:`analysis.eval.scoring.split_half` of
``"<file stem>#<document id>"`` (newseye files reuse ids such as ``dev_fr_1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .conllu import GoldDataError

__all__ = ["HIPE_LABELS", "HipeDoc", "HipeGoldError", "hipe_files", "is_hipe", "read_hipe", "read_hipe_path"]

#: HIPE coarse types (upper-cased) → our labels; any other type is "OTHER" (out of the view).
HIPE_LABELS: dict[str, str] = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG"}

_HEADER = "TOKEN\tNE-COARSE-LIT"
_DOC_ID = re.compile(r"#\s*(?:hipe2022:)?document_id\s*=\s*(\S+)")

Span = tuple[int, int, str]


class HipeGoldError(GoldDataError):
    """A file or folder that is not HIPE-2022 gold (no header, no document, rebuilt text differs)."""


@dataclass
class HipeDoc:
    """One gold document.

    Attributes:
        file_stem (str): The TSV file's stem (the dataset).
        doc_id (str): Its ``document_id``.
        text (str): The plain text (offsets index it).
        tokens (list[tuple[int, int]]): Character span of each token (``(-1, -1)`` if dropped).
        entities (list[tuple[int, int, str]]): Gold ``(first token, last token inclusive, label)``.
        dropped (int): Token lines starting with ``#`` (absent from the plain text).
    """

    file_stem: str
    doc_id: str
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    dropped: int = 0

    @property
    def key(self) -> str:
        """The id the split hashes: ``"<file stem>#<document id>"``."""
        return f"{self.file_stem}#{self.doc_id}"

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Characters of tokens ``first..last`` (inclusive), skipping tokens without offsets."""
        spans = [self.tokens[k] for k in range(first, last + 1) if self.tokens[k][0] >= 0]
        return (spans[0][0], spans[-1][1]) if spans else (-1, -1)

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last token a character span overlaps (what a HIPE prediction file would tag)."""
        hit = [k for k, (a, b) in enumerate(self.tokens) if a >= 0 and a < end and b > start]
        return (hit[0], hit[-1]) if hit else None


def is_hipe(path: str | Path) -> bool:
    """Whether a path is a HIPE TSV file or a folder holding HIPE-2022 TSV files (directly or in ``_src``)."""
    path = Path(path)
    if path.is_dir():
        return bool(hipe_files(path))
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.readline().startswith(_HEADER)
    except (OSError, UnicodeDecodeError):
        return False


def hipe_files(folder: str | Path) -> list[Path]:
    """The HIPE-2022 dev/test TSV files of a folder (or of its ``_src``), sorted; older or train files left out.

    Args:
        folder (str | Path): ``hipe-fr-plaintext`` or its ``_src``.

    Returns:
        list[Path]: ``HIPE-2022-*.tsv`` files, ``-train-`` ones excluded (not development data).
    """
    folder = Path(folder)
    for where in (folder, folder / "_src"):
        found = sorted(p for p in where.glob("HIPE-2022-*.tsv") if "-train-" not in p.name)
        if found:
            return found
    return []


def _collect(tags: list[str]) -> list[Span]:
    """Entities from IOB tags as the HIPE scorer's ``collect_named_entities`` (last index inclusive)."""
    out: list[Span] = []
    start, typ = -1, None
    for i, tag in enumerate(t.upper() for t in tags):
        if tag in ("O", "_", "-", ""):
            if typ is not None:
                out.append((start, i - 1, typ))
                typ = None
        elif typ is None:
            start, typ = i, tag[2:]
        elif typ != tag[2:] or tag.startswith("B"):
            out.append((start, i - 1, typ))
            start, typ = i, tag[2:]
    if typ is not None:
        out.append((start, len(tags) - 1, typ))
    return out


def read_hipe(path: str | Path, *, plaintext: str | Path | None = None) -> list[HipeDoc]:
    """Read one HIPE-2022 TSV file.

    Args:
        path (str | Path): The TSV file.
        plaintext (str | Path | None): Folder of the plain texts (default: the parent of ``_src``
            when the file sits in ``_src``, else the file's folder).

    Returns:
        list[HipeDoc]: Documents in file order, with PER/LOC/ORG/OTHER gold.

    Raises:
        HipeGoldError: Not UTF-8, no HIPE header, a token line before any document, too few columns,
            no document, or a plain text that differs from the rebuilt one.
    """
    path = Path(path)
    if plaintext is None:
        plaintext = path.parent.parent if path.parent.name == "_src" else path.parent
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise HipeGoldError(f"{path}: not UTF-8 (byte {exc.start})") from None
    if not lines or not lines[0].startswith(_HEADER):
        raise HipeGoldError(f"{path}: line 1: no HIPE header (TOKEN, NE-COARSE-LIT, …, MISC)")
    header = lines[0].split("\t")
    col_tag, col_misc = header.index("NE-COARSE-LIT"), len(header) - 1
    raw: list[tuple[str, list[list[str]]]] = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        if line.startswith("#") and "\t" not in line:
            m = _DOC_ID.match(line)
            if m:
                raw.append((m.group(1), []))
            continue
        cols = line.split("\t")
        if len(cols) != len(header):
            raise HipeGoldError(f"{path}: line {n}: {len(cols)} tab-separated column(s), expected {len(header)}")
        if not raw:
            raise HipeGoldError(f"{path}: line {n}: a token before any '# hipe2022:document_id' line")
        raw[-1][1].append(cols)
    if not raw:
        raise HipeGoldError(f"{path}: no document ('# hipe2022:document_id = …' line)")
    docs = []
    for doc_id, rows in raw:
        doc = HipeDoc(file_stem=path.stem, doc_id=doc_id, text="")
        parts: list[str] = []
        pos = 0
        for cols in rows:
            if cols[0].startswith("#"):
                doc.dropped += 1
                doc.tokens.append((-1, -1))
                continue
            flags = cols[col_misc].split("|")
            sep = "\n" if "EndOfLine" in flags else "" if "NoSpaceAfter" in flags else " "
            doc.tokens.append((pos, pos + len(cols[0])))
            parts += [cols[0], sep]
            pos += len(cols[0]) + len(sep)
        doc.text = "".join(parts)
        plain = Path(plaintext) / f"{path.stem}__{doc_id}.txt"
        if plain.is_file():
            ref = plain.read_text(encoding="utf-8")
            if ref.rstrip() != doc.text.rstrip():
                raise HipeGoldError(f"{plain}: differs from the text rebuilt from {path.name}")
            doc.text = ref
        for first, last, typ in _collect([cols[col_tag] for cols in rows]):
            if doc.char_span(first, last)[0] >= 0:
                doc.entities.append((first, last, HIPE_LABELS.get(typ, "OTHER")))
        docs.append(doc)
    return docs


def read_hipe_path(path: str | Path) -> list[HipeDoc]:
    """Read a HIPE TSV file, or every HIPE-2022 dev/test file of a folder (:func:`hipe_files`).

    Args:
        path (str | Path): A TSV file, ``hipe-fr-plaintext`` or its ``_src``.

    Returns:
        list[HipeDoc]: All documents, files in name order.

    Raises:
        HipeGoldError: A folder without HIPE-2022 files, or a bad file (:func:`read_hipe`).
    """
    path = Path(path)
    if path.is_dir():
        files = hipe_files(path)
        if not files:
            raise HipeGoldError(f"{path}: is a folder without HIPE-2022 TSV files (HIPE-2022-*.tsv, here or in _src)")
        return [d for f in files for d in read_hipe(f)]
    return read_hipe(path)
