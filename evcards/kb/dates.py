"""ISO 8601 dates as a knowledge base writes them: a year, a year and month, or a full date;
`accessed` may also be a date and time.

A date is kept as the text the file gives (a year alone says less than its first of January);
this module only refuses what is not such a date, saying what would be.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?", re.ASCII)
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def is_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists (no 2023-02-30)."""
    match = _DATE.fullmatch(text)
    if match is None:
        return False
    try:
        date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        return False
    return True


def is_date_or_time(text: str) -> bool:
    """A date as `is_date` takes it, or a full ISO 8601 date and time (2024-03-01T09:30:00Z)."""
    if is_date(text):
        return True
    if "T" not in text or not _DATE.match(text):
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_date(field: str, text: str) -> str:
    """`text` if it is an ISO 8601 date; else a ValueError that names the field and the value."""
    if not is_date(text):
        raise ValueError(f"{field} {text!r} is not an ISO 8601 date: write {DATE_FORMS}")
    return text


def check_date_or_time(field: str, text: str) -> str:
    if not is_date_or_time(text):
        raise ValueError(f"{field} {text!r} is not an ISO 8601 date: write {DATE_FORMS}, or a date and time such as 2024-03-01T09:30:00Z")
    return text
