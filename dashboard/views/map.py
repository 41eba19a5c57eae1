"""Map: launch sites sized by launches, arcs to impact points, range rings, a year control."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard import deck, plain_text, ui, view_cache
from dashboard.context import Context, current_context
from dashboard.url_state import Param

if TYPE_CHECKING:
    import pandas as pd

RINGS, RING_SITE, SITE, MAP = "rings", "ring_site", "site", "launch_map"
ARCS, YEAR, PLAY = "arcs", "year", "play"
# While playing, the year section reruns this often and shows the next year with launches.
PLAY_SECONDS = 2.0
# Set by each full run and taken by the year section's first run after it: the section's
# later runs are the play timer's ticks (its controls are disabled while playing).
_FULL_RUN = "map_full_run"


def params(data) -> list[Param]:
    located = data.launch_sites.dropna(subset=["lat", "lon"])["site_id"]
    return [
        Param(RINGS, "bool"),
        Param(RING_SITE, "choice", tuple(located)),
        Param(SITE, "choice", tuple(located)),
        Param(ARCS, "choice", tuple(deck.ARC_MODES)),
        Param(YEAR, "choice", deck.year_options(data.launches)),
        Param(PLAY, "bool"),
    ]


def _take_map_selection() -> None:
    """A click on a launch site -> `site` in the URL, which narrows the table."""
    objects = st.session_state[MAP]["selection"]["objects"]
    picked = objects.get("sites") or []
    if picked:
        st.query_params[SITE] = picked[0]["site_id"]


def _clear_site() -> None:
    st.query_params.pop(SITE, None)


def _set_year(year: str) -> None:
    # Through the widget's state: a bound parameter changes only that way, and the URL follows.
    st.session_state[YEAR] = year


def _year_control(ctx: Context, playing: bool) -> str:
    """The year slider with step buttons; returns "All" or the year shown."""
    years = deck.years_with_launches(ctx.launches)
    if playing and not st.session_state.pop(_FULL_RUN, False):
        _set_year(deck.play_year(years, st.session_state.get(YEAR, deck.ALL_YEARS)))
    slider, back, forward = st.columns([8, 2, 2], vertical_alignment="bottom")
    year = slider.select_slider(
        "Year",
        deck.year_options(ctx.data.launches),  # "All" first: the default
        key=YEAR,
        bind="query-params",
        help="Show one year's launches (KST dates), or All.",
        disabled=playing,
    )
    for column, label, step, key in (
        (back, "◀ Previous year", -1, "year_back"),
        (forward, "Next year ▶", 1, "year_forward"),
    ):
        target = deck.step_year(years, year, step)
        column.button(
            label,
            key=key,
            on_click=_set_year,
            args=(target,),
            disabled=playing or target is None,
            help="Steps to the nearest year with launches in view.",
            width="stretch",
        )
    return year


DEFAULT_RING_SITE = "pyongyang-airport"


def render(ctx: Context) -> None:
    st.title("Map of launch origins and ranges")
    sites = ctx.data.launch_sites.dropna(subset=["lat", "lon"]).set_index("site_id")
    arcs_column, left, right, play = st.columns([2, 1, 2, 1], vertical_alignment="bottom")
    arc_mode = arcs_column.radio(
        "Arcs",
        tuple(deck.ARC_MODES),
        key=ARCS,
        bind="query-params",
        horizontal=True,
        help="; ".join(f"{mode}: {meaning}" for mode, meaning in deck.ARC_MODES.items()),
    )
    show_rings = left.toggle("Range rings", value=False, key=RINGS, bind="query-params")
    ring_site = right.selectbox(
        "Rings centred on",
        list(sites.index),
        index=list(sites.index).index(DEFAULT_RING_SITE) if DEFAULT_RING_SITE in sites.index else 0,
        key=RING_SITE,
        bind="query-params",
        disabled=not show_rings,
    )
    center = None
    if show_rings and ring_site in sites.index:
        site = sites.loc[ring_site]
        center = (float(site["lat"]), float(site["lon"]), str(site["name"]))
        right.text(f"Centre: {site['name']}")

    playing = play.toggle(
        "Play years",
        key=PLAY,
        bind="query-params",
        help=f"Show each year with launches in turn, {PLAY_SECONDS:g} s apiece, looping "
        "until switched off. The year shown is in the URL at every step.",
    )
    st.session_state[_FULL_RUN] = True
    # Only this section reruns on the play timer's ticks; off, it has no timer.
    section = st.fragment(_years_map_and_table, run_every=PLAY_SECONDS if playing else None)
    section(ctx, sites, center, arc_mode, playing)


def _years_map_and_table(
    ctx: Context,
    sites: pd.DataFrame,
    center: tuple[float, float, str] | None,
    arc_mode: str,
    playing: bool,
) -> None:
    """Year control, map, key and table: the part that reruns on its own while playing."""
    year = _year_control(ctx, playing)
    shown = deck.in_year(ctx.launches, year)
    if ctx.launches.empty:
        ui.empty_state("launches to map")
    elif shown.empty:
        st.info(
            f"No launches in view in {plain_text.escape(year)}. Step to another year or "
            "slide to All.",
            icon=":material/event_busy:",
        )
    st.pydeck_chart(
        view_cache.map_deck(
            ctx.data.folder,
            ctx.data.version,
            ctx.filters,
            year,
            bool(st.get_option("server.enableStaticServing")),
            ui.viewer_theme(),
            center,
            arc_mode,
        ),
        height=560,
        key=MAP,
        on_select=_take_map_selection,
        selection_mode="single-object",
    )
    if not shown.empty:
        st.html(deck.legend_html(shown))
    st.caption(deck.MAP_KEY)

    st.subheader("Launches on the map")
    launches = shown
    site = st.query_params.get(SITE)
    if site in set(sites.index):
        launches = launches[launches["site_id"] == site]
        st.info(
            "Showing launches from one site only (click a site on the map to change it).",
            icon=":material/location_on:",
        )
        st.text(f"Site: {sites.loc[site, 'name']}")
        st.button("Show all sites", on_click=_clear_site, key="clear_site")
    else:
        st.caption("Click a launch site on the map to list only its launches.")
    table = deck.launch_table(launches)
    if table.empty:
        ui.empty_state("launches")
        return
    unmapped = int((~table["on_map"]).sum())
    if unmapped:
        st.caption(
            f"{unmapped} launch event(s) in view have no site coordinates and are not drawn."
        )
    ui.show_table(table)
    ui.download_csv(table, "map_launches", "Download the launches on the map (CSV)", "dl_map")


if __name__ == "__main__":
    render(current_context())
