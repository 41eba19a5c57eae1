"""pydeck map of launch sites, flight arcs and range rings over an offline Natural Earth basemap.

No tiles and no token: `map_provider=None` requests nothing from the network, and land and
borders are GeoJSON layers shipped with the package. Tooltips are plain text.
"""

from __future__ import annotations

import html
import json
import math
from urllib.parse import quote

import pandas as pd
import pydeck as pdk

from dashboard import geo
from dashboard.palette import CLASS_COLORS, rgb

RING_DISTANCES_KM = (1000, 3000, 5500, 10000)
INITIAL_VIEW = pdk.ViewState(latitude=39.5, longitude=130.0, zoom=4.3, pitch=30)
REPORTED_ALPHA, ESTIMATED_ALPHA = 230, 110

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
    "color",
    "width",
    "tooltip",
)
TOOLTIP = {"text": "{tooltip}", "style": {"whiteSpace": "pre-line", "fontSize": "12px"}}


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
                "radius_m",
                "tooltip",
            ]
        )
    sites = located.groupby(["site_id", "site_name", "site_lat", "site_lon"], as_index=False).agg(
        launches=("launch_id", "count"), missiles=("count", "sum")
    )
    sites["radius_m"] = sites["launches"].map(lambda n: 9000 + 9000 * math.sqrt(n))
    sites["tooltip"] = [
        f"{r.site_name}\n{r.launches} launch events, {r.missiles} missiles"
        for r in sites.itertuples()
    ]
    return sites


def arcs(launches: pd.DataFrame) -> pd.DataFrame:
    """Site-to-impact arcs for launches with both ends known; estimated ones marked."""
    known = launches.dropna(subset=["site_lat", "site_lon", "impact_lat", "impact_lon"]).copy()
    if known.empty:
        return pd.DataFrame(columns=list(ARC_COLUMNS))
    known["color"] = [
        rgb(CLASS_COLORS.get(c, "#8C8C8C"), ESTIMATED_ALPHA if est else REPORTED_ALPHA)
        for c, est in zip(known["missile_class"], known["impact_estimated"], strict=True)
    ]
    known["width"] = [1.5 if est else 3.0 for est in known["impact_estimated"]]
    known["tooltip"] = [_arc_tooltip(r) for _, r in known.iterrows()]
    return known[list(ARC_COLUMNS)]


def _arc_tooltip(row: pd.Series) -> str:
    name = row["missile_name"] if isinstance(row["missile_name"], str) else row["missile_class"]
    range_text = f"{row['range_km']:,.0f} km" if pd.notna(row["range_km"]) else "range unknown"
    how = (
        "impact estimated from heading and range" if row["impact_estimated"] else "impact reported"
    )
    return (
        f"{row['date_local']:%Y-%m-%d} {name} x{row['count']}\n"
        f"from {row['site_name']}, {range_text}\n{how}"
    )


def rings(center_lat: float, center_lon: float, center_name: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "path": [geo.circle(center_lat, center_lon, d) for d in RING_DISTANCES_KM],
            "tooltip": [f"{d:,} km from {center_name}" for d in RING_DISTANCES_KM],
        }
    )


def build_deck(
    launches: pd.DataFrame,
    basemap: dict[str, dict],
    theme: str = "light",
    ring_center: tuple[float, float, str] | None = None,
) -> pdk.Deck:
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
                wrap_longitude=True,
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
    flights = arcs(launches)
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
                get_height=0.5,
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
                get_radius="radius_m",
                radius_min_pixels=4,
                get_fill_color=[200, 30, 30, 200],
                get_line_color=[255, 255, 255, 230],
                line_width_min_pixels=1,
                stroked=True,
                pickable=True,
                auto_highlight=True,
            )
        )
    return pdk.Deck(
        layers=layers,
        initial_view_state=INITIAL_VIEW,
        map_provider=None,
        map_style=offline_style(colors["sea"]),
        tooltip=TOOLTIP,
    )


TABLE_COLUMNS = (
    "date_local",
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
)


def launch_table(launches: pd.DataFrame) -> pd.DataFrame:
    """The launches under the map: whether each is drawn and how its impact point is known."""
    impact = launches["impact_estimated"].map({True: "estimated", False: "reported"})
    table = launches.assign(
        on_map=launches["site_lat"].notna(),
        impact=impact.where(launches["impact_lat"].notna(), "unknown"),
    )
    return table[list(TABLE_COLUMNS)].sort_values(["date_local", "time_local"], ascending=False)


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
