import io

import pandas as pd
import pyarrow.parquet as pq

from dashboard import tables
from dashboard.data_io import read_dataset
from dashboard.paths import DATASETS_DIR
from dashboard.schema import TABLES


def test_csv_joins_lists_and_writes_plain_dates():
    data = read_dataset(DATASETS_DIR)
    launches = data.launches[data.launches["launch_id"] == "prk-2022-01-14-uiju"]
    text = tables.csv_bytes(launches).decode()
    frame = pd.read_csv(io.StringIO(text))
    assert frame.loc[0, "date_local"] == "2022-01-14"
    assert (
        frame.loc[0, "source_ids"] == "cns-missile-db; nagix-nk-missile-tests; diplomat-2022-01-14"
    )
    assert frame.loc[0, "cns_ids"] == "163; 164"


def test_parquet_download_round_trips():
    data = read_dataset(DATASETS_DIR)
    back = pq.read_table(io.BytesIO(tables.parquet_bytes(data.statements))).to_pandas()
    assert back["statement_id"].tolist() == data.statements["statement_id"].tolist()


def test_citation_names_publisher_author_title_and_date():
    data = read_dataset(DATASETS_DIR)
    kt = data.sources.set_index("source_id").loc["koreatimes-2021-03-24"]
    assert tables.citation(kt) == (
        "The Korea Times, Kang Seung-woo, “Pyongyang's missile test aims to gain edge over US "
        "in nuke talks”, 2021-03-24"
    )


def test_data_dictionary_lists_every_column_with_allowed_values():
    dictionary = tables.data_dictionary("launches")
    assert dictionary["column"].tolist() == TABLES["launches"].column_names
    row = dictionary.set_index("column").loc["missile_class"]
    assert "hypersonic" in row["allowed values"]
    assert dictionary.set_index("column").loc["range_km", "unit"] == "km"


def test_source_usage_counts_the_records_citing_each_source():
    data = read_dataset(DATASETS_DIR)
    usage = tables.source_usage(
        data.sources, data.launches, data.diplomatic_events, data.statements, data.claims
    ).set_index("source_id")
    cns = usage.loc["cns-missile-db"]
    assert cns["launches"] == int(
        data.launches["source_ids"].map(lambda s: "cns-missile-db" in s).sum()
    )
    assert usage.loc["koreatimes-2021-03-24", "citation"].startswith(
        "The Korea Times, Kang Seung-woo"
    )
    statements_per_source = data.statements["source_id"].value_counts()
    assert usage["statements"].sum() == statements_per_source.sum() == len(data.statements)


def test_launches_carry_their_site_name_and_coordinates():
    data = read_dataset(DATASETS_DIR)
    uiju = data.launches_with_sites.set_index("launch_id").loc["prk-2022-01-14-uiju"]
    site = data.launch_sites.set_index("site_id").loc["uiju"]
    assert (uiju["site_name"], uiju["site_lat"], uiju["site_lon"]) == (
        site["name"],
        site["lat"],
        site["lon"],
    )
    assert len(data.launches_with_sites) == len(data.launches)


def test_dates_known_only_to_the_month_or_year_say_so():
    day = pd.Timestamp("1984-04-01")
    assert tables.date_text(day, "day") == "1984-04-01"
    assert tables.date_text(day, "month") == "1984-04 (month only)"
    assert tables.date_text(day, "year") == "1984 (year only)"
    launches = pd.DataFrame(
        {"date_local": [day, pd.Timestamp("2017-07-04")], "date_precision": ["month", "day"]}
    )
    assert tables.with_date_text(launches)["date_shown"].tolist() == [
        "1984-04 (month only)",
        "2017-07-04",
    ]


def test_statement_ids_are_joined_in_csv_as_other_lists_are():
    data = read_dataset(DATASETS_DIR)
    linked = data.statements[data.statements["launch_ids"].list.len() > 0].head(3)
    text = tables.csv_bytes(linked).decode()
    for ids in linked["launch_ids"]:
        assert "; ".join(ids) in text
    assert "['" not in text
