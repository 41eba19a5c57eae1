"""Per-view results shared by every session, keyed by the dataset and the view's state.

A Streamlit rerun reruns the whole page, yet most reruns change nothing that the Timeline's
figure, its list of records or the action-reaction statistics depend on (a record picked, a
download, another option of the panel), nor what the Map's deck does (a site clicked, the
table). Building the figure costs about a quarter of a second, the deck's grouped arcs about a
tenth, the record list and the 2,000-draw baselines tens of milliseconds, so each is kept per
(data folder, version, filters, ...) in `st.cache_resource`: one shared object, never copied.
Callers must not mutate what they get back; `st.plotly_chart` only serialises the figure.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from dashboard import charts, coverage, deck, lag, records
from dashboard.context import Context
from dashboard.data_io import basemap_layers, load_dataset
from dashboard.filters import Filters

# Enough for a handful of analysts each moving through a few views; a figure is ~1 MB.
ENTRIES = 64


def _context(filters: Filters) -> Context:
    # The folder and version in the callers' keys name the dataset load_dataset() returns, so
    # a rebuilt dataset (a new version) is a new key, never a stale hit.
    return Context.build(load_dataset(), filters)


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def timeline_figure(folder: str, version: str, filters: Filters, selected: str | None) -> go.Figure:
    ctx = _context(filters)
    spans = coverage.collected_spans(
        ctx.data.launches, ctx.data.diplomatic_events, ctx.data.statements
    )
    return charts.timeline_figure(ctx.launches, ctx.events, selected, spans)


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def lag_study(folder: str, version: str, filters: Filters, question: lag.Question) -> lag.Study:
    ctx = _context(filters)
    return lag.study(
        ctx.events, ctx.launches, ctx.data.diplomatic_events, ctx.data.launches_with_sites, question
    )


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def record_options(folder: str, version: str, filters: Filters) -> dict[str, str]:
    ctx = _context(filters)
    return records.record_options(ctx.launches, ctx.events)


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def map_deck(
    folder: str,
    version: str,
    filters: Filters,
    year: str,
    static_basemap: bool,
    theme: str,
    ring_center: tuple[float, float, str] | None,
    arc_mode: str,
) -> pdk.Deck:
    """The Map page's deck (grouping the arcs is most of its cost). With `static_basemap`
    (the repository's .streamlit/config.toml turns static serving on) the layers point at the
    app's static files, which the browser caches; without it they carry the GeoJSON itself
    (1.3 MB a run), so the map keeps its land when the app is started without that config."""
    shown = deck.in_year(_context(filters).launches, year)
    basemap = deck.BASEMAP_URLS if static_basemap else basemap_layers()
    return deck.build_deck(shown, basemap, theme, ring_center, arc_mode)
