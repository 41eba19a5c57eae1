"""Data versions: the changelog of builds, and share links that pin the version they show.

Every build with a new content hash appends one entry to `changelog.yaml` beside the Parquet
files: the hash, when it was built, the counts an analyst compares (launch events, missiles,
diplomatic events, statements, sources) and a sentence on what changed. A share link carries
`v=<content hash>`; opened on a later build, the app says the data changed since and by how
much, so a colleague does not mistake a difference in counts for a difference in filters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
import yaml

from dashboard.url_state import DATA_VERSION

CHANGELOG = "changelog.yaml"
# What the notice and the changelog table compare, in this order: key and label.
COUNTED = (
    ("launches", "launch events"),
    ("missiles", "missiles"),
    ("diplomatic_events", "diplomatic events"),
    ("statements", "statements"),
    ("sources", "sources"),
)
# Content hashes are hexadecimal; anything else cannot name a build.
_HASH = re.compile(r"[0-9a-f]{6,64}")


@dataclass(frozen=True)
class Entry:
    """One build of the dataset."""

    version: str
    built_at: str
    counts: Mapping[str, int] = field(default_factory=dict)
    note: str = ""


def parse_changelog(text: str) -> tuple[Entry, ...]:
    """Entries, oldest first, from the changelog's YAML (an empty or missing file: none)."""
    records = yaml.safe_load(text) or []
    if not isinstance(records, list):
        raise ValueError("the changelog must be a list of entries")
    return tuple(
        Entry(
            version=str(r["version"]),
            built_at=str(r.get("built_at", "")),
            counts={str(k): int(v) for k, v in (r.get("counts") or {}).items()},
            note=str(r.get("note", "")),
        )
        for r in records
    )


def dump_changelog(entries: Sequence[Entry]) -> str:
    records = [
        {"version": e.version, "built_at": e.built_at, "counts": dict(e.counts), "note": e.note}
        for e in entries
    ]
    return yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)


def find(entries: Sequence[Entry], version: str) -> Entry | None:
    return next((e for e in entries if e.version == version), None)


def changelog_table(entries: Sequence[Entry], current: str) -> pd.DataFrame:
    """The changelog newest first, one column per count, the version shown marked."""
    rows = [
        {
            "version": e.version + (" (shown)" if e.version == current else ""),
            "built": e.built_at[:10],
            **{label: e.counts.get(key) for key, label in COUNTED},
            "what changed": e.note,
        }
        for e in reversed(entries)
    ]
    columns = ["version", "built", *(label for _, label in COUNTED), "what changed"]
    return pd.DataFrame(rows, columns=columns).astype({c: "Int64" for _, c in COUNTED})


def _plural(n: int, label: str) -> str:
    return f"{n:,} {label}" if n != 1 else f"1 {label.removesuffix('s')}"


def describe_change(
    before: Mapping[str, int] | None, after: Mapping[str, int], edited: Sequence[str] = ()
) -> str:
    """One sentence on what a build added, removed or edited, from counts and changed tables."""
    if before is None:
        return "First build recorded in this changelog; earlier builds were not logged."
    added, removed = [], []
    for key, label in COUNTED:
        delta = after.get(key, 0) - before.get(key, 0)
        if delta > 0:
            added.append(_plural(delta, label))
        elif delta < 0:
            removed.append(_plural(-delta, label))
    parts = []
    if added:
        parts.append("added " + ", ".join(added))
    if removed:
        parts.append("removed " + ", ".join(removed))
    counted_tables = {key for key, _ in COUNTED}
    same_count = [
        t.replace("_", " ")
        for t in edited
        if t not in counted_tables or after.get(t, 0) == (before or {}).get(t, 0)
    ]
    if same_count:
        parts.append("edited records in " + ", ".join(same_count))
    if not parts:
        return "Rebuilt; no table's content changed."
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def appended(
    entries: Sequence[Entry],
    version: str,
    built_at: str,
    counts: Mapping[str, int],
    edited: Sequence[str] = (),
    note: str | None = None,
) -> tuple[Entry, ...]:
    """The changelog with this build at the end; unchanged if the version is already listed."""
    if find(entries, version) is not None:
        return tuple(entries)
    previous = entries[-1].counts if entries else None
    sentence = describe_change(previous, counts, edited)
    text = f"{note.strip()} ({sentence})" if note and note.strip() else sentence
    return (*entries, Entry(version, built_at, dict(counts), text))


def _comparison(before: Mapping[str, int], after: Mapping[str, int]) -> str:
    changed, same = [], []
    for key, label in COUNTED:
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            continue
        if old == new:
            same.append(label)
        else:
            changed.append(f"{label} {old:,} → {new:,} ({new - old:+,})")
    text = "; ".join(changed) if changed else "the counts are the same, but records were edited"
    if same and changed:
        text += f" ({', '.join(same)} unchanged)"
    return text


def pinned_notice(requested: str | None, current: str, entries: Sequence[Entry]) -> str | None:
    """What to tell a visitor whose link names a data version, or None if it is this one.

    The result is Markdown; the requested value comes from the URL, so it is repeated only
    when it is a content hash."""
    if not requested or requested == current:
        return None
    now = find(entries, current)
    shown_now = f"`{current}`" + (f" (built {now.built_at[:10]})" if now else "")
    old = find(entries, requested) if _HASH.fullmatch(requested) else None
    if old is None:
        # Only a well-formed hash is repeated, in code style: Markdown, even escaped, would
        # turn a www. or mailto: from the URL into a live link.
        shown = f"`{requested}`" if _HASH.fullmatch(requested) else "that is not a content hash"
        return (
            f"This link names data version {shown}, which is not in the data changelog, so "
            f"what it showed cannot be compared. You are seeing data version {shown_now}; "
            "the counts may differ from what the link's author saw."
        )
    since = (
        _comparison(old.counts, now.counts)
        if now
        else "this build is not in the changelog, so the changes cannot be counted"
    )
    return (
        f"This link was made with data version `{old.version}` (built {old.built_at[:10]}). "
        f"The data have changed since; you are seeing version {shown_now}: {since}. "
        "The changelog is on Data & sources."
    )


def share_link(page_url: str, query: Mapping[str, str | Sequence[str]], version: str) -> str:
    """The address of this view with the data version pinned: page, its parameters, `v`."""
    pairs: list[tuple[str, str]] = []
    for key, values in query.items():
        if key == DATA_VERSION:
            continue
        for value in [values] if isinstance(values, str) else values:
            pairs.append((key, value))
    pairs.append((DATA_VERSION, version))
    return f"{page_url.split('?', 1)[0]}?{urlencode(pairs)}"
