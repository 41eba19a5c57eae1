"""Data versions: the build's changelog, the share link that pins a version, and the notice
a link made with another version gets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyarrow.parquet as pq
import pytest
from app_runner import APP, markdown_text, run_page, texts
from conftest import edit_record
from streamlit.testing.v1 import AppTest

from dashboard import versions
from dashboard.__main__ import main
from dashboard.paths import CURATED_DIR, DATASETS_DIR

UIJU = "prk-2022-01-14-uiju"


def changelog(folder: Path) -> tuple[versions.Entry, ...]:
    return versions.parse_changelog((folder / versions.CHANGELOG).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory) -> tuple[Path, int]:
    """A build, then a rebuild after one launch's missile count was corrected by +1."""
    root = tmp_path_factory.mktemp("versions")
    curated, out = root / "curated", root / "out"
    shutil.copytree(CURATED_DIR, curated)
    assert main(["build", "--curated", str(curated), "--out", str(out)]) == 0
    record = edit_record(
        curated / "launches" / "prk_2021_2022.yaml", UIJU, lambda r: r.update(count=r["count"] + 1)
    )
    note = "Corrected the Uiju salvo's missile count."
    assert main(["build", "--curated", str(curated), "--out", str(out), "--note", note]) == 0
    return out, record["count"]


def test_the_build_logs_each_new_version_with_its_counts(two_versions):
    out, _ = two_versions
    first, second = changelog(out)
    launches = pq.read_table(out / "launches.parquet").to_pandas()
    assert second.counts["launches"] == first.counts["launches"] == len(launches)
    assert second.counts["missiles"] == int(launches["count"].sum()) == first.counts["missiles"] + 1
    assert second.counts["statements"] == pq.read_metadata(out / "statements.parquet").num_rows
    assert first.note.startswith("First build recorded")
    assert second.note == (
        "Corrected the Uiju salvo's missile count. (Added 1 missile; edited records in launches.)"
    )
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["version"], manifest["built_at"]) == (second.version, second.built_at)


def test_rebuilding_the_same_content_adds_no_entry(two_versions, capsys):
    out, _ = two_versions
    before = (out / versions.CHANGELOG).read_bytes()
    assert main(["check", "--out", str(out), "--curated", str(out.parent / "curated")]) == 0
    assert main(["build", "--out", str(out), "--curated", str(out.parent / "curated")]) == 0
    assert (out / versions.CHANGELOG).read_bytes() == before
    assert capsys.readouterr().out.rstrip().endswith("; unchanged")


def test_check_fails_when_the_changelog_lacks_the_version(two_versions, tmp_path, capsys):
    out, _ = two_versions
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    (copy / versions.CHANGELOG).write_text(
        versions.dump_changelog(changelog(out)[:1]), encoding="utf-8"
    )
    assert main(["check", "--out", str(copy), "--curated", str(out.parent / "curated")]) == 1
    assert "changelog.yaml: stale" in capsys.readouterr().err


def test_the_committed_changelog_lists_the_committed_version():
    manifest = json.loads((DATASETS_DIR / "manifest.json").read_text(encoding="utf-8"))
    entry = changelog(DATASETS_DIR)[-1]
    assert entry.version == manifest["version"]
    assert entry.counts["launches"] == manifest["tables"]["launches"]["rows"]


def test_describe_change_names_additions_removals_and_edits():
    before = {"launches": 10, "missiles": 20, "statements": 5, "sources": 3}
    after = {"launches": 12, "missiles": 20, "statements": 4, "sources": 4}
    assert versions.describe_change(before, after, ["launches", "claims", "statements"]) == (
        "Added 2 launch events, 1 source; removed 1 statement; edited records in claims."
    )
    assert versions.describe_change(before, before) == "Rebuilt; no table's content changed."


def test_a_link_from_an_older_version_says_what_changed(two_versions, monkeypatch):
    out, _ = two_versions
    first, second = changelog(out)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(out))
    at = run_page("launches", {"v": first.version, "class": "SRBM"})
    [notice] = texts(at.info)
    assert f"made with data version `{first.version}`" in notice
    assert f"you are seeing version `{second.version}`" in notice
    missiles = second.counts["missiles"]
    assert f"missiles {missiles - 1:,} → {missiles:,} (+1)" in notice
    assert "launch events, diplomatic events, statements, sources unchanged" in notice
    assert not at.warning  # v is a known parameter

    at = run_page("data_sources", {"v": first.version})
    table = at.dataframe[-1].value
    assert table["version"].tolist() == [f"{second.version} (shown)", first.version]
    assert table["missiles"].tolist() == [missiles, missiles - 1]
    assert table["what changed"].iloc[0].startswith("Corrected the Uiju salvo")


def test_the_current_version_gets_no_notice():
    version = changelog(DATASETS_DIR)[-1].version
    at = run_page("overview", {"v": version})
    assert not at.info and not at.warning


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("0123456789ab", "data version `0123456789ab`, which is not in the data changelog"),
        # Anything else from the URL is not repeated: Markdown would link a www. or mailto:.
        ("www.evil.example", "data version that is not a content hash, which is not in"),
        ("[click](https://evil.example)", "data version that is not a content hash, which"),
    ],
)
def test_an_unknown_version_says_so_and_what_is_shown(value, shown):
    at = run_page("overview", {"v": value})
    [notice] = texts(at.info)
    assert shown in notice
    assert "evil" not in notice
    current = changelog(DATASETS_DIR)[-1].version
    assert f"You are seeing data version `{current}`" in notice


def test_share_link_keeps_every_parameter_and_pins_the_version():
    link = versions.share_link(
        "https://host.example/app/timeline",
        {"class": ["SRBM", "ICBM"], "q": "fire and fury", "v": "old"},
        "abc123abc123",
    )
    parsed = urlparse(link)
    assert parsed.path == "/app/timeline"
    assert parse_qs(parsed.query) == {
        "class": ["SRBM", "ICBM"],
        "q": ["fire and fury"],
        "v": ["abc123abc123"],
    }


def test_the_sidebar_offers_a_link_to_this_view_with_the_version():
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("views/launches.py")
    at.context["url"] = "https://dash.example.org/launches"
    # Only the URL: the browser writes a changed widget to the address bar (the browser test
    # checks that the link follows), AppTest has no address bar.
    at.query_params["state"] = "PRK"
    at.query_params["class"] = "ICBM"
    at.run()
    [link] = texts(at.sidebar.code)
    version = changelog(DATASETS_DIR)[-1].version
    assert link.startswith("https://dash.example.org/launches?")
    assert parse_qs(urlparse(link).query) == {"state": ["PRK"], "class": ["ICBM"], "v": [version]}
    assert "Copy link to this view" in [h.value for h in at.sidebar.subheader]
    assert f"Pins data version {version}" in markdown_text(at) + " ".join(texts(at.sidebar.caption))
