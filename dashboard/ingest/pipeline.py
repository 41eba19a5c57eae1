"""Run every finder over one article and assemble the review document.

text -> launches, statements, events (each finder a module of its own) -> records in the
curated format, linked to the dataset's existing launches and events where date and kind
match -> evidence checked against the text -> review document.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.curation.load import Record, load_records
from dashboard.ingest import dates, review
from dashboard.ingest.events import Event, find_events
from dashboard.ingest.gazetteer import Gazetteer
from dashboard.ingest.launches import Launch, find_launches
from dashboard.ingest.speakers import VERBS
from dashboard.ingest.statements import Statement, find_quotes, find_statements
from dashboard.ingest.text import all_sentences, sha256
from dashboard.schema import SPEAKER_TYPES

CLASS_WORDS = {
    "SRBM": "short-range ballistic missile",
    "MRBM": "medium-range ballistic missile",
    "IRBM": "intermediate-range ballistic missile",
    "ICBM": "intercontinental ballistic missile",
    "SLBM": "submarine-launched ballistic missile",
    "cruise": "cruise missile",
    "hypersonic": "hypersonic missile",
    "SLV": "space launch vehicle",
    "unknown": "missile of unreported type",
}


UNKNOWN_SPEAKER_TYPE = f"{review.REWRITE} one of: {', '.join(SPEAKER_TYPES)}"


@dataclass(frozen=True)
class Article:
    text: str
    published: dt.date
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    local_copy: str | None = None


@dataclass(frozen=True)
class Existing:
    """What the dataset already holds, for linking candidates to it."""

    launches: list[dict[str, Any]]
    events: list[dict[str, Any]]

    @classmethod
    def from_records(cls, records: dict[str, list[Record]]) -> Existing:
        return cls(
            [r.data for r in records["launches"]], [r.data for r in records["diplomatic_events"]]
        )

    def launch(self, state: str, day: dt.date, kind: str | None, site: str | None) -> str | None:
        for row in self.launches:
            if row.get("state") != state or str(row.get("date_local")) != day.isoformat():
                continue
            if kind in (None, row.get("missile_class")) or (site and site == row.get("site_id")):
                return row.get("launch_id")
        return None

    def event(self, kind: str, day: dt.date) -> str | None:
        for row in self.events:
            if row.get("event_type") == kind and str(row.get("date_start")) == day.isoformat():
                return row.get("event_id")
        return None


@dataclass(frozen=True)
class Context:
    """What every run needs from the curated files: the gazetteer and the existing records."""

    gazetteer: Gazetteer
    existing: Existing


def context(curated_dir: Path) -> Context:
    """The curated files' context, parsed once per state of those files.

    Parsing the curated YAML takes seconds; the evaluation runs dozens of articles and the Add a
    source page runs one per click, so the parse is reused until a file changes.
    """
    files = sorted(curated_dir.rglob("*.yaml"))
    stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _context(curated_dir.resolve(), stamp)


@functools.lru_cache(maxsize=4)
def _context(curated_dir: Path, stamp: tuple) -> Context:
    records, _ = load_records(curated_dir)
    return Context(Gazetteer.from_records(records), Existing.from_records(records))


def source_record(article: Article) -> dict[str, Any]:
    digest = sha256(article.text)
    first_line = article.text.strip().split("\n", 1)[0].strip()
    publisher = article.publisher or "publisher not given"
    head = review.slug(article.publisher, 3) if article.publisher else "article"
    return {
        "source_id": f"{head}-{article.published.isoformat()}-{digest[:6]}",
        "publisher": publisher,
        "title": article.title or first_line[:200] or "(untitled)",
        "author": None,
        "published_date": article.published,
        "url": article.url,
        "kind": "news",
        "version": None,
        "licence": None,
        "accessed_date": dt.datetime.now(dt.UTC).date(),
        "local_copy": article.local_copy,
        "note": "Candidates proposed by `python -m dashboard ingest`, reviewed by a curator.",
        "text_sha256": digest,
    }


def _summary(launch: Launch, source_id: str) -> str:
    kind = launch.fields.get("missile_class", "unknown")
    count = launch.fields.get("count")
    what = f"{count} x {CLASS_WORDS[kind]}" if count else CLASS_WORDS[kind]
    site = launch.fields.get("site")
    where = f" from {site.name}" if site else ""
    return f"{what}{where}, as reported in {source_id} (candidate from the ingest assistant)."


def launch_records(
    text: str, launches: list[Launch], source_id: str, existing: Existing, taken: set[str]
) -> tuple[list[dict], list[dict], list[dict]]:
    """Launch, new-site and claim records for the launches found."""
    records, sites, claims = [], [], []
    site_ids: dict[str, str] = {}
    for launch in launches:
        site = launch.fields.get("site")
        site_id = site.site_id if site else None
        if site and site_id is None:
            site_id = site_ids.get(site.name) or review.unique(review.slug(site.name), taken)
            if site.name not in site_ids:
                site_ids[site.name] = site_id
                sites.append(
                    {
                        "site_id": site_id,
                        "name": site.name,
                        "aliases": [],
                        "province": None,
                        "state": launch.state,
                        "lat": None,
                        "lon": None,
                        "source_ids": [source_id],
                        "note": "Place named in the article; coordinates to be found by a curator.",
                        "evidence": {"name": review.evidence(text, (site.start, site.end))},
                        "review": review.PENDING,
                    }
                )
        kind = launch.fields.get("missile_class")
        base = f"{launch.state.lower()}-{launch.date.isoformat()}-{site_id or kind or 'launch'}"
        launch_id = review.unique(review.slug(base, 12), taken)
        # Figures two sources give differently stay empty in the record (their claims follow).
        settled = {n: v for n, v in launch.fields.items() if n not in launch.contested}
        evidence = {
            ("site_id" if name == "site" else name): review.evidence(text, span)
            for name, span in launch.evidence.items()
            if span != (0, 0) and name not in launch.contested
        }
        record = {
            "launch_id": launch_id,
            "state": launch.state,
            "review_status": "reviewed",
            "date_local": launch.date,
            "date_precision": launch.precision,
            "date_note": launch.date_note,
            "time_local": launch.fields.get("time_local"),
            "site_id": site_id,
            "missile_class": kind or "unknown",
            "missile_name": launch.fields.get("missile_name"),
            "count": launch.fields.get("count", 1),
            "range_km": settled.get("range_km"),
            "apogee_km": settled.get("apogee_km"),
            "heading_deg": None,
            "impact_lat": None,
            "impact_lon": None,
            "landing_area": launch.fields.get("landing_area"),
            "outcome": "unknown",
            "confirmation": "claimed"
            if launch.claimants.get("reported_by") == "KCNA"
            else "confirmed",
            "summary": _summary(launch, source_id),
            "source_ids": [source_id],
            "cns_ids": [],
            "nagix_ids": [],
            "evidence": evidence,
            "review": review.PENDING,
        }
        same = existing.launch(launch.state, launch.date, kind, site_id)
        if same:
            record["same_as"] = same
        records.append(record)
        first_claimed: set[str] = set()
        for field, value, claimant, span in launch.claims:
            name = "site_id" if field == "site" else field
            shown = value.name if field == "site" else value
            claimant = claimant or "the article"
            claims.append(
                {
                    "claim_id": review.unique(
                        f"{launch_id}-{name.replace('_', '-')}-{review.slug(claimant)}", taken
                    ),
                    "launch_id": same or launch_id,
                    "field": name,
                    "value": str(shown),
                    "claimant": claimant,
                    "source_id": source_id,
                    "note": None,
                    "evidence": {"value": review.evidence(text, span)},
                    "review": review.PENDING,
                }
            )
            if field in first_claimed:
                continue  # the value kept first is claimed once, however many differ from it
            first_claimed.add(field)
            first = launch.fields[field]
            claims.append(
                {
                    "claim_id": review.unique(
                        f"{launch_id}-{name.replace('_', '-')}-"
                        f"{review.slug(launch.claimants.get(field) or 'article')}",
                        taken,
                    ),
                    "launch_id": same or launch_id,
                    "field": name,
                    "value": str(first.name if field == "site" else first),
                    "claimant": launch.claimants.get(field) or "the article",
                    "source_id": source_id,
                    "note": None,
                    "evidence": {"value": review.evidence(text, launch.evidence[field])},
                    "review": review.PENDING,
                }
            )
    return records, sites, claims


def _dates_the_saying(sentence: str, speaker: tuple[int, int], mention: tuple[int, int]) -> bool:
    """Whether a date in the speaker's sentence dates the words: it stands in the attribution
    clause ("On Tuesday, X said", "X on Tuesday told", "said in a statement Tuesday"), not in
    what was said or in a clause about something else ("… said the launch on Monday …")."""
    start, end = speaker
    verb = re.search(rf"\b{VERBS}\b", sentence[end:])
    if verb is not None:
        verb_start, verb_end = end + verb.start(), end + verb.end()
    else:
        before = list(re.finditer(rf"\b{VERBS}\b", sentence[:start]))
        if not before:
            return False
        verb_start, verb_end = before[-1].start(), before[-1].end()
    first, last = min(start, verb_start), max(end, verb_end)
    if mention[1] <= first:
        # A leading phrase: nothing but the date and its preposition before the attribution.
        lead = sentence[mention[1] : first]
        return not re.search(rf"[“”\"]|\b{VERBS}\b", lead) and len(lead.split()) <= 3
    if mention[0] >= last:
        gap = sentence[last : mention[0]]
        return len(gap.split()) <= 8 and not re.search(
            r"[“”\",;]|\b(?:that|which|who|when|where|whether|after|before|since|about)\b", gap
        )
    return True  # between the speaker and the verb: "Kim on Tuesday said"


def statement_date(text: str, found: Statement, published: dt.date) -> tuple[dt.date, str, tuple]:
    """When the words were said: a day in the attribution clause ("Moon said in a statement
    Wednesday"), outside any quoted words; else the publication date, marked as such."""
    where = found.speaker.span[0]
    sentence = next((s for s in all_sentences(text) if s.start <= where < s.end), found.sentence)
    quoted = [(q.start, q.end) for q in find_quotes(sentence.text)]
    speaker = (found.speaker.span[0] - sentence.start, found.speaker.span[1] - sentence.start)
    for mention in dates.find_dates(sentence.text, published):
        if mention.precision != "day" or any(a <= mention.start < b for a, b in quoted):
            continue
        if _dates_the_saying(sentence.text, speaker, mention.span):
            note = None if mention.how == "explicit date" else f"Date from {mention.how}."
            where = (sentence.start + mention.start, sentence.start + mention.end)
            return mention.date, note, where
    return published, "Publication date of the article; check when the words were said.", ()


def statement_records(
    text: str,
    statements: list[Statement],
    article: Article,
    source_id: str,
    main_launch: str | None,
    taken: set[str],
) -> list[dict]:
    records = []
    for found in statements:
        speaker = found.speaker
        # A speaker the learned fallback chose carries its score: a guess to check first.
        guessed = {k: v for k, v in found.extra.items() if k == "model_score"}
        evidence = {"speaker": review.evidence(text, speaker.span, **guessed)}
        if found.quote is not None:
            evidence["quote"] = review.evidence(text, (found.quote.start, found.quote.end))
            words = found.quote.text
            paraphrase = None
        else:
            evidence["paraphrase"] = review.evidence(
                text, (found.sentence.start, found.sentence.end)
            )
            words = found.sentence.text
            paraphrase = f"{review.REWRITE} gist of what {speaker.name} said, in your own words"
        if found.stance_span:
            evidence["stance"] = review.evidence(text, found.stance_span, suggestion=True)
        said_on, date_note, date_span = statement_date(text, found, article.published)
        if date_span:
            evidence["date"] = review.evidence(text, date_span)
        day = article.published.isoformat()
        base = f"st-{day}-{review.slug(speaker.name, 2)}-{review.slug(words, 3)}"
        records.append(
            {
                "statement_id": review.unique(review.slug(base, 12), taken),
                "date": said_on,
                "date_note": date_note,
                "speaker": speaker.name,
                "speaker_role": speaker.role or "not stated in the source",
                "organization": speaker.organization,
                "state": speaker.state,
                # Unknown is not "expert": the schema has no neutral type, so the curator picks.
                "speaker_type": speaker.speaker_type or UNKNOWN_SPEAKER_TYPE,
                # Page line breaks and doubled spaces are layout, not words; the evidence
                # offsets keep the exact characters.
                "quote": " ".join(found.quote.text.split()) if found.quote else None,
                "paraphrase": paraphrase,
                # A suggestion only (marked in the evidence): the curator decides the stance.
                "stance": found.stance or "assess",
                "launch_ids": [main_launch] if main_launch else [],
                "event_ids": [],
                "source_id": source_id,
                "evidence": evidence,
                "review": review.PENDING,
            }
        )
    return records


def event_records(
    text: str, events: list[Event], source_id: str, existing: Existing, taken: set[str]
) -> list[dict]:
    records = []
    for event in events:
        kind = event.event_type
        base = f"{kind.replace('_', '-')}-{event.date.isoformat()}-{source_id.split('-')[0]}"
        record = {
            "event_id": review.unique(review.slug(base, 12), taken),
            "date_start": event.date,
            "date_end": None,
            "date_precision": event.precision,
            "event_type": kind,
            "title": f"{review.REWRITE} {kind.replace('_', ' ')} on {event.date.isoformat()}",
            "summary": f"{review.REWRITE} what happened, in your own words",
            "location": None,
            "participants": list(event.participants),
            "source_ids": [source_id],
            "evidence": {
                "event_type": review.evidence(text, event.type_span),
                "date_start": review.evidence(text, event.date_span),
            },
            "review": review.PENDING,
        }
        same = existing.event(kind, event.date)
        if same:
            record["same_as"] = same
        records.append(record)
    return records


def run(article: Article, curated_dir: Path, learned: bool = False) -> dict[str, Any]:
    """The review document for one article; `learned` adds the learned speaker fallback's
    guesses for quotes the rules leave without a speaker (off by default: held out, it found
    more quotes but lowered speaker precision)."""
    text = article.text
    loaded = context(curated_dir)
    gazetteer, existing = loaded.gazetteer, loaded.existing
    source = source_record(article)
    source_id = source["source_id"]
    taken: set[str] = {source_id}
    launches = find_launches(text, article.published, gazetteer, article.publisher)
    launch_rows, site_rows, claim_rows = launch_records(text, launches, source_id, existing, taken)
    # Statements are about the latest launch the article reports, if any.
    latest = max(launch_rows, key=lambda r: r["date_local"], default=None)
    main_launch = (latest.get("same_as") or latest["launch_id"]) if latest else None
    statements = find_statements(text, learned)
    statement_rows = statement_records(text, statements, article, source_id, main_launch, taken)
    event_rows = event_records(
        text, find_events(text, article.published), source_id, existing, taken
    )
    document = {
        "source": source,
        "launches": launch_rows,
        "launch_sites": site_rows,
        "diplomatic_events": event_rows,
        "statements": statement_rows,
        "claims": claim_rows,
    }
    return drop_unverified(document, text)


def drop_unverified(document: dict[str, Any], text: str) -> dict[str, Any]:
    """Never write a quote that is not verbatim in the text: drop it and say so."""
    for table in review.TABLE_ORDER:
        kept = []
        for record in document[table]:
            problems = review.check_evidence({table: [record]}, text)
            if problems:
                for problem in problems:
                    print(f"dropped: {problem}", file=sys.stderr)
                continue
            kept.append(record)
        document[table] = kept
    return document
