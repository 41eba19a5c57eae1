import pandas as pd
from app_runner import deck_specs, run_page, texts, url_notices

from dashboard.paths import DATASETS_DIR


def _arcs(at) -> list[dict]:
    layers = deck_specs(at)[0]["layers"]
    return next((layer["data"] for layer in layers if layer["id"] == "arcs"), [])


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
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    assert set(table["review_status"]) == set(launches["review_status"])
    assert "no site coordinates" in " ".join(texts(at.caption))


def test_map_without_rings_and_filtered_to_icbms():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    icbms = launches[launches["missile_class"] == "ICBM"]
    with_arcs = icbms[icbms["impact_lat"].notna() & icbms["site_id"].notna()]
    at = run_page("map", {"class": "ICBM", "arcs": "each"})
    spec = deck_specs(at)[0]
    ids = [layer["id"] for layer in spec["layers"]]
    assert "range-rings" not in ids
    assert sorted(d["launch_id"] for d in _arcs(at)) == sorted(with_arcs["launch_id"])
    assert len(at.dataframe[0].value) == len(icbms)
    # Grouped (the default), fewer arcs stand for the same launches.
    at.radio(key="arcs").set_value("grouped").run()
    grouped = _arcs(at)
    assert len(grouped) < len(with_arcs)
    assert sum(d["launches"] for d in grouped) == len(with_arcs)
    assert all(d["tooltip"].startswith("ICBM from ") for d in grouped)


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
    assert "Showing launches from one site only" in " ".join(texts(at.info))
    assert "Site: Uiju" in texts(at.text)
    at.button(key="clear_site").click().run()
    assert "site" not in at.query_params
    assert len(at.dataframe[0].value) == len(launches)


def test_year_in_the_url_thins_map_and_table_and_the_steps_move_it():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    years = sorted(set(launches["date_local"].astype(str).str[:4]))
    first, second = years[0], years[1]
    at = run_page("map", {"year": first})
    table = at.dataframe[0].value
    assert len(table) == int((launches["date_local"].astype(str).str[:4] == first).sum())
    assert set(table["date_shown"].str[:4]) == {first}
    assert at.select_slider(key="year").value == first
    assert at.button(key="year_back").disabled
    # The next year with launches, skipping any empty year between them.
    at.button(key="year_forward").click().run()
    assert at.query_params["year"] == second
    assert set(at.dataframe[0].value["date_shown"].str[:4]) == {second}
    sites = pd.read_parquet(DATASETS_DIR / "launch_sites.parquet").dropna(subset=["lat"])
    drawn = launches[
        (launches["date_local"].astype(str).str[:4] == second)
        & launches["site_id"].isin(sites["site_id"])
        & launches["impact_lat"].notna()
    ]
    assert sum(a["launches"] for a in _arcs(at)) == len(drawn)


def test_a_year_without_launches_says_so_and_keeps_the_basemap():
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    present = set(launches["date_local"].astype(str).str[:4])
    span = range(int(min(present)), int(max(present)) + 1)
    empty = next(str(y) for y in span if str(y) not in present)
    at = run_page("map", {"year": empty})
    assert f"No launches in view in {empty}" in " ".join(texts(at.info))
    assert [layer["id"] for layer in deck_specs(at)[0]["layers"]] == ["land", "borders"]
    assert not at.button(key="year_back").disabled and not at.button(key="year_forward").disabled


def test_bad_year_and_arcs_values_give_notices():
    at = run_page("map", {"year": "1900", "arcs": "spaghetti"})
    notices = url_notices(at)
    assert "year=1900: not one of the values in the data" in notices
    assert "arcs=spaghetti: not one of the values in the data" in notices
    assert len(at.dataframe[0].value) == len(pd.read_parquet(DATASETS_DIR / "launches.parquet"))


def test_play_disables_the_year_controls_and_a_full_rerun_does_not_step():
    # The timer's ticks rerun only the year section (not reachable from AppTest); they
    # call deck.play_year, tested on its own. Here: what the page shows while playing.
    at = run_page("map", {"play": "true", "year": "2021"})
    assert at.toggle(key="play").value is True
    assert at.select_slider(key="year").disabled
    assert at.button(key="year_back").disabled and at.button(key="year_forward").disabled
    at.run()
    assert at.select_slider(key="year").value == "2021"
    assert set(at.dataframe[0].value["date_shown"].str[:4]) == {"2021"}
    at.toggle(key="play").set_value(False).run()
    assert not at.select_slider(key="year").disabled
    assert not at.button(key="year_forward").disabled


def test_map_points_at_the_static_basemap_instead_of_sending_it():
    # .streamlit/config.toml turns static serving on; the deck then carries only URLs.
    at = run_page("map")
    layers = {layer["id"]: layer for layer in deck_specs(at)[0]["layers"]}
    assert layers["land"]["data"] == "app/static/basemap/land.geojson"
    assert layers["borders"]["data"] == "app/static/basemap/borders.geojson"
    assert len(at.get("deck_gl_json_chart")[0].proto.json) < 200_000


def test_without_static_serving_the_basemap_travels_inside_the_deck():
    # Started without the repository's config (from another folder), the map keeps its land.
    from streamlit import config

    before = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", False)
    try:
        at = run_page("map")
    finally:
        config.set_option("server.enableStaticServing", before)
    layers = {layer["id"]: layer for layer in deck_specs(at)[0]["layers"]}
    assert layers["land"]["data"]["type"] == "FeatureCollection"
    assert layers["borders"]["data"]["features"]
