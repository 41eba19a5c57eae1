"""Who is speaking: the people an article names, and a speaker phrase turned into a speaker.

"Park said" names the Park Won-gon met before; "he said" the last person named outside quotes
and appositions; "said Kazuto Suzuki, senior research fellow at ..." gives role and
organisation; bodies ("the State Department", "the ministry") get their state and kind from
the table of known actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.ingest import actors, dates
from dashboard.ingest.text import Span

VERBS = (
    # (?<!-): "so-called" calls nothing; "say" for plural speakers ("analysts say").
    r"(?<!-)(?:said|says|say|told|tells|added|adds|warned|warns|stated|wrote|read|noted|stressed|"
    r"emphasized|emphasised|declared|argued|insisted|urged|explained|continued|tweeted|posted|"
    r"saying|threatened|expressed|assessed|described|called|considers|believes|asked|announced|"
    r"acknowledged|cautioned|replied|responded|commented|observed|predicted|suggested|claimed|"
    r"reiterated|vowed|pledged|concluded|remarked|affirmed|maintained|underscored|underlined|"
    r"pointed out|complained|admitted|conceded|recalled|boasted|testified|calls|identified|"
    r"denounced|denouncing|condemned|condemning|criticized|criticised|ordered|demanded|slammed|"
    r"labeled|labelled|dubbed|branded|hailed|praised|accused|decried|confirmed|downplayed|"
    r"dismissed|reported|reports|indicated|termed)"
)
_PERSONAL = r"(?:[A-Z][a-z]+(?:-[a-zA-Z]+)?\s+){1,2}[A-Z][a-z]+(?:-[a-zA-Z]+)?"
# A middle initial stays part of the name: "Susan E. Rice". A name never runs over a line
# break ("… says Trump¶Since then").
NAME = re.compile(
    r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:[^\S\n]+[A-Z]\.)?(?:[^\S\n]+[A-Z][a-z]+(?:-[a-zA-Z]+)?){1,2}\b"
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


class People:
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
                # "Jong" in "Kim Jong-un" names neither him nor Kim Yo Jong when both are named.
                shared = any(part in other.split() for other in self.full if other != name)
                if len(part) > 3 and not shared:
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

    def expand(self, word: str, before: int | None = None) -> str | None:
        """The full name `word` is part of, among names mentioned before `before` if given."""
        for name in reversed(self.full):
            if word in re.split(r"\s+", name) and (
                before is None or any(p < before for p, n in self.mentions if n == name)
            ):
                return name
        known = actors.person_by_part(word)
        return known.name if known else None


# Words that open a sentence or a clause but name nobody ("Last month, ...", "Earlier ...").
_NOT_NAMES = re.compile(
    r"(?:It|This|That|These|Those|They|There|And|But|So|Then|Now|We|I|You|Last|Earlier|Later|"
    r"Meanwhile|However|Also|Still|Yesterday|Today|When|While|After|Before|On|In|At|Ahead|"
    r"During|Following|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


# Lower-case nouns that still name who speaks: "“…,” officials said", "analysts say".
SPEAKER_NOUNS = re.compile(
    r"(?:^|\s)(?:officials?|analysts?|experts?|diplomats?|observers?|lawmakers?|legislators?|"
    r"spokes(?:man|woman|person|people)|sources?|researchers?|scholars?|residents?|"
    r"commentators?|critics?|ministry|military|government|agency|statement|officers?|"
    r"administration|leaders?|envoys?|ministers?|secretary|state media)$"
)


_THINGS = re.compile(
    # "The latest launch — which the US branded …", "The spacecraft, identified as …": things.
    r"\b(?:missiles?|projectiles?|rockets?|launch(?:es)?|tests?|weapons?|warheads?|spacecraft|"
    r"satellites?)(?:\s*[—–-]+)?$",
    re.IGNORECASE,
)


def is_speaker_phrase(np: str) -> bool:
    np = np.strip()
    if re.fullmatch(r"[A-Z]{4,}(?:[ ,][A-Z ,]+)?", np) and not actors.known_body(np):
        return False  # a dateline ("WASHINGTON"), not a speaker
    if _NOT_NAMES.match(np):
        return False
    if _THINGS.search(np):
        return False  # "The projectiles, assessed to be “…”": what was fired does not speak
    if re.match(r"(?:he|she)$|(?:the|a|an)\s|[A-Z]", np):
        return True
    if len(np.split()) <= 10 and re.search(r"\b[A-Z][a-z]+(?:\s+[A-Z][\w’'.-]+)+$", np):
        return True  # "spokesman Ned Price": a lower-case role before a name
    if len(np.split()) <= 6 and actors.known_body(np.split()[-1]):
        return True  # "state news agency KCNA": a lower-case description before a body
    return len(np.split()) <= 4 and bool(SPEAKER_NOUNS.search(np))


def strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE).strip()


_APPOSITIONS = (
    # "said Lee Min-ho, a history lecturer at ... ."
    re.compile(
        rf"\b{VERBS}\s+(?P<name>{NAME.pattern}),\s+(?P<app>[^“”\".]+(?:\.[^\s“”\"][^“”\".]*)*)"
    ),
    # "Choi Ji-won, a lecturer in security studies at Hanseo University, said"
    re.compile(rf"(?P<name>{NAME.pattern}),\s+(?P<app>(?:a|an|the)\s[^“”\"]+?),\s+{VERBS}\b"),
)


def register_people(text: str, quotes: list[Span], people: People) -> None:
    """Register names outside quotes and appositions: known people and 2-3 word names.

    A name introduced with an apposition is remembered with its description, and names
    inside an apposition ("former adviser to Moon") are not candidates for "he said".
    """
    blocked = [(q.start, q.end) for q in quotes]
    for pattern in _APPOSITIONS:
        for match in pattern.finditer(text):
            name = match["name"]
            if not actors.known_person(name) and name not in people.described:
                person(name, match["app"], (match.start("name"), match.end("name")), people)
                people.mentions.pop()
            blocked.append((match.start("app"), match.end("app")))
    people.blocked = blocked
    for match in NAME.finditer(text):
        title = actors.TITLES.match(match[0])
        words = match[0].split()
        inner = [i for i, word in enumerate(words[:-1]) if word in actors.TITLE_WORDS]
        if inner and not title:
            # "Press Secretary Karine Jean-Pierre": the name starts after the title word.
            skip = len(" ".join(words[: inner[-1] + 1])) + 1
            match = NAME.match(text, match.start() + skip) or match
        elif title:
            # "Foreign Secretary Boris Johnson": the name starts after the title.
            match = NAME.match(text, match.start() + title.end()) or match
        elif (
            text[max(0, match.start() - 3) : match.start()] == "of " and len(match[0].split()) == 3
        ):
            # "Secretary of State Rita Nyberg": "State" ends the title.
            match = NAME.match(text, match.start() + len(match[0].split()[0]) + 1) or match
        if any(s <= match.start() < e for s, e in blocked):
            continue
        name = actors.strip_title(match[0])
        if actors.state_in(name) or actors.known_body(name) or not _could_be_person(name):
            continue  # "South Korea said": a state or body, not a person
        if name.split()[-1] in actors.TITLE_WORDS:
            continue  # "the Foreign Secretary": an office, not a name
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


# Countries and unions whose names look like a first name and a surname.
_PLACES = re.compile(
    r"(?:United|Soviet|European|African)\s+(?:States|Kingdom|Nations|Union|Arab Emirates)|"
    r"(?:South|North)\s+(?:Korea|Africa)|New\s+Zealand|Saudi\s+Arabia|Czech\s+Republic|"
    # Seas, coasts and other places: "into the East Sea, a Seoul military official said".
    r".*\s(?:Sea|Ocean|Peninsula|Province|County|Island|Islands|Strait|River|Airport|Base|Coast)"
)


def _could_be_person(name: str) -> bool:
    """Not "On Tuesday", "The Harbor Ministry", "Fjord University" or "United States"."""
    return not (
        _NOT_NAMES.match(name)
        or name.startswith("The ")
        or _BODY_WORDS.search(name)
        or _PLACES.fullmatch(name)
    )


def _looks_personal(text: str, match: re.Match) -> bool:
    after = text[match.end() : match.end() + 40]
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(
        re.match(rf",\s+(?:a|an|the|who)\b|\s+{VERBS}\b|,\s+[a-z]", after)
        or _PERSON_PREDICATE.match(text[match.end() : match.end() + 80])
        or re.search(rf"\b{VERBS}\s*$", before)
        or actors.TITLES.match(text[max(0, match.start() - 30) : match.end()])
        or _TITLE_BEFORE.search(before)
    )


# "Jane Roe spoke to VOA", "Jane Roe is a senior fellow at ...": what only a person does or is.
_PERSON_PREDICATE = re.compile(
    r"\s+(?:(?:spoke|speaks|met|visited|heads|leads|served|serves|chairs)\b"
    r"|(?:is|was)\s+(?:a|an|the)\s+(?:former\s+|senior\s+|deputy\s+|chief\s+|visiting\s+)?"
    r"(?:[A-Z][\w.-]*\s+)*(?:fellow|professor|analyst|researcher|director|expert|official|"
    r"spokes\w+|minister|ambassador|envoy|scholar|lecturer|advis[eo]r|member|chair\w*|head|"
    r"president|secretary|lawmaker|senator)\b)"
)
_TITLE_BEFORE = re.compile(rf"\b(?:{actors.TITLE_WORD})\s+$")


def describe(
    np: str, app: str | None, span: tuple[int, int], people: People, last_body: list[Speaker]
) -> Speaker | None:
    np = np.strip().rstrip(",")
    np = re.sub(r"\s+(?:also|later|then|again|previously|earlier|[a-z]+ly)$", "", np)
    # "said the North Korean leader in January", "Trump earlier": when, not who.
    np = re.sub(
        rf"\s+(?:in\s+(?:{dates.MONTH_NAMES})(?:\s+\d{{4}})?|(?:last|this)\s+(?:week|month|year))$",
        "",
        np,
    )
    # "was quoted by Yonhap as saying": the outlet carried it (the name before "was" spoke).
    np = re.sub(r"^by\s+(?=[A-Z])", "", np)
    np = re.sub(r"\s+(?:was|were|is|are)\s+(?:quoted|cited)\s+as$", "", np)
    # "…, while a NATO spokesman said", "North Korea has said": the joining word and the
    # auxiliary are not part of who spoke.
    np = re.sub(r"^(?:while|whereas|and|but|as)\s+", "", np)
    np = re.sub(r"^(?:however|meanwhile|instead|still|also),\s*", "", np, flags=re.IGNORECASE)
    np = re.sub(r"\s+(?:has|have|had)$", "", np)
    # "Park used the expression “…,” while the South's military": the second clause's subject.
    np = re.sub(r"^.*[“”\"],?\s*(?:while|whereas|but|and)\s+", "", np)
    # "The top U.S. diplomat went on to say that …": the verb phrase is not the speaker.
    np = re.sub(r"\s+(?:went on|continued|proceeded|moved on|would go on)\s+to$", "", np)
    if _THINGS.search(np):
        return None
    # "President Trump in his remarks", "Kim on Twitter": where it was said, not who.
    np = re.sub(r"\s+(?:in|on|at|during)\s+(?:his|her|their|a|an|the)\b.*$", "", np)
    np = re.sub(r"\s+on\s+(?:Twitter|X|Facebook|television|TV)$", "", np)
    # "Abe, speaking during an official visit to Britain, called": the participle is not the name.
    np = re.sub(r",\s+(?:speaking|writing|talking|addressing|answering|responding)\b.*$", "", np)
    # "Twenty-seven-year-old Kim Hye Ok", "the 38-year-old Lee".
    np = re.sub(r"^(?:(?:the|a|an)\s+)?[\w-]+-year-old\s+(?=[A-Z])", "", np)
    # "a press release quoted Moon as", "a statement by the presidential office".
    np = re.sub(r"^.*\bquot(?:ed|ing)\s+(?=\S)(.+?)\s+as$", r"\1", np)
    np = re.sub(
        r"^(?:an?\s+|the\s+)?(?:press\s+release|statement|release|report)\s+(?:by|from|of)\s+",
        "",
        np,
    )
    np = re.sub(r"\s+(?:issued|released|put out)\s+an?\s+statement$", "", np)
    np = re.sub(
        rf"\s+on\s+(?:{dates.WEEKDAY_NAMES})(?:\s+(?:morning|afternoon|evening|night)|\s+[a-z]+ly)?$",
        "",
        np,
    )
    # "Senator Jane Roe (D-Harbor)": party and state are not part of the name.
    acronym = re.search(r"\(([A-Z]{2,6})\)$", np)
    if acronym and actors.known_body(acronym[1]):
        np = acronym[1]  # "the North Korea news agency (KCNA)": the body by the name it gave
    np = re.sub(r"\s*\([^()]*\)$", "", np)
    np = re.sub(r"\s*\([A-Z]-[\w. ]+\)", "", np)
    for_him = re.fullmatch(
        r"(?:an?\s+)?(?:statement\s+(?:from|by|issued by)\s+)?(?:his|her)\s+"
        r"(?:spokes(?:man|woman|person)|office|deputy spokes\w+)",
        np.strip(),
        re.IGNORECASE,
    )
    if for_him:
        # "a statement from his spokesman": the spokesman speaks for the person named before,
        # or for the person whose spokesman the article named ("Mrs May's spokeswoman said").
        whose = re.findall(
            r"\b((?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+)[’']s\s+" + for_him[0].split()[-1] + r"\b",
            people.text[: span[0]],
        )
        name = whose and (people.expand(whose[-1].split()[-1], span[0]) or whose[-1])
        name = name or people.last_before(span[0])
        if name:
            return person(name, None, span, people)
    one_of = re.fullmatch(r"one of (?:the|those|these)\s+(?P<noun>[a-z]+s)", np.strip())
    if one_of:
        # "one of the officials": the group the article described ("two senior administration
        # officials"), one of them speaking.
        group = re.findall(
            rf"\b(?:[A-Za-z-]+\s+|U\.S\.\s+){{0,3}}{one_of['noun']}\b", people.text[: span[0]]
        )
        words = group[-1].split() if group else [one_of["noun"]]
        while len(words) > 1 and words[0].lower() in _NOT_A_MODIFIER:
            words = words[1:]
        np = " ".join(words)
    # "Its state broadcaster": the possessive names no one the gold or a reader could use.
    np = re.sub(r"^(?:Its|its|Their|their)\s+", "", np)
    np = re.sub(r"(?<=[A-Z]{2})\.$", "", np)  # "said MFA."
    # British copy writes honorifics without a full stop: "Mr Johnson".
    np = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s+(?=[A-Z])", "", np)
    named = _NAMED.search(np)
    if named:
        # "a Pyongyang man named Ri Song Gil", "a state agency called the Peace Committee".
        return describe(named["name"], app or np[: named.start()].strip(), span, people, last_body)
    # "said Hua." ends a sentence: the full stop is not part of the name (but "U.S." keeps it).
    np = re.sub(r"(?<=[a-z]{2})[.]$", "", np)
    bare = strip_article(np)
    if not bare or bare.lower() in ("it", "they", "this", "that"):
        return None
    epithet = actors.person_by_epithet(np)
    if epithet is not None:
        # "The North Korean leader's sister called Moon a “parrot”": Kim Yo Jong.
        return person(epithet.name, np, span, people)
    expanded = _acronym(bare, people.text)
    if expanded:
        # "MFA" after "Singapore's Ministry of Foreign Affairs (MFA)".
        bare = np = expanded
    if _NORTH_EPITHET.fullmatch(np.strip()):
        # Reporters' names for the country: "the communist country", "the reclusive state".
        return Speaker("North Korea", None, None, "PRK", "government", span, False)
    if re.fullmatch(r"the\s+south", np.strip(), re.IGNORECASE):
        # "what the South says was a “red line”": South Korea, in reports on the peninsula.
        return Speaker("South Korea", None, None, "KOR", "government", span, False)
    plain = re.fullmatch(r"the\s+(?:country|nation|regime)", np.strip(), re.IGNORECASE)
    if plain and _LAST_COUNTRY.findall(people.text[: span[0]])[-1:] in (
        ["North Korea"],
        ["Pyongyang"],
        ["DPRK"],
    ):
        # "The country has warned it was ready …" after North Korea was named last.
        return Speaker("North Korea", None, None, "PRK", "government", span, False)
    bloc = re.fullmatch(r"the\s+(?:\d+-(?:nation|member|country)\s+)?bloc", np.strip(), re.I)
    if bloc and re.search(r"\bEU\b|European Union", people.text[: span[0]]):
        return Speaker("European Union", None, None, None, "international_org", span, False)
    if app and re.fullmatch(_PERSONAL, app.strip()) and not re.fullmatch(_PERSONAL, bare):
        # "the foreign minister of Harborland, Ivar Lund, told ...": the name is the speaker.
        return describe(app.strip(), np, span, people, last_body)
    if bare.lower() in ("he", "she"):
        speaker = _previous_speaker(span[0], people, last_body)
        woman = _last_woman(span[0], people) if bare.lower() == "she" else None
        if speaker is not None and not (woman and speaker.is_person and speaker.name != woman):
            return speaker
        name = (
            _previous_subject(span[0], people)
            or _lead_subject(span[0], people)
            or people.last_before(span[0])
        )
        if woman and name != woman and not _is_woman(name or "", people.text):
            # "Kim Yo Jong, the sister of leader Kim Jong Un, issued a statement … she said":
            # "she" is the woman the article named, not the man named last.
            name = woman
        return person(name, None, span, people) if name else None
    if _DOCUMENT.fullmatch(bare) and last_body:
        # "the release said": a document speaks for the body that issued it.
        return last_body[-1]
    if _DOCUMENT.fullmatch(bare) or "statement" in bare.lower():
        if last_body and "statement" in bare.lower():
            return last_body[-1]
        if _DOCUMENT.fullmatch(bare):
            return None  # nobody named as its issuer: better no statement than "release"
    later = _title_and_surname(bare, people, span[0])
    if later is not None:
        return person(later[1], app or later[0], span, people)
    title_free = actors.strip_title(bare)
    known = actors.known_person(title_free)
    if known is None and re.fullmatch(r"[A-Z][\w’'\-]+", title_free):
        expanded = people.expand(title_free, span[0])
        if expanded:
            return person(expanded, app, span, people)
    if known:
        return person(known.name, app, span, people)
    if (
        re.fullmatch(_PERSONAL, title_free)
        and _could_be_person(title_free)
        and not _ROLE_ONLY.fullmatch(bare)
    ):
        title = bare[: len(bare) - len(title_free)].strip() or None
        return person(title_free, app or title, span, people)
    titled = _titled_name(bare)
    if titled:
        role, name = titled
        known = actors.known_person(name)
        return person(known.name if known else name, app or role, span, people)
    introduced = _introduced(np, people.text[: span[0]])
    if introduced is not None:
        return describe(introduced, app, span, people, last_body)
    named = _named_with_role(bare, people.text[: span[0]])
    if (
        named is None
        and np.lower().startswith("the ")
        and re.search(rf"\b(?:{_ROLE_NOUNS})$", bare, re.IGNORECASE)
    ):
        # "The UN Secretary-General said" two paragraphs after "António Guterres called on":
        # a definite role with no name is the person named last, when that was close by.
        last = people.last_before(span[0])
        near = people.text.rfind(last.split()[-1], 0, span[0]) if last else -1
        if last and near >= 0 and people.text.count("\n\n", near, span[0]) <= 2:
            named = last
    if named is None and re.match(r"[A-Z][\w ]+[’']s\s", np.strip()):
        # "New Zealand's Foreign Minister has called the test “…”", the name given further on:
        # "New Zealand Foreign Minister Gerry Brownlee on Saturday denounced the test".
        after = people.text[span[1] :]
        paragraphs_on = [m.start() for m in re.finditer(r"\n\n", after)]
        window = after[: paragraphs_on[2]] if len(paragraphs_on) > 2 else after
        role = re.sub(r"^.*[’']s\s+", "", bare).lower()  # "foreign minister"
        named = _named_with_role(role, window, first=True)
    if named:
        # "the Secretary-General" after "Secretary-General António Guterres".
        return person(named, bare, span, people)
    body = actors.known_body(bare)
    if np.lower().startswith("the ") and len(bare.split()) <= 2:
        # "the ministry" names the body last quoted, when it is the same kind of body.
        noun = bare.split()[-1].lower()
        for earlier in reversed(last_body):
            if noun in earlier.name.lower():
                return earlier
    if np.lower().startswith("the ") and bare.lower() == "military":
        # "…,” the military said." after the Joint Chiefs of Staff spoke: the military body
        # the article named last, close by.
        recent = people.text[max(0, span[0] - 800) : span[0]]
        bodies = [
            (m.start(), actor)
            for pattern, actor in actors.KNOWN_BODIES
            if actor.speaker_type == "military"
            for m in re.finditer(pattern, recent, re.IGNORECASE)
        ]
        if bodies:
            actor = max(bodies, key=lambda b: b[0])[1]
            return Speaker(
                actor.name, actor.role, actor.organization, actor.state, "military", span, False
            )
    if np.lower().startswith("the ") and bare.lower() in _MEDIA_NOUNS and last_body:
        # "the outlet said" after "the agency said": the medium last quoted.
        return last_body[-1]
    lower_case = bare.split()[:-1] == [w for w in bare.split()[:-1] if w.islower()]
    if np.lower().startswith("the ") and len(bare.split()) <= 3 and lower_case and body is None:
        # "according to the agency", "the state news agency also emphasized": the body the
        # article introduced as an agency.
        named = _antecedent(bare.split()[-1].lower(), people.text[: span[0]])
        if named is not None:
            return describe(named, None, span, people, last_body)
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


_CAPITALISED = r"[A-Z][\w.’'\-]*"


def _acronym(word: str, text: str) -> str | None:
    """The full name an article gives an acronym in brackets, "Foreign Ministry (FM)"."""
    if not re.fullmatch(r"[A-Z]{2,6}", word):
        return None
    found = re.findall(
        rf"((?:[A-Z][\w’'-]*\s+(?:of\s+|for\s+|and\s+|the\s+)*){{1,8}})\({word}\)", text
    )
    return found[-1].strip() if found else None


_NOT_A_MODIFIER = {"the", "a", "an", "two", "three", "four", "several", "some", "in", "on", "with"}
_NAMED = re.compile(
    rf"\s(?:named|called|known as)\s+"
    rf"(?P<name>(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,6}})$"
)
_LAST_COUNTRY = re.compile(
    r"\b(North Korea|Pyongyang|DPRK|South Korea|Seoul|Japan|Tokyo|China|Beijing|"
    r"United States|Washington|Russia|Moscow)\b(?!\s*[’']s\b)"
)
_NORTH_EPITHET = re.compile(
    r"the\s+(?:north|(?:(?:communist|reclusive|isolated|secretive|impoverished|nuclear-armed|"
    r"hermit|north korean|pariah|rogue)\s+)+(?:country|state|nation|regime|kingdom|government))",
    re.IGNORECASE,
)


_ROLE_NOUNS = (
    r"secretary-general|secretary|minister|ambassador|envoy|spokes(?:man|woman|person)|"
    r"president|premier|chancellor|representative|diplomat|adviser|advisor|chief|leader|"
    r"admiral|general|commander|colonel|captain|senator"
)
# A title with no name in it: "Prime Minister", "Foreign Minister", "Defense Secretary".
_ROLE_ONLY = re.compile(
    r"(?:(?:Prime|Foreign|Defen[cs]e|Vice|Deputy|Chief|Finance|Unification|Cabinet|Press|"
    rf"State|Home|Interior)\s+)*(?:{_ROLE_NOUNS})",
    re.IGNORECASE,
)
# Ranks and titles that come abbreviated before a name: "Adm. Harry Harris" is "the admiral".
_ABBREVIATED_TITLES = {
    "admiral": r"adm\.",
    "general": r"gen\.",
    "colonel": r"col\.",
    "captain": r"capt\.",
    "senator": r"sen\.",
    "ambassador": r"amb\.",
}


# The sentence before a quote ends with its own attribution: "…, the admiral said."
_ENDS_WITH_SAID = re.compile(
    r",\s+(?P<np>the\s+[a-z]+(?:\s+[a-z]+)?|an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:for|at|of)\s+"
    r"[A-Z][^,.;“”\"]{2,50}?)\s+(?:said|says|added|noted|told\s+\w+)\.\s*$"
)
# "An official at South Korea's Joint Chiefs of Staff said it appeared …": a described person
# as the sentence's subject.
_STARTS_WITH_SAID = re.compile(
    r"(?:^|\n)(?P<np>(?:An?|The)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:for|at|of)\s+[A-Z][^,.;“”\"]{2,50}?)"
    r"\s+(?:said|says|told\s+\w+)\b[^\n]*$"
)


def _previous_speaker(position: int, people: People, last_body: list[Speaker]) -> Speaker | None:
    """Who "he" is when the sentence before the one with the quote ends "…, the admiral said."
    or opens "An official at the Joint Chiefs of Staff said": the person that role names, not
    whoever that sentence mentioned last ("Kim Jong Un moves closer …")."""
    opening = max(people.text.rfind(mark, 0, position) for mark in '“"')
    if opening <= 0:
        return None
    # The text before the sentence that holds the quote.
    starts = [m.end() for m in re.finditer(r"[.!?][”\"’']?\s+|\n\n", people.text[:opening])]
    before = people.text[: starts[-1]] if starts else ""
    said = _ENDS_WITH_SAID.search(before)
    if said is None:
        previous = before.rstrip()
        cut = max(previous.rfind(". "), previous.rfind("\n\n"))
        said = _STARTS_WITH_SAID.search(previous[cut + 1 :] if cut >= 0 else previous)
        if said is None:
            return None
        shift = cut + 1 if cut >= 0 else 0
        span = (shift + said.start("np"), shift + said.end("np"))
    else:
        span = (said.start("np"), said.end("np"))
    speaker = describe(said["np"], None, span, people, last_body)
    # A person, named or not ("the admiral", "a spokesman for the ministry"), not a body.
    personal = re.match(
        rf"(?:the|an?)\s+(?:[a-z]+\s+)?(?:{_ROLE_NOUNS}|official|officer)\b", said["np"], re.I
    )
    return speaker if speaker is not None and (speaker.is_person or personal) else None


# Words that tell a named person is a woman: "Kim Yo Jong, the sister of …", "Ms. Rice".
_WOMAN_WORDS = (
    r"(?:sister|wife|daughter|mother|spokeswoman|chairwoman|congresswoman|businesswoman|"
    r"first lady|woman)"
)


def _is_woman(name: str, text: str) -> bool:
    if not name:
        return False
    full, last = re.escape(name), re.escape(name.split()[-1])
    return bool(
        re.search(rf"{full},\s+(?:[^,.“”\"]{{0,40}}?\s)?{_WOMAN_WORDS}\b", text)
        or re.search(rf"\b{_WOMAN_WORDS}\s+(?:[A-Z][\w.’'-]*\s+){{0,2}}?{full}\b", text)
        or re.search(rf"\b(?:Ms|Mrs|Madam|Madame)\.?\s+(?:[A-Z][\w-]*\s+)?{last}\b", text)
    )


def _last_woman(position: int, people: People) -> str | None:
    """The last person named before `position` whom the article marks as a woman."""
    for _, name in sorted((m for m in people.mentions if m[0] < position), reverse=True):
        if _is_woman(name, people.text):
            return name
    return None


def _previous_subject(position: int, people: People) -> str | None:
    """The person who is the subject of the sentence before "He said": "Trump wrote that he
    spoke with President Xi about it. He said …" is Trump's, not Xi's, who was named last."""
    before = people.text[:position]
    ends = [m.end() for m in re.finditer(r"[.!?][”\"’']?\s+", before)]
    if len(ends) < 2 or "\n\n" in before[ends[-1] : position]:
        return None
    sentence = before[ends[-2] : ends[-1]]
    if "\n\n" in sentence:
        sentence = sentence.rsplit("\n\n", 1)[-1]
    # "U.S. Press Secretary Karine Jean-Pierre said …": titles may stand before the name.
    match = re.match(
        # "U.S. Defense Secretary Jim Mattis, repeated the warnings …" (a stray comma).
        rf"\s*(?:[A-Z][\w.’'-]*\s+){{0,4}}?(?P<name>{NAME.pattern}|[A-Z][a-z]+),?\s+"
        rf"(?:[a-z]+ly\s+)?(?:{VERBS}|repeated)\b",
        sentence,
    )
    if match is None:
        return None
    words = match["name"].split()
    for start in range(len(words)):  # "Secretary Karine Jean-Pierre": a title, then the name
        if " ".join(words[start:]) in people.full:
            return " ".join(words[start:])
    return people.expand(words[0], position) if len(words) == 1 else None


def _lead_subject(position: int, people: People) -> str | None:
    """Who "he" is when the quote opens a paragraph: the person the paragraph before is
    about. "President Trump on Friday downplayed … talks with Kim Jong Un. ¶ “They’re
    short-range missiles,” he told reporters" is Trump's, not Kim's, who was named last."""
    # The paragraph that holds "he" opens with the quote (a straight mark may be either end
    # of a quotation, so the paragraph's first character tells).
    opening = people.text.rfind("\n\n", 0, position) + 2
    if opening < 2 or people.text[opening : opening + 1] not in ("“", '"'):
        return None
    previous = people.text[: opening - 2].rsplit("\n\n", 1)[-1]
    match = re.match(
        # "JCS spokesman Jeon Ha-kyu said in a press briefing that …": a role noun may stand
        # among the words before the name.
        rf"(?:(?:[A-Z][\w.’'-]*|{_ROLE_NOUNS})\s+){{0,4}}?(?P<name>{NAME.pattern})\s+"
        rf"(?:on\s+)?(?:(?:{dates.WEEKDAY_NAMES})\s+)?(?:[a-z]+ly\s+)?(?:said|[a-z]+(?:ed|s))\b",
        previous,
    )
    if match is None:
        return None
    words = match["name"].split()
    for start in range(len(words)):
        if " ".join(words[start:]) in people.full:
            return " ".join(words[start:])
    return people.expand(words[-1], position)


def _named_with_role(phrase: str, before: str, first: bool = False) -> str | None:
    """The person an article introduced with the role a name-less phrase uses (the last one
    named in `before`, or with `first` the first one named in the text given)."""
    role = re.search(rf"\b({_ROLE_NOUNS})$", phrase, re.IGNORECASE)
    only_role = _ROLE_ONLY.fullmatch(phrase)
    if role is None or (re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", phrase) and not only_role):
        return None
    word = role[1].lower()
    title = re.escape(word) + (
        f"|{_ABBREVIATED_TITLES[word]}" if word in _ABBREVIATED_TITLES else ""
    )
    if only_role and len(phrase.split()) > 1:
        # "The Prime Minister said" after "Prime Minister Shinzo Abe": the whole title, so a
        # foreign minister named since is not taken for him.
        title = r"\s+".join(re.escape(w) for w in phrase.split())
    titled = re.finditer(rf"\b(?i:{title})\s+(?P<name>{NAME.pattern})", before)
    # "Cmdr. Gary Ross, a Pentagon spokesman, said": the role in an apposition after the name.
    apposed = re.finditer(
        rf"(?P<name>{NAME.pattern}),\s+(?:a|an|the)\s+[^,.“”\"]{{0,60}}?\b(?i:{title}),", before
    )
    found = sorted([*titled, *apposed], key=lambda m: m.start())
    names = [actors.strip_title(m["name"]) for m in found if not actors.known_body(m["name"])]
    names = [n for n in names if len(n.split()) >= 2]
    return (names[0] if first else names[-1]) if names else None


_ORGANISATION_NOUNS = {
    "agency",
    "ministry",
    "organization",
    "organisation",
    "body",
    "bloc",
    "council",
    "alliance",
    "committee",
    "group",
    "office",
    "department",
    "union",
    "network",
    "broadcaster",
    "outlet",
    "newspaper",
    "daily",
    "service",
    "command",
    "mission",
    "government",
    "administration",
}


_MEDIA_NOUNS = {"outlet", "publication", "paper", "newspaper", "broadcaster", "news outlet"}


def _introduced(np: str, before: str) -> str | None:
    """ "the official said" after "A U.S. intelligence official told NBC News": the unnamed
    source as the article introduced them last, within the last three paragraphs."""
    definite = re.fullmatch(r"[Tt]he\s+(official|officer|source|analyst|expert)", np.strip())
    if definite is None:
        return None
    start = len(before)
    for _ in range(3):  # the quote's paragraph and the two before it
        start = max(before.rfind("\n\n", 0, start), 0)
    window = before[start:]
    found = list(
        re.finditer(
            rf"\b(?:[Aa]n?|[Oo]ne)\s+(?P<np>(?:(?:[A-Z][\w.’'-]*|[a-z]+)\s+){{1,4}}"
            rf"{definite[1]})\b(?!\s+(?:of|for)\b)",
            window,
        )
    )
    return found[-1]["np"] if found else None


def _antecedent(noun: str, before: str) -> str | None:
    """The last organisation named before as a `noun`: "the International Telecommunication
    Union, a U.N. agency that ..." or "the Korean Central News Agency" for "the agency"."""
    if noun.lower() not in _ORGANISATION_NOUNS:
        return None  # "into the East Sea, a Seoul military official said": not an apposition
    # "the state-run KCNA news agency reported": an acronym before the noun.
    acronyms = re.findall(rf"\b([A-Z]{{3,}})\s+(?:[a-z]+\s+)?{noun}\b", before)
    org = r"(?P<org>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'-]*)+)"
    found = [
        m["org"]
        for m in re.finditer(
            rf"{org}(?:,\s+an?\s+(?:[\w.-]+\s+){{0,3}}{noun}\b|(?<=\s{noun.title()}))",
            before,
        )
    ]
    if acronyms and (not found or before.rfind(acronyms[-1]) > before.rfind(found[-1])):
        return acronyms[-1]
    return strip_article(found[-1]) if found else None


_DOCUMENT = re.compile(
    # "the brief statement added"
    r"(?:(?:brief|short|written|separate|later|earlier|official|joint)\s+)?"
    r"(?:news\s+|press\s+)?(?:release|statement|report|communiqu[eé]|announcement|readout|"
    r"transcript|document)",
    re.IGNORECASE,
)


def _title_and_surname(
    phrase: str, people: People, before: int | None = None
) -> tuple[str, str] | None:
    """("National Security Advisor", "Susan E. Rice") for "National Security Advisor Rice"
    once the article has named Susan E. Rice: a title with a surname is the person named in
    full earlier."""
    words = phrase.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z][a-z]+(?:-[a-zA-Z]+)?", words[-1]):
        return None
    title = " ".join(words[:-1])
    titled = actors.TITLES.match(phrase) or words[-2] in actors.TITLE_WORDS
    if not (titled or title.lower() != title):
        return None
    for name in reversed(people.full):
        if before is not None and not any(p < before for p, n in people.mentions if n == name):
            continue  # named only later in the article
        parts = name.split()
        if len(parts) > 1 and parts[-1] == words[-1] and name not in phrase:
            return title, name
    return None


# Last words of an organisation's name: "Defense Ministry" is not a person.
_BODY_WORDS = re.compile(
    r"(?:Agency|Ministry|Department|Command|Council|Office|House|Nations|Staff|Forces|Army|Navy|"
    r"Force|Guard|Party|Committee|Institute|University|Center|Centre|Service|Media|News|Times|"
    r"Post|Government|Republic|Korea|Union|Assembly|Board|Bureau|Group|Mission|Embassy|Club|"
    r"Affairs|Security|Intelligence|Defen[cs]e)$"
)


def _titled_name(phrase: str) -> tuple[str, str] | None:
    """("Pentagon press secretary", "John Kirby") from "Pentagon press secretary John Kirby"."""
    words = phrase.split()
    name: list[str] = []
    # A middle initial ("Susan E. Rice") belongs to the name.
    while words and (
        re.fullmatch(r"[A-Z][a-z]+(?:-[a-zA-Z]+)?", words[-1])
        or (name and len(words) > 1 and re.fullmatch(r"[A-Z]\.", words[-1]))
    ):
        if words[-1] in actors.TITLE_WORDS or len(name) == 3 + any(w.endswith(".") for w in name):
            break
        if len(name) >= 2 and _BODY_WORDS.fullmatch(words[-1]):
            break  # "… to the United Nations Robert Wood": the body ends the role
        name.insert(0, words.pop())
    if len(name) < 2 or not words or _BODY_WORDS.search(name[-1]):
        return None
    if words[-1].lower() in ("of", "for", "and", "the"):
        return None  # "Ministry of Foreign Affairs": an organisation's name, not a person's
    full = " ".join(name)
    if actors.known_body(full) or actors.state_in(full):
        return None
    return " ".join(words), full


def person(name: str, app: str | None, span: tuple[int, int], people: People) -> Speaker:
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
