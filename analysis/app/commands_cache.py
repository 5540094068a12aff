"""The CLI command that looks after the on-disk cache: ``cache`` (:mod:`analysis.corpus.cache_upkeep`).

- ``cache``: the folder, and its files by state (current entries, entries of other library
  versions or formats, corrupt entries, unfinished writes, files that are not the cache's);
  ``--list`` adds every file.
- ``cache --prune``: removes what this library will never read (other versions, other formats,
  corrupt entries, unfinished writes), and with ``--max-size SIZE`` the least recently used current
  entries until the cache fits in SIZE; ``cache --clear`` removes every entry the cache wrote.
  Each removed file is printed with the rule that removed it.

Tables print in text, ``--json`` or ``--csv``; bad input (``--max-size`` not a size, a cache folder
that is a file) is one line and exit code 2 (the rules of :mod:`analysis.app.cli`, which calls
:func:`register`).
"""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from ..reading.article import CorpusError
from .arguments import byte_size, output_format
from .output import print_tables

__all__ = ["CacheCommandError", "register"]


class CacheCommandError(CorpusError):
    """Options that do not go together, or a cache folder that cannot be looked after (one line, exit 2).

    A :class:`~analysis.reading.article.CorpusError`, which the command line already reports.
    """


def cmd_cache(args: argparse.Namespace) -> int:
    from ..corpus import cache, cache_upkeep

    folder = cache.cache_dir()
    if args.clear and args.max_size is not None:
        raise CacheCommandError("--max-size keeps the most recently used entries; --clear removes them all")
    removed = None
    try:
        if args.clear or args.prune or args.max_size is not None:
            removed = cache_upkeep.prune(folder=folder, max_bytes=args.max_size, everything=args.clear)
        listing = cache_upkeep.entries(folder=folder, verify=False)
    except cache_upkeep.CacheFolderError as exc:
        raise CacheCommandError(str(exc)) from None
    where = pd.DataFrame(
        {
            "folder": [str(folder)],
            "exists": [folder.is_dir()],
            "enabled": [cache.enabled()],
            "library_version": [cache.library_version()],
        }
    )
    tables = {"cache": where, "states": cache_upkeep.summary(listing)}
    if removed is not None:
        tables["removed"] = removed
    if args.list:
        tables["files"] = listing
    print_tables(tables, fmt=output_format(args))
    failed = int((removed["error"] != "").sum()) if removed is not None else 0
    if failed and output_format(args) == "text":
        print(f"{failed} file(s) could not be removed: see the error column")
    return 1 if failed else 0


def register(sub: Any, add: Any) -> None:
    """Add ``cache`` to the CLI's sub-parsers, through the CLI's own ``add`` helper.

    Args:
        sub: The sub-parsers action (unused: every command goes through ``add``).
        add: ``build_parser``'s helper (name, function, help) → the sub-parser.
    """
    p = add(
        "cache",
        cmd_cache,
        "print what the on-disk cache of analysed tables holds; --prune or --clear removes entries",
        path=False,
        corpus=False,
    )
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--prune",
        action="store_true",
        help="remove entries this library never reads (other versions or formats, corrupt, unfinished writes)",
    )
    g.add_argument("--clear", action="store_true", help="remove every entry the cache wrote")
    p.add_argument(
        "--max-size",
        type=byte_size,
        default=None,
        metavar="SIZE",
        help="with --prune (implied): then remove the least recently used entries until the cache fits "
        "in SIZE (500M, 2G; powers of 1024)",
    )
    p.add_argument("--list", action="store_true", help="print every file of the folder with its state")
