"""The map page over a launch record of several hundred events from dozens of sites.

The full record (1984-2026) holds a few hundred launch events and grows. This builds a larger
one with the project's own build code: the reviewed 2021-22 launches replayed every fourth
year from 1990, each copy marked `imported`, spread over every located site.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest
import yaml
from app_runner import deck_specs, run_page

from dashboard.curation.build import build_dataset, write_dataset
from dashboard.paths import CURATED_DIR

FIRST_YEAR, LAST_YEAR, STEP = (
    1990,
    2025,
    4,
)  # replay years 1990, 1994, ... 2022 (none in the future)


@pytest.fixture(scope="module")
def scale_dir(tmp_path_factory):
    curated = tmp_path_factory.mktemp("scale") / "curated"
    shutil.copytree(CURATED_DIR, curated)
    originals = yaml.safe_load((curated / "launches" / "prk_2021_2022.yaml").read_text())
    sites = yaml.safe_load((curated / "launch_sites" / "sites.yaml").read_text())
    site_ids = [s["site_id"] for s in sites if s.get("lat") is not None]
    copies = []
    for offset, year in enumerate(range(FIRST_YEAR, LAST_YEAR + 1, STEP)):
        for index, record in enumerate(originals):
            day = record["date_local"]
            if isinstance(day, str):
                day = dt.date.fromisoformat(day)
            when = day.replace(year=year)
            site = site_ids[(index + offset) % len(site_ids)]
            copies.append(
                {
                    **record,
                    "launch_id": f"prk-{when}-{site}-copy{index}",
                    "review_status": "imported",
                    "date_local": when.isoformat(),
                    "site_id": site,
                    "cns_ids": [],
                    "nagix_ids": [],
                }
            )
    # The build accepts imported records only in imported.yaml.
    imported = curated / "launches" / "imported.yaml"
    existing = yaml.safe_load(imported.read_text()) if imported.exists() else []
    imported.write_text(yaml.safe_dump(existing + copies, sort_keys=False))
    out = curated.parent / "built"
    write_dataset(build_dataset(curated), out)
    return out


@pytest.fixture
def scale_launches(scale_dir, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(scale_dir))
    launches = pd.read_parquet(scale_dir / "launches.parquet")
    sites = pd.read_parquet(scale_dir / "launch_sites.parquet")
    located = set(sites.dropna(subset=["lat", "lon"])["site_id"])
    return launches.assign(
        date_local=pd.to_datetime(launches["date_local"]),
        site_located=launches["site_id"].isin(located),
    )


def _layer(at, layer_id: str) -> list[dict]:
    layers = deck_specs(at)[0]["layers"]
    return next((layer["data"] for layer in layers if layer["id"] == layer_id), [])


def test_several_hundred_launches_draw_as_far_fewer_grouped_arcs(scale_launches):
    assert len(scale_launches) > 400
    with_arcs = scale_launches[scale_launches["site_located"]].dropna(subset=["impact_lat"])
    at = run_page("map")
    arcs = _layer(at, "arcs")
    assert sum(a["launches"] for a in arcs) == len(with_arcs)
    assert len(arcs) < len(with_arcs) / 2, (len(arcs), len(with_arcs))
    sites = _layer(at, "sites")
    assert len(sites) == scale_launches.loc[scale_launches["site_located"], "site_id"].nunique()
    assert any("imported, not yet reviewed" in s["tooltip"] for s in sites)
    table = at.dataframe[0].value
    assert len(table) == len(scale_launches)
    assert set(table["review_status"]) == {"reviewed", "imported"}


def test_stepping_forward_visits_every_year_with_launches_in_order(scale_launches):
    expected = sorted(set(scale_launches["date_local"].dt.year))
    at = run_page("map")
    seen = []
    while not at.button(key="year_forward").disabled:
        at.button(key="year_forward").click().run()
        year = at.select_slider(key="year").value
        seen.append(int(year))
        table = at.dataframe[0].value
        assert set(table["date_shown"].str[:4]) == {year}
    assert seen == expected
    # From the last year, one step back lands on the year before it that has launches.
    at.button(key="year_back").click().run()
    assert int(at.select_slider(key="year").value) == expected[-2]
