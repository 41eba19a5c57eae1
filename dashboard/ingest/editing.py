"""The review document as tables a curator edits on the Add a source page, and back.

Pure: the page shows `candidate_frame` in an editable table, then `apply_edits` writes the
curator's values and decisions back into the document it downloads. Nothing here writes
to the dataset.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pandas as pd

from dashboard.ingest import review
from dashboard.schema import TABLES

# The fields shown for each kind of candidate, after its id and its review decision.
SHOWN: dict[str, tuple[str, ...]] = {
    "launches": (
        "state",
        "date_local",
        "time_local",
        "missile_class",
        "missile_name",
        "count",
        "site_id",
        "range_km",
        "apogee_km",
        "landing_area",
    ),
    "launch_sites": ("name", "province", "lat", "lon"),
    "diplomatic_events": ("event_type", "date_start", "date_end", "title", "location"),
    "statements": (
        "date",
        "speaker",
        "speaker_role",
        "speaker_type",
        "organization",
        "quote",
        "stance",
    ),
    "claims": ("launch_id", "field", "value", "claimant"),
}
REVIEW_COLUMN = "review"
CONTEXT_CHARS = 60


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def candidate_frame(document: dict[str, Any], table: str) -> pd.DataFrame:
    """One row per candidate: its id, the review decision and the shown fields (as text)."""
    key = TABLES[table].key
    columns = [key, REVIEW_COLUMN, *SHOWN[table]]
    rows = [
        {
            key: record.get(key),
            REVIEW_COLUMN: record.get("review", review.PENDING),
            **{name: _cell(record.get(name)) for name in SHOWN[table]},
        }
        for record in document.get(table) or []
    ]
    return pd.DataFrame(rows, columns=columns).astype(object)


def _typed(table: str, name: str, value: Any) -> Any:
    """A cell as the curated YAML writes it: None for blanks, numbers as numbers."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    kind = TABLES[table].column(name).kind
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except (TypeError, ValueError):
        return value  # left for `merge` to refuse with a clear line
    return value


def apply_edits(document: dict[str, Any], table: str, edited: pd.DataFrame) -> dict[str, Any]:
    """A copy of the document with one table's decisions and shown fields as edited.

    Rows keep their order (the editor adds and deletes no rows); quotes are not editable on
    the page, since a quote must stay the article's exact words.
    """
    updated = copy.deepcopy(document)
    records = updated.get(table) or []
    for record, (_, row) in zip(records, edited.iterrows(), strict=True):
        decision = row[REVIEW_COLUMN]
        if decision in (review.PENDING, review.ACCEPTED, review.REJECTED):
            record["review"] = decision
        for name in SHOWN[table]:
            if name == "quote":
                continue
            value = _typed(table, name, row[name])
            original = record.get(name)
            if _cell(original) != value:
                record[name] = value
    return updated


def evidence_rows(document: dict[str, Any], text: str) -> pd.DataFrame:
    """Every piece of evidence: candidate, field, the words, and their context in the text.

    The context marks the evidence with ⟦ ⟧, so it reads as highlighted in plain text.
    """
    rows = []
    for table in review.TABLE_ORDER:
        key = TABLES[table].key
        for record in document.get(table) or []:
            for field, span in (record.get("evidence") or {}).items():
                start, end = int(span["start"]), int(span["end"])
                before = text[max(0, start - CONTEXT_CHARS) : start]
                after = text[end : end + CONTEXT_CHARS]
                context = f"…{before}⟦{text[start:end]}⟧{after}…"
                rows.append(
                    {
                        "candidate": f"{table}: {record.get(key)}",
                        "field": field,
                        "words": text[start:end],
                        "in the text": " ".join(context.split()),
                        "note": _note(span),
                        "start": start,
                        "end": end,
                    }
                )
    columns = ["candidate", "field", "words", "in the text", "note", "start", "end"]
    return pd.DataFrame(rows, columns=columns)


def _note(span: dict[str, Any]) -> str:
    """What the curator should know of a value before accepting it."""
    if "model_score" in span:
        return f"guessed by the learned model (score {float(span['model_score']):.2f}): check"
    if span.get("suggestion"):
        return "a suggestion: decide yourself"
    return ""


def spans(document: dict[str, Any]) -> list[tuple[int, int]]:
    """Every evidence span, for highlighting the whole text."""
    found = []
    for table in review.TABLE_ORDER:
        for record in document.get(table) or []:
            for span in (record.get("evidence") or {}).values():
                found.append((int(span["start"]), int(span["end"])))
    return sorted(set(found))
