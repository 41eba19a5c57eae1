"""The app frame: navigation, shared filters from the URL, notices, data directory."""

import shutil

import pandas as pd
import pytest
from app_runner import metrics, run_page, texts, url_notices

from dashboard.curation.build import build_dataset, write_dataset
from dashboard.paths import CURATED_DIR, DATASETS_DIR


@pytest.fixture(scope="module")
def launches():
    return pd.read_parquet(DATASETS_DIR / "launches.parquet")


def test_every_page_opens_with_its_title():
    expected = {
        "overview": "Korean Peninsula missile launches and diplomacy",
        "timeline": "Timeline",
        "launches": "Launches",
        "map": "Map of launch origins and ranges",
        "statements": "Statements",
        "data_sources": "Data & sources",
    }
    for page, title in expected.items():
        assert texts(run_page(page).title) == [title]


def test_filters_in_the_url_set_the_sidebar_and_the_counts(launches):
    at = run_page("overview", {"class": ["SRBM", "ICBM"], "state": "PRK", "from": "2022-01-01"})
    assert at.multiselect(key="class").value == ["SRBM", "ICBM"]
    assert at.multiselect(key="state").value == ["PRK"]
    assert str(at.date_input(key="from").value) == "2022-01-01"
    expected = launches[
        launches["missile_class"].isin(["SRBM", "ICBM"])
        & (launches["state"] == "PRK")
        & (pd.to_datetime(launches["date_local"]) >= "2022-01-01")
    ]
    shown = metrics(at)
    assert shown["Launch events"] == str(len(expected))
    assert shown["Missiles fired"] == str(int(expected["count"].sum()))
    assert not at.warning


def test_changing_a_filter_changes_the_view(launches):
    # Streamlit's front end writes bound widgets to the address bar; the browser test checks
    # that. Here: the widget, not only the URL, drives what the page shows.
    at = run_page("overview")
    at.multiselect(key="class").select("ICBM").run()
    assert metrics(at)["Launch events"] == str(int((launches["missile_class"] == "ICBM").sum()))


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"from": "2022-13-45"}, "from=2022-13-45: not a date"),
        ({"class": "<script>alert(1)</script>"}, "not one of the values in the data"),
        ({"speaker": "x" * 5000}, "longer than 200 characters"),
        ({"zzz": "1"}, "zzz: unknown parameter; ignored"),
        (
            {"from": "2022-12-01", "to": "2022-01-01"},
            "start date is after the end date; nothing matches",
        ),
    ],
)
def test_bad_parameters_show_a_notice_not_a_traceback(query, fragment):
    for page in ("overview", "timeline", "launches", "map", "statements", "data_sources"):
        at = run_page(page, query)
        notices = url_notices(at)
        assert fragment in notices, (page, notices)
        # Hostile text reaches only the plain-text list, never a Markdown element.
        assert "<script>" not in " ".join(texts(at.warning) + texts(at.markdown))


def test_page_parameters_are_checked_on_their_page():
    at = run_page("statements", {"page": "0", "stance": "angry"})
    notices = url_notices(at)
    assert "page=0: outside 1..100000" in notices
    assert "stance=angry: not one of the values in the data" in notices


EXTRA_LAUNCH = """
- launch_id: prk-2022-12-30-test
  review_status: reviewed
  state: PRK
  date_local: 2022-12-30
  time_local: null
  site_id: null
  missile_class: SLV
  missile_name: null
  count: 1
  range_km: null
  apogee_km: null
  heading_deg: null
  landing_area: null
  outcome: unknown
  confirmation: assessed
  summary: A record that exists only in the test's own build.
  source_ids: [cns-missile-db]
  cns_ids: []
"""


def test_data_dir_can_point_elsewhere(tmp_path, monkeypatch):
    curated = tmp_path / "curated"
    shutil.copytree(CURATED_DIR, curated)
    (curated / "launches" / "zz_test.yaml").write_text(EXTRA_LAUNCH, encoding="utf-8")
    out = tmp_path / "built"
    write_dataset(build_dataset(curated), out)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(out))
    at = run_page("overview", {"class": "SLV", "from": "2022-12-30", "to": "2022-12-30"})
    assert metrics(at)["Launch events"] == "1"
    assert not at.error


def test_missing_data_dir_gives_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "nowhere"))
    at = run_page("overview")
    errors = " ".join(texts(at.error) + texts(at.code))
    assert "does not hold a built dataset" in errors
    assert "launches.parquet" in errors


def test_unreadable_parquet_gives_a_clear_error(tmp_path, monkeypatch):
    write_dataset(build_dataset(CURATED_DIR), tmp_path)
    (tmp_path / "claims.parquet").write_bytes(b"not parquet at all")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    at = run_page("overview")
    errors = " ".join(texts(at.error) + texts(at.code))
    assert "cannot read" in errors and "python -m dashboard build" in errors


def test_launch_detail_filters_in_the_url_set_the_sidebar_and_the_counts(launches):
    sites = pd.read_parquet(DATASETS_DIR / "launch_sites.parquet").set_index("site_id")["name"]
    busiest = launches["site_id"].value_counts().index[0]
    query = {"launch_site": sites[busiest], "range_band": ["under 1000 km", "not reported"]}
    at = run_page("overview", query)
    assert at.multiselect(key="launch_site").value == [sites[busiest]]
    assert at.multiselect(key="range_band").value == ["under 1000 km", "not reported"]
    expected = launches[
        (launches["site_id"] == busiest)
        & ~(launches["range_km"] >= 1000)  # under 1000 km, or no range reported
    ]
    assert metrics(at)["Launch events"] == str(len(expected))
    assert not at.warning
