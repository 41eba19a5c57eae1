"""Direct quotes and the speaker each is attributed to; paraphrased statements as candidates.

Attribution patterns, in the order tried:
- after the quote: `“…,” he said` (the last person named before it), `“…,” said X, role at Org`,
  `“…,” X said / told reporters / said in a statement`, `“…,” the statement read` (the body
  that issued the statement);
- before the quote: `X said (that) “…”`, `according to X`, `X warned: “…”`;
- a quote left open at the end of a paragraph continues in the next one, whose attribution it
  shares.
Even a single quoted word counts when the sentence attributes it ("Seoul expressed “strong
regret”"); a term in quotation marks with nobody saying it is not a statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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

MIN_WORDS = 1  # the gold set counts attributed scare quotes too
_OPEN, _CLOSE = '“"', '”"'
_PRONOUN = re.compile(rf"^[,.]?\s*(?P<np>he|she)\s+{VERBS}\b", re.IGNORECASE)
# `said Kazuto Suzuki, senior research fellow at ...`
_SAID_X = re.compile(
    rf"^[,.]?\s*{VERBS}\s+(?P<np>(?:[A-Z][\w’'.\-]*\s*){{1,6}})(?:,\s*(?P<app>[^“”\"]+?))?[.]?$"
)
# `X said`, `X, a professor at Y, told The Diplomat`, `the statement read`
_X_SAID = re.compile(
    rf"^[,.]?\s*(?P<np>(?:[^,.“”\"]|\.(?=\w|\s+[a-z])){{1,80}}?)(?:,\s*(?P<app>[^“”\"]{{3,200}}?),)?\s+"
    rf"(?:also\s+|later\s+|then\s+)?{VERBS}\b"
)
# Attribution closing a sentence that has a quote inside it.
_TAIL_X_SAID = re.compile(
    rf",\s+(?P<np>he|she|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,4}})\s+{VERBS}"
    r"[^,“”\"]*[.]?$"
)
_TAIL_SAID_X = re.compile(
    rf",\s+{VERBS}\s+(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,3}})"
    r"(?:,\s*(?P<app>[^“”\"]+?))?[.]?$"
)
# A full stop inside a name ("U.S.") does not end it; one before a space does.
_ACCORDING = re.compile(
    r"(?:according to|in the words of) (?P<np>(?:[^,.“”\"]|\.(?=\w|\s+[a-z])){2,80})", re.IGNORECASE
)
_CAP = r"(?:[A-Z][\w’'.\-]*|\([A-Z]+\))"
_SUBJECT = re.compile(
    rf"(?:(?:the|a|an)\s+)?{_CAP}(?:\s+(?:{_CAP}|of|for|and|the))*"
    r"(?:\s+(?:foreign|defen[cs]e|military|senior|state|presidential|government))*"
    r"(?:\s+(?:officials?|spokes(?:man|woman|person)|ministry|command|agency|media))?"
    r"|(?:the|a|an)\s+(?:[a-z]+\s+){0,3}?(?:officials?|spokes(?:man|woman|person)|ministry|"
    r"command|agency|statement|government)\b"
)
_PARAPHRASE = re.compile(
    r"(?P<np>(?:[A-Z][\w’'.\-]*\s+){1,5}?)(?P<verb>warned|threatened|vowed|urged|pledged|"
    r"condemned|denounced|criticized|criticised|called on)\b(?P<rest>[^“”\"]*)$"
)
STANCE_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(?:condemn\w*|violation|violat\w+|denounc\w*|deplor\w*|regret|provocation)\b", "condemn"),
    (
        r"\b(?:threat\w*|warn\w*|retaliat\w*|countermeasures?|will pay|regret it|fierce)\b",
        "threaten",
    ),
    (r"\b(?:self-defen[cs]e|legitimate|right to|deterrence|defensive)\b", "justify"),
    (r"\b(?:dialogue|diplomac\w*|talks|engage\w*|negotiat\w*)\b", "urge_dialogue"),
    (
        r"\b(?:does not pose|no immediate threat|not a provocation|business as usual|"
        r"nothing much)\b",
        "downplay",
    ),
    (r"\b(?:commit\w*|reassur\w*|ironclad|defend)\b", "reassure"),
)


@dataclass
class Statement:
    quote: Span | None
    speaker: Speaker
    sentence: Span
    paraphrase_span: Span | None = None
    stance: str | None = None
    stance_span: tuple[int, int] | None = None
    extra: dict = field(default_factory=dict)


def find_quotes(text: str) -> list[Span]:
    """Quoted passages; the span covers the words only, without marks or trailing comma."""
    quotes: list[Span] = []
    for para in paragraphs(text):
        for match in re.finditer(r"[“\"]([^“”\"]+)(?:[”\"]|$)", para.text):
            words = match[1]
            inner_start = para.start + match.start(1)
            trimmed = words.rstrip(" ,")
            lead = len(trimmed) - len(trimmed.lstrip())
            trimmed = trimmed.strip()
            if len(trimmed.split()) < MIN_WORDS:
                continue
            start = inner_start + lead
            quotes.append(Span(start, start + len(trimmed), trimmed))
    return quotes


def _sentence_of(spans: list[Span], position: int) -> Span:
    for span in spans:
        if span.start <= position < span.end + 1:
            return span
    return spans[-1]


_LEADING = re.compile(
    r"^(?:(?:In|On|At|After|Before|Still|However|Meanwhile|Earlier|Later|But|And|Yet|Also|"
    r"Instead)\b"
    r"[^,“”\"]*,\s*|(?:But|And|Yet|So)\s+)+"
)


def _attribute(
    text: str, quote: Span, first: Span, last: Span, people: People, bodies: list[Speaker]
) -> Speaker | None:
    """Speaker of a quote that starts in sentence `first` and ends in sentence `last`."""
    close = quote.end
    while close < last.end and text[close] in ',.!? ”"’':
        close += 1
    after = text[close : last.end]
    before = text[first.start : quote.start].rstrip('“" ')
    for pattern in (_PRONOUN, _SAID_X, _X_SAID):
        match = pattern.match(after)
        if match and is_speaker_phrase(match["np"]):
            span = (close + match.start("np"), close + match.end("np"))
            app = match.groupdict().get("app")
            return describe(match["np"], app, span, people, bodies)
    if re.search(rf"\b{VERBS}\b", before):
        stripped = _LEADING.sub("", before)
        subject = _SUBJECT.match(stripped)
        if subject:
            offset = first.start + len(before) - len(stripped)
            span = (offset, offset + subject.end())
            return describe(subject[0], None, span, people, bodies)
    # A quote inside a sentence that ends "…, he said." or "…, said X, role."
    tail = _TAIL_X_SAID.search(after) or _TAIL_SAID_X.search(after)
    if tail and is_speaker_phrase(tail["np"]):
        span = (close + tail.start("np"), close + tail.end("np"))
        return describe(tail["np"], tail.groupdict().get("app"), span, people, bodies)
    according = _ACCORDING.search(before) or _ACCORDING.search(after)
    if according:
        where = text.find(according["np"], first.start)
        return describe(
            according["np"], None, (where, where + len(according["np"])), people, bodies
        )
    return None


def _stance(words: str, offset: int) -> tuple[str | None, tuple[int, int] | None]:
    for pattern, stance in STANCE_WORDS:
        match = re.search(pattern, words, re.IGNORECASE)
        if match:
            return stance, (offset + match.start(), offset + match.end())
    return None, None


def find_statements(text: str) -> list[Statement]:
    """Attributed quotes (and paraphrase candidates), in the order they appear."""
    quotes = find_quotes(text)
    all_sentences = [s for p in paragraphs(text) for s in sentences(p)]
    people = People(text)
    register_people(text, quotes, people)
    bodies: list[Speaker] = []
    found: list[Statement] = []
    pending: list[tuple[Span, Span]] = []  # quotes waiting for the next paragraph's speaker
    for quote in quotes:
        sentence = _sentence_of(all_sentences, quote.start)
        last = _sentence_of(all_sentences, quote.end)
        # Bodies that issue statements ("a spokeswoman for the State Department said") are
        # remembered so that a later "the statement read" can name them.
        for other in all_sentences:
            if other.end <= sentence.start and other.start >= (bodies[-1].span[1] if bodies else 0):
                match = re.search(rf"(?P<np>[^,.“”\"]{{3,80}}?)\s+{VERBS}\b", other.text)
                if match and "statement" in other.text.lower():
                    np = match["np"].strip()
                    np = re.sub(r"^(?:In|in) a statement,?\s*", "", np)
                    speaker = describe(
                        np,
                        None,
                        (other.start + match.start("np"), other.start + match.end("np")),
                        people,
                        [],
                    )
                    if speaker:
                        bodies.append(speaker)
        speaker = _attribute(text, quote, sentence, last, people, bodies)
        unclosed = (
            quote.end >= len(text) or text[quote.end : quote.end + 2].strip(" ,.")[:1] not in '”"'
        )
        if speaker is None and unclosed and text[quote.end : quote.end + 1] in "\n":
            pending.append((quote, sentence))
            continue
        if speaker is None and found and found[-1].quote is not None:
            previous = found[-1]
            same_paragraph = "\n" not in text[previous.quote.end : quote.start]
            opens_sentence = not text[sentence.start : quote.start].strip('“" ')
            # A further quoted sentence right after an attributed one is the same speaker's.
            speaker = previous.speaker if same_paragraph and opens_sentence else None
        if speaker is None:
            continue
        if not speaker.is_person:
            bodies.append(speaker)
        for waiting, waiting_sentence in pending:
            found.append(_statement(waiting, speaker, waiting_sentence))
        pending = []
        found.append(_statement(quote, speaker, sentence))
    found.extend(_paraphrases(all_sentences, quotes, people))
    return found


def _statement(quote: Span, speaker: Speaker, sentence: Span) -> Statement:
    stance, span = _stance(quote.text, quote.start)
    return Statement(quote, speaker, sentence, stance=stance, stance_span=span)


def _paraphrases(all_sentences: list[Span], quotes: list[Span], people: People) -> list[Statement]:
    """`X warned that …` without quoted words: a candidate the curator must put in own words."""
    found = []
    for sentence in all_sentences:
        if any(sentence.start <= q.start < sentence.end for q in quotes):
            continue
        match = _PARAPHRASE.search(sentence.text)
        if not match or len(match["rest"].split()) < 3:
            continue
        np = match["np"].strip()
        start = sentence.start + match.start("np")
        speaker = describe(np, None, (start, start + len(np)), people, [])
        if speaker is None or not speaker.is_person and actors.known_body(np) is None:
            continue
        stance, span = _stance(match["verb"] + match["rest"], sentence.start + match.start("verb"))
        found.append(
            Statement(
                None, speaker, sentence, paraphrase_span=sentence, stance=stance, stance_span=span
            )
        )
    return found
