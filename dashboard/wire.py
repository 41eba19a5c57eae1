"""Bytes to the browser per page: `python -m dashboard wire [--url URL]`.

For every page, one fresh session loads it (the first run of a tab opened from a shared link)
and then reruns it with a changed query parameter (what a click on a filter or toggle sends),
counting the websocket bytes each run receives. The app's static files a page points at (the
map's basemap) are counted apart: the browser fetches them once and then serves them from its
cache. Without --url the command starts the app on a free loopback port itself.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from dashboard.stream_client import StreamSession, running_app, static_size

# Each page's URL path ("" opens the default page) and a query that changes what it shows,
# as a click would. Names as in the address bar.
PAGES = {
    "overview": ("", "class=SRBM"),
    "timeline": ("timeline", "class=SRBM"),
    "launches": ("launches", "review=imported"),
    "map": ("map", "year=2022"),
    "statements": ("statements", "q=sanctions"),
    "data_sources": ("data_sources", "class=SRBM"),
    "add_source": ("add_source", "class=SRBM"),
}
# (load, rerun) websocket bytes a page should stay under when used through a shared link.
TARGETS = {"map": (1_000_000, 200_000)}


async def _measure(base_url: str, name: str) -> dict:
    path, query = PAGES[name]
    async with StreamSession(base_url) as session:
        load = await session.run(path)
        rerun = await session.run(path, query)
    refs = sorted(load.static_refs | rerun.static_refs)
    load_target, rerun_target = TARGETS.get(name, (None, None))
    return {
        "page": name,
        "rerun_query": query,
        "load_bytes": load.bytes_received,
        "rerun_bytes": rerun.bytes_received,
        "static_bytes": sum(static_size(base_url, path, ref) for ref in refs),
        "static_files": refs,
        "load_seconds": round(load.seconds, 3),
        "rerun_seconds": round(rerun.seconds, 3),
        "load_target": load_target,
        "rerun_target": rerun_target,
        "errors": load.errors + rerun.errors,
    }


def page_bytes(base_url: str, pages: Sequence[str] | None = None) -> list[dict]:
    """Measure pages of the app running at `base_url` (e.g. "http://127.0.0.1:8501").

    `pages`: names from PAGES (default: all). One dict per page, in order, with:
    page, rerun_query, load_bytes and rerun_bytes (websocket bytes received by a new
    session's first run and by its rerun with rerun_query), static_bytes (the app static
    files the page points at, as sent with gzip; the browser caches them after the first
    load) and static_files, load_seconds, rerun_seconds, load_target and rerun_target
    (bytes, or None where no target is set) and errors (exceptions the page showed).
    Call it from synchronous code: it runs its own event loop.
    """
    names = list(PAGES) if pages is None else list(pages)
    unknown = [n for n in names if n not in PAGES]
    if unknown:
        raise ValueError(f"unknown page(s) {unknown}; choose from {list(PAGES)}")

    async def measure_all() -> list[dict]:
        return [await _measure(base_url, name) for name in names]

    return asyncio.run(measure_all())


def over_target(row: dict) -> list[str]:
    """What a row exceeds, in words; empty when it meets its targets (or has none)."""
    misses = []
    for kind in ("load", "rerun"):
        target = row[f"{kind}_target"]
        if target is not None and row[f"{kind}_bytes"] > target:
            misses.append(f"{row['page']} {kind} {_kb(row[f'{kind}_bytes'])} > {_kb(target)}")
    return misses


def _kb(size: int | None) -> str:
    return "" if size is None else f"{size / 1000:,.1f} kB"


def table(rows: list[dict]) -> str:
    header = ("page", "load", "rerun", "rerun query", "static (cached)", "target load/rerun")
    lines = [
        (
            r["page"],
            _kb(r["load_bytes"]),
            _kb(r["rerun_bytes"]),
            r["rerun_query"],
            _kb(r["static_bytes"]) if r["static_files"] else "-",
            f"{_kb(r['load_target'])} / {_kb(r['rerun_target'])}" if r["load_target"] else "",
        )
        for r in rows
    ]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *lines, strict=True)]
    return "\n".join(
        "  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)).rstrip()
        for line in [header, *lines]
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="a running app's address (default: start one)")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), help="default: every page")


def command(args: argparse.Namespace) -> int:
    if args.url:
        rows = page_bytes(args.url, args.pages)
    else:
        with running_app() as app:
            rows = page_bytes(app.url, args.pages)
    print("websocket bytes received per run; static files are fetched once, then cached")
    print(table(rows))
    problems = [e for r in rows for e in r["errors"]] + [m for r in rows for m in over_target(r)]
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard wire", description=__doc__)
    add_arguments(parser)
    return command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
