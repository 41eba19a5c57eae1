"""The ingest gold set (datasets/ingest_gold/) is well-formed, so scores against it mean something.

Each annotation file follows the shared contract (ingest-contract/GOLD_FORMAT.md): fixed fields with
fixed value types, KST launch dates no later than the day after publication, and every gold quote
found verbatim in the article text wherever that text is at hand (stored here, or a seed article in
../shared/seeds/ when present).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import SHARED

from dashboard import schema
from dashboard.paths import DATASETS_DIR

GOLD_DIR = DATASETS_DIR / "ingest_gold"

TOP_FIELDS = {
    "article_id": str,
    "text": (str, type(None)),
    "url": (str, type(None)),
    "publisher": (str, type(None)),
    "title": (str, type(None)),
    "published": dt.date,
    "accessed": dt.date,
    "licence": str,
    "split": str,
    "launches": list,
    "statements": list,
    "diplomatic_events": list,
}
LAUNCH_FIELDS = {
    "date_local",
    "time_local",
    "count",
    "missile_class",
    "site",
    "range_km",
    "apogee_km",
}
MISSILE_CLASSES = set(schema.MISSILE_CLASSES)
EVENT_TYPES = set(schema.EVENT_TYPES)
SPLITS = {"dev", "heldout"}
# US-government work is in the public domain; Japan's government pages may be reused, the source
# named, under its Standard Terms of Use 2.0 (compatible with CC BY 4.0).
STORABLE = ("public domain", "Government of Japan Standard Terms of Use")
ARTICLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.yaml"))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def is_date(value: object) -> bool:
    # YAML reads 2022-03-24 as a date; a datetime (a time crept in) is not a day.
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def article_text(record: dict, gold_dir: Path, seeds_dir: Path) -> str | None:
    """The text the quotes must be found in: stored copy, seed article, or None when not at hand."""
    ref = record.get("text")
    if not isinstance(ref, str):
        return None
    path = seeds_dir / ref.removeprefix("seed:") if ref.startswith("seed:") else gold_dir / ref
    return path.read_text(encoding="utf-8") if path.is_file() else None


def problems(record: dict, stem: str, gold_dir: Path, seeds_dir: Path) -> list[str]:
    """Everything wrong with one annotation file, in the data's own terms (empty if none)."""
    found: list[str] = []
    if not isinstance(record, dict):
        return [f"{stem}: not a mapping"]
    if set(record) != set(TOP_FIELDS):
        missing, extra = set(TOP_FIELDS) - set(record), set(record) - set(TOP_FIELDS)
        found.append(
            f"fields differ from the contract: missing {sorted(missing)}, extra {sorted(extra)}"
        )
    for field, kind in TOP_FIELDS.items():
        value = record.get(field)
        if field in record and not isinstance(value, kind):
            found.append(f"{field} is {type(value).__name__}, expected {kind}")
    for field in ("published", "accessed"):
        if field in record and not is_date(record[field]):
            found.append(f"{field} {record[field]!r} is not a YYYY-MM-DD date")
    if record.get("article_id") != stem or not ARTICLE_ID.fullmatch(str(stem)):
        found.append(f"article_id {record.get('article_id')!r} must equal the file name {stem!r}")
    if record.get("split") not in SPLITS:
        found.append(f"split {record.get('split')!r} not in {sorted(SPLITS)}")

    text_ref, licence = record.get("text"), str(record.get("licence", ""))
    stored = isinstance(text_ref, str) and not text_ref.startswith("seed:")
    if stored:
        if text_ref != f"texts/{stem}.txt":
            found.append(f"stored text must be texts/{stem}.txt, not {text_ref!r}")
        elif not (gold_dir / text_ref).is_file():
            found.append(f"stored text {text_ref} is missing")
        if not licence.startswith(STORABLE):
            found.append(
                f"text stored under licence {licence!r}; only public-domain text and Japanese"
                " government text (Standard Terms of Use) may be stored"
            )
    elif licence.startswith(STORABLE) and text_ref is None:
        found.append("public-domain article without its stored text")

    text = article_text(record, gold_dir, seeds_dir)
    if stored and text is not None:
        headline = text.split("\n", 1)[0]
        if headline != record.get("title"):
            found.append(
                f"title {record.get('title')!r} differs from the text's headline {headline!r}"
            )
        if "\r" in text or "\n\n\n" in text or not text.endswith("\n"):
            found.append(
                "stored text must use single blank lines between paragraphs and end in a newline"
            )

    published = record.get("published")
    for i, launch in enumerate(record.get("launches") or []):
        where = f"launches[{i}]"
        if not isinstance(launch, dict) or set(launch) != LAUNCH_FIELDS:
            found.append(f"{where}: fields must be {sorted(LAUNCH_FIELDS)}")
            continue
        day = launch["date_local"]
        if not is_date(day):
            found.append(f"{where}: date_local {day!r} is not a date")
        elif is_date(published) and day > published + dt.timedelta(days=1):
            # A US-dated article can report a launch on the next KST day, never later.
            found.append(
                f"{where}: launch {day} is after the article ({published}) could report it"
            )
        if launch["time_local"] is not None and not (
            isinstance(launch["time_local"], str) and TIME.fullmatch(launch["time_local"])
        ):
            found.append(f"{where}: time_local {launch['time_local']!r} is not HH:MM")
        if launch["missile_class"] not in MISSILE_CLASSES:
            found.append(f"{where}: missile_class {launch['missile_class']!r} unknown")
        for field in ("count", "range_km", "apogee_km"):
            value = launch[field]
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value <= 0
            ):
                found.append(f"{where}: {field} {value!r} must be a positive whole number or null")
        if launch["site"] is not None and not (
            isinstance(launch["site"], str) and launch["site"].strip()
        ):
            found.append(f"{where}: site must be a name or null")

    quotes_seen: set[str] = set()
    for i, statement in enumerate(record.get("statements") or []):
        where = f"statements[{i}]"
        if not isinstance(statement, dict) or set(statement) != {"quote", "speaker"}:
            found.append(f"{where}: fields must be quote and speaker")
            continue
        quote, speaker = statement["quote"], statement["speaker"]
        if not (isinstance(quote, str) and quote.strip()):
            found.append(f"{where}: empty quote")
            continue
        if not (isinstance(speaker, str) and speaker.strip()):
            found.append(f"{where}: quote {quote[:40]!r} has no speaker")
        if quote in quotes_seen:
            found.append(f"{where}: quote {quote[:40]!r} annotated twice")
        quotes_seen.add(quote)
        if text is not None and quote not in text:
            found.append(f"{where}: quote not verbatim in the article: {quote[:60]!r}")

    for i, event in enumerate(record.get("diplomatic_events") or []):
        where = f"diplomatic_events[{i}]"
        if not isinstance(event, dict) or set(event) != {"event_type", "date_start"}:
            found.append(f"{where}: fields must be event_type and date_start")
            continue
        if event["event_type"] not in EVENT_TYPES:
            found.append(f"{where}: event_type {event['event_type']!r} unknown")
        if event["date_start"] is not None and not is_date(event["date_start"]):
            found.append(f"{where}: date_start {event['date_start']!r} is not a date")
    return found


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_annotation_file_is_well_formed(path: Path):
    found = problems(load(path), path.stem, GOLD_DIR, SHARED / "seeds")
    assert not found, f"{path.name}:\n  " + "\n  ".join(found)


AGREEMENT_DIR = GOLD_DIR / "agreement"


def agreement_files() -> list[Path]:
    return sorted(AGREEMENT_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", agreement_files(), ids=lambda p: p.stem)
def test_a_second_annotation_is_well_formed_and_of_a_dev_article(path: Path):
    """The second annotator's files (`ingest-eval --agreement`) keep the gold's own contract."""
    record = load(path)
    found = problems(record, path.stem, GOLD_DIR, SHARED / "seeds")
    gold = GOLD_DIR / path.name
    if not gold.is_file() or load(gold)["split"] != "dev":
        found.append("no dev gold article of that id: only dev articles are annotated twice")
    elif any(record[f] != load(gold)[f] for f in ("url", "published", "publisher")):
        found.append("url, published and publisher must be the gold article's")
    assert not found, f"agreement/{path.name}:\n  " + "\n  ".join(found)


def test_the_second_annotations_are_described_in_the_readme():
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    assert len(agreement_files()) >= 40
    unlisted = [p.stem for p in agreement_files() if f"`agreement/{p.stem}`" not in readme]
    assert not unlisted, f"README does not list the second annotations of: {unlisted}"


def test_the_set_is_large_enough_and_split():
    records = [load(path) for path in gold_files()]
    splits = [r["split"] for r in records]
    real = [r for r in records if not str(r["text"]).startswith("seed:")]
    assert len(real) >= 12, f"only {len(real)} articles besides the seeds"
    assert sum(1 for r in records if str(r["text"]).startswith("seed:")) == 4
    assert splits.count("dev") >= 20, "too few dev articles to write rules on"
    # The targets are judged on held-out material: a handful of quotes or launches is no figure.
    stored_heldout = [
        r for r in records if r["split"] == "heldout" and r["licence"] != "not stored: copyright"
    ]
    quotes = sum(len(r["statements"]) for r in stored_heldout)
    launches = sum(len(r["launches"]) for r in stored_heldout)
    assert quotes >= 30, f"held-out texts at hand carry only {quotes} quotes"
    assert launches >= 10, f"held-out texts at hand carry only {launches} launches"
    assert all(r["split"] == "dev" for r in records if str(r["text"]).startswith("seed:"))


def test_every_stored_text_has_its_annotation_and_the_readme_lists_every_article():
    ids = {path.stem for path in gold_files()}
    orphans = {p.stem for p in (GOLD_DIR / "texts").glob("*.txt")} - ids
    assert not orphans, f"texts without annotations: {sorted(orphans)}"
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    unlisted = sorted(i for i in ids if i not in readme)
    assert not unlisted, f"README does not list: {unlisted}"


def test_seed_quotes_are_verbatim_when_the_seeds_are_present():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"reference material ../shared/seeds absent: {seeds}")
    checked = 0
    for path in gold_files():
        record = load(path)
        if str(record["text"]).startswith("seed:"):
            assert (seeds / record["text"].removeprefix("seed:")).is_file(), record["text"]
            checked += len(record["statements"])
    assert checked > 0


def test_the_checks_catch_broken_annotations(tmp_path: Path):
    """Break a valid record in the ways annotators slip, and each slip is reported."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "voa-x.txt").write_text(
        'Headline\n\n"We will respond," Kim said on Friday.\n', encoding="utf-8"
    )
    good = {
        "article_id": "voa-x",
        "text": "texts/voa-x.txt",
        "url": "https://example.org/a",
        "publisher": "Voice of America",
        "title": "Headline",
        "published": dt.date(2022, 3, 24),
        "accessed": dt.date(2026, 11, 22),
        "licence": "public domain (VOA staff reporting)",
        "split": "dev",
        "launches": [
            {
                "date_local": dt.date(2022, 3, 25),
                "time_local": "14:34",
                "count": 1,
                "missile_class": "ICBM",
                "site": "Sunan",
                "range_km": 1080,
                "apogee_km": 6200,
            }
        ],
        "statements": [{"quote": "We will respond,", "speaker": "Kim"}],
        "diplomatic_events": [{"event_type": "sanctions", "date_start": dt.date(2022, 1, 12)}],
    }
    assert problems(good, "voa-x", tmp_path, tmp_path) == []

    bad = copy.deepcopy(good)
    bad["statements"][0]["quote"] = "We will respond!"  # paraphrased punctuation
    bad["launches"][0]["date_local"] = dt.date(2022, 3, 26)  # weekday resolved forward
    bad["launches"][0]["time_local"] = "2:34 p.m."
    bad["launches"][0]["missile_class"] = "Hwasong-17"
    bad["launches"][0]["range_km"] = 671.0  # miles left unconverted and unrounded
    bad["diplomatic_events"][0]["event_type"] = "sanction"
    bad["split"] = "test"
    bad["licence"] = "not stored: copyright"
    found = "\n".join(problems(bad, "voa-x", tmp_path, tmp_path))
    for expected in (
        "quote not verbatim",
        "after the article",
        "not HH:MM",
        "missile_class 'Hwasong-17'",
        "range_km 671.0",
        "event_type 'sanction'",
        "split 'test'",
        "only public-domain text and Japanese",
    ):
        assert expected in found, f"{expected!r} not reported in:\n{found}"
