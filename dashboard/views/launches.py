"""Launches: the launch table with facet counts, per-year and per-site tables, downloads."""

from __future__ import annotations

import streamlit as st

from dashboard import facets, plain_text, tables, ui
from dashboard.context import Context, current_context
from dashboard.filters import latest_launches
from dashboard.url_state import Param

MEASURE = "measure"
MEASURES = ("launch events", "missiles")
FACET_VALUES_SHOWN = 8
TABLE_COLUMNS = [
    "date_shown",
    "time_local",
    "state",
    "missile_class",
    "missile_name",
    "count",
    "site_name",
    "range_km",
    "apogee_km",
    "outcome",
    "confirmation",
    "review_status",
    "launch_id",
]


def params(data) -> list[Param]:
    return [Param(MEASURE, "choice", MEASURES)]


def _facet(ctx: Context, facet: facets.Facet, measure: str) -> None:
    """A facet's values with counts; each links to this page with that value added to (or,
    when already chosen, removed from) the sidebar filter."""
    st.markdown(f"**{facet.title}**")
    counts = facets.facet_counts(ctx.launches, facet)
    chosen = set(ui.filters_query(ctx).get(facet.key, ()))
    for value, count in counts.head(FACET_VALUES_SHOWN).itertuples(index=False):
        label = plain_text.escape(f"{value} · {count:,}")
        if not facets.is_choice(facet, value):
            st.text(f"{value} · {count:,}")
            continue
        picked = chosen ^ {value}
        query = {**ui.filters_query(ctx, **{MEASURE: measure}), facet.key: sorted(picked)}
        st.page_link(
            ui.PAGE_FILES["launches"],
            label=f"✓ {label}" if value in chosen else label,
            query_params={k: v for k, v in query.items() if v},
        )
    if len(counts) > FACET_VALUES_SHOWN:
        st.caption(f"… {len(counts) - FACET_VALUES_SHOWN} more: see the per-site table below.")


def render(ctx: Context) -> None:
    st.title("Launches")
    ui.coverage_caption(ctx)
    if ctx.launches.empty:
        ui.empty_state("launches")
        return
    launches = ctx.launches
    st.markdown(
        f"**{len(launches):,} launch events**, {int(launches['count'].sum()):,} missiles fired. "
        "Click a value to filter by it (a ticked value removes the filter)."
    )
    # The radio further down holds this; the facet links carry it from the URL.
    wanted = st.query_params.get(MEASURE)
    measure = wanted if wanted in MEASURES else MEASURES[0]
    columns = st.columns(4)
    for index, facet in enumerate(facets.FACETS):
        with columns[index % 4]:
            _facet(ctx, facet, measure)

    st.subheader("Every launch in view")
    shown = tables.with_date_text(latest_launches(launches, len(launches)))[TABLE_COLUMNS]
    ui.show_table(shown)
    ui.download_csv(shown, "launches", "Download these launches (CSV)", "dl_launches")

    st.subheader("Per year and class")
    measure = st.radio("Count", MEASURES, key=MEASURE, bind="query-params", horizontal=True)
    by_year = facets.per_year_and_class(launches, measure)
    ui.show_table(by_year)
    ui.download_csv(by_year, "launches_per_year", "Download this table (CSV)", "dl_per_year")

    st.subheader("Per launch site")
    by_site = facets.per_site(launches)
    ui.show_table(by_site)
    ui.download_csv(by_site, "launches_per_site", "Download this table (CSV)", "dl_per_site")


if __name__ == "__main__":
    render(current_context())
