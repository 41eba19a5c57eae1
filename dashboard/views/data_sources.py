"""Data & sources: dictionary, version, claims, sources, and downloads for the current filters."""

from __future__ import annotations

import streamlit as st

from dashboard import tables, ui, versions
from dashboard.context import Context, current_context
from dashboard.schema import TABLES
from dashboard.url_state import Param

TABLE = "table"


def params(data) -> list[Param]:
    return [Param(TABLE, "choice", tuple(TABLES))]


def filtered_tables(ctx: Context) -> dict:
    """Each table as the current filters narrow it (sources and sites are not filtered)."""
    site_columns = [
        c for c in ctx.launches.columns if c not in ("site_name", "site_lat", "site_lon")
    ]
    return {
        "sources": ctx.data.sources,
        "launch_sites": ctx.data.launch_sites,
        "launches": ctx.launches[site_columns],
        "diplomatic_events": ctx.events,
        "statements": ctx.statements,
        "claims": ctx.claims,
    }


def render(ctx: Context) -> None:
    st.title("Data & sources")
    st.markdown(
        f"Dataset version **{ctx.data.version}** (content hash), built **{ctx.data.built_at}**. "
        "Every record cites at least one source below; what changed between versions is at the "
        "bottom of the page. Launch dates are Korea Standard Time."
    )
    current = filtered_tables(ctx)
    st.subheader("Download")
    st.caption("Launches, events, statements and claims follow the sidebar filters.")
    for name, frame in current.items():
        left, mid, right = st.columns([2, 1, 1])
        left.markdown(f"`{name}`: {len(frame):,} rows")
        with mid:
            ui.download_csv(frame, name, "CSV", f"dl_csv_{name}")
        right.download_button(
            "Parquet",
            lambda frame=frame: tables.parquet_bytes(frame),
            file_name=f"{name}.parquet",
            mime="application/vnd.apache.parquet",
            key=f"dl_parquet_{name}",
            icon=":material/download:",
            on_click="ignore",
        )

    st.subheader("Data dictionary")
    table = st.selectbox("Table", list(TABLES), key=TABLE, bind="query-params")
    st.caption(TABLES[table].description)
    st.dataframe(tables.data_dictionary(table), hide_index=True)

    st.subheader("Differing reports (claims)")
    if ctx.claims.empty:
        ui.empty_state("claims")
    else:
        ui.show_table(ctx.claims.sort_values(["launch_id", "field"]))

    st.subheader("Sources")
    st.caption("How many records in view cite each source.")
    usage = tables.source_usage(
        ctx.data.sources, ctx.launches, ctx.events, ctx.statements, ctx.claims
    )
    st.dataframe(
        usage,
        hide_index=True,
        column_config={"url": st.column_config.LinkColumn("url")},
    )

    st.subheader("Data versions")
    st.caption(
        "Each build with new content gets a version. A link copied from the sidebar names "
        "the version it was made with; opened later, it says what changed since."
    )
    st.dataframe(
        versions.changelog_table(ctx.data.changelog, ctx.data.version),
        hide_index=True,
        column_config={"what changed": st.column_config.TextColumn(width="large")},
    )


if __name__ == "__main__":
    render(current_context())
