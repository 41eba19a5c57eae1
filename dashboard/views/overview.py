"""Overview: what the current filters cover, and the latest launches and events."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, tables, ui
from dashboard.context import Context, current_context
from dashboard.filters import latest_launches, sort_newest_first


def params(data) -> list:
    return []


LATEST = 8


def render(ctx: Context) -> None:
    st.title("Korean Peninsula missile launches and diplomacy")
    cols = st.columns(4)
    cols[0].metric("Launch events", f"{len(ctx.launches):,}")
    cols[1].metric("Missiles fired", f"{int(ctx.launches['count'].sum()):,}")
    cols[2].metric("Diplomatic events", f"{len(ctx.events):,}")
    cols[3].metric("Statements", f"{len(ctx.statements):,}")
    st.caption(
        f"Dataset version {ctx.data.version}, built {ctx.data.built_at}. "
        "Launch dates are Korea Standard Time (UTC+9)."
    )
    ui.coverage_caption(ctx)

    if ctx.launches.empty:
        ui.empty_state("launches")
    else:
        st.subheader("Missiles fired per year, by class")
        st.plotly_chart(charts.launches_by_period_figure(ctx.launches, "year"), key="per_year")
        st.page_link(
            ui.PAGE_FILES["launches"],
            label="Facets, per-year and per-site tables on the Launches page",
            icon=":material/rocket_launch:",
            query_params=ui.filters_query(ctx),
        )

    left, right = st.columns(2)
    with left:
        st.subheader("Latest launches")
        latest = latest_launches(ctx.launches, LATEST)
        if latest.empty:
            ui.empty_state("launches")
        else:
            shown = tables.with_date_text(latest)[
                [
                    "date_shown",
                    "time_local",
                    "site_name",
                    "missile_class",
                    "missile_name",
                    "count",
                    "range_km",
                    "review_status",
                ]
            ]
            ui.show_table(shown)
            ui.download_csv(
                shown, "latest_launches", "Download these launches (CSV)", "dl_latest_launches"
            )
    with right:
        st.subheader("Latest diplomatic events")
        events = sort_newest_first(ctx.events, "date_start").head(LATEST)
        if events.empty:
            ui.empty_state("diplomatic events")
        else:
            shown = events[["date_start", "event_type", "title", "location"]]
            ui.show_table(shown)
            ui.download_csv(
                shown, "latest_events", "Download these events (CSV)", "dl_latest_events"
            )


if __name__ == "__main__":
    render(current_context())
