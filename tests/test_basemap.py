"""Tests for the TopoJSON decoder and the shipped offline basemap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.curation import basemap

ASSETS = Path(__file__).resolve().parents[1] / "dashboard" / "static" / "basemap"

# Two arcs in quantized, delta-encoded form; scale (0.5, 0.25), translate (10, 20).
# arc 0: (10,20) -> (12,20) -> (12,21);  arc 1: (10,20) -> (10,21) -> (12,21).
TINY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [[[0, 0], [4, 0], [0, 4]], [[0, 0], [0, 4], [4, 0]]],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, ~1]], "id": "sq", "properties": {"n": 1}},
                {"type": "LineString", "arcs": [~0]},
                {"type": "MultiLineString", "arcs": [[0], [1]]},
                {"type": "MultiPolygon", "arcs": [[[1, ~0]]]},
                {"type": "Point", "coordinates": [2, 4]},
                {"type": None},
            ],
        }
    },
}
SQUARE = [[10, 20], [12, 20], [12, 21], [10, 21], [10, 20]]


def point_in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Even-odd ray casting of a point against one closed ring."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_on_land(lon: float, lat: float, collection: dict) -> bool:
    """Whether a point lies inside any polygon (shell minus holes) of a collection."""
    for feature in collection["features"]:
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for shell, *holes in polys:
            if point_in_ring(lon, lat, shell) and not any(
                point_in_ring(lon, lat, hole) for hole in holes
            ):
                return True
    return False


@pytest.fixture(scope="module")
def land() -> dict:
    return json.loads((ASSETS / "land.geojson").read_text(encoding="utf-8"))


def test_decode_arcs_applies_delta_and_transform() -> None:
    assert basemap.decode_arcs(TINY) == [
        [[10, 20], [12, 20], [12, 21]],
        [[10, 20], [10, 21], [12, 21]],
    ]


def test_polygon_with_reversed_arc() -> None:
    feature = basemap.to_features(TINY, "shapes")[0]
    assert feature["id"] == "sq" and feature["properties"] == {"n": 1}
    assert feature["geometry"] == {"type": "Polygon", "coordinates": [SQUARE]}


def test_other_geometry_types() -> None:
    line, multi, mpoly, point, null = basemap.to_features(TINY, "shapes")[1:]
    assert line["geometry"]["coordinates"] == [[12, 21], [12, 20], [10, 20]]
    assert multi["geometry"]["coordinates"][1] == [[10, 20], [10, 21], [12, 21]]
    assert mpoly["geometry"]["coordinates"] == [[SQUARE[::-1]]]
    assert point["geometry"] == {"type": "Point", "coordinates": [11.0, 21.0]}
    assert null["geometry"] is None


def test_mesh_keeps_only_shared_arcs() -> None:
    topo = {
        "arcs": [[[0, 0], [1, 0]], [[1, 0], [1, 1], [0, 1], [0, 0]], [[1, 0], [2, 0], [2, 1]]],
        "objects": {
            "c": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]]},
                    {"type": "Polygon", "arcs": [[~0, 2]]},
                ],
            }
        },
    }
    assert basemap.mesh(topo, "c")["coordinates"] == [[[0, 0], [1, 0]]]


def test_cut_ring_at_antimeridian() -> None:
    ring = [[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]
    pieces = sorted(basemap.cut_ring(ring), key=lambda r: min(p[0] for p in r))
    assert [(min(p[0] for p in r), max(p[0] for p in r)) for r in pieces] == [
        (-180, -170),
        (170, 180),
    ]


def test_write_compact_feature_collection(tmp_path: Path) -> None:
    # Clockwise and open; the first two points coincide once rounded.
    ring = [[0.00041, 0.0], [0.0001, 0.0], [0.0, 1.0], [1.0, 1.23456], [1.0, 0.0]]
    feature = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    basemap.write_feature_collection(tmp_path / "x.geojson", [feature])
    text = (tmp_path / "x.geojson").read_text()
    assert ", " not in text and ": " not in text
    coords = json.loads(text)["features"][0]["geometry"]["coordinates"][0]
    assert coords == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.235], [0.0, 1.0], [0.0, 0.0]]


def test_shipped_land_is_valid_feature_collection(land: dict) -> None:
    assert land["type"] == "FeatureCollection" and land["features"]
    for feature in land["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for poly in feature["geometry"]["coordinates"]:
            for ring in poly:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_seoul_is_land_and_sea_of_japan_is_not(land: dict) -> None:
    assert point_on_land(127.0, 37.5, land)
    assert not point_on_land(134.0, 40.0, land)
    assert point_on_land(139.7, 35.7, land)  # Tokyo
    assert not point_on_land(50.5, 42.0, land)  # Caspian Sea (a hole)


def test_shipped_borders_and_attribution() -> None:
    borders = json.loads((ASSETS / "borders.geojson").read_text(encoding="utf-8"))
    assert borders["type"] == "FeatureCollection"
    assert borders["features"][0]["geometry"]["type"] == "MultiLineString"
    text = (ASSETS / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Made with Natural Earth." in text and "world-atlas" in text
