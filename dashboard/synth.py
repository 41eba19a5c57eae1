"""Synthetic datasets of the project's exact schema, for measuring the app at scale.

`python -m dashboard synth --statements N [--launches M] [--events K] --out DIR` writes a
seeded dataset the app opens with `DASHBOARD_DATA_DIR=DIR`. Nothing in it is a fact: every
source says it is synthetic, quotes are strings of made-up words, and no record has a URL.

What makes it useful for timing is that its shape resembles the real record at volume: a
few speakers say most statements (Zipf-like), dates spread over 1990-2026, and the words
have known frequencies, so a search for COMMON_WORD matches about 5% of statements and one
for RARE_WORD about 0.01% (the shares `python -m dashboard bench` searches for).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard import fts
from dashboard.curation.build import MANIFEST, write_all_or_nothing
from dashboard.schema import EVENT_TYPES, SPEAKER_TYPES, STANCES, TABLES

COMMON_WORD, COMMON_SHARE = "deterrence", 0.05
RARE_WORD, RARE_SHARE = "zugzwang", 0.0001
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2026, 11, 22)
SYNTHETIC_NOTE = "Synthetic record for performance measurement; not a fact."
_SYLLABLES = ("ka", "lo", "mi", "ne", "pu", "ri", "so", "ta", "vu", "ye", "ha", "mo", "gi")
_STATES = ("PRK", "KOR", "USA", "CHN", "JPN", "RUS", "GBR", "FRA")
_ORGS = tuple(f"Synthetic Ministry {n}" for n in range(1, 41))


@dataclass(frozen=True)
class Sizes:
    statements: int
    # About as many launches and events as the real record, so only statements are scaled.
    launches: int = 200
    events: int = 200
    sources: int = 500
    speakers: int = 3_000
    seed: int = 20261123


def vocabulary(size: int = 3_000) -> tuple[str, ...]:
    """Made-up words of two to four syllables; none starts like the planted words, so their
    frequencies are exactly what the generator plants."""
    words: list[str] = []
    for a in _SYLLABLES:
        for b in _SYLLABLES:
            for c in ("", *_SYLLABLES):
                word = a + b + c
                if not word.startswith((COMMON_WORD, RARE_WORD)):
                    words.append(word)
    for extra in _SYLLABLES:
        if len(words) >= size:
            break
        words.extend(w + extra for w in list(words[:size]))
    return tuple(dict.fromkeys(words))[:size]


def _zipf_weights(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def _days(rng: np.random.Generator, n: int) -> np.ndarray:
    span = (LAST_DAY - FIRST_DAY).days
    return np.datetime64(FIRST_DAY, "D") + rng.integers(0, span + 1, n).astype("timedelta64[D]")


def _sentences(rng: np.random.Generator, words: tuple[str, ...], n: int, length: int) -> list[str]:
    picks = rng.choice(len(words), size=(n, length), p=_zipf_weights(len(words), 0.9))
    table = np.asarray(words, dtype=object)[picks]
    return [" ".join(row) for row in table]


def _plant(texts: list[str | None], rows: np.ndarray, word: str) -> None:
    for i in rows:
        texts[i] = f"{texts[i]} {word}"


def _table(name: str, columns: dict[str, object]) -> pa.Table:
    return pa.Table.from_pydict(columns, schema=TABLES[name].arrow_schema)


def sources(sizes: Sizes) -> pa.Table:
    n = sizes.sources
    return _table(
        "sources",
        {
            "source_id": [f"synthetic-{i:05d}" for i in range(n)],
            "publisher": ["Synthetic benchmark data"] * n,
            "title": [f"Synthetic batch {i}" for i in range(n)],
            "author": [None] * n,
            "published_date": [FIRST_DAY] * n,
            "url": [None] * n,
            "kind": ["analysis"] * n,
            "version": [None] * n,
            "licence": [None] * n,
            "accessed_date": [None] * n,
            "local_copy": [None] * n,
            "note": [SYNTHETIC_NOTE] * n,
            "text_sha256": [None] * n,
        },
    )


def launch_sites(sizes: Sizes, rng: np.random.Generator) -> pa.Table:
    n = 25
    return _table(
        "launch_sites",
        {
            "site_id": [f"synthetic-site-{i:02d}" for i in range(n)],
            "name": [f"Synthetic site {i}" for i in range(n)],
            "aliases": [[] for _ in range(n)],
            "province": [None] * n,
            "state": ["PRK"] * n,
            # Inside North Korea's land area, roughly.
            "lat": np.round(rng.uniform(38.5, 41.5, n), 4).tolist(),
            "lon": np.round(rng.uniform(125.0, 129.5, n), 4).tolist(),
            "source_ids": [["synthetic-00000"]] * n,
            "note": [SYNTHETIC_NOTE] * n,
        },
    )


def launches(sizes: Sizes, rng: np.random.Generator) -> pa.Table:
    n = sizes.launches
    days = np.sort(_days(rng, n)).astype("datetime64[D]").tolist()
    sites = rng.integers(0, 25, n)
    classes = ("SRBM", "MRBM", "IRBM", "ICBM", "SLBM", "cruise")
    ranges = np.round(rng.uniform(50, 6000, n), 0)
    return _table(
        "launches",
        {
            "launch_id": [
                f"prk-{d.isoformat()}-synthetic-{i:06d}" for i, d in enumerate(days, start=1)
            ],
            "state": ["PRK"] * n,
            "review_status": ["imported"] * n,
            "date_local": days,
            "date_precision": ["day"] * n,
            "date_note": [None] * n,
            "time_local": [None] * n,
            "launched_at_utc": [None] * n,
            "site_id": [f"synthetic-site-{s:02d}" for s in sites],
            "missile_class": [classes[i] for i in rng.integers(0, len(classes), n)],
            "missile_name": [None] * n,
            "count": rng.integers(1, 5, n).tolist(),
            "range_km": ranges.tolist(),
            "apogee_km": np.round(ranges * rng.uniform(0.1, 1.0, n), 0).tolist(),
            "heading_deg": [None] * n,
            "impact_lat": [None] * n,
            "impact_lon": [None] * n,
            "impact_estimated": [False] * n,
            "landing_area": [None] * n,
            "outcome": ["success"] * n,
            "confirmation": ["assessed"] * n,
            "summary": [SYNTHETIC_NOTE] * n,
            "source_ids": [[f"synthetic-{i % sizes.sources:05d}"] for i in range(n)],
            "cns_ids": [[] for _ in range(n)],
            "nagix_ids": [[] for _ in range(n)],
        },
    )


def diplomatic_events(sizes: Sizes, rng: np.random.Generator) -> pa.Table:
    n = sizes.events
    days = np.sort(_days(rng, n)).astype("datetime64[D]").tolist()
    kinds = [EVENT_TYPES[i] for i in rng.integers(0, len(EVENT_TYPES), n)]
    return _table(
        "diplomatic_events",
        {
            "event_id": [f"synthetic-{d.isoformat()}-{i:06d}" for i, d in enumerate(days)],
            "date_start": days,
            "date_end": [None] * n,
            "date_precision": ["day"] * n,
            "event_type": kinds,
            "title": [f"Synthetic {k.replace('_', ' ')} {i}" for i, k in enumerate(kinds)],
            "summary": [SYNTHETIC_NOTE] * n,
            "location": [None] * n,
            "participants": [[_STATES[i % len(_STATES)]] for i in range(n)],
            "source_ids": [[f"synthetic-{i % sizes.sources:05d}"] for i in range(n)],
        },
    )


def statements(sizes: Sizes, rng: np.random.Generator, launch_ids, event_ids) -> pa.Table:
    n = sizes.statements
    words = vocabulary()
    # Who speaks: a Zipf-like share, so the first few speakers say most statements.
    speaker = rng.choice(sizes.speakers, size=n, p=_zipf_weights(sizes.speakers, 1.1))
    kind_of = rng.integers(0, len(SPEAKER_TYPES), sizes.speakers)
    org_of = rng.integers(-5, len(_ORGS), sizes.speakers)  # negative: no organisation
    state_of = rng.integers(-1, len(_STATES), sizes.speakers)
    names = np.asarray(
        [f"Speaker {words[i % len(words)].title()} {i}" for i in range(sizes.speakers)],
        dtype=object,
    )
    roles = np.asarray(
        [f"Synthetic role {words[(7 * i) % len(words)]}" for i in range(sizes.speakers)],
        dtype=object,
    )
    orgs = np.asarray([None, *_ORGS], dtype=object)[np.maximum(org_of, -1) + 1]
    states = np.asarray([None, *_STATES], dtype=object)[state_of + 1]
    has_quote = rng.random(n) < 0.8
    quotes: list[str | None] = _sentences(rng, words, n, 14)
    paraphrases: list[str | None] = _sentences(rng, words, n, 8)
    for i in np.flatnonzero(~has_quote):
        quotes[i] = None
    for i in np.flatnonzero(has_quote & (rng.random(n) < 0.75)):
        paraphrases[i] = None
    texts = [q if q is not None else p for q, p in zip(quotes, paraphrases, strict=True)]
    for word, share in ((COMMON_WORD, COMMON_SHARE), (RARE_WORD, RARE_SHARE)):
        _plant(texts, rng.choice(n, size=max(1, round(n * share)), replace=False), word)
    quotes = [t if q is not None else None for t, q in zip(texts, quotes, strict=True)]
    paraphrases = [
        t if q is None else p for t, q, p in zip(texts, quotes, paraphrases, strict=True)
    ]
    days = _days(rng, n)
    linked = rng.random(n)
    launch_pick = rng.integers(0, len(launch_ids), n)
    event_pick = rng.integers(0, len(event_ids), n)
    stance_p = np.array([0.25, 0.1, 0.1, 0.05, 0.15, 0.3, 0.05])
    return _table(
        "statements",
        {
            "statement_id": [f"st-synthetic-{i:08d}" for i in range(n)],
            "date": days,
            "date_note": [None] * n,
            "speaker": names[speaker],
            "speaker_role": roles[speaker],
            "organization": orgs[speaker],
            "state": states[speaker],
            "speaker_type": np.asarray(SPEAKER_TYPES, dtype=object)[kind_of[speaker]],
            "quote": quotes,
            "paraphrase": paraphrases,
            "stance": np.asarray(STANCES, dtype=object)[rng.choice(len(STANCES), n, p=stance_p)],
            "launch_ids": [
                [launch_ids[j]] if r < 0.3 else [] for r, j in zip(linked, launch_pick, strict=True)
            ],
            "event_ids": [
                [event_ids[j]] if r > 0.8 else [] for r, j in zip(linked, event_pick, strict=True)
            ],
            "source_id": [f"synthetic-{i % sizes.sources:05d}" for i in range(n)],
        },
    )


def claims() -> pa.Table:
    return TABLES["claims"].arrow_schema.empty_table()


def synthesize(sizes: Sizes) -> dict[str, pa.Table]:
    """Every table, seeded: the same sizes always give the same rows."""
    rng = np.random.default_rng(sizes.seed)
    launch_table = launches(sizes, rng)
    event_table = diplomatic_events(sizes, rng)
    tables = {
        "sources": sources(sizes),
        "launch_sites": launch_sites(sizes, rng),
        "launches": launch_table,
        "diplomatic_events": event_table,
        "statements": statements(
            sizes,
            rng,
            launch_table["launch_id"].to_pylist(),
            event_table["event_id"].to_pylist(),
        ),
        "claims": claims(),
    }
    return {name: tables[name] for name in TABLES}


def write(sizes: Sizes, out: Path) -> str:
    """Write the tables, a manifest and the statements' search index; returns the version."""
    tables = synthesize(sizes)
    # A content hash in form (the app refuses any other), of the sizes: the rows follow from them.
    version = hashlib.sha256(f"synthetic {sizes!r}".encode()).hexdigest()[:12]
    manifest = {
        "version": version,
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "synthetic": True,
        "tables": {name: {"rows": t.num_rows} for name, t in tables.items()},
    }
    out.mkdir(parents=True, exist_ok=True)
    # Statements in the order the app holds them, and saying so, so loading needs no sort.
    tables["statements"] = fts.in_load_order(tables["statements"])
    writers = {out / f"{name}.parquet": partial(pq.write_table, t) for name, t in tables.items()}
    writers[out / "statements.parquet"] = partial(
        pq.write_table,
        tables["statements"],
        sorting_columns=fts.load_sorting(tables["statements"].schema),
    )
    writers[out / MANIFEST] = partial(
        Path.write_text, data=json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    writers[out / fts.INDEX_FILE] = partial(fts.write_index, tables["statements"], version=version)
    write_all_or_nothing(writers)
    return version
