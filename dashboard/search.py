"""Full-text search and facets over statements."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MAX_TERMS = 8


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
        """Case-folded words of the search text; every one must match."""
        return tuple(dict.fromkeys(self.text.casefold().split()))[:MAX_TERMS]


def search_text(statements: pd.DataFrame) -> pd.Series:
    """The case-folded text each statement is searched in: quote, paraphrase and speaker."""
    parts = [statements[c].fillna("") for c in ("quote", "paraphrase", "speaker", "speaker_role")]
    joined = parts[0].str.cat(parts[1:], sep=" \u241f ")
    return joined.str.casefold()


def search(statements: pd.DataFrame, haystack: pd.Series, query: StatementQuery) -> pd.DataFrame:
    """Statements matching every term and facet, newest first."""
    keep = pd.Series(True, index=statements.index)
    for term in query.terms:
        keep &= haystack.reindex(statements.index).str.contains(term, regex=False)
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
    found = statements[keep]
    return found.sort_values(["date", "statement_id"], ascending=[False, True], kind="stable")


def facet_counts(statements: pd.DataFrame, column: str) -> dict[str, int]:
    """How many statements carry each value of a facet column (missing values left out)."""
    counts = statements[column].dropna().value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items())}


def page_slice(frame: pd.DataFrame, page: int, per_page: int) -> pd.DataFrame:
    start = (max(page, 1) - 1) * per_page
    return frame.iloc[start : start + per_page]


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))
