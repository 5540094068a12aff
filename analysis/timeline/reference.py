"""The reference date a text is read from, and the anchors a resolved expression names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..reading.article import MetadataError


ABSOLUTE = "absolute"
PUBLICATION = "publication date"
PREVIOUS = "previous date"
DERIVED = "derived: reference − duration"
EXPECTED_SPAN = "derived: reference + duration (expected)"
UNRESOLVED = "unresolved: no reference date"
OUTSIDE_CALENDAR = f"unresolved: outside the calendar (years {dt.MINYEAR} to {dt.MAXYEAR})"
NOT_ANCHORED = "not anchored (duration or set)"


class ReferenceDateError(MetadataError):
    """A reference date that is not ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``)."""


# --------------------------------------------------------------------------
# Reference date
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    date: dt.date | None
    precision: str  # day, month, year, none


def parse_reference_date(value: Any) -> tuple[dt.date | None, str]:
    """Read a reference date.

    Args:
        value: None, a ``datetime.date``/``datetime``, or a string ``YYYY-MM-DD``,
            ``YYYY-MM`` or ``YYYY``.

    Returns:
        tuple[datetime.date | None, str]: The date (first day of the period)
        and its precision (``day``, ``month``, ``year``, or ``none``).

    Raises:
        ReferenceDateError: A string or object that is not such a date.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, "none"
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, pd.Timestamp):
        return value.date(), "day"
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
            try:
                return dt.date(y, mo, d), ("day" if m.group(3) else "month" if m.group(2) else "year")
            except ValueError:
                pass
    raise ReferenceDateError(f"malformed reference date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
