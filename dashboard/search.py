"""Full-text search and facets over statements.

Search is by word prefix: every search word must begin some word of the statement's quote,
paraphrase, speaker or role, ignoring case and accents ("sanction" finds "sanctions"). A
SQLite full-text index, built once per process, answers that in milliseconds where a scan of
every text takes a large fraction of a second at a million statements
(`python -m dashboard.bench`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

MAX_TERMS = 8
WORD = re.compile(r"\w+")
SEARCHED = ("quote", "paraphrase", "speaker", "speaker_role")


@dataclass(frozen=True)
class StatementQuery:
    text: str = ""
    speaker_types: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    statement_id: str | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        """Case-folded words of the search text (as the index splits them); all must match."""
        return tuple(dict.fromkeys(WORD.findall(self.text.casefold())))[:MAX_TERMS]

    @property
    def unsearchable(self) -> bool:
        """Text was typed but holds no word to search for (only punctuation, say)."""
        return bool(self.text.strip()) and not self.terms


class TextIndex:
    """SQLite FTS5 index over quote, paraphrase, speaker and role, one row per statement.

    Built once per process in memory (about 6 s for a million statements here) and shared
    by all sessions; a query answers in milliseconds. The FTS row id is the statement's
    position in the table it was built from.
    """

    def __init__(self, statements: pd.DataFrame):
        self.labels = statements.index
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        columns = ", ".join(SEARCHED)
        self._db.execute(
            f"CREATE VIRTUAL TABLE texts USING fts5({columns}, tokenize='unicode61', detail=none)"
        )
        values = statements[list(SEARCHED)].fillna("")
        self._db.executemany(
            f"INSERT INTO texts(rowid, {columns}) VALUES (?, ?, ?, ?, ?)",
            zip(range(len(values)), *(values[c].tolist() for c in SEARCHED), strict=True),
        )
        self._db.commit()

    @classmethod
    def build(cls, statements: pd.DataFrame) -> TextIndex:
        return cls(statements)

    def matching(self, terms: tuple[str, ...]) -> pd.Index:
        """Index labels of the statements with a word starting with each term."""
        if not terms:
            return self.labels
        # Terms are runs of word characters, so quoting them cannot break the syntax.
        expression = " AND ".join(f'"{term}"*' for term in terms)
        with self._lock:
            rows = [
                r
                for (r,) in self._db.execute(
                    "SELECT rowid FROM texts WHERE texts MATCH ?", (expression,)
                )
            ]
        return self.labels[np.asarray(rows, dtype=np.int64)]


def search(statements: pd.DataFrame, index: TextIndex, query: StatementQuery) -> pd.DataFrame:
    """Statements matching every term and facet, newest first."""
    keep = pd.Series(not query.unsearchable, index=statements.index)
    if query.terms:
        keep &= statements.index.isin(index.matching(query.terms))
    for column, chosen in (
        ("speaker_type", query.speaker_types),
        ("stance", query.stances),
        ("organization", query.organizations),
        ("state", query.states),
    ):
        if chosen:
            keep &= statements[column].isin(chosen)
    if query.statement_id:
        keep &= statements["statement_id"] == query.statement_id
    found = statements if bool(keep.all()) else statements[keep]
    return found.sort_values(["date", "statement_id"], ascending=[False, True], kind="stable")


@dataclass(frozen=True)
class HiddenMatches:
    """Where the statements matching a search went, when none is left to show.

    Each count is how many matches one layer of narrowing removes, in the order the page
    applies them: the sidebar filters (dates, speaker), then the facets, then a link to one
    statement. `in_dataset` is how many statements the search text alone matches.
    """

    in_dataset: int
    by_sidebar: int
    by_facets: int
    by_link: int

    @property
    def by_filters(self) -> int:
        return self.by_sidebar + self.by_facets + self.by_link


def hidden_matches(
    everything: pd.DataFrame, in_view: pd.DataFrame, index: TextIndex, query: StatementQuery
) -> HiddenMatches:
    """How many statements the search text matches in the whole dataset, and what hides them.

    `everything` is the whole statements table (the one `index` was built from); `in_view`
    the part the sidebar filters leave.
    """
    text_only = StatementQuery(text=query.text)
    faceted = replace(query, statement_id=None)
    in_dataset = len(search(everything, index, text_only))
    after_sidebar = len(search(in_view, index, text_only))
    after_facets = len(search(in_view, index, faceted))
    shown = len(search(in_view, index, query))
    return HiddenMatches(
        in_dataset=in_dataset,
        by_sidebar=in_dataset - after_sidebar,
        by_facets=after_sidebar - after_facets,
        by_link=after_facets - shown,
    )


def facet_counts(statements: pd.DataFrame, column: str) -> dict[str, int]:
    """How many statements carry each value of a facet column (missing values left out)."""
    counts = statements[column].dropna().value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items())}


def page_slice(frame: pd.DataFrame, page: int, per_page: int) -> pd.DataFrame:
    start = (max(page, 1) - 1) * per_page
    return frame.iloc[start : start + per_page]


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))
