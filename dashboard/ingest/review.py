"""The review file: candidate records in the curated YAML's own format, plus their evidence.

Each record carries `evidence:` (field -> {start, end, text}: character offsets into the
extracted article text) and `review: pending`; a curator changes `pending` to `accepted` or
`rejected` and fixes any value. Records may also carry `same_as:` when they match a record the
dataset already holds. Text fields the assistant cannot write in the curators' own words are
left as a marked placeholder that `merge` refuses until a curator rewrites it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from dashboard.curation import safe_yaml

TABLE_ORDER = ("launches", "launch_sites", "diplomatic_events", "statements", "claims")
# Keys a review record carries beyond the curated table's own columns.
REVIEW_KEYS = ("evidence", "review", "same_as")
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
REWRITE = "[rewrite]"


class ReviewError(Exception):
    """The review file cannot be used; the message says why in one line."""


def evidence(text: str, span: tuple[int, int], **extra: Any) -> dict[str, Any]:
    start, end = span
    return {"start": start, "end": end, "text": text[start:end], **extra}


def slug(words: str, limit: int = 4) -> str:
    parts = re.findall(r"[a-z0-9]+", words.lower())
    return "-".join(parts[:limit]) or "x"


def unique(candidate: str, taken: set[str]) -> str:
    name, n = candidate, 2
    while name in taken:
        name, n = f"{candidate}-{n}", n + 1
    taken.add(name)
    return name


def _words(text: Any) -> str:
    """Text with its whitespace runs made single spaces: a stored quote may drop a page's line
    breaks (as `verify` allows), never a word or a character of one."""
    return " ".join(str(text).split())


def check_evidence(document: dict[str, Any], text: str) -> list[str]:
    """Problems with offsets or quotes: every quote must stand verbatim in the text (up to
    whitespace), and evidence must hold exactly the characters at its offsets."""
    problems = []
    for table in TABLE_ORDER:
        for record in document.get(table) or []:
            label = next(iter(record.values()), "?")
            for name, where in (record.get("evidence") or {}).items():
                start, end = where.get("start"), where.get("end")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
                    problems.append(f"{table}: {label}: evidence {name}: bad offsets")
                elif text[start:end] != where.get("text"):
                    problems.append(f"{table}: {label}: evidence {name}: text differs at offsets")
            quote = record.get("quote") if table == "statements" else None
            if quote is not None and _words(quote) not in _words(text):
                problems.append(f"{table}: {label}: quote is not verbatim in the text")
            where = (record.get("evidence") or {}).get("quote")
            if quote is not None and (where is None or _words(where.get("text")) != _words(quote)):
                problems.append(f"{table}: {label}: quote does not match its evidence offsets")
    return problems


class _Dumper(yaml.SafeDumper):
    """Block style, insertion order, and long text folded for a readable review file."""

    def ignore_aliases(self, data: Any) -> bool:
        # A repeated date must be written out again, not as an &anchor a curator won't expect.
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 90 and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(document: dict[str, Any]) -> str:
    return yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )


def dump_records(records: list[dict[str, Any]]) -> str:
    return dump(records)


def load(path: Path) -> dict[str, Any]:
    try:
        document = safe_yaml.loads(path.read_text(encoding="utf-8"), dates_as_text=False)
    except OSError as error:
        raise ReviewError(f"{path}: {error.strerror or error}") from None
    except (safe_yaml.UnsafeYAML, UnicodeDecodeError) as error:
        raise ReviewError(f"{path}: {safe_yaml.short(error)}") from None
    if not isinstance(document, dict) or not isinstance(document.get("source"), dict):
        raise ReviewError(f"{path}: not a review file (expected a `source:` record and lists)")
    for table in TABLE_ORDER:
        if not isinstance(document.get(table) or [], list):
            raise ReviewError(f"{path}: `{table}:` must be a list of records")
    return document


def plain(record: dict[str, Any]) -> dict[str, Any]:
    """The record without review keys, with dates written as the curated YAML writes them."""
    return {
        k: v.isoformat() if isinstance(v, dt.date) else v
        for k, v in record.items()
        if k not in REVIEW_KEYS
    }
