import pandas as pd
from app_runner import markdown_text, run_page

from dashboard.paths import DATASETS_DIR
from dashboard.schema import TABLES


def test_dictionary_follows_the_url_and_the_schema():
    at = run_page("data_sources", {"table": "statements"})
    dictionary = at.dataframe[0].value
    assert dictionary["column"].tolist() == TABLES["statements"].column_names


def test_version_sources_claims_and_downloads():
    manifest = pd.read_json(DATASETS_DIR / "manifest.json", typ="series")
    at = run_page("data_sources", {"class": "ICBM"})
    text = markdown_text(at)
    assert f"Dataset version **{manifest['version']}**" in text
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("CSV") == len(TABLES) and labels.count("Parquet") == len(TABLES)
    launches = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    icbm = int((launches["missile_class"] == "ICBM").sum())
    assert f"`launches`: {icbm} rows" in text
    claims = at.dataframe[1].value
    sources = at.dataframe[2].value.set_index("source_id")
    assert sources.loc["koreatimes-2021-03-24", "citation"].startswith("The Korea Times")
    icbms = launches[launches["missile_class"] == "ICBM"]
    citing_cns = int(icbms["source_ids"].map(lambda ids: "cns-missile-db" in ids).sum())
    assert 0 < citing_cns < icbm  # the ICBMs after CNS's last update cite only nagix
    assert sources.loc["cns-missile-db", "launches"] == citing_cns
    icbm_ids = set(launches.loc[launches["missile_class"] == "ICBM", "launch_id"])
    assert set(claims["launch_id"]) <= icbm_ids
