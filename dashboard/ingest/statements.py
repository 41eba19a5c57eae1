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
from dashboard.ingest.text import Span, paragraphs, sentences

MIN_WORDS = 1  # the gold set counts attributed scare quotes too
_OPEN, _CLOSE = '“"', '”"'
_VERBS = (
    # (?<!-): "so-called" calls nothing
    r"(?<!-)(?:said|says|told|added|warned|stated|wrote|read|noted|stressed|emphasized|emphasised|"
    r"declared|argued|insisted|urged|explained|continued|tweeted|posted|saying|threatened|"
    r"expressed|assessed|described|called)"
)
_PRONOUN = re.compile(rf"^[,.]?\s*(?P<np>he|she)\s+{_VERBS}\b", re.IGNORECASE)
# `said Kazuto Suzuki, senior research fellow at ...`
_SAID_X = re.compile(
    rf"^[,.]?\s*{_VERBS}\s+(?P<np>(?:[A-Z][\w’'.\-]*\s*){{1,6}})(?:,\s*(?P<app>[^“”\"]+?))?[.]?$"
)
# `X said`, `X, a professor at Y, told The Diplomat`, `the statement read`
_X_SAID = re.compile(
    rf"^[,.]?\s*(?P<np>(?:[^,.“”\"]|\.(?=\w|\s+[a-z])){{1,80}}?)(?:,\s*(?P<app>[^“”\"]{{3,200}}?),)?\s+"
    rf"(?:also\s+|later\s+|then\s+)?{_VERBS}\b"
)
# Attribution closing a sentence that has a quote inside it.
_TAIL_X_SAID = re.compile(
    rf",\s+(?P<np>he|she|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,4}})\s+{_VERBS}"
    r"[^,“”\"]*[.]?$"
)
_TAIL_SAID_X = re.compile(
    rf",\s+{_VERBS}\s+(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,3}})"
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
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-zA-Z]+)?){1,2}\b")
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


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    organization: str | None
    state: str | None
    speaker_type: str | None
    span: tuple[int, int]  # the words that name the speaker
    is_person: bool


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


class _People:
    """People named so far, for "he said" and for surnames ("Park said" -> Park Won-gon)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocked: list[tuple[int, int]] = []  # quotes and appositions: no mentions there
        self.mentions: list[tuple[int, str]] = []
        self.full: list[str] = []
        self.described: dict[str, Speaker] = {}

    def add(self, position: int, name: str) -> None:
        self.mentions.append((position, name))
        if len(name.split()) > 1 and name not in self.full:
            self.full.append(name)

    def last_before(self, position: int) -> str | None:
        """The person named last before `position`, by full name or by one part of it."""
        earlier = [m for m in self.mentions if m[0] < position]
        for name in self.full:
            for part in name.split():
                if len(part) > 3:
                    found = [
                        m.start()
                        for m in re.finditer(rf"\b{re.escape(part)}\b", self.text[:position])
                    ]
                    earlier += [
                        (start, name)
                        for start in found
                        if not any(s <= start < e for s, e in self.blocked)
                    ]
        return max(earlier)[1] if earlier else None

    def expand(self, word: str) -> str | None:
        for name in reversed(self.full):
            if word in re.split(r"\s+", name):
                return name
        known = actors.person_by_part(word)
        return known.name if known else None


def _is_speaker_phrase(np: str) -> bool:
    np = np.strip()
    return bool(re.match(r"(?:he|she)$|(?:the|a|an)\s|[A-Z]", np)) and not re.match(
        r"(?:It|This|That|They|There|And|But)\b", np
    )


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE).strip()


_APPOSITIONS = (
    # "said Kim Joon-hyung, international relations professor at ... ."
    re.compile(
        rf"\b{_VERBS}\s+(?P<name>{_NAME.pattern}),\s+(?P<app>[^“”\".]+(?:\.[^\s“”\"][^“”\".]*)*)"
    ),
    # "Park Won-gon, a professor of North Korean studies at Ewha Womans University, said"
    re.compile(rf"(?P<name>{_NAME.pattern}),\s+(?P<app>(?:a|an|the)\s[^“”\"]+?),\s+{_VERBS}\b"),
)


def _person_mentions(text: str, quotes: list[Span], people: _People) -> None:
    """Register names outside quotes and appositions: known people and 2-3 word names.

    A name introduced with an apposition is remembered with its description, and names
    inside an apposition ("former adviser to Moon") are not candidates for "he said".
    """
    blocked = [(q.start, q.end) for q in quotes]
    for pattern in _APPOSITIONS:
        for match in pattern.finditer(text):
            name = match["name"]
            if not actors.known_person(name) and name not in people.described:
                _person(name, match["app"], (match.start("name"), match.end("name")), people)
                people.mentions.pop()
            blocked.append((match.start("app"), match.end("app")))
    people.blocked = blocked
    for match in _NAME.finditer(text):
        if any(s <= match.start() < e for s, e in blocked):
            continue
        name = actors.strip_title(match[0])
        if actors.state_in(name) or actors.known_body(name):
            continue  # "South Korea said": a state or body, not a person
        known = actors.known_person(name)
        if known:
            people.add(match.start(), known.name)
        elif len(name.split()) >= 2 and _looks_personal(text, match):
            people.add(match.start(), name)
    for actor in actors.KNOWN_PEOPLE:
        for part in actor.name.split():
            if actors.person_by_part(part) is None or len(part) < 4:
                continue
            for match in re.finditer(rf"\b{re.escape(part)}\b", text):
                if not any(s <= match.start() < e for s, e in blocked):
                    people.add(match.start(), actor.name)


def _looks_personal(text: str, match: re.Match) -> bool:
    after = text[match.end() : match.end() + 40]
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(
        re.match(rf",\s+(?:a|an|the|who)\b|\s+{_VERBS}\b|,\s+[a-z]", after)
        or re.search(rf"\b{_VERBS}\s*$", before)
        or actors.TITLES.match(text[max(0, match.start() - 30) : match.end()])
    )


def _describe(
    np: str, app: str | None, span: tuple[int, int], people: _People, last_body: list[Speaker]
) -> Speaker | None:
    np = np.strip().rstrip(",")
    np = re.sub(r"\s+(?:also|later|then|again|previously)$", "", np)
    bare = _strip_article(np)
    if not bare or bare.lower() in ("it", "they", "this", "that"):
        return None
    if bare.lower() in ("he", "she"):
        name = people.last_before(span[0])
        return _person(name, None, span, people) if name else None
    if "statement" in bare.lower() and last_body:
        return last_body[-1]
    title_free = actors.strip_title(bare)
    known = actors.known_person(title_free)
    if known is None and re.fullmatch(r"[A-Z][\w’'\-]+", title_free):
        expanded = people.expand(title_free)
        if expanded:
            return _person(expanded, app, span, people)
    if known:
        return _person(known.name, app, span, people)
    if re.fullmatch(
        r"(?:[A-Z][a-z]+(?:-[a-zA-Z]+)?\s+){1,2}[A-Z][a-z]+(?:-[a-zA-Z]+)?", title_free
    ):
        title = bare[: len(bare) - len(title_free)].strip() or None
        return _person(title_free, app or title, span, people)
    body = actors.known_body(bare)
    if np.lower().startswith("the ") and len(bare.split()) <= 2:
        # "the ministry" names the body last quoted, when it is the same kind of body.
        noun = bare.split()[-1].lower()
        for earlier in reversed(last_body):
            if noun in earlier.name.lower():
                return earlier
    kind = body.speaker_type if body else actors.speaker_type_for(bare)
    state = actors.state_in(bare) or (body.state if body else None)
    return Speaker(
        bare,
        app or (body.role if body else None),
        body.organization if body else None,
        state,
        kind,
        span,
        False,
    )


def _person(name: str, app: str | None, span: tuple[int, int], people: _People) -> Speaker:
    earlier = people.described.get(name)
    if earlier is not None and not app:
        # "Suzuki said" after "said Kazuto Suzuki, senior research fellow at ...".
        people.add(span[0], name)
        return Speaker(
            name,
            earlier.role,
            earlier.organization,
            earlier.state,
            earlier.speaker_type,
            span,
            True,
        )
    known = actors.known_person(name)
    role, organization = (app.strip().rstrip(".") if app else None), None
    if role:
        at = re.search(
            r"\b(?:at|of|for|in)\s+(?:the\s+)?(?P<org>[A-Z][^,.;]*?)(?:\s+in\s+[A-Z]\w+|\s+and\s|,|$)",
            role,
        )
        organization = at["org"].strip() if at else None
    kind = actors.speaker_type_for(role or "") if role else None
    state = actors.state_in(role) if role else None
    if known:
        role, organization = role or known.role, organization or known.organization
        kind, state = known.speaker_type, known.state
    people.add(span[0], name)
    speaker = Speaker(name, role, organization, state, kind, span, True)
    people.described.setdefault(name, speaker)
    return speaker


_LEADING = re.compile(
    r"^(?:(?:In|On|At|After|Before|Still|However|Meanwhile|Earlier|Later|But|And|Yet|Also|"
    r"Instead)\b"
    r"[^,“”\"]*,\s*|(?:But|And|Yet|So)\s+)+"
)


def _subject(clause: str) -> re.Match | None:
    return _SUBJECT.match(_LEADING.sub("", clause))


def _attribute(
    text: str, quote: Span, first: Span, last: Span, people: _People, bodies: list[Speaker]
) -> Speaker | None:
    """Speaker of a quote that starts in sentence `first` and ends in sentence `last`."""
    close = quote.end
    while close < last.end and text[close] in ',.!? ”"’':
        close += 1
    after = text[close : last.end]
    before = text[first.start : quote.start].rstrip('“" ')
    for pattern in (_PRONOUN, _SAID_X, _X_SAID):
        match = pattern.match(after)
        if match and _is_speaker_phrase(match["np"]):
            span = (close + match.start("np"), close + match.end("np"))
            app = match.groupdict().get("app")
            return _describe(match["np"], app, span, people, bodies)
    if re.search(rf"\b{_VERBS}\b", before):
        stripped = _LEADING.sub("", before)
        subject = _SUBJECT.match(stripped)
        if subject:
            offset = first.start + len(before) - len(stripped)
            span = (offset, offset + subject.end())
            return _describe(subject[0], None, span, people, bodies)
    # A quote inside a sentence that ends "…, he said." or "…, said X, role."
    tail = _TAIL_X_SAID.search(after) or _TAIL_SAID_X.search(after)
    if tail and _is_speaker_phrase(tail["np"]):
        span = (close + tail.start("np"), close + tail.end("np"))
        return _describe(tail["np"], tail.groupdict().get("app"), span, people, bodies)
    according = _ACCORDING.search(before) or _ACCORDING.search(after)
    if according:
        where = text.find(according["np"], first.start)
        return _describe(
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
    people = _People(text)
    _person_mentions(text, quotes, people)
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
                match = re.search(rf"(?P<np>[^,.“”\"]{{3,80}}?)\s+{_VERBS}\b", other.text)
                if match and "statement" in other.text.lower():
                    np = match["np"].strip()
                    np = re.sub(r"^(?:In|in) a statement,?\s*", "", np)
                    speaker = _describe(
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


def _paraphrases(all_sentences: list[Span], quotes: list[Span], people: _People) -> list[Statement]:
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
        speaker = _describe(np, None, (start, start + len(np)), people, [])
        if speaker is None or not speaker.is_person and actors.known_body(np) is None:
            continue
        stance, span = _stance(match["verb"] + match["rest"], sentence.start + match.start("verb"))
        found.append(
            Statement(
                None, speaker, sentence, paraphrase_span=sentence, stance=stance, stance_span=span
            )
        )
    return found
