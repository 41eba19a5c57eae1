"""Small rendering helpers shared by the pages: downloads, empty states, citations, links."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.runtime.state import get_session_state

from dashboard import coverage, plain_text, url_state
from dashboard.context import Context
from dashboard.tables import citation, csv_bytes

# Page scripts, relative to the app's main script, for links between pages.
PAGE_FILES = {
    "overview": "views/overview.py",
    "timeline": "views/timeline.py",
    "map": "views/map.py",
    "statements": "views/statements.py",
    "data": "views/data_sources.py",
    "launches": "views/launches.py",
    "add_source": "views/add_source.py",
}
EMPTY = (
    "Nothing matches the current filters. Widen the date range or clear a filter in the sidebar."
)


def apply_url(parsed: url_state.Parsed) -> None:
    """Rewrite the address to the canonical query before any widget binds itself.

    Bound widgets seed from the address as it was first loaded, not from st.query_params,
    and some crash on values they cannot read (page=inf). Streamlit has no public call to
    replace that snapshot, so the one internal call is made here, covered by the fuzz test.
    """
    if not parsed.changed:
        return
    st.query_params.from_dict(parsed.query)
    with get_session_state().query_params() as query_params:
        query_params.set_initial_query_params_from_current()


def url_notice(parsed: url_state.Parsed) -> None:
    """One notice for everything wrong with the link: fixed wording in Markdown, then the
    link's own keys and values in a code block, which shows them as plain text (Markdown,
    even escaped, would still turn www. or mailto: into a live link)."""
    if not parsed.issues:
        return
    shown, more = url_state.bounded(parsed.issues)
    n = len(parsed.issues)
    st.warning(
        f"This link holds {n:,} thing{'s' if n > 1 else ''} the page cannot use as given. "
        f"Below, each one and what the page does instead. {more}".strip(),
        icon=":material/warning:",
    )
    st.code("\n".join(str(issue) for issue in shown), language=None, wrap_lines=True)


def empty_state(what: str) -> None:
    st.info(f"No {what}. {EMPTY}", icon=":material/filter_alt_off:")


def coverage_caption(ctx: Context) -> None:
    """Which span each kind of record was collected for, and whether the dates are narrowed."""
    data = ctx.data
    spans = coverage.collected_spans(data.launches, data.diplomatic_events, data.statements)
    note = coverage.range_note(spans, ctx.filters.date_from, ctx.filters.date_to)
    st.caption(f"{note} {coverage.caption(spans)}")


def download_csv(frame: pd.DataFrame, name: str, label: str, key: str) -> None:
    st.download_button(
        label,
        # Deferred: the CSV is written only when the analyst clicks, not on every rerun.
        data=lambda: csv_bytes(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def source_line(source: pd.Series, prefix: str = "") -> None:
    """A citation as plain text (titles from data may hold www. or mailto:, which Markdown
    would turn into links) and, for an http(s) address, a link with fixed wording."""
    st.text(f"{prefix}{citation(source)}")
    url = source["url"]
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        st.markdown(safe_link("Open the source", url))


def safe_link(label: str, url: object) -> str:
    """A Markdown link only for http(s) addresses; otherwise the escaped label alone."""
    text = plain_text.escape(label)
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        return f"[{text}]({url.replace(')', '%29').replace(' ', '%20')})"
    return text


def render_sources(ctx: Context, source_ids: list[str]) -> None:
    sources = ctx.data.sources.set_index("source_id")
    for source_id in source_ids:
        if source_id not in sources.index:
            st.text(f"{source_id} (not in the sources table)")
            continue
        source_line(sources.loc[source_id])


def filters_query(ctx: Context, **extra: str) -> dict:
    """Query parameters carrying the current filters to another page, plus page options."""
    return {**url_state.filters_to_query(ctx.filters), **extra}


def record_link(ctx: Context, key: str, label: str) -> None:
    """Link to the timeline with one launch or event selected."""
    st.page_link(
        PAGE_FILES["timeline"],
        label=label,
        icon=":material/timeline:",
        query_params=filters_query(ctx, sel=key),
    )


def _date(label: str):
    return st.column_config.DateColumn(label, format="YYYY-MM-DD")


def _km(label: str):
    return st.column_config.NumberColumn(label, format="%d")


# Readable headers for columns wherever they appear; a page's table uses those it has.
COLUMN_LABELS = {
    "date_local": _date("Date (KST)"),
    "time_local": "Time (KST)",
    "state": "State",
    "missile_class": "Class",
    "missile_name": "Missile",
    "count": "Missiles",
    "site_name": "Site",
    "range_km": _km("Range (km)"),
    "apogee_km": _km("Apogee (km)"),
    "heading_deg": st.column_config.NumberColumn("Heading (°)", format="%d"),
    "impact_lat": st.column_config.NumberColumn("Impact lat", format="%.2f"),
    "impact_lon": st.column_config.NumberColumn("Impact lon", format="%.2f"),
    "impact": "Impact point",
    "on_map": "On map",
    "date_start": _date("Date"),
    "event_type": "Type",
    "title": "Event",
    "location": "Where",
    "event_date": _date("Event date"),
    "launch_date": _date("Launch date (KST)"),
    "lag_days": "Days after",
    "date_shown": "Date (KST)",
    "outcome": "Outcome",
    "confirmation": "Confirmation",
    "review_status": st.column_config.TextColumn(
        "Review", help="reviewed: checked by a curator; imported: straight from a database"
    ),
    "launch_id": "Launch id",
    "launch_events": "Launch events",
    "missiles": "Missiles",
    "first": _date("First launch"),
    "last": _date("Last launch"),
    "classes": "Classes",
    "year": st.column_config.NumberColumn("Year", format="%d"),
    "total": "Total",
}


def show_table(frame: pd.DataFrame) -> None:
    """A table with readable headers and a dash, not 'None', where a value is missing."""
    labels = {k: v for k, v in COLUMN_LABELS.items() if k in frame.columns}
    st.dataframe(frame, hide_index=True, column_config=labels, placeholder="—")


def viewer_theme() -> str:
    """'dark' or 'light', following the viewer's Streamlit theme."""
    theme = getattr(st.context, "theme", None)
    kind = getattr(theme, "type", None) if theme is not None else None
    return "dark" if kind == "dark" else "light"
