import pandas as pd
from app_runner import deck_specs, run_page, texts

from dashboard.paths import DATASETS_DIR


def test_map_layers_rings_and_table():
    at = run_page("map", {"rings": "true", "ring_site": "uiju"})
    spec = deck_specs(at)[0]
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == ["land", "borders", "range-rings", "arcs", "impacts", "sites"]
    rings = next(layer for layer in spec["layers"] if layer["id"] == "range-rings")
    assert rings["data"][0]["tooltip"] == "1,000 km from Uiju"
    table = at.dataframe[0].value
    assert len(table) == len(pd.read_parquet(DATASETS_DIR / "launches.parquet"))
    assert set(table["impact"]) <= {"estimated", "reported", "unknown"}
    assert "no site coordinates" in " ".join(texts(at.caption))


def test_map_without_rings_and_filtered_to_icbms():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    icbms = launches[launches["missile_class"] == "ICBM"]
    with_arcs = icbms[icbms["impact_lat"].notna() & icbms["site_id"].notna()]
    at = run_page("map", {"class": "ICBM"})
    spec = deck_specs(at)[0]
    ids = [layer["id"] for layer in spec["layers"]]
    assert "range-rings" not in ids
    arcs = next(layer for layer in spec["layers"] if layer["id"] == "arcs")
    assert sorted(d["launch_id"] for d in arcs["data"]) == sorted(with_arcs["launch_id"])
    assert len(at.dataframe[0].value) == len(icbms)


def test_map_empty_state_keeps_the_basemap():
    at = run_page("map", {"from": "2000-01-01", "to": "2000-01-02"})
    ids = [layer["id"] for layer in deck_specs(at)[0]["layers"]]
    assert ids == ["land", "borders"]
    assert "No launches to map" in " ".join(texts(at.info))


def test_site_in_the_url_narrows_the_table():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    at = run_page("map", {"site": "uiju"})
    table = at.dataframe[0].value
    assert len(table) == int((launches["site_id"] == "uiju").sum())
    assert set(table["site_name"]) == {"Uiju"}
    assert "Showing launches from Uiju" in " ".join(texts(at.info))
    at.button(key="clear_site").click().run()
    assert "site" not in at.query_params
    assert len(at.dataframe[0].value) == len(launches)
