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

from dashboard.ingest import actors, dates, ranking
from dashboard.ingest.launches import MISSILE_NAMES
from dashboard.ingest.speakers import (
    NAME,
    VERBS,
    People,
    Speaker,
    describe,
    is_speaker_phrase,
    register_people,
)
from dashboard.ingest.text import TITLE_ABBREVIATIONS, Span, paragraphs, sentences

MIN_WORDS = 1  # the gold set counts attributed scare quotes too
_OPEN, _CLOSE = '“"', '”"'
_PRONOUN = re.compile(rf"^[,.]?\s*(?P<np>he|she)\s+{VERBS}\b", re.IGNORECASE)
# `said Kazuto Suzuki, senior research fellow at ...`
# Lower-case role words before a name: "said spokesman Ned Price", "said former minister Lee".
_ROLE_WORD = (
    r"(?:spokes(?:man|woman|person)|press|secretary|minister|ambassador|envoy|official|officer|"
    r"analyst|professor|expert|researcher|adviser|advisor|deputy|chief|senior|former|foreign|"
    r"defen[cs]e|prime|state|national|security|director|general|lawmaker|senator)"
)
# A proper name, "of" and "for" allowed inside: "Singapore's Ministry of Foreign Affairs".
_PROPER = r"[A-Z][\w’'.\-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w’'.\-]*){0,7}"
_SAID_X = re.compile(
    # "said State Department spokeswoman Anna Richey-Allen": an organization before the role.
    rf"^[,.]?\s*{VERBS}\s+(?P<np>(?:(?:{_PROPER}\s+)?(?:{_ROLE_WORD}\s+){{1,3}})?{_PROPER}\s*)"
    r"(?:\([^()]*\))?"
    r"(?:\s*\b(?:in|on|at|during)\s[^,“”\"]*)?(?:,\s+(?!\w+ing\b)(?P<app>[^“”\"]+?))?(?:,\s*\w+ing\b[^“”\"]*)?[.]?$"
)
# "…,” said a Japanese defense minister.", "…,” said deputy US Ambassador to the United Nations
# Robert Wood.": a described speaker, or a name after a long role, closing the sentence.
_SAID_DESCRIBED = re.compile(
    r"^[,.]?\s*(?:said|says|added)\s+(?P<np>(?:an?\s+|the\s+|[a-z]+\s+)[^“”\"]{3,90}?)[.]?$"
)
# `X said`, `X, a professor at Y, told The Diplomat`, `the statement read`
# The full stop of "Col." or "Sen." does not end a speaker's name.
_ABBREVIATED = "(?:" + "|".join(rf"(?<=\b{a})" for a in TITLE_ABBREVIATIONS) + r")\."
_X_SAID = re.compile(
    rf"^[,.]?\s*(?P<np>(?:[^,.“”\"]|\.(?=\w|\s+[a-z])|{_ABBREVIATED}){{1,80}}?)(?:,\s*(?P<app>[^“”\"]{{3,200}}?),)?\s+"
    rf"(?:also\s+|later\s+|then\s+)?{VERBS}\b"
)
# Attribution closing a sentence that has a quote inside it.
_TAIL_X_SAID = re.compile(
    rf",[”\"’']?\s+(?P<np>he|she|it|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,4}}|"
    rf"the\s+[a-z]+(?:\s+[a-z]+)?)\s+{VERBS}"
    r"[^,“”\"]*[.]?$"
)
_TAIL_SAID_X = re.compile(
    rf",[”\"’']?\s+{VERBS}\s+(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,3}})"
    r"(?:,\s*(?P<app>[^“”\"]+?))?[.]?$"
)
# An attribution inside a quote that is never closed: `“… next steps, Meiners added. “We …`
_INNER_ATTRIBUTION = re.compile(
    rf",\s+(?:he|she|(?:[A-Z][\w’'.\-]*\s+){{1,4}}){VERBS}\b[^“”\"]{{0,60}}$"
)
# A full stop inside a name ("U.S.") does not end it; one before a space does.
_ACCORDING = re.compile(
    r"(?:according to|in the words of|citing) (?P<np>(?:[^,.“”\"]|\.(?=\w|\s+[a-z])){2,80})",
    re.IGNORECASE,
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


# Single marks, as some desks quote: ‘…’ (an apostrophe inside a word does not close it), or
# straight '…' opening before a letter and closing after a word.
_SINGLE = re.compile(
    r"‘((?:[^‘’“”\"\n]|’(?=\w))+)’(?!\w)|(?<![\w'])'(?=[A-Za-z])((?:[^'“”\"\n]|'(?=\w))+?)(?<=[\w.,!?])'(?![\w'])"
)


def find_quotes(text: str) -> list[Span]:
    """Quoted passages; the span covers the words only, without marks or trailing comma.

    A quote may stay open: to the end of its paragraph (it goes on in the next one), or up to
    the next opening mark (`“… next steps, Kim added. “We …`), where the words end before an
    attribution written inside them. Single marks count outside double ones only: inside a
    quote they mark the speaker quoting someone else.
    """
    quotes: list[Span] = []
    for para in paragraphs(text):
        doubled: list[tuple[int, int]] = []
        # Typewritten copy closes a quote with two apostrophes ('') as often as with a mark.
        for match in re.finditer(r"[“\"]((?:(?!'')[^“”\"])+)(?:[”\"]|''|$|(?=“))", para.text):
            doubled.append((match.start(), match.end()))
            words = match[1]
            if match.end() < len(para.text) and para.text[match.end()] == "“":
                inner = _INNER_ATTRIBUTION.search(words)
                words = words[: inner.start()] if inner else words
            quote = _trimmed(words, para.start + match.start(1))
            if quote is not None:
                quotes.append(quote)
        for match in _SINGLE.finditer(para.text):
            if any(s < match.end() and match.start() < e for s, e in doubled):
                continue
            group = 1 if match[1] is not None else 2
            quote = _trimmed(match[group], para.start + match.start(group))
            if quote is not None:
                quotes.append(quote)
    return sorted(quotes, key=lambda q: q.start)


def _trimmed(words: str, start: int) -> Span | None:
    trimmed = words.rstrip(" ,")
    lead = len(trimmed) - len(trimmed.lstrip())
    trimmed = trimmed.strip()
    if len(trimmed.split()) < MIN_WORDS:
        return None
    return Span(start + lead, start + lead + len(trimmed), trimmed)


def _sentence_of(spans: list[Span], position: int) -> Span:
    for span in spans:
        if span.start <= position < span.end + 1:
            return span
    return spans[-1]


_LEADING = re.compile(
    r"^(?:(?:In|On|At|After|Before|Still|However|Meanwhile|Earlier|Later|But|And|Yet|Also|"
    r"Instead|Ahead|During|Following|Speaking|Asked|Amid|Despite|Addressing|Responding|"
    r"Separately|Since|While|When|As|Last|This|Hours|Days|Minutes|Shortly|Today|Yesterday|Soon|"
    r"Moments|Just|Not long|Citing|For|[A-Z][a-z]+ing)\b"
    # "Since then Kim has accused Washington of …" has no comma.
    r"[^,“”\"]*,\s*|(?:But|And|Yet|So|Since then|Until then|Back then)\s+)+"
)
# "SEOUL, South Korea (AP) — ", "WASHINGTON — ", "SEOUL: ": the place a report was filed,
# not a speaker.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][\w.' ]+)?(?:\s*\([^)]*\))?\s*(?:[—–-]+|:)\s*"
)
_VERB_PHRASE = re.compile(
    r"\s+(?:did|does|do|has|have|had|was|were|is|are|would|will|could|can|may|might|should|"
    r"also|then|but|soon|later|again|recently|quickly|immediately|who|which)\b"
)
# "Choi Ji-won, a lecturer at Hanseo University," before its verb.
_NAME_APPOSITION = re.compile(r"^(?P<np>[^,]+),\s+(?P<app>(?:a|an|the|who)\b[^“”\"]+?),?$")
# "Jane Roe, chair of the Harbor Committee, said": a role without an article after a name.
_NAME_ROLE = re.compile(r"^(?P<np>[^,]+),\s+(?P<app>[a-z][^,“”\"]+?\b(?:of|for|at)\b[^,“”\"]+?),?$")


_CLAUSE_SUBJECT = re.compile(
    r"^(?:When|After|As|While|Before|Once)\s+(?P<np>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})"
    r"\s+[a-z]"
)
# A paragraph of its own that announces the quoted paragraphs after it:
# "Statement from Commander, U.S. Forces Japan, Lt. Gen. Jane Doe:".
_LABEL = re.compile(
    r"^(?:[\w ]+\s)?(?:statement|remarks|comments?|message)\s+(?:from|by)\s+"
    r"(?P<np>[^:]{3,120}):\s*$",
    re.IGNORECASE,
)


# "Kim said in a statement:" closing the paragraph before the quoted ones.
_SAID_COLON = re.compile(rf"^(?P<np>[^“”\":]{{3,120}}?)\s+{VERBS}\b[^“”\":]{{0,80}}:\s*$")


# The name may hold full stops that end no sentence: "Ben Cardin (D-Md.)", "Gregory W. Meeks".
_FOLLOWING = re.compile(
    rf"(?:^|[.!?]\s+)(?P<np>(?:[^.!?“”\"]|\.(?=\S)|(?<=\b[A-Z])\.|{_ABBREVIATED}){{3,200}}?)\s+"
    r"(?:today\s+|also\s+)?(?:issued|released|made|gave|delivered|put out)\s+"
    r"(?:the\s+following|this)\s+(?:joint\s+)?(?:statement|remarks|comments)\b[^“”\"]*$",
    re.IGNORECASE,
)


# A release's dateline in any case ("Washington, DC –") and "Today," before the name.
_RELEASE_OPENING = re.compile(
    r"^(?:[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}\s+[–—-]{1,2}\s+)?"
    r"(?:(?:Today|Yesterday|On \w+),?\s+)?"
)


def _all_quote(paragraph: Span) -> bool:
    words = paragraph.text.strip()
    return words[:1] in '“"' and words[-1:] in '”"' and len(words) > 2


def _joint_speakers(named: str, paragraph: Span, people: People) -> Speaker | None:
    """ "Chairman Jane Roe (D-XX) and Subcommittee Chair John Doe (D-YY) released the following
    joint statement": both people, named as the release names them."""
    parts = re.split(r"\s+and\s+", re.sub(r"\s*\([^()]*\)", "", named).strip(" ,"))
    if len(parts) != 2 or "," in named:
        return None
    found = []
    for part in parts:
        name = re.search(rf"{NAME.pattern}$", part)
        if name is None or not is_speaker_phrase(name[0]):
            return None
        start = paragraph.start + paragraph.text.find(name[0])
        speaker = describe(name[0], None, (start, start + len(name[0])), people, [])
        if speaker is None or not speaker.is_person:
            return None
        found.append(speaker)
    first, second = found
    span = (first.span[0], second.span[1])
    return Speaker(
        f"{first.name} and {second.name}", None, None, first.state, first.speaker_type, span, True
    )


def _labelled(text: str, paras: list[Span], paragraph: int, people: People) -> Speaker | None:
    """Speaker of a paragraph that is all quote, from a label paragraph before it.

    A statement released as several quoted paragraphs has one label: paragraphs that are all
    quote between the label and this one do not break the chain.
    """
    index = paragraph - 1
    while index > 0 and paragraph - index <= 6 and _all_quote(paras[index]):
        index -= 1
    if index < 0:
        return None
    words = paras[index].text.strip()
    label = _LABEL.match(words)
    following = _FOLLOWING.search(words)
    if label is None and following is not None:
        # "Senator Jane Roe (D-Harbor) issued the following statement:" in a press release.
        # "U.S. Senator Jane Roe (D-Harbor), ranking member of ..., today issued": the name is
        # before the first comma, the rest describes her.
        # The dateline and "Today," open the paragraph, not the name: "Washington, DC – Today,
        # Representative Jane Roe, Chair of …, issued".
        named = _RELEASE_OPENING.sub("", following["np"])
        joint = _joint_speakers(named, paras[index], people)
        if joint is not None:
            return joint
        np, _, app = named.partition(", ")
        start = paras[index].start + paras[index].text.index(np)
        return describe(np, app.strip(" ,") or None, (start, start + len(np)), people, [])
    if label is None:
        said = _SAID_COLON.match(words)
        if said is None:
            return None
        subject = _subject_before(said["np"] + " said")
        if subject is None or not is_speaker_phrase(subject[0]):
            return None
        np = subject[0]
        start = paras[index].start + paras[index].text.index(np)
        return describe(np, subject[1], (start, start + len(np)), people, [])
    # "Commander, U.S. Forces Japan, Lt. Gen. Jane Doe": the person is the last part;
    # "A statement by the ministry said:" ends with its verb.
    np = re.sub(rf"\s+{VERBS}$", "", label["np"].split(",")[-1].strip())
    start = paras[index].start + paras[index].text.index(np)
    return describe(np, None, (start, start + len(np)), people, [])


def _described_group(phrase: str) -> bool:
    """A lower-case subject that still names someone: "navy press secretary Lena Holm",
    "members of the Group of Seven nations"."""
    return len(phrase.split()) <= 8 and bool(re.search(r"\b[A-Z][a-z]", phrase))


# A broadcast's caption: [Hong Min/Senior Researcher, KINU: "…"]
_CAPTION = re.compile(r"\[(?P<np>[^/\[\]:“”\"]{3,60})(?:/(?P<app>[^:\[\]“”\"]*))?:\s*$")
_VERB_NEXT = re.compile(rf"^\s*(?:\w+ly\s+)?{VERBS}\b")


def _opening_end(before: str) -> int:
    """Where the sentence proper starts, after a dateline and opening clauses."""
    offset = 0
    for pattern in (_DATELINE, _LEADING):
        cut = pattern.match(before[offset:])
        offset += cut.end() if cut else 0
    return offset


def _bare_subject(before: str) -> tuple[str, str | None, int] | None:
    """The subject that is all of `before` once datelines and opening clauses are cut."""
    offset = _opening_end(before)
    phrase = before[offset:].rstrip(" ,")
    phrase = re.sub(rf"\s+(?:on\s+)?(?:{dates.WEEKDAY_NAMES})$", "", phrase)
    phrase = re.sub(r"\s*\([^)]*\)$", "", phrase)  # "(NSC)"
    return (phrase, None, offset) if _subject_phrase(phrase) else None


_AFTER_DID = re.compile(
    r"\b(?:after|as|when|while|since)\s+(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    rf"\s+(?:on\s+(?:{dates.WEEKDAY_NAMES})\s+)?(?:[a-z]+ly\s+)?[a-z]+ed\b[^“”\"]*$"
)
# "condemned Cheong Wa Dae for voicing its “strong concern”": the words are the object's.
_FOR_ITS = re.compile(
    r"\b(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+for\s+(?:voicing|"
    r"expressing|calling|describing|using|labell?ing|branding|terming)\s+(?:its|their|his|her)\b"
    r"[^“”\"]*$"
)
_DID_AND_SAID = re.compile(
    r"(?:^|,\s+)(?P<np>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+(?:[a-z]+ly\s+)?"
    r"(?:spoke|met|went|came|took|gave|held|"
    r"visited|[a-z]+ed)\b[^“”\"]*\s(?:and|but)$"
)
_NAMING = re.compile(r"(?:called|named)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)+\s+[a-z]")
# Where a second clause begins: "... and Secretary Tillerson said", "— where he warned".
_CLAUSE_BOUNDARY = re.compile(
    # "…, while a NATO spokesman said the launch “…”"
    r"(?:\s[—–]\s|;\s)?(?:\s?(?:and|but|while|whereas|where|when)\s+"
    r"(?=(?:he|she|(?:(?:a|an|the)\s+)?[A-Z])))"
    # "…, though a top U.S. military official said he is “…”"
    r"|\s[—–]\s|;\s|,\s(?:though|although)\s+"
)
_NAMED_CLAUSE = re.compile(
    rf"(?:(?:{actors.TITLES.pattern})\s*)?(?P<np>{NAME.pattern})\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
    r"[^,;“”\"]*$"
)
_INNER_SAID = re.compile(
    rf"\b(?:that|which|what)\s+(?P<np>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){{0,4}}?)\s+{VERBS}\b"
    r"[^“”\",;]{0,25}$"
)
_PARTICIPLE = re.compile(
    r",\s+(?:calling|saying|describing|adding|noting|stressing|warning|urging|terming|labell?ing)"
    r"\b,?[^,“”\"]*$"
)
_SAID_THEN = re.compile(
    r",\s+(?P<np>(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,5}|he|she)\s+"
    r"(?:said|says|stated|told\s+[\w\s]{2,30}?)$"
)
_SAID_AND = re.compile(
    r"[,”\"]\s+(?P<np>(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,5}|he|she)\s+"
    r"(?:said|says|stated|added),?\s+and\s+(?:also\s+)?[a-z]+(?:ed|s)\b[^,“”\"]*$"
)
# "Nevertheless, said Captain Davis, “…”", "But, says Ms. Rice, there are “…”": the verb
# before its speaker, who is set off by commas ahead of the quote.
_SAID_NAME_BEFORE = re.compile(
    r"(?:^|,)\s*(?:said|says|added|adds)\s+(?P<np>" + _PROPER + r"),[^,“”\"]*$"
)
# "The ministry issued a statement calling the launches a “…”": a statement's participle.
_STATEMENT_SAYING = re.compile(
    r"\s+(?:issued|released|put out|published)\s+an?\s+(?:[\w-]+\s+)?statement,?\s+"
    r"(?:calling|saying|describing|expressing|condemning|urging|warning|terming)\b[^“”\"]*$"
)
# "Hours after the launch, the North issued a statement, saying …": who issued it.
_ISSUED = re.compile(
    r"(?P<np>[^,.“”\"]{3,80}?)\s+(?:issued|released|put out|published)\s+an?\s+"
    r"(?:[\w-]+\s+)?statement\b"
)
_CLOSING_BODY = re.compile(
    # "…,” Cheong Wa Dae said in a statement." as well as "…, the ministry said".
    r"[,.!?][”\"]?\s+(?P<np>(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,5})\s+"
    r"(?:said|says|stated|announced)\b[^,“”\"]*$"
)
_JOINED = re.compile(r"(?:and|while|before|after)\s+(?:also\s+)?[a-z]+(?:ing|ed)\b[^.!?“”\"]{0,80}")
_QUOTED_AS = re.compile(
    r"\b(?:quot|cit)(?:ed|es|ing)\s+(?P<np>[^,.“”\"]{2,80}?)\s+as\s+(?:saying|telling\s+\w+)\b"
)
# "Kim was quoted by KCNA as saying": the passive names the speaker first, whether it stands
# before the quote (`_WAS_QUOTED`) or after it (`_X_WAS_QUOTED`).
_QUOTED_BY = (
    r"(?P<np>[^,.“”\"]{2,80}?)\s+(?:was|were)\s+(?:quoted|cited)\s+"
    r"(?:by\s+[^,“”\"]{2,60}?\s+)?as\s+(?:saying|telling\s+\w+)\b"
)
_WAS_QUOTED = re.compile(r"(?:^|[.;]\s+)" + _QUOTED_BY + r"[^“”\"]*$")


# "… after Pyongyang publicly warned earlier of a “…”": a later clause with its own speaker.
_AFTER_SAID = re.compile(
    r"\b(?:after|before|as|when|while|since)\s+(?P<np>[^,;“”\"—–]{2,60}?)\s+(?:[a-z]+ly\s+)?"
    rf"(?![a-z]+ing\b){VERBS}\b[^,;“”\"]*$"  # a finite verb: "after the meeting condemning" is not
)
# "… during what it claimed to be “…” drills": the words are those of the clause's subject.
_WHAT_IT = re.compile(
    r"\bwhat\s+(?:it|they|he|she)\s+(?:called|claimed|described|dubbed|termed|labell?ed|said)\b"
    r"[^.,;“”\"]*$"
)
# "In a statement issued by a State Department spokesperson, the U.S. called on …": the issuer.
_IN_A_STATEMENT_BY = re.compile(
    r"^In\s+an?\s+(?:[\w-]+\s+)?statement\s+(?:issued|released|put out)\s+by\s+"
    r"(?P<np>[^,;“”\"]{3,80}?),"
)
# "…, with the Japanese defence ministry saying “…”": the participle's own subject speaks.
_WITH_SAYING = re.compile(
    r"\bwith\s+(?P<np>[^,;“”\"]{2,60}?)\s+(?:saying|calling|describing|adding|warning|"
    r"noting|stating|stressing|terming|branding|labell?ing|dubbing)\b[^,;“”\"]*$"
)
# "a rebuke to US President Donald Trump’s earlier declaration that such a test “…”".
_WHOSE_CLAIM = re.compile(
    r"\b(?P<np>(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)[’']s\s+(?:[a-z]+\s+)?"
    r"(?:declaration|statement|claim|warning|pledge|promise|vow|assertion|remark|comment|"
    r"threat|insistence|boast)s?\s+that\b[^“”\"]*$"
)
# "…, Mrs May's spokeswoman said, adding: “…”": the participle's subject.
_SAID_ADDING = re.compile(
    # "“…,” she said, adding, “…”": the first quote's closing mark before the speaker.
    r"(?:^|[,”\"]\s+)(?P<np>[^,;“”\"]{2,60}?)\s+(?:said|says|told\s+\w+),\s+(?:adding|saying|"
    r"noting|stressing|warning)\b[^“”\"]*$"
)
# "…, a move Japan's PM Shinzo Abe said represented an “…”": a clause with its own speaker.
_MOVE_SAID = re.compile(
    r",\s+(?:a|an|the|what)\s+(?:[a-z]+\s+){0,2}?(?P<np>[A-Z][^,;“”\"]{1,60}?)\s+"
    r"(?:said|says|called|described)\s+(?:was|were|is|represented|amounted|as)\b[^,;“”\"]*$"
)
# "… were identified as ballistic missiles by Prime Minister Yoshihide Suga, who said he will
# “…”": the relative clause's speaker is the name it hangs on.
_WHO_SAID = re.compile(
    r"(?P<np>(?:[A-Z][\w.’'\-]*\s+){0,5}[A-Z][\w.’'\-]*),\s+who\s+(?:also\s+|[a-z]+ly\s+)?"
    r"(?:said|says|told\s+[\w\s]{2,30}?|added|warned|called|described|stressed|urged|vowed)\b"
    r"[^,;“”\"]*$"
)
_CLAUSE_OPENING = re.compile(
    r"(?:^|\b(?:after|before|as|when|while|since|and)\s+)"
    # "The ministry in a statement condemned what it called …": a body by its noun, too.
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4}(?<!\bThe)(?<!\bthe)|"
    r"[Tt]he\s+(?:ministry|government|council|agency|military|office|department|command|"
    r"administration|regime|committee))\s+(?:[a-z]+ly\s+)?[a-z]"
)
# "Kim Jong Un inspected the launch, Rodong Sinmun said, and lauded it as the “…”": the aside
# names the source of the report, the sentence's subject does the lauding.
_ASIDE_AND = re.compile(
    r"^(?P<np>[^,“”\"]{3,60}?)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]*saw|took|gave|made|led)\b"
    r"[^,“”\"]*,\s+[^,“”\"]{2,50}?\s+(?:said|reported)"
    rf"(?:\s+on\s+(?:{dates.WEEKDAY_NAMES}))?,\s+"
    r"and\s+(?:\w+ly\s+)?[a-z]+ed\b[^“”\"]*$"
)


def _clause_speaker(before: str) -> tuple[str, str | None, int] | None:
    """The speaker of a quote in a clause that is not the sentence's main one: "The launch came
    after the North warned of “…”", "… test-fired what it called a “…”"."""
    what = _WHAT_IT.search(before)
    if what:
        openings = [
            m
            for m in _CLAUSE_OPENING.finditer(before, 0, what.start())
            if is_speaker_phrase(m["np"])
        ]
        if openings:
            return openings[-1]["np"], None, openings[-1].start("np")
    for pattern in (
        _IN_A_STATEMENT_BY,
        _WITH_SAYING,
        _WHOSE_CLAIM,
        _SAID_ADDING,
        _MOVE_SAID,
        _WHO_SAID,
        _FOR_ITS,
    ):
        found = pattern.search(before)
        if found and _subject_phrase(found["np"]):
            return found["np"].strip(), None, found.start("np")
    after = _AFTER_SAID.search(before)
    if after and _subject_phrase(after["np"]):
        return after["np"].strip(), None, after.start("np")
    aside = _ASIDE_AND.match(before)
    if aside and _subject_phrase(aside["np"]):
        return aside["np"].strip(), None, aside.start("np")
    return None


def _subject_phrase(phrase: str) -> bool:
    """A whole phrase that can be a subject: a speaker phrase with no verb phrase in it."""
    phrase = phrase.strip()
    return (
        bool(phrase)
        and is_speaker_phrase(phrase)
        and not _VERB_PHRASE.search(" " + phrase)
        and len(phrase.split()) <= 10
    )


_SAID_ASIDE = re.compile(
    r"^[^,“”\"]{3,60},\s+(?P<np>(?:the\s+)?[^,“”\"]{2,50}?)\s+(?:said|says|reported|added),\s"
)


def _subject_before(before: str, clauses: bool = True) -> tuple[str, str | None, int] | None:
    """The subject of the first attribution verb in `before`: (phrase, apposition, offset).

    The speaker is whoever does the saying ("Pentagon press secretary John Kirby told
    reporters that officials “…”"), not the name nearest the quote; but in a sentence of two
    clauses ("Trump said ... and Tillerson, while condemning it, said options “…”") it is
    the subject of the clause that holds the quote.
    """
    clause = _clause_speaker(before) if clauses else None
    if clause is not None:
        return clause
    participle = _PARTICIPLE.search(before)
    after_did = participle and _AFTER_DID.search(before[: participle.start()])
    if after_did and is_speaker_phrase(after_did["np"]):
        # "The launch comes after Pyongyang on Sunday denounced drills by South Korea, Japan
        # and the US, calling them an “…”": the clause's subject, not the last noun.
        return after_did["np"], None, after_did.start("np")
    boundaries = list(_CLAUSE_BOUNDARY.finditer(before)) if clauses else []
    if boundaries:
        cut = boundaries[-1].end()
        found = _subject_before(before[cut:], clauses=False)
        if found and (is_speaker_phrase(found[0]) or _described_group(found[0])):
            return found[0], found[1], cut + found[2]
        # "Japan's military said …, and Prime Minister Fumio Kishida lodged a “severe”
        # protest": the clause that holds the quote has its own subject, whatever its verb.
        lodged = _NAMED_CLAUSE.match(before[cut:])
        if lodged:
            return lodged["np"], None, cut + lodged.start("np")
    inner = _INNER_SAID.search(before)
    # "added that U.S. officials had confirmed “…”" is the main speaker's report, not a clause
    # of its own: only a relative clause ("the test that the state said was") counts.
    # "KCNA reported that the spokesman said …" is the spokesman's: the agency only carries it.
    reported = inner and re.search(rf"\b(?!report){VERBS}\s+\w*\s*$", before[: inner.start()])
    if (
        inner
        and not reported
        and is_speaker_phrase(inner["np"])
        and inner["np"].lower() not in ("it", "they")
    ):
        # "condemned the test that the pariah state said was a “gift”": the words are the
        # speaker's in the clause that holds them, not the main clause's subject.
        return inner["np"], None, inner.start("np")
    inverted = _SAID_NAME_BEFORE.search(before)
    if inverted and is_speaker_phrase(inverted["np"]):
        return inverted["np"], None, inverted.start("np")
    aside = _SAID_ASIDE.search(before)
    if aside and is_speaker_phrase(aside["np"]):
        # "The launch, state media said, demonstrated …": the attribution set off by commas.
        return aside["np"], None, aside.start("np")
    statement = _STATEMENT_SAYING.search(before)
    if statement:
        phrase = before[_opening_end(before) : statement.start()]
        if _subject_phrase(phrase):
            return phrase.strip(), None, before.index(phrase.strip())
    said_and = _SAID_AND.search(before)
    if said_and and is_speaker_phrase(said_and["np"]):
        # "“…,” the JCS said, and called for an “…”": the same speaker goes on.
        return said_and["np"], None, said_and.start("np")
    participle = _PARTICIPLE.search(before)
    said_then = participle and _SAID_THEN.search(before[: participle.start()])
    if said_then and is_speaker_phrase(said_then["np"]):
        # "…, the JCS said, adding that the military is maintaining “…”": the participle's
        # subject is whoever said the clause before it.
        return said_then["np"], None, said_then.start("np")
    if participle:
        # "Kim Jong Un, general secretary of ..., guided the event, calling the test “…”": the
        # participle's subject is the sentence's.
        # "The ministry criticized the launch …, saying “…”": a body by its noun, too.
        opening = re.match(
            rf"\s*(?P<np>{NAME.pattern}|(?:[Tt]he\s+)?{_PROPER}(?<!\bThe)(?<!\bAn)(?<!\bA)|"
            rf"(?:[Tt]he|An?)\s+[a-z]+(?:\s+(?:for|of)\s+the(?:\s+[a-z]+){{1,4}}?(?=\s+{VERBS}))?)"
            r"(?=,|\s+[a-z])",
            before,
        )
        noun = (
            opening
            and opening["np"].endswith(("'s", "’s"))
            and re.match(
                r"\s+((?:[a-z]+\s+){0,2}?[a-z]+)(?=\s+[a-z]+(?:ed|s)\b)", before[opening.end() :]
            )
        )
        if noun:
            # "Pyongyang's military called the test a success, describing it as …".
            return f"{opening['np']} {noun[1]}", None, opening.start("np")
        if opening and is_speaker_phrase(opening["np"]):
            return opening["np"], None, opening.start("np")
    passive = _WAS_QUOTED.search(before)
    if passive and is_speaker_phrase(passive["np"]):
        return passive["np"].strip(), None, passive.start("np")
    quoted = _QUOTED_AS.search(before)
    if quoted:
        # "KCNA quoted Kim as saying “…”": the words are Kim's, the agency only carries them.
        return quoted["np"], None, quoted.start("np")
    # Opening clauses go first: "Soon after the government announced ..., a man said".
    offset = _opening_end(before)
    # "a state agency called the Peace Committee warned": "called" names, the verb follows.
    verb = next(
        (
            m
            for m in re.finditer(rf"\b{VERBS}\b", before[offset:])
            if not _NAMING.match(before[offset + m.start() :]) and not m[0].endswith("ing")
        ),
        None,
    )
    if verb is None:
        return None
    head = before[: offset + verb.start()]
    phrase = head[offset:].rstrip()
    clause = _CLAUSE_SUBJECT.match(head)
    if clause and re.search(r",\s*(?:it|he|she|they)$", phrase):
        # "When Pyongyang notified the ITU, a U.N. agency ..., it said": the pronoun is the
        # subject of the opening clause, not the last noun before it.
        return clause["np"], None, clause.start("np")
    appositive = _NAME_APPOSITION.match(phrase)
    if appositive and is_speaker_phrase(appositive["np"]) and len(appositive["np"].split()) <= 8:
        return appositive["np"], appositive["app"], offset
    role = _NAME_ROLE.match(phrase)
    if role and NAME.fullmatch(role["np"].strip()):
        return role["np"].strip(), role["app"], offset
    if "," in phrase and not _subject_phrase(phrase):
        # "In a report released by X, which covers Y, John Doe, an engineer, said": the
        # subject is the name after the opening clauses, with its apposition.
        # A list ("the United States, Japan, ... France and Italy") is one subject, not clauses.
        listed = re.search(r",\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*,", phrase) or re.search(
            r",\s*[^,]*\band\b[^,]*$", phrase
        )
        for cut in [m.end() for m in re.finditer(r",\s*", phrase)]:
            rest = phrase[cut:].rstrip(" ,")
            appositive = _NAME_APPOSITION.match(rest)
            if appositive and NAME.fullmatch(appositive["np"].strip()):
                return appositive["np"], appositive["app"], offset + cut
            if "," not in rest and not listed and _subject_phrase(rest):
                return rest, None, offset + cut
    # The subject ends where its own verb phrase begins: "Trump soon tweeted", "Choe did not
    # say what steps ... but said"; or where a clause about it begins: "Tillerson, while
    # condemning the launch, said".
    phrase = _VERB_PHRASE.split(phrase, maxsplit=1)[0].rstrip(" ,")
    phrase = re.split(r",\s+(?:while|after|before|when|as|in)\s", phrase, maxsplit=1)[0]
    quoted = re.match(r"(?P<np>[^“”\"]+?)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|told)\b", phrase)
    if quoted and re.search(r"[“”\"]", phrase):
        # "The leader's sister called Moon a U.S. “parrot” and said …": a quote is never part
        # of who spoke; the subject ends at its verb.
        return quoted["np"].strip(), None, offset
    did_and = _DID_AND_SAID.search(phrase)
    if did_and:
        # "Hegseth spoke to reporters following talks in Seoul and said he was “…”": the name
        # that did the first thing says the second.
        return did_and["np"], None, offset + did_and.start("np")

    if not phrase or len(phrase.split()) > 20:
        return None
    return phrase, None, offset


_AND_QUOTE = re.compile(r"(?:and|or)\s+(?:the\s+|a\s+|an\s+)?[“\"][^“”\"]{1,200}[”\"][,.]?\s*")


_OPENING_PARTICIPLE = re.compile(
    r"^(?:Calling|Describing|Terming|Hailing|Labell?ing|Dubbing|Branding)\b[^,;“”\"]*$"
)
_SUBJECT_AFTER = re.compile(
    r"^[^,;“”\"]*,\s+(?P<np>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}|he|she)\s+"
    r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b"
)


def _attribute(
    text: str, quote: Span, first: Span, last: Span, people: People, bodies: list[Speaker]
) -> Speaker | None:
    """Speaker of a quote that starts in sentence `first` and ends in sentence `last`."""
    close = quote.end
    while close < last.end and text[close] in ",.!? ”\"’'":
        close += 1
    after = text[close : last.end]
    # "because of the “…” and the “…,” KCNA reported": both quotes are the closing source's.
    joined = _AND_QUOTE.match(after)
    if joined:
        close += joined.end()
        after = text[close : last.end]
    before = text[first.start : quote.start].rstrip("“\"‘' ")
    if re.match(rf"^[,.]?\s*[Ii]t\s+{VERBS}\b", after):  # ("…,” It added." as some copies print)
        # "“…,” it said.": the body named in the sentence before, else the last body quoted.
        return _body_that_spoke(text, first.start, people, bodies)
    for pattern in (_PRONOUN, _X_WAS_QUOTED, _SAID_X, _X_SAID, _SAID_DESCRIBED):
        match = pattern.match(after)
        carried = _CARRIED.search(match[0]) or _OUTLET.search(match["np"]) if match else None
        if carried and _SAYS.search(before):
            # "The ministry said that “…,” Kyodo News reported", "Kim said the system would
            # “…,” KCNA reported": the outlet only carries what someone said.
            continue
        if match and re.match(r"(?:while|whereas|but)\b", match["np"].strip()):
            # "…”, while a NATO spokesman said the launch “…”": the speaker of the next quote.
            continue
        if match and is_speaker_phrase(match["np"]):
            span = (close + match.start("np"), close + match.end("np"))
            app = match.groupdict().get("app")
            found = describe(match["np"], app, span, people, bodies)
            if found is None and re.search(r"\bstatement\b", match["np"]):
                # "…,” the brief statement added.": issued by the body that spoke just before.
                found = _body_before(text, first.start, people)
            return found
    following = _FOLLOWING.search(before)
    if following:
        # "Senator Jane Roe released the following statement: “…”" within one sentence.
        np, _, app = following["np"].strip().partition(", ")
        start = first.start + before.index(np)
        found = describe(np, app.strip(" ,") or None, (start, start + len(np)), people, bodies)
        if found is not None:
            return found
    caption = _CAPTION.search(before)
    if caption:
        np = caption["np"].strip()
        start = first.start + caption.start("np")
        return describe(np, caption["app"], (start, start + len(np)), people, bodies)
    opening = _OPENING_PARTICIPLE.match(before) and _SUBJECT_AFTER.match(after)
    if opening:
        # "Calling the test an “essential step” in advancing its forces, Kim reiterated …".
        span = (close + opening.start("np"), close + opening.end("np"))
        found = describe(opening["np"], None, span, people, bodies)
        if found is not None:
            return found
    subject = _subject_before(before)
    if subject is None and (_VERB_NEXT.match(after) or _VERB_NEXT.match(quote.text)):
        # "The council “strongly condemned” the launch", "The NSC “strongly” denounced it":
        # the quote sits between the subject and (or inside) its verb; an attribution that
        # closes the sentence ("…, the office said") still names the source first.
        tail = _TAIL_X_SAID.search(after) or _TAIL_SAID_X.search(after)
        subject = None if tail else _bare_subject(before)
    if subject and subject[0].lower() == "it":
        # "It called the launch “a serious provocation”": the body that spoke just before.
        body = _body_that_spoke(text, first.start, people, bodies)
        if body is not None:
            return body
    if subject and (is_speaker_phrase(subject[0]) or _described_group(subject[0])):
        phrase, app, offset = subject
        start = first.start + offset
        found = describe(phrase, app, (start, start + len(phrase)), people, bodies)
        if found is not None:
            return found
    # A quote inside a sentence that ends "…, he said." or "…, said X, role."
    tail = _TAIL_X_SAID.search(after) or _TAIL_SAID_X.search(after)
    if tail and tail["np"] == "it":
        # "“…,” it said.": the body named in the sentence before, else the last body quoted.
        return _body_that_spoke(text, first.start, people, bodies)
    if tail and is_speaker_phrase(tail["np"]):
        span = (close + tail.start("np"), close + tail.end("np"))
        return describe(tail["np"], tail.groupdict().get("app"), span, people, bodies)
    according = _ACCORDING.search(before) or _ACCORDING.search(after)
    if according:
        where = text.find(according["np"], first.start)
        # "Citing the chief cabinet secretary, Yoshihide Suga, the agency reports ...".
        named = re.match(rf",\s*(?P<name>{NAME.pattern}),", text[where + len(according["np"]) :])
        return describe(
            according["np"],
            named["name"] if named else None,
            (where, where + len(according["np"])),
            people,
            bodies,
        )
    return _loose_attribution(after, close, people, bodies)


# The last resort for an attribution after the quote that the patterns above did not take:
# "…,” said US missile technology expert John Schilling, referring to …", "…,” U. S. National
# Security Adviser Susan Rice said in condemning …", "…” to the northeast, reaching an
# altitude of 44 miles, the South Korean military said.".
_LOOSE_SAID_X = re.compile(
    r"^[,.]?\s*(?:said|says|added|told\s+[\w\s]{2,30}?)\s+(?P<np>[^,;“”\"]{3,100}?)\s*(?:,|[.]?$)"
)
_LOOSE_X_SAID = re.compile(rf"^(?P<np>[^;“”\"]{{3,160}}?)\s+(?:[a-z]+ly\s+)?{VERBS}\b[^“”\"]*$")


# Institutions and places that look like a first name and a surname.
_NOT_A_PERSON = re.compile(
    r"\b(?:University|Institute|College|Center|Centre|Foundation|School|Academy|Society|"
    r"Association|Agency|Ministry|Council|Command|Department|Office|Province|County|City|"
    r"Island|Islands|Sea|Peninsula|Strait)$"
)
_OFFICE_WORDS = {"Defense", "Defence", "Security", "State", "Affairs", "Adviser", "Advisor"}


def _loose_attribution(
    after: str, close: int, people: People, bodies: list[Speaker]
) -> Speaker | None:
    """A speaker named after the quote in a shape the patterns do not know: a full name in
    the phrase next to the speech verb, or the described group after the last comma."""
    match = _LOOSE_SAID_X.match(after) or _LOOSE_X_SAID.match(after)
    if match is None:
        return None
    phrase, start = match["np"], match.start("np")
    cut = phrase.rfind(", ")
    apposed = NAME.fullmatch(phrase[:cut].rsplit(", ", 1)[-1].strip()) if cut > 0 else None
    if match.re is _LOOSE_X_SAID and apposed and not _NOT_A_PERSON.search(apposed[0]):
        # "…,” John Delury, assistant professor at Yonsei University, told CNN": the name,
        # with the apposition as the role.
        name, role = apposed[0].strip(), phrase[cut + 2 :].strip()
        at = start + phrase.index(name)
        return describe(name, role, (close + at, close + at + len(name)), people, bodies)
    if match.re is _LOOSE_X_SAID and cut >= 0:
        phrase, start = phrase[cut + 2 :], start + cut + 2  # the clause's subject
    if len(phrase.split()) > 12:
        return None
    # "Commander Dave Benham of the U.S. Pacific Command": the person; "Korean Central News
    # Agency": a body, whose name runs on past what looks like a person's.
    names = [
        n
        for n in NAME.finditer(phrase)
        if not actors.state_in(n[0])
        # "John Delury, assistant professor at Yonsei University in South Korea told CNN"
        and not _NOT_A_PERSON.search(n[0])
        and not actors.known_body(" ".join(phrase[n.start() :].split()[: len(n[0].split()) + 1]))
    ]
    if names:
        # "Secretary of Defense Lloyd Austin": the name starts after the office's last word.
        words = names[-1][0].split()
        while len(words) > 2 and (words[0] in actors.TITLE_WORDS or words[0] in _OFFICE_WORDS):
            words = words[1:]
        name = " ".join(words)
        at = start + phrase.rindex(name)
        role = phrase[: phrase.rindex(name)].strip() or None
        return describe(name, role, (close + at, close + at + len(name)), people, bodies)
    if _subject_phrase(phrase):
        span = (close + start, close + start + len(phrase))
        body = actors.known_body(phrase)
        # "the country's state-run Korean Central News Agency": the body by its own name.
        return describe(body.name if body else phrase, None, span, people, bodies)
    return None


_CARRIED = re.compile(r"\b(?:reported|reports)\b")
# "“…,” South Korea's Joint Chiefs of Staff was quoted by Yonhap as saying.": the one quoted.
_X_WAS_QUOTED = re.compile(r"^[,.]?\s*" + _QUOTED_BY)
# A news outlet that closes the sentence carries the words, whatever its verb: "Kim expressed
# satisfaction, saying it was “…,” the KCNA said."
_OUTLET = re.compile(
    r"\b(?:KCNA|Yonhap|Kyodo|Xinhua|Reuters|AFP|Associated Press|news agency|state media|"
    r"Rodong Sinmun|Korean Central (?:News Agency|Television)|KCTV)\b"
)
# Verbs that report words, not deeds ("Kim ordered the test because of the “…”" is KCNA's).
_SAYS = re.compile(
    r"\b(?:said|says|saying|told|added|stated|noted|stressed|warned|declared|insisted|"
    r"remarked|claimed)\b"
)
_BODY_SAID = re.compile(rf"(?P<np>[^,.;“”\"]{{3,80}}?)\s+{VERBS}\b(?=[^“”\"]*$)")


def _body_that_spoke(
    text: str, position: int, people: People, bodies: list[Speaker]
) -> Speaker | None:
    """Who "it" is in "it said": the body named in the sentence before, else the last body
    quoted."""
    return _body_before(text, position, people) or (bodies[-1] if bodies else None)


def _body_before(text: str, position: int, people: People) -> Speaker | None:
    """The body (not a person) that speaks in the sentence before `position`, if any."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    before = text[max(0, paragraph_start - 400) : position]
    previous = re.split(r"(?<=[.!?])[”\"]?\s+", before.strip())[-1]
    if not previous or re.search(r"[“”\"]", previous):
        return None  # a quoted sentence: its speaker is the last body quoted, not a word in it
    offset = text.rfind(previous, 0, position)
    for match in _BODY_SAID.finditer(previous):
        np = re.sub(r"^.*,\s*", "", match["np"]).strip()
        if not is_speaker_phrase(np):
            continue
        span = (offset + match.end("np") - len(np), offset + match.end("np"))
        speaker = describe(np, None, span, people, [])
        if speaker is not None and not speaker.is_person:
            return speaker
        if re.fullmatch(r"the\s+(?:report|statement|dispatch)", np, re.IGNORECASE) and offset > 0:
            # "…, the report said. “…,” it added.": the body whose report it is, named before.
            return _body_before(text, offset, people)
    return None


def _stance(words: str, offset: int) -> tuple[str | None, tuple[int, int] | None]:
    for pattern, stance in STANCE_WORDS:
        match = re.search(pattern, words, re.IGNORECASE)
        if match:
            return stance, (offset + match.start(), offset + match.end())
    return None, None


# A missile's name, "Hwasong-15" or "Hwasong 14", quoted as a name.
_NAME_ONLY = re.compile(
    "|".join(re.sub(r"(?<=[A-Za-z])-", r"\\s?[- ]", p) for p, _ in MISSILE_NAMES)
)
# "joint drills, dubbed “Freedom Shield 23,”": a name the words are given, not anyone's words.
_DUBBED = re.compile(
    r"\b(?:dubbed|code-?named|named|titled|known\s+as|identified\s+as)\s*[“\"‘']?$", re.I
)
_TITLE_CASE = re.compile(r"[A-Z0-9][\w’'-]*(?:\s+[A-Z0-9][\w’'-]*){0,4}[,.]?")


def _headline(paras: list[Span]) -> Span | None:
    """The article's headline: a short first paragraph that is not a sentence."""
    if len(paras) < 2:
        return None
    first = paras[0]
    words = first.text.split()
    if len(words) > 20 or re.search(r"[.!?][”\"’']?\s*$", first.text):
        return None
    return first


def find_statements(text: str, learned: bool = False) -> list[Statement]:
    """Attributed quotes (and paraphrase candidates), in the order they appear.

    With `learned`, quotes the rules leave without a speaker go to the learned fallback
    (`ranking`); what it attributes carries its score in `extra["model_score"]`.
    """
    quotes = find_quotes(text)
    all_sentences = [s for p in paragraphs(text) for s in sentences(p)]
    people = People(text)
    register_people(text, quotes, people)
    bodies: list[Speaker] = []
    found: list[Statement] = []
    paras = paragraphs(text)
    pending: list[tuple[Span, Span]] = []  # quotes waiting for the next paragraph's speaker
    pending_paragraph = -1
    carry: tuple[Speaker, int] | None = None  # speaker of a quote left open, and its paragraph
    headline = _headline(paras)
    for quote in quotes:
        if _NAME_ONLY.fullmatch(quote.text.strip(" ,.")) or (
            _TITLE_CASE.fullmatch(quote.text) and _DUBBED.search(text[: quote.start])
        ):
            continue  # "the new “Hwasong-15” ICBM": a name, not anyone's words
        if headline is not None and headline.start <= quote.start < headline.end:
            continue  # a headline's quote is the story's, said again below with its speaker
        sentence = _sentence_of(all_sentences, quote.start)
        last = _sentence_of(all_sentences, quote.end)
        # Bodies that issue statements ("a spokeswoman for the State Department said") are
        # remembered so that a later "the statement read" can name them.
        for other in all_sentences:
            if other.end <= sentence.start and other.start >= (bodies[-1].span[1] if bodies else 0):
                # "…, the White House said in a July 4 statement": the attribution closing the
                # sentence names the body, before any verb-like word earlier ("calls for").
                # Quoted words are nobody's name: blank them out for the looser search.
                unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m[0]), other.text)
                match = (
                    _CLOSING_BODY.search(other.text)
                    or _ISSUED.search(unquoted)
                    or re.search(rf"(?P<np>[^,.“”\"]{{3,80}}?)\s+{VERBS}\b", unquoted)
                )
                if match and re.search(r"statement|release", other.text, re.IGNORECASE):
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
        issuer = _issuer_before(text, sentence.start, people)
        if issuer is not None and (not bodies or issuer.span[0] > bodies[-1].span[0]):
            bodies.append(issuer)  # only a newer issuer: an old one must not shadow later bodies
        speaker = _attribute(text, quote, sentence, last, people, bodies)
        paragraph = _paragraph_index(paras, quote.start)
        opens_paragraph = not text[paras[paragraph].start : quote.start].strip("“\"‘' ")
        if pending and not (opens_paragraph and paragraph == pending_paragraph + 1):
            pending = []  # the open quote did not go on: nobody to give it to
        if speaker is None and carry and opens_paragraph and paragraph == carry[1] + 1:
            # A paragraph opening with a quotation mark goes on with the quote left open
            # at the end of the paragraph before: the same speaker's words.
            speaker = carry[0]
        if speaker is None and opens_paragraph:
            speaker = _labelled(text, paras, paragraph, people)
        if speaker is None and found and found[-1].quote is not None:
            previous = found[-1]
            same_paragraph = "\n" not in text[previous.quote.end : quote.start]
            opens_sentence = not text[sentence.start : quote.start].strip("“\"‘' ")
            # A further quoted sentence right after an attributed one is the same speaker's; so
            # is a paragraph that is all quote right after a paragraph that quoted someone.
            previous_paragraph = _paragraph_index(paras, previous.quote.start)
            goes_on = (
                paragraph == previous_paragraph + 1
                and _all_quote(paras[paragraph])
                and previous.quote.start >= paras[previous_paragraph].start
            )
            # "… calling the launches a “provocative act” and expressing “deep regret …”": a
            # second quote joined to the first by a verb of the same subject.
            between = text[previous.quote.end : quote.start].strip("“”\"‘’' ,")
            joined = same_paragraph and _JOINED.fullmatch(between)
            speaker = (
                previous.speaker
                if (same_paragraph and opens_sentence) or goes_on or joined
                else None
            )
        open_at_end = _open_at_paragraph_end(text, quote, paras[paragraph])
        if speaker is None and open_at_end:
            pending.append((quote, sentence))
            pending_paragraph = paragraph
            carry = None
            continue
        if speaker is None:
            pending, carry = [], None
            continue
        if not speaker.is_person:
            bodies.append(speaker)
        for waiting, waiting_sentence in pending:
            found.append(_statement(waiting, speaker, waiting_sentence))
        pending = []
        carry = (speaker, paragraph) if open_at_end else None
        found.append(_statement(quote, speaker, sentence))
    model = ranking.load() if learned else None
    if model is not None:
        found = _learned(text, quotes, found, all_sentences, model)
    found.extend(_paraphrases(all_sentences, quotes, people))
    return found


def _learned(
    text: str,
    quotes: list[Span],
    found: list[Statement],
    all_sentences: list[Span],
    model: ranking.Model,
) -> list[Statement]:
    """`found` with the quotes the rules left alone attributed by the model where it is sure."""
    attributed = {(s.quote.start, s.quote.end) for s in found if s.quote is not None}
    article = None
    added = []
    for quote in quotes:
        if (quote.start, quote.end) in attributed:
            continue
        article = article or ranking.Article(text, quotes)
        earlier = [s for s in found if s.quote is not None and s.quote.start < quote.start]
        previous = earlier[-1].speaker.name if earlier else None
        chosen = ranking.attribute(article, quote, previous, model)
        if chosen is None:
            continue
        speaker, score = chosen
        statement = _statement(quote, speaker, _sentence_of(all_sentences, quote.start))
        statement.extra["model_score"] = round(score, 3)
        added.append(statement)
    return sorted(found + added, key=lambda s: s.quote.start) if added else found


# "according to a news release issued by Stratcom", "a statement from the Pentagon".
_ISSUED_BY = re.compile(
    r"\b(?:news\s+)?(?:release|statement)\s+(?:issued\s+|released\s+)?(?:by|from)\s+"
    r"(?P<np>(?:the )?[A-Z][\w.’'\-]*(?:[ ][A-Z][\w.’'\-]*){0,5})"
)


def _issuer_before(text: str, position: int, people: People) -> Speaker | None:
    """The last body named as issuing a release or statement before `position`."""
    found = None
    for match in _ISSUED_BY.finditer(text[:position]):
        found = match
    if found is None:
        return None
    span = (found.start("np"), found.end("np"))
    speaker = describe(found["np"], None, span, people, [])
    return None if speaker is None or speaker.is_person else speaker


def _paragraph_index(paras: list[Span], position: int) -> int:
    return next(i for i, p in enumerate(paras) if p.start <= position <= p.end)


def _open_at_paragraph_end(text: str, quote: Span, paragraph: Span) -> bool:
    """No closing mark after the words before the paragraph ends."""
    rest = text[quote.end : paragraph.end]
    return not rest.strip(" ,.;:!?") and not any(mark in rest for mark in "”\"’'")


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
