"""Benchmark: `python -m dashboard.bench [--scale N] [--repeat R]`.

Times what a page does on every rerun — filtering, statement search, building the timeline
figure and the map deck, the action–reaction baseline — on the bundled data and on a synthetic
copy with statements replicated to `--scale` rows. Reports medians and the ratio between the
two sizes, since absolute times on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pandas as pd

from dashboard import charts, deck, lag, search
from dashboard.data_io import read_dataset
from dashboard.filters import Filters, filter_launches, filter_statements
from dashboard.paths import DATASETS_DIR


def median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def scaled_statements(statements: pd.DataFrame, rows: int) -> pd.DataFrame:
    copies = -(-rows // len(statements))
    big = pd.concat([statements] * copies, ignore_index=True).head(rows)
    big["statement_id"] = [f"s{i}" for i in range(len(big))]
    return big


def scan_text(statements: pd.DataFrame) -> pd.Series:
    return statements[list(search.SEARCHED)].fillna("").agg(" ".join, axis=1).str.casefold()


def run(scale: int, repeat: int) -> list[dict]:
    data = read_dataset(DATASETS_DIR)
    launches = data.launches_with_sites
    filters = Filters(classes=("SRBM",), date_from=pd.Timestamp("2022-01-01").date())
    unfiltered = Filters()
    query = search.StatementQuery(text="deterrence")
    period = (launches["date_local"].min(), launches["date_local"].max())
    sanctions = lag.dated_events(data.diplomatic_events, "sanctions")
    results = []
    for label, statements in (
        ("bundled", data.statements),
        (f"x{scale:,}", scaled_statements(data.statements, scale)),
    ):
        start = time.perf_counter()
        index = search.TextIndex.build(statements)
        build_ms = (time.perf_counter() - start) * 1000
        texts = scan_text(statements)
        timings = {
            "filter statements": median_ms(
                lambda s=statements: filter_statements(s, filters), repeat
            ),
            "unfiltered statements": median_ms(
                lambda s=statements: filter_statements(s, unfiltered), repeat
            ),
            "search statements": median_ms(
                lambda s=statements, i=index: search.search(s, i, query), repeat
            ),
            "index query": median_ms(lambda i=index: i.matching(query.terms), repeat),
            # What search would cost without the index: a substring scan of every text.
            "scan texts (no index)": median_ms(
                lambda t=texts: t.str.contains(query.terms[0], regex=False),
                repeat,
            ),
            "build index (once)": build_ms,
        }
        results.append({"size": label, "rows": len(statements), **timings})
    fixed = {
        "filter launches": median_ms(lambda: filter_launches(launches, filters), repeat),
        "timeline figure": median_ms(
            lambda: charts.timeline_figure(launches, data.diplomatic_events), repeat
        ),
        "map deck": median_ms(lambda: deck.build_deck(launches, {}), repeat),
        "lag baseline (2,000)": median_ms(
            lambda: lag.action_reaction(sanctions, launches, 14, period), repeat
        ),
    }
    for row in results:
        row.update(fixed)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.bench", description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000, help="statement rows to test")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement")
    args = parser.parse_args(argv)
    rows = run(args.scale, args.repeat)
    frame = pd.DataFrame(rows).set_index("size")
    print("median milliseconds per call")
    print(frame.round(2).to_string())
    small, large = frame.iloc[0], frame.iloc[1]
    ratio = large["rows"] / small["rows"]
    print(f"\nrows ratio {ratio:,.0f}x")
    for column in ("filter statements", "search statements", "scan texts (no index)"):
        print(f"{column}: {large[column] / small[column]:,.1f}x slower")
    print(
        f"at {int(large['rows']):,} rows the index query is "
        f"{large['scan texts (no index)'] / large['index query']:,.0f}x faster than a scan"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
