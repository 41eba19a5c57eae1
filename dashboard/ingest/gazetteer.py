"""Launch sites named in text, matched against the dataset's own gazetteer (launch_sites).

Articles name a site by its name or an alias, often loosely: "the Wonsan area", "near Sunan",
"Onchon County", "South Pyongan Province". A site is also found by its distinctive first word
("Wonsan" for "Wonsan Kalma International Airport") when no other site shares that word.
A place in "the X area" / "X County" that the gazetteer does not know becomes a new-site
candidate for the curator.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dashboard.curation.load import Record, load_records

# Words that describe a kind of place rather than name it, so never a site's short name.
_GENERIC = {
    "north",
    "south",
    "east",
    "west",
    "lake",
    "the",
    "new",
    "old",
    "upper",
    "lower",
    # Capitals stand for governments far more often than for a launch site.
    "pyongyang",
    "seoul",
}
_NAME = r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+)?"
# Well-known other names of gazetteer sites that the curated aliases lack, kept here as data
# (site_id -> names) so the curated table stays as its sources give it. Tongchang-ri is the
# village that Sohae stands by, and reports name the station after it.
# The launch point named as such: "launched from X", "the launch point was near X",
# "in the vicinity of X". X may be a place the gazetteer does not hold.
# Up to twelve words may stand between the verb and "from" ("launched at 7:10 am (2210 GMT
# Wednesday) from X"), none with a comma or a stop: "fired ..., officials from Y said" is not it.
# The place may follow "an area near", "a site near" or "the (North Korean) capital (of)".
_LAUNCH_POINT = re.compile(
    r"\b(?:(?:launched|fired|launches|launching|firing|lifted off|took off|took place|"
    r"originated|came|come)\s+"
    r"(?:(?:[^\s.;,]+|[ap]\.m\.)\s+){0,12}?from"
    r"|launch (?:point|site|pad) (?:was |is )?(?:near|in|at)"
    r"|(?:launch|missile) occurred (?:near|in the vicinity of)"
    r"|from (?:near|close to|the vicinity of))"
    # "from a known test site in North Pyongan province"
    r"(?:\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?:area|site|location|spot|place|region|facility|airfield|airport)\s+"
    r"(?:near|in|around|of|in\s+or\s+(?:near|around)))?"
    # "from its capital Pyongyang", "from North Korea's capital, Pyongyang"
    r"(?:\s+(?:the|its|North\s+Korea[’']s)\s+(?:North\s+Korean\s+)?capital(?:\s+city)?(?:\s+of)?,?)?"
    # "from a site near the central North Korea city of Pyongsong"
    r"(?:\s+the\s+(?:[\w-]+\s+){0,4}?(?:city|town|county|village)\s+of)?"
    # "from the country's western Hwanghae province", "from the North's Hwanghae province".
    r"\s+(?:the\s+)?(?:(?:North|country|nation|North\s+Korea)[’']s\s+)?"
    # "from North Korea's mountainous northern Jagang province"
    r"(?:(?:mountainous|coastal|remote|inland)\s+)?"
    r"(?:(?:(?:north|south)?(?:east|west)ern|northern|southern|central)\s+)?(?P<place>[A-Z][a-z]+(?:-[a-z]+|\s[A-Z][a-z]+)?(?:\s+(?:[Pp]rovince|City))?)\b"
    r"(?!\s+(?:Sea|Ocean|Peninsula)\b)"
)
# Capitalised words that are days and months, not places: "fired over several hours from
# Saturday morning".
_NOT_A_PLACE = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "early",
    "late",
    "local",
    "democratic",  # "the Democratic People's Republic of Korea's South Hwanghae Province"
}
# Places that are countries or seats of government, never a launch point in themselves.
_NOT_A_POINT = {
    "korea",
    "north korea",
    "south korea",
    "japan",
    "china",
    "russia",
    "seoul",
    "tokyo",
    "washington",
    "beijing",
    "moscow",
    "the",
}


@dataclass(frozen=True)
class Site:
    site_id: str
    name: str
    aliases: tuple[str, ...]
    province: str | None
    state: str


@dataclass(frozen=True)
class SiteMention:
    start: int
    end: int
    text: str
    site_id: str | None  # None: a place the gazetteer does not know
    name: str


def romanisation_key(name: str) -> str:
    """A key on which the Revised and McCune-Reischauer spellings of a Korean place name agree:
    vowels eo/eu as o/u, word-initial d/g/b/j as t/k/p/ch, and the village ending -ri/-ni left
    off (also when written on to the name, "Tongchangri")."""
    words = []
    for word in re.split(r"[\s-]+", name.lower()):
        word = word.replace("eo", "o").replace("eu", "u").replace("ŏ", "o").replace("ŭ", "u")
        word = re.sub(
            r"^(?:d|g|b|j)", lambda m: {"d": "t", "g": "k", "b": "p", "j": "ch"}[m[0]], word
        )
        if word in ("ri", "ni", "li"):  # "-ri" (village) is left off as often as not
            continue
        # "Tongchangri", written without its hyphen: the ending after a consonant.
        words.append(re.sub(r"(?<=[^aeiouy])(?:ri|ni)$", "", word) if len(word) >= 7 else word)
    return "".join(words)


def _norm(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name).strip().lower()


class Gazetteer:
    def __init__(self, sites: list[Site]):
        self.sites = {s.site_id: s for s in sites}
        names: dict[str, str] = {}
        for site in sites:
            for name in (site.name, *site.aliases):
                names.setdefault(_norm(name), site.site_id)
        for site in sites:
            # "Sunan International Airport in Pyongyang": a name that opens with the site's own
            # province or city ("Pyongyang Sunan International Airport") is used without it.
            province = _norm(site.province or "")
            for name in (site.name, *site.aliases):
                rest = _norm(name)[len(province) + 1 :]
                if province and _norm(name).startswith(province + " ") and len(rest.split()) >= 3:
                    names.setdefault(rest, site.site_id)
        firsts = Counter(_norm(s.name).split()[0] for s in sites)
        for site in sites:
            first = _norm(site.name).split()[0]
            if firsts[first] == 1 and first not in _GENERIC and len(first) > 3:
                names.setdefault(first, site.site_id)
        self.names = names
        # The same place in the other romanisation: "Mupyeong-ri" is Mupyong-ni, "Dongchang-ri"
        # Tongchang-ri, "Banghyeon" Panghyon. Only names that fold to one site count.
        folded: dict[str, set[str]] = {}
        for name, site_id in names.items():
            folded.setdefault(romanisation_key(name), set()).add(site_id)
        self.romanised = {key: ids.pop() for key, ids in folded.items() if len(ids) == 1}
        provinces: dict[str, list[str]] = {}
        for site in sites:
            if site.province:
                provinces.setdefault(_norm(site.province.split(",")[-1]), []).append(site.site_id)
        self.provinces = provinces
        # Longest names first, so "Hodo Peninsula" wins over "Hodo".
        alternatives = sorted(names, key=len, reverse=True)
        self._known = re.compile(
            r"\b("
            + "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in alternatives)
            + r")\b",
            re.IGNORECASE,
        )

    @classmethod
    def from_curated(cls, curated_dir: Path) -> Gazetteer:
        return cls.from_records(load_records(curated_dir)[0])

    @classmethod
    def from_records(cls, records: dict[str, list[Record]]) -> Gazetteer:
        sites = [
            Site(
                str(r.data["site_id"]),
                str(r.data["name"]),
                tuple(str(a) for a in r.data.get("aliases") or ()),
                r.data.get("province"),
                str(r.data.get("state") or "PRK"),
            )
            for r in records["launch_sites"]
            if r.data.get("site_id") and r.data.get("name")
        ]
        return cls(sites)

    def lookup(self, name: str) -> str | None:
        """site_id for a name, alias, distinctive first word or site_id; None if unknown."""
        key = _norm(name)
        if name in self.sites:
            return name
        key = re.sub(r"^(the|near) ", "", key)
        key = re.sub(r" (area|county|city|province|region)$", "", key)
        return self.names.get(key) or self.romanised.get(romanisation_key(key))

    def _mention(self, match: re.Match, site_id: str, offset: int) -> SiteMention:
        """A mention of the known site `site_id` where `match` wrote it."""
        start, end = match.start() + offset, match.end() + offset
        return SiteMention(start, end, match[0], site_id, self.sites[site_id].name)

    def find(self, text: str, offset: int = 0) -> list[SiteMention]:
        """Known sites, then unknown places in "the X area" / "X County", in order of position."""
        found: list[SiteMention] = []
        for match in self._known.finditer(text):
            found.append(self._mention(match, self.names[_norm(match[1])], offset))
        taken = [(m.start - offset, m.end - offset) for m in found]
        for match in re.finditer(r"\b[A-Z][a-z’']{3,}(?:-(?:ri|ni|dong|gun))?\b", text):
            # "from Banghyeon in North Pyongan Province": a known site in the other
            # romanisation, where no name of the gazetteer is written.
            site_id = self.romanised.get(romanisation_key(match[0]))
            if site_id is None or _norm(match[0]) in self.names:
                continue
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found.append(self._mention(match, site_id, offset))
        taken = [(m.start - offset, m.end - offset) for m in found]
        for match in re.finditer(
            rf"\b(?:the\s+(?P<area>{_NAME})\s+area|(?P<county>{_NAME})\s+(?:County|county))\b",
            text,
        ):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            place = match["area"] or match["county"]
            if _norm(place).split()[0] in _GENERIC:
                continue
            found.append(
                SiteMention(match.start() + offset, match.end() + offset, match[0], None, place)
            )
        for match in re.finditer(rf"\b(?P<province>(?:North |South )?{_NAME}) Province\b", text):
            sites = self.provinces.get(_norm(match["province"]), [])
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if len(sites) == 1:
                site = self.sites[sites[0]]
                found.append(
                    SiteMention(
                        match.start() + offset,
                        match.end() + offset,
                        match[0],
                        site.site_id,
                        site.name,
                    )
                )
        return sorted(found, key=lambda m: m.start)

    def launch_points(self, text: str, offset: int = 0) -> list[SiteMention]:
        """Places named as the launch point, known or not ("launched from Sain Ni")."""
        found = []
        for match in _LAUNCH_POINT.finditer(text):
            place = match["place"]
            words = _norm(place).split()
            if _norm(place) in _NOT_A_POINT or words[0] in _NOT_A_PLACE or words == ["north"]:
                continue
            if words[0] in ("north", "south") and words[-1] != "province":
                continue  # "from North Korea's coast"; "from North Pyongan province" is a place
            start, end = match.start("place") + offset, match.end("place") + offset
            site_id = self.lookup(place)
            name = self.sites[site_id].name if site_id else place
            found.append(SiteMention(start, end, place, site_id, name))
        return found
