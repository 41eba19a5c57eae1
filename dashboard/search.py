"""Full-text search, facets and paging over statements, answered from per-dataset arrays.

Search is by word prefix: every search word must begin a word of the statement's quote,
paraphrase, speaker or role, ignoring case and accents ("sanction" finds "sanctions"); a word
with inner punctuation ("U.S.", "head_of_state") must match those words side by side. The
full-text index (`dashboard.fts`) finds the matching rows; everything else (the date window,
speakers, facets, counts and the page) comes from arrays built once when the data load, so a
rerun costs milliseconds at a million statements (`python -m dashboard bench`).

Statements are held newest first; a row's position in that order is its index row id, and
the sidebar's date window is one contiguous range of positions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import fts
from dashboard.fts import INDEX_FILE, SEARCHED, TextIndex, write_index

__all__ = ["INDEX_FILE", "SEARCHED", "TextIndex", "write_index"]

FACETS = ("speaker_type", "stance", "organization", "state")
# Columns held as pandas categoricals: few distinct values over many rows, so codes cost a
# fraction of the memory of strings and counting them is a bincount.
CATEGORICAL = (*FACETS, "speaker", "speaker_role", "source_id")


@dataclass(frozen=True)
class StatementQuery:
    text: str = ""
    speaker_types: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    statement_id: str | None = None

    @property
    def phrases(self) -> tuple[fts.Phrase, ...]:
        """The search words as the index tokenizes them; every one must match."""
        return fts.phrases(self.text)

    @property
    def unsearchable(self) -> bool:
        """Text was typed but holds no word to search for (only punctuation, say)."""
        return bool(self.text.strip()) and not self.phrases

    def chosen(self) -> dict[str, tuple[str, ...]]:
        return {
            "speaker_type": self.speaker_types,
            "stance": self.stances,
            "organization": self.organizations,
            "state": self.states,
        }


@dataclass(frozen=True)
class Window:
    """The sidebar's narrowing of statements: a date range and speakers."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    speakers: tuple[str, ...] = ()


class Codes:
    """A text column as small integer codes into its sorted distinct values (-1: missing)."""

    def __init__(self, column: pd.Series):
        categorical = column.cat.as_ordered().cat.reorder_categories(sorted(column.cat.categories))
        self.values: tuple[str, ...] = tuple(categorical.cat.categories)
        self.codes = categorical.cat.codes.to_numpy().astype(np.int32)
        self._lookup = {v: i for i, v in enumerate(self.values)}

    def mask(self, chosen: tuple[str, ...], codes: np.ndarray) -> np.ndarray:
        wanted = [self._lookup[v] for v in chosen if v in self._lookup]
        return np.isin(codes, np.asarray(wanted, dtype=np.int32))

    def counts(self, codes: np.ndarray) -> dict[str, int]:
        # Shifted by one so missing values (-1) fall in a slot of their own, left out.
        tally = np.bincount(codes + 1, minlength=len(self.values) + 1)[1:]
        return {v: int(n) for v, n in zip(self.values, tally, strict=True) if n}


@dataclass(frozen=True)
class Found:
    """What describes the whole result of a search: its size, facet counts and rows."""

    total: int
    facets: dict[str, dict[str, int]]
    positions: np.ndarray  # of every match, newest first


class StatementTable:
    """The statements, newest first, with everything a search needs, built once per dataset.

    Shared by all sessions: treat as read-only.
    """

    def __init__(self, table: pa.Table, index: TextIndex, presorted: bool = False):
        """`presorted`: the rows are already in `fts.order` (a file written so says it)."""
        if presorted:  # cheap check that it holds, at least for the dates
            days = table["date"].cast(pa.int32()).to_numpy(zero_copy_only=False)
            presorted = not np.any(np.diff(days) > 0)
        ordered = table if presorted else fts.in_load_order(table)
        for name in (c for c in CATEGORICAL if c in ordered.column_names):
            if not pa.types.is_dictionary(ordered.schema.field(name).type):
                at = ordered.schema.get_field_index(name)
                ordered = ordered.set_column(at, name, pc.dictionary_encode(ordered[name]))
        self.frame = ordered.to_pandas(types_mapper=_types)
        self.frame["date"] = pd.to_datetime(self.frame["date"])
        # Days since 1970, ascending along the (descending) rows when negated.
        days = ordered["date"].cast(pa.int32()).to_numpy(zero_copy_only=False)
        self._minus_days = -days.astype(np.int64)
        self.codes = {c: Codes(self.frame[c]) for c in (*FACETS, "speaker")}
        self._ids = ordered["statement_id"]
        self.index = index

    @classmethod
    def build(cls, frame: pd.DataFrame, index: TextIndex | None = None) -> StatementTable:
        """From a statements DataFrame (tests, benchmarks); the index is built in memory."""
        table = pa.Table.from_pandas(frame, preserve_index=False)
        return cls(table, index or TextIndex.in_memory(table))

    def __len__(self) -> int:
        return len(self.frame)

    def position(self, statement_id: str) -> int | None:
        found = pc.index(self._ids, pa.scalar(statement_id, pa.string())).as_py()
        return None if found < 0 else int(found)

    def __contains__(self, statement_id: object) -> bool:
        """So the table can stand as the allowed values of the `statement` URL parameter."""
        return isinstance(statement_id, str) and self.position(statement_id) is not None

    def span(self, window: Window) -> tuple[int, int]:
        """Positions [low, high) of the statements inside the window's dates."""
        low, high = 0, len(self.frame)
        if window.date_to is not None:
            low = int(np.searchsorted(self._minus_days, -_day(window.date_to), side="left"))
        if window.date_from is not None:
            high = int(np.searchsorted(self._minus_days, -_day(window.date_from), side="right"))
        return low, max(low, high)

    def matches(self, query: StatementQuery, window: Window) -> np.ndarray:
        """Positions of every statement the query and window keep, newest first."""
        if query.unsearchable:
            return np.array([], dtype=np.int64)
        phrases = query.phrases
        low, high = self.span(window)
        if phrases:
            positions = np.asarray(self.index.matching(phrases, low, high), dtype=np.int64)
        else:
            positions = np.arange(low, high, dtype=np.int64)
        narrowing = [("speaker", window.speakers)] + [
            (column, chosen) for column, chosen in query.chosen().items() if chosen
        ]
        for column, chosen in narrowing:
            if chosen:
                positions = positions[self.codes[column].mask(chosen, self._at(column, positions))]
        if query.statement_id is not None:
            positions = positions[positions == self.position(query.statement_id)]
        return positions

    def count(self, query: StatementQuery, window: Window) -> int:
        return len(self.matches(query, window))

    def find(self, query: StatementQuery, window: Window) -> Found:
        """Every match (positions) with facet counts over them, as Datasette's facets count."""
        positions = self.matches(query, window)
        facets = {c: self.codes[c].counts(self._at(c, positions)) for c in FACETS}
        return Found(len(positions), facets, positions)

    def _at(self, column: str, positions: np.ndarray) -> np.ndarray:
        """The column's codes at the positions; a view when they are one run."""
        codes = self.codes[column].codes
        if len(positions) and positions[-1] - positions[0] + 1 == len(positions):
            return codes[positions[0] : positions[-1] + 1]
        return codes[positions]

    def page(self, positions: np.ndarray, page: int, per_page: int) -> pd.DataFrame:
        start = (max(page, 1) - 1) * per_page
        return self.frame.iloc[positions[start : start + per_page]]

    def rows(self, positions: np.ndarray) -> pd.DataFrame:
        """The statements at these positions; a cheap slice when they are one run."""
        if len(positions) and positions[-1] - positions[0] + 1 == len(positions):
            return self.frame.iloc[int(positions[0]) : int(positions[-1]) + 1]
        return self.frame.iloc[positions]

    def options(self, column: str) -> tuple[str, ...]:
        return self.codes[column].values


def _types(arrow_type: pa.DataType):
    # Lists stay Arrow data: a million small Python lists would cost gigabytes.
    if pa.types.is_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def _day(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


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


def hidden_matches(table: StatementTable, query: StatementQuery, window: Window) -> HiddenMatches:
    """How many statements the search text matches in the whole dataset, and what hides them."""
    text_only = StatementQuery(text=query.text)
    in_dataset = table.count(text_only, Window())
    after_sidebar = table.count(text_only, window)
    after_facets = table.count(replace(query, statement_id=None), window)
    shown = table.count(query, window)
    return HiddenMatches(
        in_dataset=in_dataset,
        by_sidebar=in_dataset - after_sidebar,
        by_facets=after_sidebar - after_facets,
        by_link=after_facets - shown,
    )


def why_no_match(table: StatementTable, query: StatementQuery, window: Window) -> tuple[str, bool]:
    """Why a search shows nothing, and whether the filters are to blame (only when they hide
    matches). The search text is not repeated: it is in the search box, and Markdown, even
    escaped, would turn a www. or mailto: typed or linked into a live link."""
    if query.unsearchable:
        return (
            "The search in the box above holds no word to look for (letters or digits), so it "
            "matches no statement.",
            False,
        )
    hidden = hidden_matches(table, query, window)
    n = hidden.in_dataset
    if n == 0:
        if not query.phrases:
            return "The dataset holds no statements.", False
        return (
            "The search in the box above found nothing: no statement in the whole dataset "
            "matches it, whatever the filters. Every search word must begin a word of a quote, "
            "paraphrase, speaker or role; try fewer or shorter words.",
            False,
        )
    plural = n > 1
    if query.phrases:
        matched = (
            f"{n:,} statement{'s' if plural else ''} in the whole dataset "
            f"match{'' if plural else 'es'} the search"
        )
    else:
        matched = f"The dataset holds {n:,} statement{'s' if plural else ''}"
    layers = [
        (count, hides, remedy)
        for count, hides, remedy in (
            (
                hidden.by_sidebar,
                "the sidebar's date range or speaker filter hides",
                "widen the sidebar's filters",
            ),
            (
                hidden.by_facets,
                "the speaker type, stance, organization or state facets hide",
                "clear a facet",
            ),
            (hidden.by_link, "showing only the linked statement hides", "show all statements"),
        )
        if count
    ]
    them = "them" if plural else "it"
    hides = "; ".join(f"{what} {count:,}" for count, what, _ in layers)
    remedies = " or ".join(remedy for _, _, remedy in layers)
    return f"{matched}, but the filters hide {them}: {hides}. To see {them}, {remedies}.", True


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))
