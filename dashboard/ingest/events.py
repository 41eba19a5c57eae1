"""Diplomatic events an article reports or mentions: sanctions, summits, talks, exercises, UN
action, joint statements, visits and policy moves, each dated from the words around it.

An event needs a date in its own sentence: undated background ("talks have stalled since
2019") is not something a curator can place on the calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest import actors, dates
from dashboard.ingest.text import all_sentences

# First match wins: a "joint statement" at the UN is a joint statement, not UN action.
EVENT_WORDS: tuple[tuple[str, str], ...] = (
    ("joint_statement", r"\bjoint (?:statement|declaration|communiqu[eé])\b"),
    (
        "un_action",
        r"\b(?:security council|UNSC)\b[^.]{0,80}?\b(?:resolution|adopted|meeting|session|"
        r"meets?|met|convened|vote[ds]?|condemn\w*)\b",
    ),
    (
        "sanctions",
        r"\b(?:impos\w+|levied|levy|slapp?\w*|announced|new|fresh|additional)\b[^.]{0,40}?"
        r"\bsanctions\b",
    ),
    ("summit", r"\bsummit\b"),
    (
        "military_exercise",
        r"\b(?:drills?|(?:military|joint|combined) exercises?|war games|"
        # The allies' named exercises: "the Freedom Shield exercise schedule is March 10-21".
        r"(?:Ulchi )?Freedom (?:Shield|Guardian|Edge|Flag)|Foal Eagle|Key Resolve|"
        r"Vigilant (?:Storm|Ace|Defense))\b",
    ),
    ("talks", r"\b(?:talks|negotiations|meetings?)\b"),
    ("inauguration", r"\b(?:inaugurat\w+|took office|sworn in)\b"),
    # "its sixth nuclear test on Sept. 3": a nuclear test is on the calendar as an event.
    ("nuclear_test", r"\bnuclear (?:test|detonation|explosion|blast)s?\b(?!\s+(?:site|ban))"),
    (
        "visit",
        r"\b(?:visit(?:ed|s|ing)?|arrived in|trip to)\b|\bis in [A-Z]\w+\b[^.]{0,20}"
        r"\b(?:to meet|for (?:talks|meetings))",
    ),
    ("policy", r"\bpolicy (?:review|shift|change)\b"),
)


@dataclass(frozen=True)
class Event:
    event_type: str
    date: dt.date
    precision: str
    date_span: tuple[int, int]
    type_span: tuple[int, int]
    participants: tuple[str, ...]
    date_note: str | None


def _participants(words: str) -> tuple[str, ...]:
    found = []
    for pattern, state in actors.STATE_WORDS:
        if re.search(pattern, words, re.IGNORECASE) and state not in found:
            found.append(state)
    return tuple(found)


_LAUNCH_WORDS = re.compile(r"(?:launch\w*|tests?|fired|firing)\W+(?:\w+\W+)?$", re.IGNORECASE)
_LAUNCH_CLAUSE = re.compile(
    r"[^.,;:]{0,60}?\b(?:conducted|fired|launched|test-fired)\b[^.,;:]{0,40}?"
    r"\b(?:missiles?|rockets?|satellites?|projectiles?)\b"
)
AFTER_WINDOW, BEFORE_WINDOW, LEADING = 150, 50, 12


def _event_date(
    words: str, keyword: re.Match, published: dt.date, offset: int
) -> dates.DateMention | None:
    """The date of the event named at `keyword`: the first date in or after it in the
    sentence, or one opening the sentence just before it ("On March 2, Tokyo
    announced new measures ..."); dates that belong to a launch ("tests on Friday") are not the
    event's."""
    candidates = [
        m
        for m in dates.find_dates(words, published, offset)
        if not _LAUNCH_WORDS.search(words[: m.start - offset])
        # "North Korea today conducted a long-range ballistic missile test": a launch's day.
        and not _LAUNCH_CLAUSE.match(words, m.end - offset)
    ]
    start, end = offset + keyword.start(), offset + keyword.end()
    # "North Korea's January 6 nuclear test": the day written just before the event's name.
    adjacent = [
        m
        for m in candidates
        if m.end - offset <= keyword.start()
        and re.fullmatch(r"(?:[’']s)?\s?", words[m.end - offset : keyword.start()])
    ]
    if adjacent:
        return adjacent[-1]
    after = [m for m in candidates if start <= m.start <= end + AFTER_WINDOW]
    # A date before the keyword counts only when it opens the sentence ("On January 12, ...").
    before = [
        m
        for m in candidates
        if start - BEFORE_WINDOW <= m.end <= start and m.start - offset <= LEADING
    ]
    if after:
        return after[0]
    return before[-1] if before else None


# Words that put an event after the page's day: "ahead of the inauguration … on Jan. 20".
_TO_COME = re.compile(
    r"\b(?:ahead of|will|is set to|are set to|scheduled|upcoming|planned|due to|next)\b",
    re.IGNORECASE,
)


def _coming(words: str, mention: dates.DateMention, published: dt.date, offset: int):
    """An undated-year day the sentence says is still to come, in the weeks after
    publication, keeps the publication's year ("ahead of the inauguration on Jan. 20" on a
    page of January 6)."""
    said = words[mention.start - offset : mention.end - offset]
    if mention.how != "explicit date" or re.search(r"\d{4}", said) or not _TO_COME.search(words):
        return mention
    try:
        ahead = mention.date.replace(year=published.year)
    except ValueError:
        return mention
    if mention.date < published <= ahead <= published + dt.timedelta(days=120):
        return dates.DateMention(mention.start, mention.end, ahead, mention.precision, mention.how)
    return mention


def find_events(text: str, published: dt.date) -> list[Event]:
    events: dict[tuple[str, dt.date], Event] = {}
    for sentence in all_sentences(text):
        words = sentence.text
        for kind, pattern in EVENT_WORDS:
            match = re.search(pattern, words, re.IGNORECASE)
            if not match:
                continue
            nearest = _event_date(words, match, published, sentence.start)
            if nearest is None:
                # "Sanctions have failed to stop it, and the summit on June 12 …": an undated
                # mention of one kind leaves the sentence to the next.
                continue
            nearest = _coming(words, nearest, published, sentence.start)
            key = (kind, nearest.date)
            if key not in events:
                note = None if nearest.how == "explicit date" else f"Date from {nearest.how}."
                events[key] = Event(
                    kind,
                    nearest.date,
                    nearest.precision,
                    nearest.span,
                    (sentence.start + match.start(), sentence.start + match.end()),
                    _participants(words),
                    note,
                )
            break
    return sorted(events.values(), key=lambda e: (e.date, e.event_type))
