"""Great-circle geometry on a spherical Earth (accurate to ~0.5 % against the ellipsoid)."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def destination(
    lat: float, lon: float, bearing_deg: float, distance_km: float
) -> tuple[float, float]:
    """Point reached from (lat, lon) after distance_km along the initial bearing.

    Returns (lat, lon) in degrees with lon normalised to [-180, 180).
    """
    phi1 = math.radians(lat)
    lam1 = math.radians(lon)
    theta = math.radians(bearing_deg)
    delta = distance_km / EARTH_RADIUS_KM
    sin_phi2 = math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    phi2 = math.asin(max(-1.0, min(1.0, sin_phi2)))
    lam2 = lam1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    lon2 = (math.degrees(lam2) + 180.0) % 360.0 - 180.0
    return math.degrees(phi2), lon2


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def circle(lat: float, lon: float, radius_km: float, segments: int = 96) -> list[list[float]]:
    """Closed ring of [lon, lat] points at radius_km around a centre (a range ring).

    Longitudes are unwrapped (may leave [-180, 180]) so a ring that crosses the
    antimeridian is drawn as one continuous path rather than a line across the map.
    A ring that encloses a pole winds once round the globe: its last point is its first
    shifted by 360°, and the path spans centre longitude ±180°.
    """
    points: list[list[float]] = []
    for i in range(segments + 1):
        plat, plon = destination(lat, lon, 360.0 * (i % segments) / segments, radius_km)
        if points:
            previous = points[-1][0]
            plon += 360.0 * round((previous - plon) / 360.0)
        points.append([plon, plat])
    # Unwrapping starts at the northernmost point, which for a ring round the pole lies on
    # the far side of the globe; shift the whole ring back so it surrounds its centre.
    lons = [p[0] for p in points]
    shift = 360.0 * round((lon - (min(lons) + max(lons)) / 2) / 360.0)
    return [[plon + shift, plat] for plon, plat in points]


def arc_height_ratio(apogee_km: float, ground_km: float, vertical_scale: float = 1.0) -> float:
    """deck.gl ArcLayer `getHeight` that puts a great-circle arc's peak at the apogee.

    In great-circle mode the layer raises an arc's midpoint to height × ground distance / 2
    (a paraboloid over the arc's length), so the multiplier for a peak at `apogee_km` ×
    `vertical_scale` is 2 × apogee × scale / ground distance. Returns 0 (a flat arc) when
    the apogee or the ground distance is unknown or zero.
    """
    if not (apogee_km > 0 and ground_km > 0):  # also false for NaN
        return 0.0
    return 2.0 * apogee_km * vertical_scale / ground_km


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Forward azimuth of the great circle from point 1 to point 2, degrees from north."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlam = math.radians(lon2 - lon1)
    y = math.sin(dlam) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlam)
    return math.degrees(math.atan2(y, x)) % 360.0


COMPASS_POINTS = (
    "north",
    "northeast",
    "east",
    "southeast",
    "south",
    "southwest",
    "west",
    "northwest",
)


def compass_point(bearing_deg: float) -> str:
    """The nearest of the eight compass points (each covers 45°, centred on its bearing)."""
    return COMPASS_POINTS[int(((bearing_deg % 360.0) + 22.5) // 45.0) % 8]
