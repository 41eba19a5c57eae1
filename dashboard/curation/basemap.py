"""Offline basemap: decode world-atlas TopoJSON into compact GeoJSON.

The shipped files in ``dashboard/static/basemap`` (served to the browser as static
files, see ``dashboard.deck.BASEMAP_URLS``) are generated from the npm
package ``world-atlas`` (Natural Earth data, public domain) with::

    cd /tmp && npm pack world-atlas@2.0.2
    python -m dashboard.curation.basemap /tmp/world-atlas-2.0.2.tgz

Only the standard library is used. TopoJSON support covers what world-atlas
needs: quantized, delta-encoded arcs, reversed arc references (``~i``) and the
Point, LineString, Polygon, GeometryCollection types and their Multi variants.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tarfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

Position = list[float]
Line = list[Position]
JSON = dict[str, Any]

ASSETS = Path(__file__).resolve().parents[1] / "static" / "basemap"
PACKAGE = "world-atlas"
DIGITS = 3


def read_member(source: Path, name: str) -> JSON:
    """Read JSON file ``name`` from a world-atlas ``.tgz`` or an extracted directory."""
    if source.is_dir():
        path = source / name if (source / name).exists() else source / "package" / name
        return json.loads(path.read_text(encoding="utf-8"))
    with tarfile.open(source) as tar:
        member = tar.extractfile(f"package/{name}")
        if member is None:
            raise FileNotFoundError(f"{name} not in {source}")
        return json.loads(member.read().decode("utf-8"))


def _transform(topology: JSON) -> tuple[float, float, float, float]:
    """Return ``(sx, sy, tx, ty)``; the identity when the topology is not quantized."""
    t = topology.get("transform")
    if not t:
        return 1.0, 1.0, 0.0, 0.0
    return t["scale"][0], t["scale"][1], t["translate"][0], t["translate"][1]


def decode_arcs(topology: JSON) -> list[Line]:
    """Decode every arc to absolute longitude/latitude positions."""
    sx, sy, tx, ty = _transform(topology)
    quantized = "transform" in topology
    arcs: list[Line] = []
    for arc in topology["arcs"]:
        x = y = 0.0
        line: Line = []
        for p in arc:
            x, y = (x + p[0], y + p[1]) if quantized else (p[0], p[1])
            line.append([x * sx + tx, y * sy + ty])
        arcs.append(line)
    return arcs


def stitch(arcs: list[Line], indices: Iterable[int]) -> Line:
    """Join referenced arcs into one line; ``~i`` (negative) means arc ``i`` reversed."""
    line: Line = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        line.extend(arc[1:] if line else arc)
    return line


def _point(topology: JSON, p: Sequence[float]) -> Position:
    """Un-quantize a single position (points are not delta-encoded)."""
    sx, sy, tx, ty = _transform(topology)
    return [p[0] * sx + tx, p[1] * sy + ty]


def to_geometry(obj: JSON, topology: JSON, arcs: list[Line]) -> JSON | None:
    """Convert one TopoJSON geometry object to a GeoJSON geometry (``None`` for null)."""
    kind = obj.get("type")
    if kind == "GeometryCollection":
        parts = [to_geometry(g, topology, arcs) for g in obj["geometries"]]
        return {"type": kind, "geometries": [g for g in parts if g]}
    if kind == "Point":
        coords: Any = _point(topology, obj["coordinates"])
    elif kind == "MultiPoint":
        coords = [_point(topology, p) for p in obj["coordinates"]]
    elif kind == "LineString":
        coords = stitch(arcs, obj["arcs"])
    elif kind in ("MultiLineString", "Polygon"):
        coords = [stitch(arcs, ring) for ring in obj["arcs"]]
    elif kind == "MultiPolygon":
        coords = [[stitch(arcs, ring) for ring in poly] for poly in obj["arcs"]]
    else:
        return None
    return {"type": kind, "coordinates": coords}


def to_features(topology: JSON, name: str) -> list[JSON]:
    """Decode object ``name`` into GeoJSON Features (one per collection member)."""
    arcs = decode_arcs(topology)
    obj = topology["objects"][name]
    members = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    features = []
    for member in members:
        feature: JSON = {"type": "Feature", "properties": member.get("properties", {})}
        if "id" in member:
            feature["id"] = member["id"]
        feature["geometry"] = to_geometry(member, topology, arcs)
        features.append(feature)
    return features


def mesh(topology: JSON, name: str) -> JSON:
    """Internal borders: arcs used by two different members of object ``name``."""
    owners: dict[int, set[int]] = {}
    for k, member in enumerate(topology["objects"][name]["geometries"]):
        for i in _flatten(member.get("arcs", [])):
            owners.setdefault(i if i >= 0 else ~i, set()).add(k)
    arcs = decode_arcs(topology)
    lines = [arcs[i] for i in sorted(owners) if len(owners[i]) > 1]
    return {"type": "MultiLineString", "coordinates": lines}


def _flatten(nested: Any) -> Iterator[int]:
    """Yield the integers of arbitrarily nested lists (arc references)."""
    if isinstance(nested, int):
        yield nested
    else:
        for item in nested:
            yield from _flatten(item)


def _unwrap(line: Line) -> Line:
    """Shift longitudes by multiples of 360 so no step exceeds 180 degrees."""
    out: Line = []
    offset = 0.0
    for i, (x, y) in enumerate((p[0], p[1]) for p in line):
        if i:
            step = x - line[i - 1][0]
            offset += -360.0 if step > 180 else 360.0 if step < -180 else 0.0
        out.append([x + offset, y])
    return out


def _clip(ring: Line, x: float, keep_below: bool) -> Line:
    """Sutherland-Hodgman: clip a closed ring to the half-plane left/right of ``x``."""
    inside = (lambda p: p[0] <= x) if keep_below else (lambda p: p[0] >= x)
    out: Line = []
    for a, b in zip(ring, ring[1:], strict=False):
        if inside(a) != inside(b):
            t = (x - a[0]) / (b[0] - a[0])
            out.append([x, a[1] + t * (b[1] - a[1])])
        if inside(b):
            out.append(b)
    return out + out[:1]


def cut_ring(ring: Line) -> list[Line]:
    """Split a spherical ring at the antimeridian into planar rings in [-180, 180].

    A ring that winds around a pole (Antarctica) is closed along that pole first,
    in 90-degree steps so that no edge spans more than 180 degrees.
    """
    u = _unwrap(ring)
    closed = u[-1][0] == u[0][0]
    if closed and all(-180 <= p[0] <= 180 for p in u):
        return [u]
    if not closed:
        pole = -90.0 if sum(p[1] for p in u) < 0 else 90.0
        x0, x1 = u[0][0], u[-1][0]
        u += [[x1 + (x0 - x1) * i / 4, pole] for i in range(5)] + [u[0]]
    pieces = []
    lo, hi = min(p[0] for p in u), max(p[0] for p in u)
    for k in range(math.floor((lo + 180) / 360), math.ceil((hi - 180) / 360) + 1):
        west, east = k * 360.0 - 180, k * 360.0 + 180
        piece = _clip(_clip(u, west, False), east, True)
        if len(piece) >= 4 and _signed_area(piece) != 0:
            pieces.append([[p[0] - k * 360, p[1]] for p in piece])
    return pieces


def cut_polygon(rings: list[Line]) -> list[list[Line]]:
    """Cut a polygon at the antimeridian; holes go to the piece holding them.

    A hole that itself crosses the antimeridian is dropped (in Natural Earth 1:50m
    only the 0.001-degree ring around the South Pole does).
    """
    shells = [[piece] for piece in cut_ring(rings[0])]
    for hole in rings[1:]:
        if cut_ring(hole) == [hole]:
            for shell in shells:
                if _contains(shell[0], hole[0]):
                    shell.append(hole)
                    break
    return shells


def cut_line(line: Line) -> list[Line]:
    """Split a line where it crosses the antimeridian."""
    parts: list[Line] = [[line[0]]]
    for a, b in zip(line, line[1:], strict=False):
        if abs(b[0] - a[0]) > 180:
            edge = 180.0 if a[0] > 0 else -180.0
            bx = b[0] + (360 if edge > 0 else -360)
            y = a[1] + (edge - a[0]) / (bx - a[0]) * (b[1] - a[1])
            parts[-1].append([edge, y])
            parts.append([[-edge, y]])
        parts[-1].append(b)
    return parts


def _contains(ring: Line, point: Position) -> bool:
    """Even-odd ray casting test of ``point`` against a closed ring."""
    x, y = point[0], point[1]
    inside = False
    for a, b in zip(ring, ring[1:], strict=False):
        if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
            inside = not inside
    return inside


def round_line(line: Line, digits: int = DIGITS) -> Line:
    """Round positions and drop consecutive duplicates created by rounding."""
    out: Line = []
    for x, y in ((round(p[0], digits), round(p[1], digits)) for p in line):
        if not out or out[-1] != [x, y]:
            out.append([x, y])
    return out


def _signed_area(ring: Line) -> float:
    """Planar signed area (positive for counter-clockwise rings)."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:], strict=False)) / 2


def compact_ring(ring: Line, exterior: bool, digits: int = DIGITS) -> Line | None:
    """Rounded, closed ring wound per RFC 7946 (exterior CCW); ``None`` if degenerate."""
    r = round_line(ring, digits)
    if r and r[0] != r[-1]:
        r.append(r[0])
    if len(r) < 4 or _signed_area(r) == 0:
        return None
    return r if (_signed_area(r) > 0) == exterior else r[::-1]


def compact_polygon(rings: list[Line], digits: int = DIGITS) -> list[Line] | None:
    """Compact a polygon; ``None`` if its exterior ring collapses."""
    shell = compact_ring(rings[0], True, digits)
    if shell is None:
        return None
    holes = (compact_ring(r, False, digits) for r in rings[1:])
    return [shell, *(h for h in holes if h)]


def compact_geometry(geom: JSON, digits: int = DIGITS) -> JSON | None:
    """Round a (Multi)Polygon or (Multi)LineString geometry, dropping degenerate parts.

    Other geometry types are returned unchanged.
    """
    kind, coords = geom["type"], geom.get("coordinates")
    if kind == "Polygon":
        poly = compact_polygon(coords, digits)
        return {"type": kind, "coordinates": poly} if poly else None
    if kind == "MultiPolygon":
        polys = [p for p in (compact_polygon(c, digits) for c in coords) if p]
        return {"type": kind, "coordinates": polys} if polys else None
    if kind == "LineString":
        line = round_line(coords, digits)
        return {"type": kind, "coordinates": line} if len(line) > 1 else None
    if kind == "MultiLineString":
        lines = [ln for ln in (round_line(c, digits) for c in coords) if len(ln) > 1]
        return {"type": kind, "coordinates": lines} if lines else None
    return geom


def write_feature_collection(path: Path, features: Iterable[JSON], digits: int = DIGITS) -> int:
    """Write a compact GeoJSON FeatureCollection; return its size in bytes."""
    out = []
    for f in features:
        geom = compact_geometry(f["geometry"], digits) if f.get("geometry") else None
        if geom:
            out.append({**f, "geometry": geom})
    text = json.dumps({"type": "FeatureCollection", "features": out}, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return len(text) + 1


def land_features(source: Path) -> list[JSON]:
    """Natural Earth 1:50m land as one MultiPolygon feature."""
    features = to_features(read_member(source, "land-50m.json"), "land")
    polys = [
        piece for f in features for poly in _polygons(f["geometry"]) for piece in cut_polygon(poly)
    ]
    return [_feature("MultiPolygon", polys, scale="50m")]


def _polygons(geom: JSON | None) -> list[list[Line]]:
    """The polygons of a Polygon or MultiPolygon geometry (else none)."""
    if geom and geom["type"] == "Polygon":
        return [geom["coordinates"]]
    return geom["coordinates"] if geom and geom["type"] == "MultiPolygon" else []


def border_features(source: Path) -> list[JSON]:
    """Country borders: the internal mesh of countries-50m, one MultiLineString."""
    geom = mesh(read_member(source, "countries-50m.json"), "countries")
    lines = [part for line in geom["coordinates"] for part in cut_line(line)]
    return [_feature("MultiLineString", lines, scale="50m")]


def _feature(kind: str, coordinates: Any, **properties: Any) -> JSON:
    """A GeoJSON Feature with the given geometry and properties."""
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def attribution(version: str) -> str:
    """Text of ATTRIBUTION.md for the generated files."""
    return f"""# Basemap data

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.

- Source: npm package `{PACKAGE}` version {version} (package licence: ISC,
  Copyright Michael Bostock), a TopoJSON redistribution of Natural Earth
  (public domain), Natural Earth version 4.1.0.
- `land.geojson`: the `land` object of `land-50m.json` (1:50m, whole world).
- `borders.geojson`: internal country borders of `countries-50m.json` (arcs
  shared by two countries), whole world.
- Cut at the antimeridian (Antarctica closed along the South Pole); coordinates
  rounded to {DIGITS} decimals; exterior rings counter-clockwise.

Regenerate (from the repository root):

```
cd /tmp && npm pack {PACKAGE}@{version} && cd -
python -m dashboard.curation.basemap /tmp/{PACKAGE}-{version}.tgz
```
"""


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: regenerate land.geojson, borders.geojson and ATTRIBUTION.md."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.curation.basemap", description=__doc__.splitlines()[0]
    )
    parser.add_argument("source", type=Path, help="world-atlas .tgz or extracted directory")
    parser.add_argument("--out", type=Path, default=ASSETS, help="output directory")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    version = read_member(args.source, "package.json")["version"]
    for name, features in (
        ("land", land_features(args.source)),
        ("borders", border_features(args.source)),
    ):
        size = write_feature_collection(args.out / f"{name}.geojson", features)
        print(f"{name}.geojson: {size:,} bytes")
    (args.out / "ATTRIBUTION.md").write_text(attribution(version), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
