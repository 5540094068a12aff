"""Tables written to a text stream as JSON records, CSV or aligned text, in chunks of rows.

The command line prints its tables through :func:`print_table` and :func:`print_tables`. A table is
rendered :data:`CHUNK_ROWS` rows at a time and each chunk is written straight to the stream, so the
whole rendering never sits in memory at once (a token table of 50 MB of text is millions of rows).
The bytes are those of rendering the whole table in one go:

* one table, JSON: ``DataFrame.to_json(orient="records", force_ascii=False, date_format="iso")``
  and a line break;
* several tables, JSON: ``json.dumps({name: records, ...}, ensure_ascii=False)`` of the records
  pandas writes, and a line break;
* CSV: ``DataFrame.to_csv(index=False)`` (the header once);
* text: ``DataFrame.to_string(index=False)`` with at most 60 characters a cell and every row shown,
  and a line break; each column is as wide as its widest cell in the whole table (measured chunk by
  chunk first). A table with a float column is rendered whole, since pandas chooses one number of
  decimals for all the values of a float column.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TextIO

import pandas as pd

__all__ = ["CHUNK_ROWS", "print_table", "print_tables"]

#: Rows rendered at a time.
CHUNK_ROWS = 10_000

_JSON_OPTIONS = {"orient": "records", "force_ascii": False, "date_format": "iso"}
_TEXT_OPTIONS = ("display.max_rows", None, "display.max_colwidth", 60, "display.width", 200)


def _chunks(df: pd.DataFrame, rows: int) -> Iterator[pd.DataFrame]:
    for lo in range(0, len(df), rows):
        yield df.iloc[lo : lo + rows]


def _write_json(df: pd.DataFrame, out: TextIO, rows: int) -> None:
    """One table as a JSON array of row objects (pandas' own rendering, chunk by chunk)."""
    if len(df) <= rows:
        out.write(df.to_json(**_JSON_OPTIONS))
        return
    out.write("[")
    for k, part in enumerate(_chunks(df, rows)):
        body = part.to_json(**_JSON_OPTIONS)  # "[{...},{...}]"
        out.write(("," if k else "") + body[1:-1])
    out.write("]")


def _write_json_records(df: pd.DataFrame, out: TextIO, rows: int) -> None:
    """One table as a ``json.dumps`` list of the records pandas writes (the several-tables layout)."""
    out.write("[")
    for k, part in enumerate(_chunks(df, rows)):
        records = json.loads(part.to_json(**_JSON_OPTIONS))
        out.write((", " if k else "") + ", ".join(json.dumps(r, ensure_ascii=False) for r in records))
    out.write("]")


def _write_csv(df: pd.DataFrame, out: TextIO, rows: int) -> None:
    if len(df) <= rows:
        df.to_csv(out, index=False)
        return
    for k, part in enumerate(_chunks(df, rows)):
        part.to_csv(out, index=False, header=k == 0)


def _write_text(df: pd.DataFrame, out: TextIO, rows: int) -> None:
    with pd.option_context(*_TEXT_OPTIONS):
        if len(df) <= rows or any(
            pd.api.types.is_float_dtype(t) or pd.api.types.is_complex_dtype(t) for t in df.dtypes
        ):
            out.write(df.to_string(index=False) + "\n")
            return
        widths: dict[str, int] = {}
        for part in _chunks(df, rows):
            for col in df.columns:
                w = max(map(len, part[[col]].to_string(index=False).split("\n")))
                widths[col] = max(widths.get(col, 0), w)
        for k, part in enumerate(_chunks(df, rows)):
            out.write(part.to_string(index=False, header=k == 0, col_space=widths) + "\n")


def print_table(df: pd.DataFrame, *, fmt: str, file: TextIO | None = None, chunk_rows: int = CHUNK_ROWS) -> None:
    """Write one table to a stream.

    Args:
        df (pandas.DataFrame): The table.
        fmt (str): ``json`` (an array of row objects), ``csv`` or ``text``.
        file (TextIO | None): The stream (default: standard output).
        chunk_rows (int): Rows rendered at a time.
    """
    out = sys.stdout if file is None else file
    if fmt == "json":
        _write_json(df, out, chunk_rows)
        out.write("\n")
    elif fmt == "csv":
        _write_csv(df, out, chunk_rows)
    else:
        _write_text(df, out, chunk_rows)


def print_tables(
    tables: dict[str, pd.DataFrame], *, fmt: str, file: TextIO | None = None, chunk_rows: int = CHUNK_ROWS
) -> None:
    """Write several tables to a stream: one JSON object keyed by name, or each under a ``## name`` line.

    Args:
        tables (dict[str, pandas.DataFrame]): The tables, by name.
        fmt (str): ``json``, ``csv`` or ``text``.
        file (TextIO | None): The stream (default: standard output).
        chunk_rows (int): Rows rendered at a time.
    """
    out = sys.stdout if file is None else file
    if fmt == "json":
        out.write("{")
        for k, (name, df) in enumerate(tables.items()):
            out.write((", " if k else "") + json.dumps(name, ensure_ascii=False) + ": ")
            _write_json_records(df, out, chunk_rows)
        out.write("}\n")
    else:
        for name, df in tables.items():
            out.write(f"## {name}\n")
            print_table(df, fmt=fmt, file=out, chunk_rows=chunk_rows)
            out.write("\n")
