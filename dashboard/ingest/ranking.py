"""A learned fallback for quotes the attribution rules leave without a speaker.

Every person or body the article names near the quote is a candidate; each (quote, candidate)
pair is described by a few plain features (how far, before or after, in the same sentence, next
to a speech verb, a person or a body, the speaker of the quote before, ...), and a logistic
regression trained on the dev part of the gold set (`python -m dashboard ingest-train`) scores
it. The best candidate is proposed when its score reaches the model's threshold; otherwise the
quote stays unattributed, as before. The weights are a small JSON file beside this module, so
running the assistant needs no library beyond the standard one.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dashboard.ingest import actors
from dashboard.ingest.speakers import (
    VERBS,
    People,
    Speaker,
    describe,
    is_speaker_phrase,
    register_people,
)
from dashboard.ingest.text import Span, paragraphs, sentences

MODEL_PATH = Path(__file__).with_name("attribution_model.json")
WINDOW_PARAGRAPHS = 3  # candidates come from this many paragraphs before the quote's, and the next
_WORDS = r"[A-Z][\w’'.\-]*(?:[ ]+[A-Z][\w’'.\-]*){0,4}"  # on one line: not across paragraphs
_GROUPS = (
    r"officials?|analysts?|experts?|diplomats?|spokes(?:man|woman|person)|ministry|military|"
    r"government|agency|administration|office|council"
)
# Who a speech verb has: "X said", "the ministry said", "said X".
_SUBJECT = re.compile(
    rf"(?P<np>(?:[Tt]he\s+)?(?:{_WORDS}(?:[’']s)?\s+)?(?:{_WORDS}|(?:[a-z]+\s+)?(?:{_GROUPS})))"
    rf"(?:,[^,“”\"]{{3,80}},)?\s+(?:also\s+|later\s+)?{VERBS}\b"
)
_OBJECT = re.compile(rf"\b{VERBS}\s+(?P<np>(?:[Tt]he\s+)?{_WORDS})")
_CUE_AFTER = re.compile(rf"^(?:[’']s)?\s*(?:,[^,“”\"]{{3,80}},)?\s+(?:also\s+|later\s+)?{VERBS}\b")
_CUE_BEFORE = re.compile(rf"\b{VERBS}\s+(?:[a-z]+\s+){{0,3}}$")
_PRONOUN_AFTER = re.compile(rf"^[,.!?”\"’'\s]*(?:he|she)\s+{VERBS}\b", re.IGNORECASE)
_IT_AFTER = re.compile(rf"^[,.!?”\"’'\s]*it\s+{VERBS}\b", re.IGNORECASE)

FEATURES = (
    "before",
    "after",
    "log_distance_before",
    "log_distance_after",
    "same_sentence_before",
    "same_sentence_after",
    "cued_same_sentence",
    "cued_in_window",
    "same_paragraph",
    "previous_paragraph",
    "nearest",
    "nearest_before",
    "nearest_cued",
    "cued_right_after",
    "cued_right_before",
    "first_in_sentence",
    "first_in_paragraph",
    "log_between",
    "person",
    "known_actor",
    "log_mentions",
    "previous_speaker",
    "pronoun_fits",
    "it_fits",
    "quote_log_words",
    "quote_opens_paragraph",
    "paragraph_all_quote",
    "sentence_has_verb",
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    person: bool
    cued: bool  # a speech verb right after or before the mention


@dataclass(frozen=True)
class Candidate:
    name: str
    mention: Mention  # the nearest mention, the evidence for the speaker
    features: tuple[float, ...]


def key(name: str) -> str:
    """One key for the names of one speaker: "KCNA" and "Korean Central News Agency" agree."""
    body = actors.known_body(name)
    if body is not None and body.name:
        name = body.name
    plain = unicodedata.normalize("NFKD", actors.strip_title(name).casefold())
    words = re.findall(r"[a-z0-9]+", plain.encode("ascii", "ignore").decode())
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _outside(position: int, blocked: list[tuple[int, int]]) -> bool:
    return not any(s <= position < e for s, e in blocked)


def _cued(text: str, start: int, end: int) -> bool:
    return bool(_CUE_AFTER.match(text[end : end + 100]) or _CUE_BEFORE.search(text[:start][-40:]))


def mentions(text: str, quotes: list[Span]) -> list[Mention]:
    """People and bodies the article names outside its quotes, in order."""
    people = People(text)
    register_people(text, quotes, people)
    blocked = [(q.start, q.end) for q in quotes]
    found: dict[tuple[int, str], Mention] = {}

    def add(start: int, end: int, name: str, person: bool) -> None:
        name = re.sub(r"[’']s$", "", name.strip())  # "North Korea’s" names North Korea
        if name and _outside(start, blocked) and (start, key(name)) not in found:
            found[(start, key(name))] = Mention(start, end, name, person, _cued(text, start, end))

    for position, name in list(people.mentions):
        word = re.match(r"[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3}", text[position:])
        add(position, position + (len(word[0]) if word else 1), name, True)
    for name in people.full:
        for part in name.split():
            if len(part) > 3:
                for match in re.finditer(rf"\b{re.escape(part)}\b", text):
                    add(match.start(), match.end(), name, True)
    for pattern, actor in actors.KNOWN_BODIES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if not match[0].lower().endswith("minister"):  # a minister is a person, not the body
                add(match.start(), match.end(), actor.name, False)
    for pattern in (_SUBJECT, _OBJECT):
        for match in pattern.finditer(text):
            np = match["np"].strip()
            if not _outside(match.start("np"), blocked) or not is_speaker_phrase(np):
                continue
            span = (match.start("np"), match.start("np") + len(np))
            speaker = describe(np, None, span, people, [])
            if speaker is not None and (speaker.is_person or _could_speak(speaker.name)):
                add(span[0], span[1], speaker.name, speaker.is_person)
    return sorted(found.values(), key=lambda m: m.start)


def _could_speak(name: str) -> bool:
    """A body or group that can say something: not "Korea Standard Time" or "Pacific Ocean"."""
    return bool(
        actors.known_body(name)
        or actors.state_in(name)
        or re.search(rf"\b(?:{_GROUPS}|department|mission|committee|party)\b", name, re.I)
    )


def _one_name_each(found: list[Mention]) -> list[Mention]:
    """A person named with extra words ("State Antony Blinken") under the shortest full name
    of theirs the article uses ("Antony Blinken")."""
    names = {key(m.name): m.name for m in found if m.person and len(key(m.name).split()) >= 2}
    shortest = {}
    for long in names:
        inside = [k for k in names if k != long and set(k.split()) < set(long.split())]
        if inside:
            shortest[long] = names[min(inside, key=len)]
    return [
        Mention(m.start, m.end, shortest[key(m.name)], m.person, m.cued)
        if m.person and key(m.name) in shortest
        else m
        for m in found
    ]


def _index(spans: list[Span], position: int) -> int:
    for i, span in enumerate(spans):
        if span.start <= position <= span.end:
            return i
    return len(spans) - 1


class Article:
    """What the features need of one article, computed once for all its quotes."""

    def __init__(self, text: str, quotes: list[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.sentences = [s for p in self.paragraphs for s in sentences(p)]
        self.mentions = _one_name_each(mentions(text, quotes))
        self.key_of = {m: key(m.name) for m in self.mentions}  # once, not per quote

    def candidates(self, quote: Span, previous_speaker: str | None) -> list[Candidate]:
        text, paras = self.text, self.paragraphs
        here = _index(paras, quote.start)
        first = self.sentences[_index(self.sentences, quote.start)]
        last = self.sentences[_index(self.sentences, quote.end)]
        low = paras[max(0, here - WINDOW_PARAGRAPHS)].start
        high = paras[min(len(paras) - 1, here + 1)].end
        window = [m for m in self.mentions if low <= m.start < high]
        after = text[quote.end : quote.end + 60]
        paragraph = paras[here]
        opens = not text[paragraph.start : quote.start].strip("“\"‘' ")
        outside = text[first.start : quote.start] + text[quote.end : last.end]
        quote_level = {
            "quote_log_words": math.log1p(len(quote.text.split())),
            "quote_opens_paragraph": opens,
            "paragraph_all_quote": opens
            and not text[quote.end : paragraph.end].strip("”\"’' ,.!?"),
            "sentence_has_verb": bool(re.search(rf"\b{VERBS}\b", outside)),
        }
        groups: dict[str, list[Mention]] = {}
        for mention in window:
            groups.setdefault(self.key_of[mention], []).append(mention)

        def distance(m: Mention) -> int:
            return quote.start - m.end if m.end <= quote.start else m.start - quote.end

        nearest_first = sorted(groups, key=lambda k: min(distance(m) for m in groups[k]))
        before_first = sorted(
            (k for k in groups if any(m.end <= quote.start for m in groups[k])),
            key=lambda k: min(distance(m) for m in groups[k] if m.end <= quote.start),
        )
        cued = sorted((m for m in window if m.cued), key=distance)
        in_sentence_all = [m for m in window if first.start <= m.start < last.end]
        in_paragraph = [m for m in window if paragraph.start <= m.start < paragraph.end]
        persons_before = [k for k in before_first if groups[k][0].person]
        bodies_before = [k for k in before_first if not groups[k][0].person]
        previous_paragraph = paras[here - 1].start if here > 0 else paragraph.start
        found = []
        for name_key, group in groups.items():
            earlier = [m for m in group if m.end <= quote.start]
            later = [m for m in group if m.start >= quote.end]
            nearest = min(group, key=distance)
            person = nearest.person
            known = actors.known_person if person else actors.known_body
            in_sentence = [m for m in group if first.start <= m.start < last.end]
            closer = {self.key_of[m] for m in window if distance(m) < distance(nearest)} - {
                name_key
            }
            mentioned = sum(
                1 for m in self.mentions if self.key_of[m] == name_key and m.start < quote.start
            )
            values = {
                "before": bool(earlier),
                "after": bool(later),
                "log_distance_before": math.log1p(min(map(distance, earlier), default=5000)),
                "log_distance_after": math.log1p(min(map(distance, later), default=5000)),
                "same_sentence_before": any(first.start <= m.start for m in earlier),
                "same_sentence_after": any(m.start < last.end for m in later),
                "cued_same_sentence": any(m.cued for m in in_sentence),
                "cued_in_window": any(m.cued for m in group),
                "same_paragraph": any(paragraph.start <= m.start < paragraph.end for m in group),
                "previous_paragraph": any(
                    previous_paragraph <= m.start < paragraph.start for m in group
                ),
                "nearest": nearest_first.index(name_key) == 0,
                "nearest_before": before_first[:1] == [name_key],
                "nearest_cued": bool(cued) and self.key_of[cued[0]] == name_key,
                "cued_right_after": any(m.cued and m.start - quote.end <= 20 for m in later),
                "cued_right_before": any(m.cued and quote.start - m.end <= 40 for m in earlier),
                "first_in_sentence": bool(in_sentence_all)
                and self.key_of[in_sentence_all[0]] == name_key,
                "first_in_paragraph": bool(in_paragraph)
                and self.key_of[in_paragraph[0]] == name_key,
                "log_between": math.log1p(len(closer)),
                "person": person,
                "known_actor": known(nearest.name) is not None,
                "log_mentions": math.log1p(mentioned),
                "previous_speaker": previous_speaker is not None
                and key(previous_speaker) == name_key,
                "pronoun_fits": bool(_PRONOUN_AFTER.match(after))
                and persons_before[:1] == [name_key],
                "it_fits": bool(_IT_AFTER.match(after)) and bodies_before[:1] == [name_key],
                **quote_level,
            }
            features = tuple(float(values[name]) for name in FEATURES)
            found.append(Candidate(nearest.name, nearest, features))
        return found


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def score(self, candidate: Candidate) -> float:
        pairs = zip(self.weights, candidate.features, strict=True)
        return 1 / (1 + math.exp(-(self.intercept + sum(w * x for w, x in pairs))))

    def best(self, candidates: list[Candidate]) -> tuple[Candidate, float] | None:
        scored = [(self.score(c), c) for c in candidates]
        if not scored:
            return None
        score, candidate = max(scored, key=lambda pair: pair[0])
        return (candidate, score) if score >= self.threshold else None


@cache
def load(path: Path = MODEL_PATH) -> Model | None:
    """The trained model, or None where none has been trained (the rules then work alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise ValueError(f"{path}: trained on other features; retrain with `ingest-train`")
    return Model(tuple(data["weights"]), data["intercept"], data["threshold"])


def attribute(
    article: Article, quote: Span, previous_speaker: str | None, model: Model
) -> tuple[Speaker, float] | None:
    """The model's speaker for `quote`, with its score, if one reaches the threshold."""
    chosen = model.best(article.candidates(quote, previous_speaker))
    if chosen is None:
        return None
    candidate, score = chosen
    span = (candidate.mention.start, candidate.mention.end)
    people = People(article.text)
    speaker = describe(candidate.name, None, span, people, [])
    if speaker is None:
        return None
    return speaker, score
