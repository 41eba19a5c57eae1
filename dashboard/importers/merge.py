"""Generated records from the imported database copies and the reviewed records.

The generated YAML is a pure function of the reviewed records and the stored facts of each
imported copy, so an import can be rerun (or refreshed after a reviewed record changes) and
gives the same files. The steps:

1. sites: each database site goes to the reviewed gazetteer site within 5 km, else to a
   generated site (created once per place, CNS names first);
2. missiles: each CNS missile is paired with the nagix missile of the same KST date and site;
3. reviewed records keep the missiles listed in their `cns_ids` / `nagix_ids`, then those
   of the same date, site and class up to their count; their values are never changed,
   and where a database says otherwise the difference becomes a claim with the database
   as claimant;
4. every other missile joins a generated launch event by the grouping rule (same KST date,
   site and class). CNS values come first (nagix's "Unknown" classes are an artefact of its
   class table); nagix adds the bearing and fills gaps. Where the two disagree, both
   values become claims.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dashboard import geo
from dashboard.importers.facts import Missile

SAME_PLACE_KM = 5.0
DATABASES = ("cns", "nagix")  # order of precedence
SOURCE_BASE = {
    "cns": {
        "source_id": "cns-missile-db",
        "publisher": (
            "James Martin Center for Nonproliferation Studies (CNS), for the Nuclear Threat "
            "Initiative (NTI)"
        ),
        "title": "CNS North Korea Missile Test Database",
        "author": None,
        "url": "https://www.nti.org/analysis/articles/cns-north-korea-missile-test-database/",
        "kind": "database",
        "licence": "No open licence stated; cited, facts only",
    },
    "nagix": {
        "source_id": "nagix-nk-missile-tests",
        "publisher": "Akihiko Kusanagi (GitHub project nagix/nk-missile-tests)",
        "title": "North Korea missile tests, a CNS-derived list with launch bearings",
        "author": "Akihiko Kusanagi",
        "url": "https://github.com/nagix/nk-missile-tests",
        "kind": "database",
        "licence": "Apache-2.0",
    },
}
CLAIMANTS = {"cns": "CNS", "nagix": "nagix (CNS-derived)"}
DATABASE_NAMES = {"cns": "the CNS database", "nagix": "the nagix list"}
# Short names used in claim ids.
SHORT = {
    "date_local": "date",
    "time_local": "time",
    "site_id": "site",
    "missile_class": "class",
    "missile_name": "name",
    "count": "count",
    "range_km": "range",
    "apogee_km": "apogee",
    "heading_deg": "heading",
    "landing_area": "landing",
    "outcome": "outcome",
    "confirmation": "confirmation",
}
CLASS_WORDS = {
    "SLV": ("space launch vehicle", "space launch vehicles"),
    "hypersonic": ("hypersonic missile", "hypersonic missiles"),
    "cruise": ("cruise missile", "cruise missiles"),
    "unknown": ("missile of unreported class", "missiles of unreported class"),
}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class ImportedCopy:
    """The stored facts of one imported database copy, with what identifies it."""

    database: str
    missiles: tuple[Missile, ...]
    meta: dict[str, Any]  # latest, digest, version, accessed_date


@dataclass
class Pair:
    """One missile as the databases report it (either side may be missing)."""

    cns: Missile | None = None
    nagix: Missile | None = None
    site_id: str | None = None

    def parts(self) -> list[tuple[str, Missile]]:
        return [(db, m) for db, m in (("cns", self.cns), ("nagix", self.nagix)) if m is not None]

    @property
    def first(self) -> Missile:
        return self.parts()[0][1]

    def value(self, name: str) -> Any:
        """The value of the first database that gives one (CNS before nagix)."""
        for _, missile in self.parts():
            value = getattr(missile, name)
            if value is not None and not (name == "missile_class" and value == "unknown"):
                return value
        return getattr(self.first, name)


@dataclass
class Generated:
    launches: list[dict] = field(default_factory=list)
    launch_sites: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    # Reviewed launch ids a database disagrees with (their values are left alone).
    reviewed_with_claims: set[str] = field(default_factory=set)
    reviewed_matched: set[str] = field(default_factory=set)


# Words that say what kind of place a site is; left out of generated site ids.
_PLACE_WORDS = re.compile(
    r"\b(satellite launching (ground|station)|missile base|international airport|airport|"
    r"air ?base|arms plant|shipyard|testing ground|missile test site|test site|field|county)\b",
    re.IGNORECASE,
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "site"


def site_slug(name: str) -> str:
    return slug(_PLACE_WORDS.sub(" ", name)) if _PLACE_WORDS.sub("", name).strip() else slug(name)


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# ---------------------------------------------------------------- sources


def source_rows(copies: dict[str, ImportedCopy], reviewed: list[dict]) -> dict[str, dict]:
    """database -> its source row: a reviewed row for the same copy, else a generated one."""
    rows = {}
    for db, copy in copies.items():
        base = SOURCE_BASE[db]
        version = copy.meta["version"]
        same = [
            r
            for r in reviewed
            if r.get("url") == base["url"] and str(r.get("version") or "") == version
        ]
        if same:
            rows[db] = {"source_id": same[0]["source_id"], "generated": False}
            continue
        rows[db] = {
            **base,
            "source_id": f"{base['source_id']}-{copy.meta['latest']}",
            "published_date": copy.meta["latest"],
            "version": version,
            "accessed_date": copy.meta["accessed_date"],
            "local_copy": None,
            "note": (
                f"Copy imported with `python -m dashboard import {db}`; published_date is the "
                "latest date the copy holds. Facts only: no free text of the database is kept."
            ),
            "generated": True,
        }
    return rows


# ---------------------------------------------------------------- sites


def _located(sites: Iterable[dict]) -> list[dict]:
    return [s for s in sites if s.get("lat") is not None and s.get("lon") is not None]


def _nearest(sites: list[dict], lat: float, lon: float) -> dict | None:
    best, best_km = None, SAME_PLACE_KM
    for site in sites:
        km = geo.distance_km(lat, lon, float(site["lat"]), float(site["lon"]))
        if km <= best_km:
            best, best_km = site, km
    return best


def assign_sites(
    missiles: list[tuple[str, Missile]], reviewed_sites: list[dict], sources: dict[str, dict]
) -> tuple[dict[tuple[str, str], str | None], list[dict]]:
    """(database, key) -> site id, and the generated sites."""
    gazetteer = _located(reviewed_sites)
    taken = {s["site_id"] for s in reviewed_sites}
    created: list[dict] = []
    site_of: dict[tuple[str, str], str | None] = {}
    for db, missile in missiles:
        if missile.site_lat is None or missile.site_lon is None:
            site_of[(db, missile.key)] = None
            continue
        site = _nearest(gazetteer, missile.site_lat, missile.site_lon) or _nearest(
            created, missile.site_lat, missile.site_lon
        )
        if site is None:
            name = missile.site_name or "Unnamed site"
            site_id, n = site_slug(name), 2
            while site_id in taken:
                site_id, n = f"{site_slug(name)}-{n}", n + 1
            taken.add(site_id)
            location = missile.site_location
            site = {
                "site_id": site_id,
                "name": name,
                "aliases": [],
                "province": re.sub(r"\s+Province$", "", location) if location else None,
                "state": "PRK",
                "lat": missile.site_lat,
                "lon": missile.site_lon,
                "source_ids": [sources[db]["source_id"]],
                "note": f"Generated by the import: name and coordinates from {DATABASE_NAMES[db]}.",
            }
            created.append(site)
        elif site in created:
            if missile.site_name and missile.site_name not in [site["name"], *site["aliases"]]:
                site["aliases"].append(missile.site_name)
            if sources[db]["source_id"] not in site["source_ids"]:
                site["source_ids"].append(sources[db]["source_id"])
        site_of[(db, missile.key)] = site["site_id"]
    return site_of, created


# ---------------------------------------------------------------- pairing


def _compatible_site(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def pair_missiles(
    copies: dict[str, ImportedCopy], site_of: dict[tuple[str, str], str | None]
) -> list[Pair]:
    """Each CNS missile with the nagix missile of the same KST date and site, if any."""
    pairs = [Pair(cns=m, site_id=site_of[("cns", m.key)]) for m in _missiles(copies, "cns")]
    by_date: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_date[pair.cns.date_local].append(pair)  # type: ignore[union-attr]
    for missile in _missiles(copies, "nagix"):
        site = site_of[("nagix", missile.key)]
        candidates = [
            p
            for p in by_date.get(missile.date_local, [])
            if p.nagix is None and _compatible_site(p.site_id, site)
        ]
        if candidates:
            best = min(
                candidates,
                key=lambda p: (
                    p.cns.time_local != missile.time_local,  # type: ignore[union-attr]
                    p.cns.missile_class != missile.missile_class,  # type: ignore[union-attr]
                    p.site_id != site,
                ),
            )
            best.nagix = missile
            best.site_id = best.site_id or site
        else:
            pairs.append(Pair(nagix=missile, site_id=site))
    return pairs


def _missiles(copies: dict[str, ImportedCopy], db: str) -> tuple[Missile, ...]:
    return copies[db].missiles if db in copies else ()


# ---------------------------------------------------------------- reviewed records


def assign_reviewed(
    pairs: list[Pair], reviewed: list[dict], site_coordinates: dict[str, tuple[float, float]]
) -> tuple[dict[str, list[Pair]], list[Pair]]:
    """Pairs that belong to reviewed launches (by id, then by date, site and class)."""
    by_cns = {str(i): r["launch_id"] for r in reviewed for i in r.get("cns_ids") or []}
    by_nagix = {str(i): r["launch_id"] for r in reviewed for i in r.get("nagix_ids") or []}
    records = {r["launch_id"]: r for r in reviewed}
    taken: dict[str, list[Pair]] = defaultdict(list)
    rest: list[Pair] = []
    for pair in pairs:
        owner = (pair.cns and by_cns.get(pair.cns.key)) or (
            pair.nagix and by_nagix.get(pair.nagix.key)
        )
        if owner:
            taken[owner].append(pair)
        else:
            rest.append(pair)
    unassigned = []
    for pair in rest:
        owner = None
        for record in reviewed:
            if str(record.get("date_local")) != pair.first.date_local:
                continue
            if len(taken[record["launch_id"]]) >= int(record.get("count") or 0):
                continue
            if not _same_place(record.get("site_id"), pair, site_coordinates):
                continue
            classes = {pair.value("missile_class"), "unknown"}
            if record.get("missile_class") not in classes and pair.value("missile_class") != (
                "unknown"
            ):
                continue
            owner = record["launch_id"]
            break
        if owner:
            taken[owner].append(pair)
        else:
            unassigned.append(pair)
    return {k: v for k, v in taken.items() if k in records}, unassigned


def _same_place(
    site_id: str | None, pair: Pair, site_coordinates: dict[str, tuple[float, float]]
) -> bool:
    missile = pair.first
    if site_id is None or missile.site_lat is None or site_id not in site_coordinates:
        return True
    lat, lon = site_coordinates[site_id]
    return geo.distance_km(lat, lon, missile.site_lat, missile.site_lon) <= SAME_PLACE_KM


# ---------------------------------------------------------------- aggregates


def _aggregate(missiles: list[Missile], name: str) -> Any:
    """The event's value of a field from its missiles (farthest, highest, first, ...)."""
    values = [getattr(m, name) for m in missiles if getattr(m, name) is not None]
    if name == "missile_class":
        known = [v for v in values if v != "unknown"]
        return Counter(known).most_common(1)[0][0] if known else "unknown"
    if not values:
        return None
    if name in ("range_km", "apogee_km"):
        return max(values)
    if name == "time_local":
        return min(values)
    if name == "missile_name":
        return Counter(values).most_common(1)[0][0]
    if name in ("outcome", "confirmation"):
        return values[0] if len(set(values)) == 1 else None
    return values[0]


COMPARED = (
    "date_local",
    "time_local",
    "missile_class",
    "missile_name",
    "range_km",
    "apogee_km",
    "heading_deg",
    "landing_area",
    "outcome",
    "confirmation",
)


def _per_database(pairs: list[Pair]) -> dict[str, list[Missile]]:
    found: dict[str, list[Missile]] = defaultdict(list)
    for pair in pairs:
        for db, missile in pair.parts():
            found[db].append(missile)
    return found


# ---------------------------------------------------------------- claims


class ClaimIds:
    def __init__(self, taken: Iterable[str]):
        self.taken = set(taken)

    def new(self, base: str) -> str:
        claim_id, n = base, 2
        while claim_id in self.taken:
            claim_id, n = f"{base}-{n}", n + 1
        self.taken.add(claim_id)
        return claim_id


def _claim(ids: ClaimIds, launch_id: str, name: str, value: Any, db: str, sources, note: str):
    return {
        "claim_id": ids.new(f"{launch_id}-{SHORT[name]}-{db}"),
        "launch_id": launch_id,
        "field": name,
        "value": fmt(value),
        "claimant": CLAIMANTS[db],
        "source_id": sources[db]["source_id"],
        "note": note,
    }


def _span_claims(launch_id, missiles, db, ids, sources) -> list[dict]:
    claims = []
    for missile in missiles:
        for name, span in (("apogee_km", missile.apogee_text), ("range_km", missile.range_text)):
            if span:
                claims.append(
                    _claim(
                        ids,
                        launch_id,
                        name,
                        f"{span} km",
                        db,
                        sources,
                        f"Missile {missile.key}: the database gives only a span.",
                    )
                )
    return claims


def reviewed_claims(
    launch: dict,
    pairs: list[Pair],
    site_names: dict[str, str],
    existing: set[tuple[str, str, str, str]],
    ids: ClaimIds,
    sources: dict[str, dict],
) -> list[dict]:
    """Claims for every value a database gives differently from a reviewed record."""
    claims = []
    launch_id = launch["launch_id"]
    for db, missiles in _per_database(pairs).items():
        wanted = []
        if len(missiles) != int(launch.get("count") or 0):
            wanted.append(("count", len(missiles), "Missiles of this event in the database."))
        for name in COMPARED:
            theirs = _aggregate(missiles, name)
            ours = launch.get(name)
            if theirs is None or (name == "missile_class" and theirs == "unknown"):
                continue
            if name == "date_local":
                ours = str(ours)
            if ours is None and name not in ("time_local", "range_km", "apogee_km"):
                continue
            if _equal(ours, theirs):
                continue
            wanted.append((name, theirs, "Differs from the reviewed value."))
        if db == pairs[0].parts()[0][0]:  # the site is compared once, for the first database
            site_ids = {p.site_id for p in pairs if p.site_id}
            if launch.get("site_id") and site_ids and launch["site_id"] not in site_ids:
                names = " / ".join(sorted(site_names.get(s, s) for s in site_ids))
                wanted.append(("site_id", names, "Site as the database gives it."))
        for name, value, note in wanted:
            key = (launch_id, name, fmt(value), CLAIMANTS[db])
            if key in existing:
                continue
            existing.add(key)
            claims.append(_claim(ids, launch_id, name, value, db, sources, note))
    return claims


def _equal(ours: Any, theirs: Any) -> bool:
    if isinstance(theirs, float) and isinstance(ours, int | float):
        return abs(float(ours) - theirs) < 1e-9
    return fmt(ours) == fmt(theirs)


# ---------------------------------------------------------------- generated launches


def _event_key(pair: Pair) -> tuple:
    first = pair.first
    return (first.date_local, first.date_precision, pair.site_id or "", pair.value("missile_class"))


def _summary(event: dict, site_name: str | None, outcomes: Counter, databases: list[str]) -> str:
    count, cls = event["count"], event["missile_class"]
    one, many = CLASS_WORDS.get(cls, (cls, f"{cls}s"))
    number = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    what = f"{number.capitalize()} {one if count == 1 else many}"
    if event["missile_name"]:
        what += f" ({event['missile_name']})"
    where = f"from {site_name}" if site_name else "from a site the databases do not give"
    sentences = [f"{what} launched {where}."]
    flight = []
    if event["range_km"] is not None:
        flight.append(f"range {fmt(event['range_km'])} km")
    if event["apogee_km"] is not None:
        flight.append(f"apogee {fmt(event['apogee_km'])} km")
    if event["landing_area"]:
        flight.append(f"landing area {event['landing_area']}")
    if flight:
        sentences.append("Reported " + ", ".join(flight) + ".")
    if len(outcomes) > 1:
        parts = ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items()))
        sentences.append(f"Outcomes differ within the event: {parts}.")
    elif outcomes:
        sentences.append(f"Outcome: {next(iter(outcomes))}.")
    named = " and ".join(DATABASE_NAMES[db] for db in databases)
    sentences.append(f"Composed from the facts in {named}; not yet reviewed by a curator.")
    return " ".join(sentences)


def group(pairs: list[Pair]) -> dict[tuple, list[Pair]]:
    """The grouping rule: (KST date, date precision, site id or "", class) -> its missiles."""
    groups: dict[tuple, list[Pair]] = defaultdict(list)
    for pair in pairs:
        groups[_event_key(pair)].append(pair)
    return groups


def generated_launches(
    pairs: list[Pair],
    taken_ids: set[str],
    site_names: dict[str, str],
    ids: ClaimIds,
    sources: dict[str, dict],
) -> tuple[list[dict], list[dict]]:
    groups = group(pairs)
    launches, claims = [], []
    for key in sorted(groups, key=lambda k: (k[0], min(_times(groups[k])), k[2], k[3])):
        members = groups[key]
        date_local, precision, site_id, cls = key
        merged = [_MergedView(p) for p in members]
        per_db = _per_database(members)
        launch_id = _launch_id(date_local, precision, site_id, cls, taken_ids)
        outcomes = Counter(m.outcome for m in merged)
        event = {
            "launch_id": launch_id,
            "review_status": "imported",
            "state": "PRK",
            "date_local": date_local,
            "date_precision": precision,
            "date_note": next((m.date_note for m in merged if m.date_note), None),
            "time_local": _aggregate(merged, "time_local"),  # type: ignore[arg-type]
            "site_id": site_id or None,
            "missile_class": cls,
            "missile_name": _aggregate(merged, "missile_name"),  # type: ignore[arg-type]
            "count": len(members),
            "range_km": _aggregate(merged, "range_km"),  # type: ignore[arg-type]
            "apogee_km": _aggregate(merged, "apogee_km"),  # type: ignore[arg-type]
            "heading_deg": next((p.nagix.heading_deg for p in members if p.nagix), None),
            "impact_lat": None,
            "impact_lon": None,
            "landing_area": _aggregate(merged, "landing_area"),  # type: ignore[arg-type]
            "outcome": next(iter(outcomes)) if len(outcomes) == 1 else "unknown",
            "confirmation": _aggregate(merged, "confirmation"),  # type: ignore[arg-type]
            "summary": "",
            "source_ids": [sources[db]["source_id"] for db in DATABASES if db in per_db],
            "cns_ids": sorted(int(p.cns.key) for p in members if p.cns),
            "nagix_ids": [p.nagix.key for p in members if p.nagix],
        }
        if event["confirmation"] is None and "cns" in per_db:
            event["confirmation"] = "assessed"  # CNS marks some missiles of the event unconfirmed
        event["summary"] = _summary(event, site_names.get(site_id), outcomes, list(per_db))
        launches.append(event)
        claims += _disagreements(event, per_db, ids, sources)
        for db, missiles in per_db.items():
            claims += _span_claims(launch_id, missiles, db, ids, sources)
            claims += _salvo_claims(event, missiles, db, ids, sources)
    return launches, claims


def _times(pairs: list[Pair]) -> list[str]:
    return [p.value("time_local") or "99:99" for p in pairs]


class _MergedView:
    """A pair read as one missile: the first database's value of each field."""

    def __init__(self, pair: Pair):
        self._pair = pair

    def __getattr__(self, name: str) -> Any:
        return self._pair.value(name)


def _launch_id(date_local: str, precision: str, site_id: str, cls: str, taken: set[str]) -> str:
    day = date_local if precision == "day" else date_local[:7]
    base = f"prk-{day}-{site_id or 'unknown-site'}"
    candidates = [base, f"{base}-{slug(cls)}"]
    candidates += [f"{base}-{slug(cls)}-{n}" for n in range(2, 100)]
    for launch_id in candidates:
        if launch_id not in taken:
            taken.add(launch_id)
            return launch_id
    raise ValueError(f"no free launch id for {base}")


def _disagreements(event, per_db, ids, sources) -> list[dict]:
    """Where CNS and nagix differ with each other about the event, both values."""
    if len(per_db) < 2:
        return []
    claims = []
    counts = {db: len(m) for db, m in per_db.items()}
    fields = [("count", counts)]
    for name in COMPARED:
        values = {db: _aggregate(m, name) for db, m in per_db.items()}
        if name == "missile_class" and "unknown" in values.values():
            continue  # nagix's "Unknown" is an artefact of its class table, not a claim
        fields.append((name, values))
    for name, values in fields:
        given = {db: v for db, v in values.items() if v is not None}
        if len(given) < 2 or len({fmt(v) for v in given.values()}) == 1:
            continue
        for db, value in given.items():
            note = "CNS and nagix differ; both values are kept."
            claims.append(_claim(ids, event["launch_id"], name, value, db, sources, note))
    return claims


def _salvo_claims(event, missiles, db, ids, sources) -> list[dict]:
    """Per-missile range and apogee where a salvo's missiles differ (the record keeps the most)."""
    claims = []
    if len(missiles) < 2:
        return claims
    for name in ("range_km", "apogee_km"):
        values = [getattr(m, name) for m in missiles]
        if len({v for v in values if v is not None}) < 2:
            continue
        for missile, value in zip(missiles, values, strict=True):
            if value is not None and value != event[name]:
                note = f"Missile {missile.key} of the salvo; the record keeps the largest value."
                claims.append(_claim(ids, event["launch_id"], name, value, db, sources, note))
    return claims


# ---------------------------------------------------------------- all together


def generate(reviewed: dict[str, list[dict]], copies: dict[str, ImportedCopy]) -> Generated:
    """Generated launches, sites, claims and sources for the imported copies."""
    out = Generated()
    sources = source_rows(copies, reviewed["sources"])
    out.sources = [
        {k: v for k, v in row.items() if k != "generated"}
        for db, row in sorted(sources.items())
        if row["generated"]
    ]
    ordered = [(db, m) for db in DATABASES for m in _missiles(copies, db)]
    site_of, out.launch_sites = assign_sites(ordered, reviewed["launch_sites"], sources)
    all_sites = [*reviewed["launch_sites"], *out.launch_sites]
    site_names = {s["site_id"]: s["name"] for s in all_sites}
    coordinates = {s["site_id"]: (float(s["lat"]), float(s["lon"])) for s in _located(all_sites)}
    pairs = pair_missiles(copies, site_of)
    prk = [r for r in reviewed["launches"] if r.get("state") == "PRK"]
    owned, rest = assign_reviewed(pairs, prk, coordinates)
    ids = ClaimIds(r.get("claim_id") for r in reviewed["claims"])
    existing = {
        (str(c.get("launch_id")), str(c.get("field")), str(c.get("value")), str(c.get("claimant")))
        for c in reviewed["claims"]
    }
    records = {r["launch_id"]: r for r in prk}
    for launch_id in sorted(owned):
        found = reviewed_claims(
            records[launch_id], owned[launch_id], site_names, existing, ids, sources
        )
        out.claims += found
        out.reviewed_matched.add(launch_id)
        if found:
            out.reviewed_with_claims.add(launch_id)
    taken = {r["launch_id"] for r in reviewed["launches"]}
    out.launches, claims = generated_launches(rest, taken, site_names, ids, sources)
    out.claims += claims
    used = {launch["site_id"] for launch in out.launches if launch["site_id"]}
    out.launch_sites = [s for s in out.launch_sites if s["site_id"] in used]
    return out
