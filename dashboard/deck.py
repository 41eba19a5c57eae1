"""pydeck map of launch sites, flight arcs and range rings over an offline Natural Earth basemap.

No tiles and no token: `map_provider=None` requests nothing from the network, and land and
borders are GeoJSON files shipped with the package. Tooltips are plain text.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping
from urllib.parse import quote

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard import geo
from dashboard.palette import CLASS_COLORS, rgb
from dashboard.tables import date_text, with_date_text

RING_DISTANCES_KM = (1000, 3000, 5500, 10000)
INITIAL_VIEW = pdk.ViewState(latitude=39.0, longitude=130.0, zoom=4.0, pitch=30)
REPORTED_ALPHA, ESTIMATED_ALPHA = 230, 110

# The basemap as static files the app serves itself (`server.enableStaticServing`, folder
# dashboard/static/ beside app.py): 1.3 MB of GeoJSON that the browser fetches once and caches,
# instead of receiving it over the websocket inside the deck on every load and rerun. Relative
# URLs: the map page sits one level below the app's root (`<root>/map`), so they resolve to
# `<root>/app/static/...` under any `server.baseUrlPath` or proxy prefix.
BASEMAP_URLS = {
    "land": "app/static/basemap/land.geojson",
    "borders": "app/static/basemap/borders.geojson",
}

THEMES = {
    "light": {"land": [222, 218, 206, 255], "border": [150, 150, 150, 200], "sea": "#eef3f7"},
    "dark": {"land": [62, 66, 74, 255], "border": [120, 126, 138, 220], "sea": "#1b1f27"},
}


def offline_style(sea_color: str) -> str:
    """A MapLibre style with no sources (only a sea-coloured background) as a data: URL.

    Left without a style, Streamlit's front end falls back to a hosted tile style; a style
    given inline as a data: URL makes the map fetch nothing at all.
    """
    style = {
        "version": 8,
        "name": "offline",
        "sources": {},
        "layers": [{"id": "sea", "type": "background", "paint": {"background-color": sea_color}}],
    }
    return "data:application/json;charset=utf-8," + quote(json.dumps(style, separators=(",", ":")))


# Only plain values go to the browser (no timestamps or lists to serialise).
ARC_COLUMNS = (
    "launch_id",
    "site_lon",
    "site_lat",
    "impact_lon",
    "impact_lat",
    "impact_estimated",
    "launches",
    "color",
    "width",
    "height",
    "tooltip",
)
TOOLTIP = {"text": "{tooltip}", "style": {"whiteSpace": "pre-line", "fontSize": "12px"}}

# How arcs are drawn (the URL's `arcs`): grouped per site, class and direction, one per
# launch event, or none. Hundreds of single arcs from a few dozen sites hide each other.
ARC_MODES = {
    "grouped": "one arc per site, class and direction",
    "each": "one arc per launch event",
    "none": "sites only",
}
# An arc's peak is drawn at the apogee times this, on the map's own scale: heights compare
# truly (a lofted ICBM, apogee ~6,000 km over ~1,000 km, towers over a 50 km SRBM hop),
# and at half height more of the lofted arcs stay inside the opening view of the region.
VERTICAL_SCALE = 0.5

REVIEW_TEXT = {
    "reviewed": "reviewed by a curator",
    "imported": "imported from a database, not yet reviewed",
}


# Built-in aggregations only (Python ones per group cost a tenth of a second a rerun): the
# counts and year span each group's tooltip states.
SUMMARY = {
    "launches": ("launch_id", "count"),
    "missiles": ("count", "sum"),
    "reviewed": ("reviewed", "sum"),
    "imported": ("imported", "sum"),
    "first": ("date_local", "min"),
    "last": ("date_local", "max"),
}


def _with_review_flags(launches: pd.DataFrame) -> pd.DataFrame:
    return launches.assign(
        reviewed=launches["review_status"] == "reviewed",
        imported=launches["review_status"] == "imported",
    )


def _review_text(reviewed: int, imported: int) -> str:
    parts = [f"{reviewed} reviewed"] if reviewed else []
    if imported:
        parts.append(f"{imported} imported, not yet reviewed")
    return ", ".join(parts)


def _years_text(first: pd.Timestamp, last: pd.Timestamp) -> str:
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def site_points(launches: pd.DataFrame) -> pd.DataFrame:
    """One row per launch site in view, with launch and missile counts and a radius."""
    located = launches.dropna(subset=["site_lat", "site_lon"])
    if located.empty:
        return pd.DataFrame(
            columns=[
                "site_id",
                "site_name",
                "site_lat",
                "site_lon",
                "launches",
                "missiles",
                "radius_px",
                "tooltip",
            ]
        )
    groups = _with_review_flags(located).groupby(["site_id", "site_name", "site_lat", "site_lon"])
    sites = groups.agg(**SUMMARY).reset_index()
    # Screen pixels, not metres: the busiest site stays a dot, not a blob, at any zoom.
    sites["radius_px"] = sites["launches"].map(lambda n: 3 + 2 * math.sqrt(n))
    sites["tooltip"] = [
        f"{r.site_name}\n{r.launches} launch events, {r.missiles} missiles, "
        f"{_years_text(r.first, r.last)}\n{_review_text(r.reviewed, r.imported)}"
        for r in sites.itertuples()
    ]
    return sites.drop(columns=["reviewed", "imported", "first", "last"])


def _flights(launches: pd.DataFrame) -> pd.DataFrame:
    return launches.dropna(subset=["site_lat", "site_lon", "impact_lat", "impact_lon"])


def _color(missile_class: str, estimated: bool) -> list[int]:
    alpha = ESTIMATED_ALPHA if estimated else REPORTED_ALPHA
    return rgb(CLASS_COLORS.get(missile_class, "#8C8C8C"), alpha)


def _height(row: pd.Series) -> float:
    ground = geo.distance_km(row["site_lat"], row["site_lon"], row["impact_lat"], row["impact_lon"])
    return geo.arc_height_ratio(row["apogee_km"], ground, VERTICAL_SCALE)


def arcs(launches: pd.DataFrame) -> pd.DataFrame:
    """One site-to-impact arc per launch with both ends known; estimated ones marked."""
    known = _flights(launches).copy()
    if known.empty:
        return pd.DataFrame(columns=list(ARC_COLUMNS))
    known["launches"] = 1
    known["color"] = [
        _color(c, est)
        for c, est in zip(known["missile_class"], known["impact_estimated"], strict=True)
    ]
    known["width"] = [1.5 if est else 3.0 for est in known["impact_estimated"]]
    known["height"] = [_height(r) for _, r in known.iterrows()]
    known["tooltip"] = [_arc_tooltip(r) for _, r in known.iterrows()]
    return known[list(ARC_COLUMNS)]


def _km(value: float) -> str:
    return f"{value:,.0f} km"


def _arc_tooltip(row: pd.Series) -> str:
    name = row["missile_name"] if isinstance(row["missile_name"], str) else row["missile_class"]
    range_text = _km(row["range_km"]) if pd.notna(row["range_km"]) else "range unknown"
    apogee = row["apogee_km"]
    apogee_text = f"apogee {_km(apogee)}" if pd.notna(apogee) else "apogee unknown (drawn flat)"
    how = (
        "impact estimated from heading and range" if row["impact_estimated"] else "impact reported"
    )
    review = REVIEW_TEXT.get(row["review_status"], str(row["review_status"]))
    return (
        f"{date_text(row['date_local'], row['date_precision'])} {name} x{row['count']}"
        f" ({row['missile_class']})\n"
        f"from {row['site_name']}, {range_text}, {apogee_text}\n{how}\n{review}"
    )


def grouped_arcs(launches: pd.DataFrame) -> pd.DataFrame:
    """One arc per site, missile class and compass direction of flight.

    Each group is drawn as one real flight, its launch of median range (the shorter of the
    middle two), so the arc's end and height belong together; its width grows with the
    number of launch events in the group, and the tooltip gives their spread. Reported and
    estimated impact points stay in separate groups, so bold still means "reported".
    """
    known = _flights(launches)
    if known.empty:
        return pd.DataFrame(columns=list(ARC_COLUMNS))
    directed = _with_review_flags(known).assign(
        direction=[
            geo.compass_point(geo.initial_bearing(a, b, c, d))
            for a, b, c, d in zip(
                known["site_lat"],
                known["site_lon"],
                known["impact_lat"],
                known["impact_lon"],
                strict=True,
            )
        ]
    )
    keys = ["site_id", "missile_class", "impact_estimated", "direction"]
    ordered = directed.sort_values([*keys, "range_km"], na_position="last", kind="stable")
    groups = ordered.groupby(keys, sort=False)
    # Position within the group by range; the ranges known fix which is the median.
    median_at = (groups["range_km"].transform("count") - 1).clip(lower=0) // 2
    drawn = ordered[groups.cumcount() == median_at].set_index(keys)
    spread = groups.agg(
        **SUMMARY,
        range_min=("range_km", "min"),
        range_max=("range_km", "max"),
        apogee_min=("apogee_km", "min"),
        apogee_max=("apogee_km", "max"),
    )
    grouped = drawn.drop(columns=["launch_id", "reviewed", "imported"]).join(spread).reset_index()
    grouped["launch_id"] = ""  # a group stands for several launches; see its tooltip
    grouped["color"] = [
        _color(c, est)
        for c, est in zip(grouped["missile_class"], grouped["impact_estimated"], strict=True)
    ]
    # Doubles with every fourfold increase in launches: 1 launch -> base, 16 -> 3x base.
    grouped["width"] = [
        (1.0 if est else 2.0) * (1 + math.log2(n) / 2)
        for n, est in zip(grouped["launches"], grouped["impact_estimated"], strict=True)
    ]
    grouped["height"] = [_height(r) for _, r in grouped.iterrows()]
    grouped["tooltip"] = [_group_tooltip(r) for _, r in grouped.iterrows()]
    return grouped.sort_values(["site_id", "missile_class", "direction"])[list(ARC_COLUMNS)]


def _spread(low: float, high: float, what: str) -> str:
    if pd.isna(low):
        return f"{what} unknown"
    if low == high:
        return f"{what} {_km(low)}"
    return f"{what}s {low:,.0f}–{_km(high)}"


def _group_tooltip(row: pd.Series) -> str:
    how = "impact estimated" if row["impact_estimated"] else "impact reported"
    apogee = row["apogee_km"]
    drawn_apogee = f"apogee {_km(apogee)}" if pd.notna(apogee) else "apogee unknown, flat"
    return (
        f"{row['missile_class']} from {row['site_name']} flying {row['direction']}: "
        f"{row['launches']} launch events, {row['missiles']} missiles, "
        f"{_years_text(row['first'], row['last'])}\n"
        f"{_spread(row['range_min'], row['range_max'], 'range')}, "
        f"{_spread(row['apogee_min'], row['apogee_max'], 'apogee')}\n"
        f"drawn: {date_text(row['date_local'], row['date_precision'])} (median range), "
        f"{drawn_apogee}, {how}\n{_review_text(row['reviewed'], row['imported'])}"
    )


def flight_arcs(launches: pd.DataFrame, mode: str) -> pd.DataFrame:
    """The arcs to draw in one of ARC_MODES."""
    if mode == "none":
        return pd.DataFrame(columns=list(ARC_COLUMNS))
    return arcs(launches) if mode == "each" else grouped_arcs(launches)


def rings(center_lat: float, center_lon: float, center_name: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "path": [geo.circle(center_lat, center_lon, d) for d in RING_DISTANCES_KM],
            "tooltip": [f"{d:,} km from {center_name}" for d in RING_DISTANCES_KM],
        }
    )


# "All" or one calendar year (KST) of launches: the time control's values, as in the URL.
ALL_YEARS = "All"


def year_options(launches: pd.DataFrame) -> tuple[str, ...]:
    """ "All", then every year from the first launch to the last (empty years too, so the
    control's steps are even in time)."""
    years = launches["date_local"].dropna().dt.year
    if years.empty:
        return (ALL_YEARS,)
    return (ALL_YEARS, *(str(y) for y in range(int(years.min()), int(years.max()) + 1)))


def years_with_launches(launches: pd.DataFrame) -> tuple[int, ...]:
    return tuple(sorted(int(y) for y in launches["date_local"].dropna().dt.year.unique()))


def in_year(launches: pd.DataFrame, year: str) -> pd.DataFrame:
    """The launches of one year; all of them for ALL_YEARS.

    A launch dated only to its month or year has date_local on the period's first day,
    which lies in the right year, so none is dropped or moved.
    """
    if year == ALL_YEARS:
        return launches
    return launches[launches["date_local"].dt.year == int(year)]


def step_year(years: tuple[int, ...], current: str, step: int) -> str | None:
    """The nearest year with launches before (step -1) or after (step +1) `current`.

    From ALL_YEARS, forward starts at the first year and back at the last; None when there
    is no such year.
    """
    if not years:
        return None
    if current == ALL_YEARS:
        return str(years[0] if step > 0 else years[-1])
    here = int(current)
    later = [y for y in years if (y > here if step > 0 else y < here)]
    if not later:
        return None
    return str(min(later) if step > 0 else max(later))


def play_year(years: tuple[int, ...], current: str) -> str:
    """The year a playing time control shows next: the next year with launches, back to the
    first after the last (it loops until stopped); ALL_YEARS when there are none."""
    if not years:
        return ALL_YEARS
    return step_year(years, current, 1) or str(years[0])


# With rings on, the view opens wide enough to show the 10,000 km ring whole.
RING_ZOOM, RING_PITCH = 1.1, 20


def _view(ring_center: tuple[float, float, str] | None) -> pdk.ViewState:
    if ring_center is None:
        return INITIAL_VIEW
    lat, lon, _ = ring_center
    return pdk.ViewState(latitude=lat - 15, longitude=lon, zoom=RING_ZOOM, pitch=RING_PITCH)


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation.

    pydeck indents its JSON, which makes Python's encoder fall back from C to pure Python:
    with the basemap inside, that is ~8 MB and over a second on every rerun (and every
    step of "Play years"); compact, the same spec is a fraction of the size and time.
    """

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(
    launches: pd.DataFrame,
    basemap: Mapping[str, dict | str],
    theme: str = "light",
    ring_center: tuple[float, float, str] | None = None,
    arc_mode: str = "grouped",
) -> pdk.Deck:
    """The map: `basemap` maps "land" and "borders" to GeoJSON, as data or as a URL the
    browser fetches (BASEMAP_URLS); either may be missing."""
    colors = THEMES.get(theme, THEMES["light"])
    layers: list[pdk.Layer] = []
    if "land" in basemap:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                basemap["land"],
                id="land",
                stroked=False,
                filled=True,
                get_fill_color=colors["land"],
                pickable=False,
            )
        )
    if "borders" in basemap:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                basemap["borders"],
                id="borders",
                stroked=True,
                filled=False,
                get_line_color=colors["border"],
                line_width_min_pixels=1,
                pickable=False,
            )
        )
    if ring_center is not None:
        layers.append(
            pdk.Layer(
                "PathLayer",
                rings(*ring_center),
                id="range-rings",
                get_path="path",
                get_color=[120, 120, 120, 160],
                width_min_pixels=1,
                pickable=True,
            )
        )
    flights = flight_arcs(launches, arc_mode)
    if not flights.empty:
        layers.append(
            pdk.Layer(
                "ArcLayer",
                flights,
                id="arcs",
                get_source_position=["site_lon", "site_lat"],
                get_target_position=["impact_lon", "impact_lat"],
                get_source_color="color",
                get_target_color="color",
                get_width="width",
                get_height="height",
                # Along the great circle, as the impact estimates are; the peak height is
                # then exactly height x ground distance / 2 (see geo.arc_height_ratio).
                great_circle=True,
                pickable=True,
                auto_highlight=True,
            )
        )
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                flights,
                id="impacts",
                get_position=["impact_lon", "impact_lat"],
                get_fill_color="color",
                get_radius=6000,
                radius_min_pixels=2,
                stroked=False,
                pickable=True,
            )
        )
    sites = site_points(launches)
    if not sites.empty:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                sites,
                id="sites",
                get_position=["site_lon", "site_lat"],
                get_radius="radius_px",
                radius_units='"pixels"',  # quoted: pydeck reads bare strings as accessors
                get_fill_color=[200, 30, 30, 190],
                get_line_color=[255, 255, 255, 230],
                line_width_min_pixels=1,
                stroked=True,
                pickable=True,
                auto_highlight=True,
            )
        )
    return CompactDeck(
        layers=layers,
        # `repeat` draws the world again left and right of itself, so a ring or arc that
        # runs past 180° (kept as one unbroken path) lies over land, not empty sea.
        views=[pdk.View("MapView", controller=True, repeat=True)],
        initial_view_state=_view(ring_center),
        map_provider=None,
        map_style=offline_style(colors["sea"]),
        tooltip=TOOLTIP,
    )


TABLE_COLUMNS = (
    "date_shown",
    "time_local",
    "missile_class",
    "missile_name",
    "count",
    "site_name",
    "range_km",
    "apogee_km",
    "heading_deg",
    "impact_lat",
    "impact_lon",
    "impact",
    "on_map",
    "review_status",
)


def launch_table(launches: pd.DataFrame) -> pd.DataFrame:
    """The launches under the map, newest first: the date as precisely as it is known,
    whether each is drawn, how its impact point is known and whether a curator checked it."""
    impact = launches["impact_estimated"].map({True: "estimated", False: "reported"})
    table = with_date_text(launches).assign(
        on_map=launches["site_lat"].notna(),
        impact=impact.where(launches["impact_lat"].notna(), "unknown"),
    )
    newest = table.sort_values(["date_local", "time_local"], ascending=False, kind="stable")
    return newest[list(TABLE_COLUMNS)]


def legend_html(launches: pd.DataFrame) -> str:
    """Colour key for the missile classes in view (names come from the schema's enum)."""
    present = [c for c in CLASS_COLORS if c in set(launches["missile_class"])]
    swatches = "".join(
        f'<span style="margin-right:1.2em;white-space:nowrap">'
        f'<span style="display:inline-block;width:0.9em;height:0.9em;border-radius:50%;'
        f'background:{CLASS_COLORS[c]};margin-right:0.35em;vertical-align:-0.1em"></span>'
        f"{html.escape(c)}</span>"
        for c in present
    )
    return f'<div style="font-size:0.85rem">{swatches}</div>'


# What the Map page says under the map, about how it is drawn.
MAP_KEY = (
    "Red circles: launch sites, sized by launch events. Arcs run from site to impact point "
    "along the great circle, coloured by missile class: bold where a source reports the "
    "impact point, faint and thin where it is estimated from the reported heading and "
    "range. Grouped, one arc stands for a site's launches of one class flying the same "
    "way (to the nearest of eight compass points): it is drawn as their launch of median "
    "range and widens with their number; its tooltip gives the spread. Each arc peaks at "
    "half its apogee on the map's scale, so heights compare truly; an arc with no "
    "reported apogee lies flat. "
    "Rings mark 1,000 / 3,000 / 5,500 / 10,000 km. Tooltips say whether a record was "
    "reviewed by a curator or imported from a database and not yet reviewed. "
    "Basemap: Natural Earth (public domain), via the world-atlas package."
)
