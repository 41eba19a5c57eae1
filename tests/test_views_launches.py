"""The Launches page: facets, the launch table, per-year and per-site tables, all from the URL."""

from urllib.parse import parse_qs

import pandas as pd
import pytest
from app_runner import run_page, texts, url_notices

from dashboard.paths import DATASETS_DIR


@pytest.fixture(scope="module")
def launches():
    frame = pd.read_parquet(DATASETS_DIR / "launches.parquet")
    sites = pd.read_parquet(DATASETS_DIR / "launch_sites.parquet").set_index("site_id")["name"]
    return frame.assign(site_name=frame["site_id"].map(sites))


def _links(at) -> dict[str, dict[str, list[str]]]:
    return {p.proto.label: parse_qs(p.proto.query_string) for p in at.get("page_link")}


def test_launch_table_and_summaries_match_the_record(launches):
    at = run_page("launches")
    table, by_year, by_site = (d.value for d in at.dataframe)
    assert sorted(table["launch_id"]) == sorted(launches["launch_id"])
    assert table["date_shown"].tolist() == sorted(table["date_shown"], reverse=True)
    years = pd.to_datetime(launches["date_local"]).dt.year.value_counts()
    assert dict(zip(by_year["year"], by_year["total"], strict=True)) == years.to_dict()
    busiest = launches["site_name"].value_counts()
    assert by_site.iloc[0]["site_name"] == busiest.index[0]
    assert by_site.iloc[0]["launch_events"] == busiest.iloc[0]
    assert by_site["launch_events"].sum() == len(launches)
    labels = [b.label for b in at.get("download_button")]
    assert labels == [
        "Download these launches (CSV)",
        "Download this table (CSV)",
        "Download this table (CSV)",
    ]


def test_facet_values_show_counts_and_link_to_the_narrowed_view(launches):
    at = run_page("launches")
    links = _links(at)
    successes = int((launches["outcome"] == "success").sum())
    query = links[f"success · {successes}"]
    assert query["outcome"] == ["success"]
    reviewed = int((launches["review_status"] == "reviewed").sum())
    assert links[f"reviewed · {reviewed}"]["review"] == ["reviewed"]


def test_filters_from_the_url_narrow_the_page_and_tick_the_chosen_value(launches):
    at = run_page("launches", {"outcome": "failure", "measure": "missiles"})
    failures = launches[launches["outcome"] == "failure"]
    assert sorted(at.dataframe[0].value["launch_id"]) == sorted(failures["launch_id"])
    assert at.radio(key="measure").value == "missiles"
    assert at.dataframe[1].value["total"].sum() == failures["count"].sum()
    links = _links(at)
    ticked = links[f"✓ failure · {len(failures)}"]
    # A ticked value links to the view without that filter; the page option stays.
    assert "outcome" not in ticked and ticked["measure"] == ["missiles"]
    assert not at.warning


def test_bad_measure_gives_a_notice_and_empty_filters_an_empty_state():
    at = run_page("launches", {"measure": "tonnes"})
    assert "measure=tonnes: not one of the values in the data" in url_notices(at)
    assert at.radio(key="measure").value == "launch events"
    at = run_page("launches", {"from": "2000-01-01", "to": "2000-01-02"})
    assert "No launches" in " ".join(texts(at.info))
    assert not at.dataframe


def test_imported_month_only_launches_say_so_and_filter_by_review_status(launches):
    month_only = launches[launches["date_precision"] == "month"]
    if month_only.empty:
        pytest.skip("no launch in the record is dated only to the month")
    record = month_only.iloc[0]
    month = str(record["date_local"])[:7]
    at = run_page("launches", {"review": record["review_status"]})
    assert at.multiselect(key="review").value == [record["review_status"]]
    table = at.dataframe[0].value.set_index("launch_id")
    assert set(table["review_status"]) == {record["review_status"]}
    assert table.loc[record["launch_id"], "date_shown"] == f"{month} (month only)"
    first = str(launches["date_local"].min())[:10]
    assert f"launches: {first} to" in " ".join(texts(at.caption))

    at = run_page("timeline", {"sel": f"launch:{record['launch_id']}"})
    facts = at.dataframe[0].value.set_index("field")["value"]
    assert facts["Date (KST)"].startswith(f"{month} (month only)")
    assert facts["Review status"].startswith(record["review_status"])
