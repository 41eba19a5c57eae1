"""Known actors and how to describe a speaker: speaker type, state and organisation.

A small table of people and bodies that reports on Korean launches quote again and again,
plus rules for everyone else: the title in front of a name or the apposition after it
("a professor at ...") says what kind of speaker it is, and a national adjective says whose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    speaker_type: str
    state: str | None
    organization: str | None
    role: str


def _person(name: str, kind: str, state: str, org: str | None, role: str) -> Actor:
    return Actor(name, kind, state, org, role)


KNOWN_PEOPLE: tuple[Actor, ...] = (
    _person(
        "Kim Jong Un", "head_of_state", "PRK", "Workers' Party of Korea", "Leader of North Korea"
    ),
    _person(
        "Kim Yo Jong",
        "government",
        "PRK",
        "Workers' Party of Korea",
        "Sister of Kim Jong Un, senior party official",
    ),
    _person(
        "Choe Son Hui",
        "government",
        "PRK",
        "Ministry of Foreign Affairs (DPRK)",
        "Foreign Minister",
    ),
    _person(
        "Moon Jae-in",
        "head_of_state",
        "KOR",
        "Office of the President (ROK)",
        "President of South Korea",
    ),
    _person(
        "Yoon Suk Yeol",
        "head_of_state",
        "KOR",
        "Office of the President (ROK)",
        "President of South Korea",
    ),
    _person(
        "Lee Jae-myung",
        "head_of_state",
        "KOR",
        "Office of the President (ROK)",
        "President of South Korea",
    ),
    _person(
        "Joe Biden", "head_of_state", "USA", "The White House", "President of the United States"
    ),
    _person(
        "Donald Trump", "head_of_state", "USA", "The White House", "President of the United States"
    ),
    _person("Antony Blinken", "government", "USA", "US Department of State", "Secretary of State"),
    _person(
        "Linda Thomas-Greenfield",
        "diplomat",
        "USA",
        "US Mission to the United Nations",
        "US Ambassador to the United Nations",
    ),
    _person(
        "Sung Kim",
        "diplomat",
        "USA",
        "US Department of State",
        "US Special Representative for North Korea",
    ),
    _person(
        "Yoshihide Suga", "head_of_state", "JPN", "Government of Japan", "Prime Minister of Japan"
    ),
    _person(
        "Fumio Kishida", "head_of_state", "JPN", "Government of Japan", "Prime Minister of Japan"
    ),
    _person(
        "Shigeru Ishiba", "head_of_state", "JPN", "Government of Japan", "Prime Minister of Japan"
    ),
    _person("Xi Jinping", "head_of_state", "CHN", "Government of China", "President of China"),
    _person(
        "Wang Yi", "government", "CHN", "Ministry of Foreign Affairs (China)", "Foreign Minister"
    ),
    _person(
        "Antonio Guterres", "international_org", None, "United Nations", "UN Secretary-General"
    ),
)

# Bodies, found by a pattern in the speaker's words; the state may be fixed or read from context.
KNOWN_BODIES: tuple[tuple[str, Actor], ...] = (
    (
        r"joint chiefs of staff|\bjcs\b",
        Actor(
            "ROK Joint Chiefs of Staff",
            "military",
            "KOR",
            "ROK Joint Chiefs of Staff",
            "South Korean military",
        ),
    ),
    (
        # North Korea has one state news agency: "North Korea's state news agency" is KCNA.
        r"\bkcna\b|korean central news agency|korea central news agency|"
        r"(?:north korea[’']s|pyongyang[’']s|the north[’']s|north korean)\s+(?:official\s+|"
        r"state(?:-run)?\s+|government\s+)*(?:news|press)\s+agency",
        Actor(
            "KCNA",
            "state_media",
            "PRK",
            "Korean Central News Agency",
            "North Korean state news agency",
        ),
    ),
    (
        r"indo-pacific command|pacific command|indopacom|\bpacom\b",  # PACOM: its name to 2018
        Actor(
            "US Indo-Pacific Command",
            "military",
            "USA",
            "US Indo-Pacific Command",
            "US military command",
        ),
    ),
    (
        # Stratcom is the command's own short name in its releases.
        r"strategic command|\bstratcom\b",
        Actor(
            "US Strategic Command",
            "military",
            "USA",
            "US Strategic Command",
            "US military command",
        ),
    ),
    (
        r"state department",
        Actor(
            "US State Department",
            "government",
            "USA",
            "US Department of State",
            "US foreign ministry",
        ),
    ),
    (
        r"white house",
        Actor(
            "The White House", "government", "USA", "The White House", "Office of the US President"
        ),
    ),
    (
        r"pentagon|department of defen[cs]e|\bdod\b|defen[cs]e department",
        Actor("Pentagon", "military", "USA", "US Department of Defense", "US defence ministry"),
    ),
    (
        r"(?<!national )security council",
        Actor("UN Security Council", "international_org", None, "United Nations", "UN body"),
    ),
    (
        r"\bunited nations\b|\bu\.?n\.? ",
        Actor(
            "United Nations",
            "international_org",
            None,
            "United Nations",
            "International organisation",
        ),
    ),
    (
        r"coast guard",
        Actor("Coast guard", "government", None, None, "Coast guard"),
    ),
    (
        r"defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e minister",
        Actor("Defense Ministry", "military", None, "Defense Ministry", "Defence ministry"),
    ),
    (
        r"foreign ministry|ministry of foreign affairs|foreign minister",
        Actor("Foreign Ministry", "government", None, "Foreign Ministry", "Foreign ministry"),
    ),
    (
        r"unification ministry",
        Actor(
            "Unification Ministry",
            "government",
            "KOR",
            "Ministry of Unification (ROK)",
            "South Korean ministry",
        ),
    ),
)

# National words, longest first in use; "North Korea's" before "Korea's".
STATE_WORDS: tuple[tuple[str, str], ...] = (
    (r"north korea(?:n|'s|’s)?|pyongyang|\bdprk\b|the north(?:'s|’s)?\b", "PRK"),
    (r"south korea(?:n|'s|’s)?|seoul|\brok\b", "KOR"),
    (r"\bu\.s\.|\bus\b|american|united states|washington", "USA"),
    (r"japan(?:ese|'s|’s)?|tokyo", "JPN"),
    (r"china|chinese|beijing", "CHN"),
    (r"russia(?:n|'s|’s)?|moscow", "RUS"),
)

# Title or apposition words -> speaker type; first match wins.
ROLE_TYPES: tuple[tuple[str, str], ...] = (
    (r"\b(?:president|prime minister|leader|king|chairman)\b", "head_of_state"),
    (r"\b(?:ambassador|envoy|diplomat|special representative)\b", "diplomat"),
    (r"\b(?:general|admiral|commander|military|army|navy|joint chiefs|forces)\b", "military"),
    (
        r"\b(?:professor|fellow|analyst|researcher|expert|scholar|director of|lecturer|"
        r"institute|university|think tank|observer)\b",
        "expert",
    ),
    (r"\b(?:state media|news agency|kcna|newspaper|television)\b", "state_media"),
    (
        r"\b(?:minister|ministry|secretary|spokes(?:man|woman|person)|official|government|department|office|council)\b",
        "government",
    ),
)

# Titles and ranks written before a name ("Foreign Minister Park Jin", "Col. Lee Peters"):
# they belong to the speaker's role, not to the name.
TITLE_WORDS = frozenset(
    (
        "President",
        "President-elect",
        "Minister",
        "Secretary",
        "Ambassador",
        "Envoy",
        "Leader",
        "leader",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "General",
        "Gen.",
        "Admiral",
        "Adm.",
        "Senator",
        "Sen.",
        "Representative",
        "Rep.",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Professor",
        "Dr",
        "Dr.",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Commander",
        "Colonel",
        "Col.",
        "Lieutenant",
        "Lt.",
        "Captain",
        "Capt.",
        "Major",
        "Maj.",
        "Sergeant",
        "Director",
        "Chief",
        "Deputy",
        "Vice",
    )
)
TITLE_WORD = "|".join(re.escape(w) for w in sorted(TITLE_WORDS, key=len, reverse=True))
TITLES = re.compile(
    r"^(?:(?:U\.S\.|US|North Korean|South Korean|Japanese|Chinese|Russian|former|then-U\.S\.|"
    r"then)\s+)*"
    r"(?:(?:Foreign|Defense|Defence|Prime|Unification|Deputy|Vice)\s+)?"
    rf"(?:Secretary of State|{TITLE_WORD})\s+",
)


# A state named as the speaker by its name, short name or capital ("Pyongyang said", "the North
# warned"): the country's government, under its usual name.
STATE_SPEAKERS: tuple[tuple[str, str], ...] = (
    (
        r"north\s+korea|pyongyang|dprk|the\s+north|(?:the\s+)?democratic\s+people[’']s\s+"
        r"republic\s+of\s+korea",
        "North Korea",
    ),
    (
        r"south\s+korea|seoul|(?:the\s+)?rok|the\s+south|(?:the\s+)?republic\s+of\s+korea",
        "South Korea",
    ),
    (r"(?:the\s+)?(?:united\s+states|u\.s\.|us|usa)|washington", "United States"),
    (r"japan|tokyo", "Japan"),
    (r"china|beijing", "China"),
    (r"russia|moscow", "Russia"),
)


def state_speaker(phrase: str) -> str | None:
    """The country a bare state name or capital stands for as a speaker, else None."""
    for pattern, name in STATE_SPEAKERS:
        if re.fullmatch(pattern, phrase.strip(), re.IGNORECASE):
            return name
    return None


# Descriptions that name one person without the name: "the North Korean leader's sister".
EPITHETS: tuple[tuple[str, str], ...] = (
    (
        r"(?:the\s+)?(?:north\s+korean\s+leader|kim\s+jong[\s-]un|kim|pyongyang[’']s\s+leader)"
        r"[’']s\s+(?:younger\s+|powerful\s+|influential\s+)*sister",
        "Kim Yo Jong",
    ),
)


def person_by_epithet(phrase: str) -> Actor | None:
    """The known person a description names ("the North Korean leader's sister")."""
    for pattern, name in EPITHETS:
        if re.fullmatch(pattern, phrase.strip(), re.IGNORECASE):
            return known_person(name)
    return None


def known_person(name: str) -> Actor | None:
    """The table's person for a full name or a distinctive surname/first word of one."""
    wanted = _squash(name)
    for actor in KNOWN_PEOPLE:
        if _squash(actor.name) == wanted:
            return actor
    return None


def person_by_part(word: str) -> Actor | None:
    """A known person by one word of the name ("Biden", "Blinken", "Choe"), if unambiguous."""
    matches = [a for a in KNOWN_PEOPLE if word.lower() in (p.lower() for p in _parts(a.name))]
    return matches[0] if len(matches) == 1 else None


def known_body(phrase: str) -> Actor | None:
    for pattern, actor in KNOWN_BODIES:
        if re.search(pattern, phrase, re.IGNORECASE):
            return actor
    return None


def state_in(phrase: str) -> str | None:
    for pattern, state in STATE_WORDS:
        if re.search(pattern, phrase, re.IGNORECASE):
            return state
    return None


def speaker_type_for(role: str) -> str | None:
    for pattern, kind in ROLE_TYPES:
        if re.search(pattern, role, re.IGNORECASE):
            return kind
    return None


def strip_title(phrase: str) -> str:
    return TITLES.sub("", phrase).strip()


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s]+", name) if p]


def _squash(name: str) -> str:
    return re.sub(r"[\s-]+", "", name).lower()
