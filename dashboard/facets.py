"""Launch facets and summary tables, the way analysts slice a launch record.

Facet counts follow Datasette's habit: for each facet, how many launches in view have each
value, so a reader sees the shape of the record before narrowing it. Pure: frames in,
frames out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import url_state
from dashboard.filters import APOGEE_BANDS, RANGE_BANDS, band_labels, band_of
from dashboard.schema import CONFIRMATIONS, MISSILE_CLASSES, OUTCOMES, REVIEW_STATUSES

UNKNOWN_SITE = "site not reported"
# Facets whose value can be missing (no site; a database that gives no confirmation): the
# missing ones are counted under these labels so the counts add up, but are no filter choice.
NOT_GIVEN = {url_state.LAUNCH_SITE: UNKNOWN_SITE, url_state.CONFIRMATION: "not reported"}


@dataclass(frozen=True)
class Facet:
    """One facet: its filter's query parameter, its title, and the order of its values
    (empty: most frequent first)."""

    key: str
    title: str
    order: tuple[str, ...] = ()


FACETS = (
    Facet(url_state.OUTCOME, "Outcome", OUTCOMES),
    Facet(url_state.CONFIRMATION, "Confirmation", CONFIRMATIONS),
    Facet(url_state.REVIEW, "Review status", REVIEW_STATUSES),
    Facet(url_state.MISSILE_CLASS, "Missile class", MISSILE_CLASSES),
    Facet(url_state.RANGE_BAND, "Range band", band_labels(RANGE_BANDS)),
    Facet(url_state.APOGEE_BAND, "Apogee band", band_labels(APOGEE_BANDS)),
    Facet(url_state.LAUNCH_SITE, "Launch site"),
)


def facet_values(launches: pd.DataFrame, key: str) -> pd.Series:
    """Each launch's value of one facet, as the sidebar filter names it."""
    if key == url_state.RANGE_BAND:
        return band_of(launches["range_km"], RANGE_BANDS)
    if key == url_state.APOGEE_BAND:
        return band_of(launches["apogee_km"], APOGEE_BANDS)
    column = {
        url_state.OUTCOME: "outcome",
        url_state.CONFIRMATION: "confirmation",
        url_state.REVIEW: "review_status",
        url_state.MISSILE_CLASS: "missile_class",
        url_state.LAUNCH_SITE: "site_name",
    }[key]
    return launches[column]


def facet_counts(launches: pd.DataFrame, facet: Facet) -> pd.DataFrame:
    """Value and number of launch events, in the facet's order (or most frequent first).

    Missing values are counted under their NOT_GIVEN label, last; that is not a filter choice.
    """
    values = facet_values(launches, facet.key)
    missing = NOT_GIVEN.get(facet.key)
    if missing:
        values = values.fillna(missing)
    counts = values.value_counts(sort=True)
    if facet.order:
        order = [*facet.order, *([missing] if missing else [])]
        counts = counts.reindex([v for v in order if v in counts.index])
    return pd.DataFrame({"value": counts.index.astype(str), "launches": counts.to_numpy()})


def per_year_and_class(launches: pd.DataFrame, measure: str = "launch events") -> pd.DataFrame:
    """One row per year, one column per missile class present, plus a total.

    `measure` is "launch events" (rows of the record) or "missiles" (their count column).
    Years without a launch in view are left out rather than shown as zero.
    """
    if launches.empty:
        return pd.DataFrame(columns=["year", "total"])
    frame = launches.assign(year=launches["date_local"].dt.year)
    values = "count" if measure == "missiles" else "launch_id"
    table = frame.pivot_table(
        index="year",
        columns="missile_class",
        values=values,
        aggfunc="sum" if measure == "missiles" else "size",
        fill_value=0,
    )
    classes = [c for c in MISSILE_CLASSES if c in table.columns]
    table = table[classes].astype(int)
    table["total"] = table.sum(axis=1)
    return table.sort_index().reset_index().rename_axis(columns=None)


def per_site(launches: pd.DataFrame) -> pd.DataFrame:
    """Each launch site in view: launch events, missiles, first and last launch, classes."""
    if launches.empty:
        return pd.DataFrame(
            columns=["site_name", "state", "launch_events", "missiles", "first", "last"]
        )
    frame = launches.assign(site_name=launches["site_name"].fillna(UNKNOWN_SITE))
    table = frame.groupby("site_name", as_index=False).agg(
        state=("state", lambda s: ", ".join(sorted(set(s)))),
        launch_events=("launch_id", "size"),
        missiles=("count", "sum"),
        first=("date_local", "min"),
        last=("date_local", "max"),
        classes=(
            "missile_class",
            lambda s: ", ".join(c for c in MISSILE_CLASSES if c in set(s)),
        ),
    )
    return table.sort_values(
        ["launch_events", "site_name"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def is_choice(facet: Facet, value: str) -> bool:
    """Whether the sidebar can filter on this facet value (a missing one cannot)."""
    return value != NOT_GIVEN.get(facet.key)
