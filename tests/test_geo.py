"""Great-circle geometry against values worked out independently."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from dashboard import geo

ONE_DEGREE_KM = 2 * math.pi * 6371.0088 / 360  # 111.195 km of arc on the mean sphere
SEOUL = (37.5665, 126.9780)
TOKYO = (35.6762, 139.6503)


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Forward azimuth from point 1 to point 2, degrees clockwise from north."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlam = math.radians(lon2 - lon1)
    y = math.sin(dlam) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlam)
    return math.degrees(math.atan2(y, x)) % 360


def test_one_degree_of_arc_is_111_195_km():
    assert round(ONE_DEGREE_KM, 3) == 111.195


def test_destination_due_east_along_the_equator():
    lat, lon = geo.destination(0, 0, 90, ONE_DEGREE_KM)
    assert lat == pytest.approx(0, abs=1e-6)
    assert lon == pytest.approx(1.0, abs=1e-6)


def test_destination_due_north_along_a_meridian():
    lat, lon = geo.destination(0, 0, 0, ONE_DEGREE_KM)
    assert lat == pytest.approx(1.0, abs=1e-6)
    assert lon == pytest.approx(0, abs=1e-6)


def test_destination_due_south_and_west():
    assert geo.destination(10, 20, 180, 2 * ONE_DEGREE_KM) == pytest.approx((8, 20), abs=1e-6)
    assert geo.destination(0, 20, 270, 3 * ONE_DEGREE_KM) == pytest.approx((0, 17), abs=1e-6)


def test_distance_seoul_to_tokyo():
    # Spherical law of cosines, worked independently of the haversine in geo.
    phi1, phi2 = math.radians(SEOUL[0]), math.radians(TOKYO[0])
    dlam = math.radians(TOKYO[1] - SEOUL[1])
    central = math.acos(
        math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(phi2) * math.cos(dlam)
    )
    distance = geo.distance_km(*SEOUL, *TOKYO)
    assert distance == pytest.approx(central * 6371.0088, abs=0.01)
    assert distance == pytest.approx(1150, abs=10)
    # The geodesic on the WGS84 ellipsoid (Vincenty) is 1151.85 km; geo promises ~0.5 %.
    assert distance == pytest.approx(1151.85, rel=0.005)


def test_distance_is_symmetric_and_zero_to_itself():
    assert geo.distance_km(*SEOUL, *TOKYO) == pytest.approx(geo.distance_km(*TOKYO, *SEOUL))
    assert geo.distance_km(*SEOUL, *SEOUL) == 0


def test_distance_along_the_equator_is_degrees_of_arc():
    assert geo.distance_km(0, 0, 0, 1) == pytest.approx(ONE_DEGREE_KM, rel=1e-9)
    assert geo.distance_km(0, 0, 0, 180) == pytest.approx(180 * ONE_DEGREE_KM, rel=1e-9)


def test_destination_from_seoul_on_the_bearing_to_tokyo_reaches_tokyo():
    bearing = initial_bearing(*SEOUL, *TOKYO)
    assert 90 < bearing < 100  # east, a little south
    lat, lon = geo.destination(*SEOUL, bearing, geo.distance_km(*SEOUL, *TOKYO))
    assert geo.distance_km(lat, lon, *TOKYO) < 1


@pytest.mark.parametrize(
    ("start_lon", "bearing", "expected_lon"),
    [(179.5, 90, -179.5), (-179.5, 270, 179.5), (170, 90, -170)],
)
def test_destination_normalises_longitude_across_the_antimeridian(start_lon, bearing, expected_lon):
    degrees = abs(((expected_lon - start_lon) + 180) % 360 - 180)
    lat, lon = geo.destination(0, start_lon, bearing, degrees * ONE_DEGREE_KM)
    assert -180 <= lon < 180
    assert lon == pytest.approx(expected_lon, abs=1e-6)
    assert lat == pytest.approx(0, abs=1e-6)


def test_destination_half_way_round_the_world_stays_in_range():
    lat, lon = geo.destination(0, 0, 90, 180 * ONE_DEGREE_KM)
    assert lat == pytest.approx(0, abs=1e-6)
    assert lon == pytest.approx(-180, abs=1e-6)


PYONGYANG = (39.0, 125.7)


@pytest.mark.parametrize("radius_km", [300, 1000, 3000, 5500])
def test_circle_is_a_closed_ring_at_the_radius(radius_km):
    ring = geo.circle(*PYONGYANG, radius_km, segments=72)
    assert len(ring) == 73
    assert ring[0] == ring[-1]
    off = [
        (lon, lat)
        for lon, lat in ring
        if geo.distance_km(*PYONGYANG, lat, lon) != pytest.approx(radius_km, rel=1e-3)
    ]
    assert not off, f"points not {radius_km} km from the centre: {off}"


@pytest.mark.parametrize("radius_km", [10_000, 13_000])
def test_ring_round_a_pole_is_continuous_and_drawn_around_its_centre(radius_km):
    # From Pyongyang the North Pole is ~5,670 km away: these rings wind once round the
    # globe, so in unwrapped longitudes they end exactly 360° from where they start.
    ring = geo.circle(*PYONGYANG, radius_km)
    assert len(ring) == 97
    assert ring[-1][1] == pytest.approx(ring[0][1], abs=1e-9)
    assert abs(ring[-1][0] - ring[0][0]) == pytest.approx(360, abs=1e-9)
    off = [
        (lon, lat)
        for lon, lat in ring
        if geo.distance_km(*PYONGYANG, lat, lon) != pytest.approx(radius_km, rel=1e-3)
    ]
    assert not off, f"points not {radius_km} km from the centre: {off}"
    jumps = [(a, b) for a, b in pairwise(ring) if abs(b[0] - a[0]) > 180]
    assert not jumps, f"longitude jumps: {jumps}"
    # On a map centred on Korea the ring must be where the user looks, not a world away.
    lons = [lon for lon, _ in ring]
    lo, hi = PYONGYANG[1] - 180, PYONGYANG[1] + 180
    assert lo - 1e-9 <= min(lons) and max(lons) <= hi + 1e-9, (min(lons), max(lons))
    south = ring[len(ring) // 2]  # bearing 180°
    assert south[0] == pytest.approx(PYONGYANG[1], abs=1e-6)


def test_ring_across_the_antimeridian_is_continuous_and_closed():
    # 3,000 km around Petropavlovsk-Kamchatsky crosses 180° without enclosing a pole.
    centre = (53.0, 158.65)
    ring = geo.circle(*centre, 3000)
    lons = [lon for lon, _ in ring]
    assert max(lons) > 180
    assert ring[0] == ring[-1]
    jumps = [(a, b) for a, b in pairwise(ring) if abs(b[0] - a[0]) > 180]
    assert not jumps, f"longitude jumps: {jumps}"


def _deck_arc_peak(height: float, ground_km: float) -> float:
    """Midpoint height of deck.gl's great-circle ArcLayer, as its vertex shader computes it.

    paraboloid(): with source and target on the ground, z(r) = sqrt(r * (1 - r)) * d * h
    for r in 0..1 along the arc, d the great-circle distance; the peak is at r = 1/2.
    """
    r = 0.5
    return math.sqrt(r * (1 - r)) * ground_km * height


@pytest.mark.parametrize(
    ("apogee_km", "ground_km"),
    [(6_000, 1_000), (50, 400), (1_000, 10_000)],  # lofted ICBM, SRBM, flatter long shot
)
def test_arc_height_puts_the_peak_at_the_apogee(apogee_km, ground_km):
    height = geo.arc_height_ratio(apogee_km, ground_km)
    assert _deck_arc_peak(height, ground_km) == pytest.approx(apogee_km)
    half = geo.arc_height_ratio(apogee_km, ground_km, vertical_scale=0.5)
    assert _deck_arc_peak(half, ground_km) == pytest.approx(apogee_km / 2)


def test_lofted_icbm_arc_is_far_taller_than_a_short_range_shot():
    icbm = _deck_arc_peak(geo.arc_height_ratio(6_000, 1_000), 1_000)
    srbm = _deck_arc_peak(geo.arc_height_ratio(50, 400), 400)
    assert icbm / srbm == pytest.approx(120)


@pytest.mark.parametrize(("apogee_km", "ground_km"), [(math.nan, 500), (0, 500), (60, 0)])
def test_arc_without_apogee_or_length_is_flat(apogee_km, ground_km):
    assert geo.arc_height_ratio(apogee_km, ground_km) == 0


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [((0, 0), (0, 1), 90), ((0, 0), (1, 0), 0), ((0, 0), (0, -1), 270), ((10, 20), (8, 20), 180)],
)
def test_initial_bearing_along_the_equator_and_meridians(start, end, expected):
    assert geo.initial_bearing(*start, *end) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("bearing", [15.0, 86.0, 135.0, 250.0, 340.0])
def test_initial_bearing_recovers_the_bearing_destination_was_given(bearing):
    lat, lon = geo.destination(*PYONGYANG, bearing, 900)
    assert geo.initial_bearing(*PYONGYANG, lat, lon) == pytest.approx(bearing, abs=1e-6)
    assert geo.initial_bearing(*SEOUL, *TOKYO) == pytest.approx(initial_bearing(*SEOUL, *TOKYO))


@pytest.mark.parametrize(
    ("bearing", "point"),
    [
        (0, "north"),
        (22.4, "north"),
        (22.5, "northeast"),
        (86, "east"),
        (180, "south"),
        (270, "west"),
        (337.4, "northwest"),
        (337.5, "north"),
        (359.9, "north"),
        (-90, "west"),
    ],
)
def test_compass_point_covers_45_degrees_centred_on_each_point(bearing, point):
    assert geo.compass_point(bearing) == point
