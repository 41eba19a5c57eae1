"""Benchmark: `python -m dashboard bench [--quick]` (the Datasette comparison needs `.[bench]`).

In one run, on the bundled data and on synthetic copies of 100k and 1M statements
(`python -m dashboard synth`, written to a temporary folder; `--quick` leaves out 1M):

- each page's warm rerun, as Streamlit's AppTest reruns it, pages interleaved, medians;
- cold start: a fresh process until the Overview page is drawn, and its peak RSS;
- peak RSS of the process that served every page;
- the statement search-and-facet queries, timed against Datasette serving the same rows
  over loopback (its JSON API with `_search`, `_facet` and column filters), interleaved,
  with the ratio ours / Datasette.

Absolute times on a shared machine are noisy: read medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from dashboard.paths import DATA_DIR_ENV, DATASETS_DIR, PACKAGE_DIR

APP = str(PACKAGE_DIR / "app.py")
# Page runs measured: (label, page script, query string).
PAGE_RUNS = (
    ("Overview", "overview", {}),
    ("Timeline", "timeline", {}),
    ("Launches", "launches", {}),
    ("Map", "map", {}),
    ("Statements", "statements", {}),
    ("Statements ?q=deterrence", "statements", {"q": "deterrence"}),
    ("Data & sources", "data_sources", {}),
)
# Websocket bytes a page sends to the browser (dashboard/wire.py), measured against a real
# server on this dataset: (column, key of wire.page_bytes's rows). Pages by their wire name.
WIRE_COLUMNS = (("load KB (websocket)", "load_bytes"), ("rerun KB (websocket)", "rerun_bytes"))
WIRE_NAMES = {
    "Overview": "overview",
    "Timeline": "timeline",
    "Launches": "launches",
    "Map": "map",
    "Statements": "statements",
    "Data & sources": "data_sources",
}


def _wire_kb() -> dict[str, dict[str, float]]:
    """Load and rerun bytes per page, in KB, from a server started on this process's data."""
    from dashboard import wire
    from dashboard.stream_client import running_app

    with running_app() as app:
        rows = {row["page"]: row for row in wire.page_bytes(app.url, list(WIRE_NAMES.values()))}
    return {
        label: {column: round(rows[name][key] / 1000, 1) for column, key in WIRE_COLUMNS}
        for label, name in WIRE_NAMES.items()
    }


@dataclass(frozen=True)
class StatementBench:
    """One statement query, as this app asks it and as Datasette's JSON API asks it."""

    label: str
    text: str
    date_from: str | None = None
    date_to: str | None = None
    stances: tuple[str, ...] = ()
    speaker_types: tuple[str, ...] = ()
    facets: bool = False

    def datasette_path(self) -> str:
        params: list[tuple[str, str]] = [("_search", self.text), ("_sort_desc", "date")]
        params.append(("_size", "10"))
        if self.date_from:
            params.append(("date__gte", self.date_from))
        if self.date_to:
            params.append(("date__lte", self.date_to))
        params += [("stance__in", ",".join(self.stances))] if self.stances else []
        params += [("speaker_type__in", ",".join(self.speaker_types))] if self.speaker_types else []
        if self.facets:
            params += [("_facet", "stance"), ("_facet", "speaker_type")]
        return "/bench/statements.json?" + urllib.parse.urlencode(params)


def statement_benches() -> tuple[StatementBench, ...]:
    from dashboard.synth import COMMON_WORD, RARE_WORD

    window = {"date_from": "2010-01-01", "date_to": "2019-12-31"}
    return (
        StatementBench("common word + dates: page, count", COMMON_WORD, **window),
        StatementBench("  + stance, speaker-type facets", COMMON_WORD, **window, facets=True),
        StatementBench(
            "  + facet values chosen",
            COMMON_WORD,
            **window,
            stances=("condemn", "assess"),
            speaker_types=("government",),
            facets=True,
        ),
        StatementBench("rare word: page, count", RARE_WORD),
    )


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage: Linux carries its maximum over
    from the parent through fork and exec, so a child would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 0)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)


# --- run inside a child process, one per dataset -------------------------------------------


def _ours(data, bench: StatementBench) -> int:
    import datetime as dt

    from dashboard.search import StatementQuery, Window

    table = data.statement_table
    query = StatementQuery(
        text=bench.text, stances=bench.stances, speaker_types=bench.speaker_types
    )
    window = Window(
        dt.date.fromisoformat(bench.date_from) if bench.date_from else None,
        dt.date.fromisoformat(bench.date_to) if bench.date_to else None,
    )
    found = table.find(query, window)
    table.page(found.positions, 1, 10)
    return found.total


def _datasette_db(frame, path: Path) -> None:
    """The statements as Datasette would serve them: a table, an FTS5 index, a date index."""
    columns = [
        "statement_id",
        "date",
        "speaker",
        "speaker_role",
        "organization",
        "state",
        "speaker_type",
        "quote",
        "paraphrase",
        "stance",
    ]
    rows = frame[columns].assign(date=frame["date"].dt.strftime("%Y-%m-%d"))
    db = sqlite3.connect(path)
    db.execute(f"CREATE TABLE statements ({', '.join(columns)}, PRIMARY KEY (statement_id))")
    db.executemany(
        f"INSERT INTO statements VALUES ({', '.join('?' * len(columns))})",
        rows.astype(object).where(rows.notna(), None).itertuples(index=False, name=None),
    )
    db.execute("CREATE INDEX statements_date ON statements(date)")
    db.execute(
        "CREATE VIRTUAL TABLE statements_fts USING fts5("
        'quote, paraphrase, speaker, speaker_role, content="statements")'
    )
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")
    db.commit()
    db.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_datasette(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "datasette", "serve", str(db), "-p", str(port)),
            *("--setting", "sql_time_limit_ms", "60000"),
            *("--setting", "facet_time_limit_ms", "60000"),
            *("--setting", "suggest_facets", "off"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("Datasette did not start")


def _datasette_total(base: str, bench: StatementBench) -> int:
    with urllib.request.urlopen(base + bench.datasette_path(), timeout=120) as response:
        body = json.loads(response.read())
    return int(body["filtered_table_rows_count"])


def child(folder: str, repeat: int, scratch: str | None) -> dict:
    """Warm page reruns and statement queries on one dataset, in this process."""
    from streamlit.testing.v1 import AppTest

    from dashboard.data_io import load_dataset

    os.environ[DATA_DIR_ENV] = folder
    tests = {}
    for label, page, query in PAGE_RUNS:
        at = AppTest.from_file(APP, default_timeout=600)
        at.switch_page(f"views/{page}.py")
        for key, value in query.items():
            at.query_params[key] = value
        at.run()  # the first run loads the data; later ones are warm
        if at.exception:
            raise RuntimeError(f"{label}: {[e.value for e in at.exception]}")
        tests[label] = at
    samples: dict[str, list[float]] = {label: [] for label in tests}
    for _ in range(repeat):
        for label, at in tests.items():  # interleaved, so drift hits every page alike
            start = time.perf_counter()
            at.run()
            samples[label].append(time.perf_counter() - start)
    pages = {label: {"warm ms": _median_ms(s)} for label, s in samples.items()}
    for label, sizes in _wire_kb().items():
        pages[label].update(sizes)
    result = {"pages": pages, "rss_mb": _peak_rss_mb(), "queries": {}}
    data = load_dataset()
    result["statements"] = len(data.statements)
    result["index_from_file"] = data.statement_table.index.from_file
    if scratch is None:
        return result
    db = Path(scratch) / "bench.db"  # Datasette serves it as /bench
    if not db.exists():
        _datasette_db(data.statements, db)
    server, base = _start_datasette(db)
    try:
        benches = statement_benches()
        ours = {b.label: [] for b in benches}
        theirs = {b.label: [] for b in benches}
        # Both should count the same statements (Datasette matches whole words, this app
        # word beginnings; the synthetic words have no longer forms).
        counts = {b.label: (_ours(data, b), _datasette_total(base, b)) for b in benches}
        for _ in range(repeat):
            for b in benches:
                start = time.perf_counter()
                _ours(data, b)
                ours[b.label].append(time.perf_counter() - start)
                start = time.perf_counter()
                _datasette_total(base, b)
                theirs[b.label].append(time.perf_counter() - start)
        result["queries"] = {
            b.label: {
                "matches": counts[b.label][0],
                "Datasette matches": counts[b.label][1],
                "ours ms": _median_ms(ours[b.label]),
                "Datasette ms": _median_ms(theirs[b.label]),
            }
            for b in benches
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result


def cold() -> dict:
    """Start to the first drawn Overview page, in this fresh process."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return {"rss_mb": _peak_rss_mb()}


# --- the parent: datasets, processes, the report ---------------------------------------------


def _python(args: list[str], folder: Path) -> tuple[dict, float]:
    env = {**os.environ, DATA_DIR_ENV: str(folder)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.bench", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1]), elapsed


def run(quick: bool, repeat: int, cold_repeat: int) -> dict[str, dict]:
    from dashboard import synth

    sizes = [100_000] if quick else [100_000, 1_000_000]
    scratch = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    try:
        folders = {"bundled": (DATASETS_DIR, scratch / "bundled")}
        for n in sizes:
            out = scratch / f"synth-{n}"
            synth.write(synth.Sizes(statements=n), out)
            folders[f"{n:,}"] = (out, scratch / f"db-{n}")
        for _, work in folders.values():
            work.mkdir()
        results: dict[str, dict] = {}
        for label, (folder, work) in folders.items():
            child_args = ["--child", str(folder), "--repeat", str(repeat), "--scratch", str(work)]
            results[label], _ = _python(child_args, folder)
            results[label]["cold s"] = []
            results[label]["cold rss_mb"] = []
        for _ in range(cold_repeat):  # interleaved over the datasets
            for label, (folder, _) in folders.items():
                measured, elapsed = _python(["--cold"], folder)
                results[label]["cold s"].append(elapsed)
                results[label]["cold rss_mb"].append(measured["rss_mb"])
        return results
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# The targets: (dataset label, warm rerun ms per page); at 1M also cold start,
# memory and websocket bytes; every statement query at most Datasette's time (aim: a tenth).
WARM_TARGET_MS = {"100,000": 100, "1,000,000": 300}
COLD_TARGET_S, RSS_TARGET_MB = 8.0, 1500
WIRE_TARGET_KB = {"load KB (websocket)": 1000, "rerun KB (websocket)": 200}  # the Map page


def targets(results: dict[str, dict]) -> list[str]:
    """One line per target the run can judge: met or missed, with the figure."""
    lines = []

    def judge(what: str, value: float, limit: float, unit: str) -> None:
        verdict = "met   " if value <= limit else "MISSED"
        shown = f"{value:.2f}" if unit == "x" else f"{value:,.1f}"
        lines.append(f"{verdict} {what}: {shown} {unit} (target <= {limit:,} {unit})")

    for label, limit in WARM_TARGET_MS.items():
        for page, measured in results.get(label, {}).get("pages", {}).items():
            judge(f"{page} warm rerun at {label}", measured["warm ms"], limit, "ms")
    big = results.get("1,000,000")
    if big:
        judge("cold start at 1,000,000", statistics.median(big["cold s"]), COLD_TARGET_S, "s")
        rss = max(big["rss_mb"], *big["cold rss_mb"])
        judge("peak RSS at 1,000,000", rss, RSS_TARGET_MB, "MB")
    for label, r in results.items():
        for column, limit in WIRE_TARGET_KB.items():
            if column in r["pages"].get("Map", {}):
                judge(f"Map {column} at {label}", r["pages"]["Map"][column], limit, "KB")
        for query, q in r["queries"].items():
            if q["Datasette ms"]:
                ratio = q["ours ms"] / q["Datasette ms"]
                judge(f"{query.strip()} at {label}, ours / Datasette", ratio, 1, "x")
    return lines


def report(results: dict[str, dict]) -> str:
    import pandas as pd

    pages = pd.DataFrame(
        {label: {p: v["warm ms"] for p, v in r["pages"].items()} for label, r in results.items()}
    )
    lines = ["Warm rerun per page, median ms (AppTest):", pages.to_string(), ""]
    for name, _ in WIRE_COLUMNS:
        extra = pd.DataFrame(
            {
                label: {p: v[name] for p, v in r["pages"].items() if name in v}
                for label, r in results.items()
            }
        )
        lines += [
            f"{name} per page (Map targets: load <= 1,000; rerun <= 200):",
            extra.to_string(),
            "",
        ]
    summary = pd.DataFrame(
        {
            label: {
                "statements": r["statements"],
                "cold start s (median)": round(statistics.median(r["cold s"]), 2),
                "peak RSS MB, cold start": max(r["cold rss_mb"]),
                "peak RSS MB, all pages": r["rss_mb"],
                "index from file": r["index_from_file"],
            }
            for label, r in results.items()
        }
    )
    lines += ["Start and memory:", summary.to_string(), ""]
    for label, r in results.items():
        if not r["queries"]:
            continue
        rows = pd.DataFrame(r["queries"]).T
        rows["ours / Datasette"] = (rows["ours ms"] / rows["Datasette ms"]).round(3)
        lines += [f"Statement queries at {label} statements, median ms:", rows.to_string(), ""]
    lines += ["Targets:", *targets(results)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="bundled data and 100k only")
    parser.add_argument("--repeat", type=int, default=7, help="warm runs per measurement")
    parser.add_argument("--cold-repeat", type=int, default=3, help="fresh processes per size")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    parser.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold:
        print(json.dumps(cold()))
        return 0
    if args.child:
        print(json.dumps(child(args.child, args.repeat, args.scratch)))
        return 0
    print(report(run(args.quick, args.repeat, args.cold_repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
