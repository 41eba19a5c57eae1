"""Is every missile of a database copy covered by a launch event of the built dataset?

A missile is covered when a North Korean launch event has its KST date, its site within 5 km
where both are known, and the events of that day hold at least as many missiles as the copy.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from dashboard import geo
from dashboard.importers import cns, nagix
from dashboard.importers.facts import Copy, Missile
from dashboard.importers.merge import SAME_PLACE_KM
from dashboard.paths import REPO_DIR

REFERENCE = REPO_DIR.parent / "shared" / "reference"
DEFAULTS = {
    "cns": REFERENCE / "cns-nk-missile-db-2023" / "north_korea_missile_test_database.csv",
    "nagix": REFERENCE / "nagix-nk-missile-tests",
}


@dataclass(frozen=True)
class Coverage:
    missiles: int
    uncovered: tuple[Missile, ...]  # no event on the date at that site
    short_days: tuple[tuple[str, int, int], ...]  # (date, missiles in the copy, in the dataset)

    @property
    def complete(self) -> bool:
        return not self.uncovered and not self.short_days


def measure(missiles: tuple[Missile, ...], data_dir: Path) -> Coverage:
    launches = pq.read_table(data_dir / "launches.parquet").to_pylist()
    sites = {s["site_id"]: s for s in pq.read_table(data_dir / "launch_sites.parquet").to_pylist()}
    events: dict[str, list[dict]] = {}
    for launch in launches:
        if launch["state"] == "PRK":
            events.setdefault(launch["date_local"].isoformat(), []).append(launch)
    uncovered = []
    for missile in missiles:
        if not any(_same_place(missile, e, sites) for e in events.get(missile.date_local, [])):
            uncovered.append(missile)
    wanted = Counter(m.date_local for m in missiles)
    short = tuple(
        (day, n, held)
        for day, n in sorted(wanted.items())
        if (held := sum(e["count"] for e in events.get(day, []))) < n
    )
    return Coverage(len(missiles), tuple(uncovered), short)


def _same_place(missile: Missile, event: dict, sites: dict[str, dict]) -> bool:
    site = sites.get(event["site_id"]) if event["site_id"] else None
    if missile.site_lat is None or site is None or site["lat"] is None:
        return True
    km = geo.distance_km(missile.site_lat, missile.site_lon, site["lat"], site["lon"])
    return km <= SAME_PLACE_KM


def report(name: str, copy: Copy, result: Coverage) -> list[str]:
    dates = sorted(m.date_local for m in copy.missiles) or ["-"]
    lines = [
        f"{name}: {result.missiles} missiles (KST {dates[0]} .. {dates[-1]}); "
        f"{result.missiles - len(result.uncovered)} covered by a launch event "
        f"(KST date, site within {SAME_PLACE_KM:g} km); "
        f"{len(result.short_days)} day(s) with fewer missiles in the dataset than in the copy"
    ]
    lines += [
        f"  not covered: {m.key} {m.date_local} {m.missile_class} at {m.site_name or '-'}"
        for m in result.uncovered
    ]
    lines += [
        f"  short: {day}: {n} in the copy, {held} in the dataset"
        for day, n, held in result.short_days
    ]
    return lines


def main(cns_path: Path | None, nagix_path: Path | None, data_dir: Path) -> int:
    complete = True
    checked = 0
    for name, path, parse in (
        ("cns", cns_path or DEFAULTS["cns"], cns.parse),
        ("nagix", nagix_path or DEFAULTS["nagix"], nagix.parse),
    ):
        if not path.exists():
            print(f"{name}: no copy at {path}; skipped")
            continue
        copy = parse(path)
        if copy.problems:
            for problem in copy.problems:
                print(problem, file=sys.stderr)
            return 1
        result = measure(copy.missiles, data_dir)
        print("\n".join(report(name, copy, result)))
        complete &= result.complete
        checked += 1
    if not checked:
        print("no reference copy found: nothing checked")
    return 0 if complete else 1
