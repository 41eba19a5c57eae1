"""Launches an article reports or mentions, each field with the words it came from.

A sentence that fires, launches or tests a missile opens (or returns to) a launch event,
keyed by launching state and KST date; sentences that only give figures ("travelled 500 km,
peaking at 40 km") add to the event the article is talking about. Earlier launches
mentioned in passing ("its first launch in eight days", "one on January 5") become their own
candidates. When one article carries differing figures from different reporters (ROK JCS,
Japan's defence ministry, KCNA), each becomes a claim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dashboard.ingest import dates
from dashboard.ingest.gazetteer import Gazetteer
from dashboard.ingest.speakers import VERBS
from dashboard.ingest.text import Span, all_sentences

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    "fifteen sixteen seventeen eighteen nineteen twenty",
)
NUMBERS = {word: n for n, word in enumerate(" ".join(_NUMBER_WORDS).split())}
# Designations to class; checked before the descriptive words below.
# The US designations (KN-) name the same missiles: KN-08 and KN-14 the Hwasong-13, KN-20 the
# Hwasong-14, KN-22 the Hwasong-15, KN-17 the Hwasong-12, KN-15 the Pukguksong-2, KN-26 the
# Pukguksong-3. The Hwasong-16B and Hwasong-8 are the hypersonic ones. Each name matches one
# class only: names of two classes in one sentence are a mixed salvo (`missile_class`).
MISSILE_NAMES: tuple[tuple[str, str], ...] = (
    (r"Hwasong-(?:16|8\b)\w*", "hypersonic"),
    (r"Hwasong-(?:1[3-57-9]|20)\w*|KN-(?:0?8|14|20|22)\b", "ICBM"),
    (r"Hwasong-1[02]\w*|KN-17\b", "IRBM"),
    (r"Hwasong-(?:5|6|9|11)\w*|KN-(?:2[345]|18|21)\b|KN-0?2\b|Toksa|Scud\w*", "SRBM"),
    # (Rodong Sinmun is the party's newspaper.)
    (r"Hwasong-7|Nodong|Rodong(?!\s+Sinmun)|Pukguksong-2|KN-15\b", "MRBM"),
    (r"Pukguksong(?:-[13-9])?|KN-(?:11|26)\b", "SLBM"),
    (r"Musudan", "IRBM"),
    (r"Hwasal-\d|Pulhwasal-\d|KN-19\b", "cruise"),
    (r"Unha-\d|Chollima-1|Malligyong-\d", "SLV"),
)
CLASS_WORDS: tuple[tuple[str, str], ...] = (
    (r"intercontinental|\bICBMs?\b", "ICBM"),
    (r"submarine[- ]launched|from a submarine|underwater|\bSLBMs?\b", "SLBM"),
    (r"cruise missiles?", "cruise"),
    (r"hypersonic", "hypersonic"),
    # "intermediate-range or longer", Seoul's wording for at least an IRBM.
    (r"intermediate[- ](?:range\s+)?(?:or\s+longer[- ]range)?|\bIRBMs?\b", "IRBM"),
    (r"medium[- ]range|mid-?range|\bMRBMs?\b", "MRBM"),
    # "short-range projectiles" names no class: only missiles do.
    (r"short[- ]range (?:ballistic )?missiles?|\bSRBMs?\b|tactical (?:guided )?missile", "SRBM"),
    (r"satellite|space launch|carrier rocket|\bSLV\b", "SLV"),
)
_NAME = re.compile("|".join(f"(?:{p})" for p, _ in MISSILE_NAMES))
_TRIGGER = re.compile(
    r"\b(?:fired|fires|fire|firing|launched|launches|launching|launch|test-fired|test-fires|"
    r"tested|testing|test of|tests of|tests? on|flew|flying|conducted|carried out|lifted off|"
    # "North Korea's short-range ballistic missiles were detected on Thursday"
    r"(?<=was )detected|(?<=were )detected)\b",
    re.IGNORECASE,
)
_MISSILE = re.compile(
    r"\b(?:missiles?|projectiles?|rockets?|SRBMs?|ICBMs?|IRBMs?|MRBMs?|SLBMs?|KN-\d+|Hwasong)",
    re.IGNORECASE,
)
# "another missile" is one more; "another two missiles" is two, counted by the number.
_COUNT_WORD = (
    "|".join(NUMBERS) + r"|\d{1,2}|an?|single|both|another(?!\s+(?:" + "|".join(NUMBERS) + r"|\d))"
)
_COUNT = re.compile(
    r"\b(?:a (?:barrage|salvo|volley) of (?:at least |some |about |up to )?"
    rf"(?P<barrage>{_COUNT_WORD})"
    rf"|(?<![\w-])(?P<n>{_COUNT_WORD}))\s+"
    # "tested four of what it calls a “Hwasal-2 strategic cruise missile”"
    r"(?:of\s+what\s+(?:it|they)\s+(?:calls?|called|describe[sd]?\s+as)\s+(?:an?\s+)?[“\"]?)?"
    r"(?:(?!(?:to|of|its|the|their|his|her|this|that|these|those|and|or(?!\s+longer)|for|with|by|"
    r"in)\b)[\w-]+\s+){0,4}?"
    r"(?:missiles?|projectiles?|rockets?|SRBMs?|ICBMs?|IRBMs?|MRBMs?|SLBMs?)\b",
    re.IGNORECASE,
)
# "July 12 ICBM launch", "on July 4 and 5 launched seven missiles": a day of the month, not a count.
_DAY_OF_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?:\d{1,2}\s*(?:and|&|-|–|,|to)\s*)?$"
)


_VAGUE_COUNT = re.compile(
    r"\b(?:several|multiple|a (?:barrage|salvo|volley|number|series) of|(?:at least|more than)"
    r"\s+(?:\d+|" + "|".join(NUMBERS) + r"))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:missiles|projectiles|rockets|SRBMs|ICBMs|IRBMs|MRBMs|SLBMs|“projectiles”)",
    re.IGNORECASE,
)
_LOWER_BOUND = re.compile(r"\b(?:at least|more than|over|up to|as many as)\s+$", re.IGNORECASE)
# "launched its latest Hwasong-18 intercontinental ballistic missile", "test-fired the Hwasong-19
# ICBM": one missile named in the singular right after the launch verb, with no number word.
_ONE_NAMED = re.compile(
    r"\b(?:fired|launched|test-fired|test-launched|tested)\s+(?:the|its)\s+"
    r"(?:(?!(?:and|or|of|to|from|in|on)\b)[\w’'-]+\s+){0,4}?"
    r"(?:missile|rocket|projectile|ICBM|IRBM|MRBM|SRBM|SLBM)\b"
    r"(?!\s+(?:engines?|launch|launchers?|tests?|programs?|systems?|technology|sites?|bases?|units?|"
    r"forces?|and|or)\b)",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(r"\s+(?:launch|test|firing)", re.IGNORECASE)


def count_match(words: str) -> re.Match | None:
    """The first number of missiles in `words`, a day of the month aside."""
    position = 0
    while (match := _COUNT.search(words, position)) is not None:
        before = words[: match.start()]
        day = match["n"] and match["n"].isdigit() and _DAY_OF_MONTH.search(before)
        # "at least two missiles" gives no exact number; "another missile launch" is one more
        # event, not one missile.
        bound = match["n"] and _LOWER_BOUND.search(before)
        event = (match["n"] or "").lower() in ("a", "an", "another") and _EVENT_NOUN.match(
            words, match.end()
        )
        if not (day or bound or event):
            return match
        position = match.start() + len(match["n"])  # the words after the day may hold the count
    return None


_LOCAL_TIME = re.compile(r"\b(?:local|Korean|Seoul|Pyongyang)\s+time\b|\bKST\b", re.IGNORECASE)
_THE_LAUNCH_AGAIN = re.compile(
    r"\s*(?:The|This|That|It)\s+(?:(?:missile|rocket|projectile|ICBM|launch|test)\s+)?"
    r"(?:was|had been)\s+(?:fired|launched|test-fired)\b"
)
# "state media said Thursday": the day of the statement, not of the launch.
# "North Korea confirmed on Saturday it test-launched …": the day it confirmed.
_SAID_ON = re.compile(
    r"\b(?:said|says|confirmed|reported|told(?:\s+[\w.]+){1,3}?)\s+(?:on\s+)?$", re.IGNORECASE
)
_RANGE_CUE = re.compile(
    r"(?:fly|flew|flying|flown|travel\w*|journey\w*|range|distances?|covered|reach\w*)\b"
    r"[^.]{0,30}$",
    re.IGNORECASE,
)
# Where it came down, not how far it flew: "1,242 miles east of Hokkaido", "200 km off the
# coast". ("36 km from Uiju" names the launch point, so "from" alone does not count.)
_WHERE_IT_FELL = re.compile(
    r"^\)?\s+(?:\([^)]*\)\s+)?(?:(?:north|south|east|west)(?:east|west)?(?:ward)?\s+(?:of|from)"
    r"|off\s+(?:the\s+)?(?:coast|shore|[A-Z]))",
    re.IGNORECASE,
)
# What a missile could do, not what it did: "the missiles have a range of 130 kilometers".
_CAPABILITY = re.compile(
    r"\b(?:ha(?:ve|s|d)|with|boasts?)\s+(?:an?\s+)?(?:(?:maximum|potential|estimated|possible|"
    r"designed|operational)\s+)?range\s+of\s+"
    r"(?:(?:about|around|some|roughly|up to|more than|over|at least)\s+)?$"
    r"|\b(?:could|can|would|might|may)\s+(?:\w+\s+){0,4}?(?:reach|travel|fly|go|hit|strike)\w*\s+"
    r"(?:(?:as far as|about|around|some|up to)\s+)?$"
    # "falling short of its minimum range of nearly 186 miles"
    r"|\b(?:minimum|maximum|full|intended|designed)\s+range\s+of\s+(?:about\s+|around\s+|nearly\s+|"
    r"near\s+|up\s+to\s+)?$"
    # "the missile's range could be as much as 7,000 kilometers"
    r"|\brange\s+(?:could|can|would|might|may)\s+be\s+(?:as\s+much\s+as\s+|up\s+to\s+|about\s+)?$",
    re.IGNORECASE,
)
# "an altitude far exceeding 3,500 kilometers": a bound, not the figure.
_LOWER_BOUND_FIGURE = re.compile(r"\bexceeding\s+$", re.IGNORECASE)
# "fell ... about 1,180 kilometers from its launch pad": the cue follows the figure.
_RANGE_AFTER = re.compile(r"^\s+(?:away\s+)?from\s+(?:its|the)\s+launch\b", re.IGNORECASE)
# A sentence that goes on about the launch in hand without a launch verb and a missile noun
# together: "this missile was an ICBM", "They are believed to have flown about 500 km",
# "The launch occurred in the vicinity of Sunan".
_FOLLOW_UP = re.compile(
    # "The previous two tests involved …" speaks of other launches.
    r"\b(?:(?:this|that|the|these|those|both)\s+(?!(?:previous|earlier|past|prior|last)\b)"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:missiles?|rockets?|projectiles?|weapons?|launch(?:es)?|tests|firings?|[IMS]RBMs?|ICBMs?|"
    r"SLBMs?)\b(?!\s+(?:defen[cs]e|programs?|development))"
    # "Pyongyang launched them from near Tongchang-ri at 11:13 a.m.": the launch in hand.
    r"|(?:launched|fired)\s+(?:them|it)\b"
    # "The JCS said it had detected several projectiles, believed to be …"
    r"|detected\s+(?:[\w-]+\s+){0,3}?(?:missiles?|projectiles?|launch(?:es)?)\b"
    r"|(?:type|kind|class)\s+of\s+(?:the\s+)?missiles?"
    r"|(?:one|the first|the second|the other)\s+(?:missile|rocket)"
    # "it is reported to have travelled about 1,000km"
    r"|they|it\s+(?:(?:is|was|appears|appeared)\s+(?:\w+\s+)?to\s+have\s+)?"
    r"(?:(?:had|has|was)\s+)?(?:flew|flown|traveled|travelled|reached|landed|fell|"
    r"splashed|flying|soared|took\s+place|occurred))\b",
    re.IGNORECASE,
)
# The launch verb in a clause that names an earlier missile: "the Hwasong-12 ballistic missile
# North Korea launched on Aug 29", "the ICBM that Pyongyang fired in July".
_IN_PASSING = re.compile(
    r"\b(?:missiles?|rockets?|ICBMs?|IRBMs?|SRBMs?|MRBMs?|SLBMs?|Hwasong[\w-]*|one)\s+"
    r"(?:that\s+|which\s+)?(?:North\s+Korea|Pyongyang|the\s+North|it)\s+(?:had\s+)?$",
    re.IGNORECASE,
)
_TALLY = re.compile(
    r"\b(?:since\s+(?:19|20)\d\d|so\s+far\s+this\s+year|this\s+year|in\s+total)\b[^.;]{0,40}\b"
    r"(?:has|have)\s+(?:[\w-]+\s+)?(?:launched|fired|test-launched|test-fired|conducted)\b",
    re.IGNORECASE,
)
_TO_COME = re.compile(
    r"\b(?:could|would|will|may|might)\s+(?:soon\s+)?be\s+(?:conducted|launched|tested|fired|"
    r"carried\s+out)\b|\bin\s+the\s+coming\s+(?:days|weeks|months)\b",
    re.IGNORECASE,
)
# "Friday’s launch", "Sunday's test": a day tied to the launch noun itself.
_DATED_LAUNCH = re.compile(
    rf"\b(?:(?:{dates.WEEKDAY_NAMES})[’']s|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:[’']s)?)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:launch|test|firing)(?:e?s)?\b"
)
# "The Tuesday test", "The test-fire was conducted by the Academy of Defence Science on
# Tuesday", "It was launched early Tuesday": a sentence that dates the launch itself, though
# it names no missile.
_LAUNCH_DAY = re.compile(
    rf"^\s*(?:The\s+(?:(?:{dates.WEEKDAY_NAMES})\s+(?:[\w-]+\s+){{0,2}}?(?:launch|test|firing)\b|"
    r"(?:[\w-]+\s+){0,2}?(?:launch|test|test-fire|firing)\s+(?:was|took place)\b)|"
    # "It was launched early Tuesday local time."
    r"It\s+was\s+(?:launched|fired|test-fired)\b)"
)
# "set to meet Monday, days after the launch": the day belongs to another event.
# "held a call today to discuss the recent launches": the day of the meeting about them.
_JUST_AFTER = re.compile(
    r"\b(?:just|shortly|soon|right|immediately|hours|minutes)\s+$", re.IGNORECASE
)
_NOT_THE_LAUNCH_DAY = re.compile(
    r"\b(?:after|since|following|ahead of|before|to (?:discuss|address|review|consider|"
    r"condemn|respond to))\b[^.;]*$",
    re.IGNORECASE,
)
# Publishers and datelines in US time: their "today" may be the next day in Korea.
_US_PUBLISHER = re.compile(
    r"voice of america|\bvoa\b|state department|department of (?:state|defense)|pentagon|"
    r"white house|\bdod\b|pacific command|indo-pacific|\bcnn\b|\bnpr\b|\bnbc\b|\bcbs\b|"
    r"\babc news|new york times|washington post|wall street journal|associated press|senat|"
    r"congress|house of representatives|u\.s\. mission|united states|u\.s\. forces|\busfk\b|"
    # Well-known US outlets, which date their pages in US time.
    r"\bfox\b|msnbc|axios|politico|the hill|\bcbn\b|christian broadcasting|usa today|"
    r"bloomberg|newsweek|^time\b|time magazine|time\.com|los angeles times|chicago tribune|"
    r"\bupi\b|united press|"
    r"newsmax|daily beast|\bvox\b|the atlantic|national review|military times|"
    r"stars and stripes|defense news|breaking defense|38 north|detroit news|business insider|"
    r"union of concerned scientists|all things nuclear",
    re.IGNORECASE,
)
# Publishers in Korea, Japan, China and the rest of Asia and the Pacific, whose pages carry a
# day at most an hour or two from Korea's.
_ASIAN_PUBLISHER = re.compile(
    r"yonhap|korea|kbs|arirang|joongang|chosun|dong-?a|hankyoreh|nk ?news|daily ?nk|herald|"
    r"\bmbc\b|\bsbs\b|japan|kyodo|nhk|jiji|asahi|mainichi|yomiuri|nikkei|nippon|kantei|mofa|"
    r"xinhua|cgtn(?! america)|global times|china|chinese|people's daily|\bscmp\b|taipei|taiwan|"
    r"straits|\bcna\b|singapore|manila|philippine|inquirer|hindustan|india|firstpost|dawn|"
    r"pakistan|urdupoint|\bapp\b|australia|\babc\b(?! news)|9news|sky news australia|sydney|"
    r"new zealand|rnz|newshub|stuff|otago|\bodt\b|voxy|aap|vietnam|thai|bangkok|malaysia|"
    r"indonesia|jakarta|mongolia|asia",
    re.IGNORECASE,
)
_US_DATELINE = re.compile(
    r"^(?:WASHINGTON|NEW YORK|UNITED NATIONS|HONOLULU|CAMP H\. ?M\. SMITH|ARLINGTON)\b",
    re.MULTILINE,
)
_SAME_DAY = re.compile(r"\b(?:earlier|later) (?:in|on) the day\b|\b(?:earlier|later) that day\b")
_ONE_ON = re.compile(r"\bone on\b", re.IGNORECASE)
_DISTANCE = re.compile(
    # "2,802 km", and "2, 802 km" as some copies print it.
    r"(?<![\d,])(?P<value>\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>km|kilometers|kilometres|miles)\b(?!\s*\))",
    re.IGNORECASE,
)
_SPREAD_BEFORE = re.compile(
    r"\bbetween\s+$|\d\s*(?:km|kilomet(?:er|re)s|miles)?\s*(?:and|to|-|–)\s*$", re.IGNORECASE
)
_SPREAD_AFTER = re.compile(r"^\s*(?:and|to|-|–)\s*\d")
# "reached 6,045 kilometers high": the cue follows the figure.
_APOGEE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:high|in altitude|into space)\b", re.IGNORECASE)
_APOGEE_CUE = re.compile(
    # "flying as high as 50 kilometers"
    r"\b(?:as\s+)?high\s+as\s+(?:about\s+|around\s+)?$|"
    r"(?:altitude|apogee|height|ascent)\s+(?:of\s+)?"
    r"(?:(?:about|around|some|roughly|approximately|nearly|up to|more than|over|at least|"
    r"an estimated)\s+)?$",
    re.IGNORECASE,
)
_SINCE_DAYS = re.compile(
    r"\bfirst (?P<what>(?:[\w-]+\s+){0,4}?)(?:launch|test)\w* in (?P<n>\w+) days\b", re.IGNORECASE
)
# A dateline dates the page, not the launch: "SEOUL, May 28 (AJU PRESS) -", "TOKYO, Oct. 4
# (Reuters) -", "SEOUL (UrduPoint News / Sputnik - 15th April, 2020)".
_DATELINE_BEFORE = re.compile(
    r"^\W*[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3},\s*$"
    r"|^\W*[A-Z][^()]{0,40}\([^()]{2,60}[-–—/,]\s*$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:\([^()]{2,40}\)|[-–—]|\))")
# "fired a ballistic missile only four days after Moon Jae-in took office on May 10".
_DAYS_AFTER_DAY = re.compile(
    r"(?<!\bin\s)(?<!\bwithin\s)\b(?P<n>\w+)\s+days?\s+after\b(?P<what>[^.;“”\"]{0,80}?)\s(?:on\s+)?$",
    re.IGNORECASE,
)
# Who fired, in sentences that date an earlier launch by it.
_THE_NORTH = r"(?:it|north korea|the north|pyongyang)"
_DAYS_AFTER = re.compile(
    rf"\b(?P<n>\w+) days? (?P<dir>after|before) (?:{_THE_NORTH}"
    r"(?:['’]s military)? (?:(?:had|appeared to|apparently)\s+)*"
    r"(?P<verb>fired|launched|tested|test-fired|conducted|fire|launch|test)"
    # "a day after firing three short-range guided missiles"
    r"|(?:firing|launching|test-firing))\b(?P<what>[^,.;]*)",
    re.IGNORECASE,
)
# "since Nov. 5 last year, when it fired several short-range missiles", "its first ICBM launch
# since July 12.": the day after "since" was itself a launch's.
_WHEN_IT_FIRED = re.compile(
    rf",?\s+when\s+{_THE_NORTH}\s+(?:had\s+)?"
    r"(?:fired|launched|test-fired|tested)\b(?P<what>[^,.;]*)",
    re.IGNORECASE,
)
_FIRST_SINCE = re.compile(
    r"\bfirst\b(?P<what>[^.;]{0,60}?)\b(?:launch|test|firing|time)\w*\b[^.;]{0,40}\bsince\s+$",
    re.IGNORECASE,
)
LANDING = (
    (
        r"east sea|sea of japan|east coast|eastern waters|between the korean peninsula and japan",
        "Sea of Japan / East Sea",
    ),
    (r"yellow sea|west sea|west coast|western waters", "Yellow Sea / West Sea"),
    (r"pacific ocean", "Pacific Ocean"),
)
CLAIMANTS = (
    (r"joint chiefs|\bJCS\b|\bJSC\b", "ROK JCS"),
    (
        r"japan(?:’s|'s|ese)? (?:defen[cs]e ministry|ministry of defen[cs]e|coast guard)|tokyo",
        "Japan MoD",
    ),
    (r"\bKCNA\b|korea(?:n)? central news agency|state media", "KCNA"),
    (r"indo-pacific command|pacific command", "US INDOPACOM"),
)


FIGURES = ("range_km", "apogee_km")


@dataclass
class Launch:
    state: str
    date: dt.date
    precision: str = "day"
    date_note: str | None = None
    fields: dict = field(default_factory=dict)  # field -> value
    evidence: dict = field(default_factory=dict)  # field -> (start, end)
    claimants: dict = field(default_factory=dict)  # field -> claimant of the value kept
    claims: list = field(default_factory=list)  # (field, value, claimant, (start, end))
    # Figures the article gives twice, differently ("some 1,100 kilometers" by Seoul's count,
    # "1,500 kilometers" by KCNA's; or one figure per missile in one sentence): the record
    # leaves them empty and each figure becomes a claim.
    contested: set = field(default_factory=set)
    # Fields the article leaves open where it first speaks of them: "several cruise
    # missiles", "at least 10 missiles" give no count, and a later "a missile" does not either.
    open: set = field(default_factory=set)

    def set(self, name: str, value, span: tuple[int, int], claimant: str | None) -> None:
        if name in self.open:
            return
        if name not in self.fields:
            self.fields[name] = value
            self.evidence[name] = span
            self.claimants[name] = claimant
        elif (
            name in FIGURES
            and abs(value - self.fields[name]) > 0.01 * self.fields[name]
            and (
                # two sources, or two figures side by side (one per missile); a figure further
                # on may be another launch's, which the first one stands against
                (claimant and self.claimants.get(name) and claimant != self.claimants[name])
                or abs(span[0] - self.evidence[name][0]) < 150
            )
        ):
            self.contested.add(name)
            self.claims.append((name, value, claimant, span))
        elif self.fields[name] != value and claimant and claimant != self.claimants.get(name):
            self.claims.append((name, value, claimant, span))


def _number(word: str) -> int | None:
    word = word.lower()
    if word in ("a", "an", "single", "another"):
        return 1
    if word.isdigit():
        return int(word)
    if word == "both":
        return 2  # "fired both missiles into the sea"
    return NUMBERS.get(word)


# "a medium- or intermediate-range ballistic missile": the source hedges between two classes,
# so the sentence settles neither.
_EITHER_CLASS = re.compile(
    r"\b(?:short|medium|intermediate|long)-(?:range)?\s+or\s+(?:short|medium|intermediate|long)-range",
    re.IGNORECASE,
)
# "unlikely to have been intercontinental ballistic missiles": a class the source rules out.
_DENIED = re.compile(
    r"\b(?:unlikely\s+to\s+(?:have\s+)?be(?:en)?|not(?:\s+been|\s+be)?|rather\s+than|instead\s+of|"
    r"ruled\s+out)\s+(?:an?\s+)?$",
    re.IGNORECASE,
)


def missile_class(words: str) -> tuple[str, re.Match] | None:
    """A designation's class if one is named, else the first class word in the sentence.

    Designations of different classes in one sentence ("Scud-type and Nodong missiles") are a
    mixed salvo: the sentence settles no single class.
    """
    named = [(kind, m) for pattern, kind in MISSILE_NAMES if (m := re.search(pattern, words))]
    if len({kind for kind, _ in named}) > 1:
        return None
    words = _EITHER_CLASS.sub(lambda m: " " * len(m[0]), words)
    found = [
        (match.start(), kind, match)
        for pattern, kind in CLASS_WORDS
        if (
            match := next(
                (
                    m
                    for m in re.finditer(pattern, words, re.IGNORECASE)
                    if not _DENIED.search(words[: m.start()])
                ),
                None,
            )
        )
    ]
    described = min(found, key=lambda f: f[0])[1:] if found else None
    platform = next((f for f in found if f[1] == "SLBM"), None)
    ballistic = described and described[0] in ("SRBM", "MRBM", "IRBM", "ICBM")
    if ballistic and platform and 0 <= platform[0] - described[1].end() <= 30:
        # "a short-range ballistic missile from a submarine": the platform makes it an SLBM.
        described = platform[1:]
    if named and described and described[0] != named[0][0]:
        # "two Musudan mid-range missiles": the article's own word for the named missile, not
        # the table's; "a new cruise missile and a Hwasong-15" are two missiles.
        name = named[0][1]
        lo, hi = sorted((name.end(), described[1].start()))
        if hi - lo <= 25 and not re.search(r"\band\b|,|;", words[lo:hi]):
            return described
    if named:
        return min(named, key=lambda found: found[1].start())
    return described


def _claimant(words: str) -> str | None:
    for pattern, name in CLAIMANTS:
        if re.search(pattern, words, re.IGNORECASE):
            return name
    return None


def _state(before: str) -> str:
    """Launching state: South Korea's own tests are KOR when South Korea (or its military)
    is the subject shortly before the verb; anything else is North Korea's."""
    south = re.search(
        r"(?:south korea\b(?!n)|seoul\b|south korean (?:military|navy|army|air force|forces|"
        r"troops|soldiers|marines))"
        r"(?P<rest>[^.;]{0,60})$",
        before,
        re.IGNORECASE,
    )
    # "a South Korean military had described the launch": the South speaks of a launch.
    if (
        south
        and not re.search(r"north|pyongyang|dprk", south["rest"], re.IGNORECASE)
        and not re.search(rf"\b{VERBS}\b", south["rest"])
        and not re.search(r"\b(?:the|a|an|its|this|that)\s+$", south["rest"])
        # "According to South Korea's Joint Chiefs of Staff, three missiles were fired": the
        # source of the report, not the subject.
        and not re.search(r"\baccording\s+to\s+$|\bciting\s+$", before[: south.start()], re.I)
    ):
        return "KOR"
    return "PRK"


_THIS_MORNING = re.compile(r"\b[Tt]his (?:morning|afternoon)[’']s (?:launch|test|firing)\b")
# Breaking news with no day word: the launch happened on the day the text was published.
_JUST_NOW = re.compile(
    r"\b(?:a\s+(?:short\s+)?while\s+ago|just\s+now|moments\s+ago|earlier\s+today|"
    r"this\s+(?:morning|afternoon|evening)|(?:has|have)\s+(?:just\s+)?"
    r"(?:launched|fired|test-fired|tested))\b",
    re.IGNORECASE,
)
# "has launched a flurry of missile tests recently": a run of launches, not the news of the day.
# ("its fifth such launch in recent weeks" counts the launch in hand among others.)
_GENERAL = re.compile(
    r"\b(?<!launch )(?<!launches )(?:recently|in recent (?:weeks|months|years)|this year|so far|"
    r"a (?:flurry|series|string|"
    r"spate|number) of|dozens of|repeatedly|regularly)\b",
    re.IGNORECASE,
)
# Verbs that name a thing rather than say something on a day: "a ballistic missile which North
# Korea calls a “satellite” was launched".
_NAMING_VERBS = {"calls", "called", "describes", "described", "dubbed", "labeled", "labelled"}


# "put a satellite into orbit"; not "satellite imagery" of the site.
_SATELLITE = re.compile(
    r"\bsatellites?\b(?!\s+(?:imag|photo|picture|data|analys|views?|observation of))",
    re.IGNORECASE,
)
# "plans to launch a spy satellite", "ahead of a satellite launch": not the launch in hand.
_PLANNED = re.compile(
    r"\b(?:plan\w*|will|would|ahead of|prepar\w*|vow\w*|intend\w*|next|future|another|"
    r"upcoming|pledged?|aims?)\b",
    re.IGNORECASE,
)
# "since 2017", and "since the resumption of the nuclear talks last year".
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:[\w-]+\s+){1,6}?)?$", re.IGNORECASE)
_BEFORE = re.compile(r"\bbefore\s+$", re.IGNORECASE)
# "promised to stop launching missiles": no launch is reported.
_NOT_LAUNCHING = re.compile(
    r"\b(?:stop|stopped|stops|halt|halted|refrain(?:ed)? from|cease|ceased|suspend(?:ed)?|"
    r"moratorium on|ban on|freeze on)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "its Monday test of a nuclear bomb", "the nuclear test of January 6": a day of a nuclear test.
_NUCLEAR_BEFORE = re.compile(
    r"\b(?:nuclear|atomic|hydrogen)(?:\s+bomb)?\s+test\s+(?:of|on)\s+$", re.IGNORECASE
)
_NUCLEAR_AFTER = re.compile(
    r"^(?:[’']s)?\s+(?:[\w-]+\s+)?(?:nuclear|atomic|hydrogen|underground)\b"
    r"|^\s+test\s+of\s+an?\s+(?:nuclear|atomic|hydrogen)",
    re.IGNORECASE,
)
# "Japan's government first reported the launch early Saturday": the day an undated lede's
# launch was reported, which for breaking news is the day of the launch.
_REPORTED_LAUNCH = re.compile(
    r"\b(?:reported|confirmed|announced|detected)\s+(?:the|a)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:launch|test|firing)\b(?!\s+(?:vehicle|pad|site|window))",
    re.IGNORECASE,
)


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|this|that|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _main_trigger(words: str) -> re.Match | None:
    """The launch verb: "Responding to the launch, South Korean soldiers fired missiles" is
    about the soldiers' firing, so a launch noun after an article gives way to a later verb."""
    triggers = list(_TRIGGER.finditer(words))
    for match in triggers:
        noun = match[0].lower() in ("launch", "launches", "test of", "tests of", "firing")
        if not (noun and _NOUN_BEFORE.search(words[: match.start()])):
            return match
    return triggers[0] if triggers else None


def _nuclear_day(words: str, mention: dates.DateMention, offset: int) -> bool:
    return bool(
        _NUCLEAR_BEFORE.search(words[: mention.start - offset])
        or _NUCLEAR_AFTER.match(words[mention.end - offset :])
    )


def _another_verb(words: str) -> bool:
    """A verb of saying between a day and the launch verb, so the day is that verb's."""
    return any(
        m[0] not in _NAMING_VERBS
        # "On 3 November, an ICBM was reported to have been fired": a passive, no one speaking.
        and not re.search(r"\b(?:was|were|been|being|is|are)\s+$", words[: m.start()])
        for m in re.finditer(rf"\b{VERBS}\b", words)
    )


def _day_role(
    mention: dates.DateMention,
    words: str,
    sentence: Span,
    trigger: re.Match,
    dated: list[tuple[int, int]],
) -> str:
    """What a day in a launch sentence dates: "launch", "saying" (the day a verb of saying
    reported it: "said on Thursday", "Japan on Nov. 22 criticized the launch") or "other"
    (a day before "after" or "ahead of", a speaker's own "today" inside quotation marks)."""
    if any(start <= mention.start < end for start, end in dated):
        return "launch"
    said_on = bool(_SAID_ON.search(words[: mention.start - sentence.start]))
    not_launch_day = other_verb = False
    if mention.start < sentence.start + trigger.start():
        between = words[mention.end - sentence.start : trigger.start()]
        blocker = _NOT_THE_LAUNCH_DAY.search(between)
        # "warned Thursday at a meeting held just after a missile launch": the same day.
        not_launch_day = bool(blocker) and not (
            blocker[0].lower().startswith("after")
            and _JUST_AFTER.search(between[: blocker.start()])
        )
        other_verb = mention.precision == "day" and _another_verb(between)
    quoted_today = mention.how.startswith(('"today', '"yesterday')) and _quoted(
        words, mention, sentence
    )
    if not (said_on or quoted_today or not_launch_day or other_verb):
        return "launch"
    if mention.precision == "day" and (said_on or other_verb and not not_launch_day):
        return "saying"
    return "other"


def _launched_satellite(words: str) -> re.Match | None:
    """A satellite the sentence speaks of as launched, not planned ("as Pyongyang prepares to
    launch a spy satellite")."""
    match = _SATELLITE.search(words)
    if match and _PLANNED.search(words[max(0, match.start() - 50) : match.start()]):
        return None
    return match


def us_dated(text: str, publisher: str | None) -> bool:
    """Whether the article's "today" is a day in US time (publisher or dateline)."""
    return bool((publisher and _US_PUBLISHER.search(publisher)) or _US_DATELINE.search(text[:600]))


def dated_west_of_asia(publisher: str | None) -> bool:
    """Whether a page, like a US one, can carry the day before Korea's: one from Europe, the
    Middle East or elsewhere west of Asia ("Wednesday morning" in Korea on a page dated
    Tuesday). Asian and Pacific pages date in Korea's day or close to it."""
    return bool(publisher) and not _ASIAN_PUBLISHER.search(publisher)


class _Finder:
    def __init__(
        self,
        text: str,
        published: dt.date,
        gazetteer: Gazetteer,
        us_time: bool = False,
        behind: bool | None = None,
    ):
        self.text, self.published, self.gazetteer = text, published, gazetteer
        self.us_time = us_time
        # Whether a weekday may be the day after the page's date (see `dated_west_of_asia`).
        self.behind = us_time if behind is None else behind
        self.launches: dict[tuple[str, dt.date], Launch] = {}
        self.current: Launch | None = None
        self.undated: list[Span] = []
        # Follow-up sentences read while the lede's launch was still undated.
        self.pending: list[Span] = []
        # Sentences that call the launch in hand a satellite's: (launch or None, evidence span).
        self.satellite: list[tuple[Launch | None, tuple[int, int]]] = []
        self.reported: tuple[str, dates.DateMention] | None = None

    def launch(self, state: str, mention: dates.DateMention) -> Launch:
        key = (state, mention.date)
        if key not in self.launches:
            note = None if mention.how == "explicit date" else f"Date from {mention.how}."
            self.launches[key] = Launch(state, mention.date, mention.precision, note)
            self.launches[key].evidence["date_local"] = mention.span
        return self.launches[key]

    def _local_day_of_current(self, state: str, mention: dates.DateMention, words: str) -> bool:
        """ "North Korea on Tuesday fired …. The missile was fired at dawn, local time, on
        Wednesday": the second sentence gives the Korean day of the launch the first dated in
        another zone, not a launch of its own."""
        current = self.current
        return (
            current is not None
            and current.state == state
            and mention.date - current.date == dt.timedelta(days=1)
            and bool(_LOCAL_TIME.search(words))
            and bool(_THE_LAUNCH_AGAIN.match(words))
        )

    def redate(self, launch: Launch, mention: dates.DateMention) -> Launch:
        """Move `launch` to the day of `mention` (merging with a launch already there)."""
        self.launches.pop((launch.state, launch.date), None)
        target = self.launches.get((launch.state, mention.date))
        if target is None:
            launch.date, launch.precision = mention.date, mention.precision
            launch.date_note = f"Date from {mention.how} (local time)."
            launch.evidence["date_local"] = mention.span
            self.launches[(launch.state, mention.date)] = launch
            return launch
        for name, value in launch.fields.items():
            target.set(name, value, launch.evidence[name], launch.claimants.get(name))
        return target

    def sentence(self, sentence: Span) -> None:
        words = sentence.text
        trigger = _main_trigger(words)
        if trigger and _NOT_LAUNCHING.search(words[: trigger.start()]):
            trigger = None
        launched_thing = _MISSILE.search(words) or _launched_satellite(words)
        if not trigger or not (launched_thing or _DATED_LAUNCH.search(words)):
            self.follow_up(words, sentence.start)
            return
        mentioned = dates.find_dates(words, self.published, sentence.start, self.behind)
        said_on = [m for m in mentioned if _SAID_ON.search(words[: m.start - sentence.start])]
        if said_on and _SAME_DAY.search(words):
            # "said on Thursday that the North fired ... earlier in the day".
            self.current = launch = self.launch(_state(words[: trigger.start()]), said_on[0])
            self.fill(launch, words, sentence.start)
            return
        dated = [
            (sentence.start + d.start(), sentence.start + d.end())
            for d in _DATED_LAUNCH.finditer(words)
        ]
        dateline = _dateline_yields(words, mentioned, sentence.start)
        found = [
            m
            for m in mentioned
            if not _nuclear_day(words, m, sentence.start)
            # "Since last Thursday, it has fired 11 missiles": the start of a run of launches.
            and not _SINCE.search(words[: m.start - sentence.start])
            # "for the first time since 2017": when the last one was, not this one.
            and not m.how.lower().startswith('"since')
            and id(m) not in dateline
        ]
        self._since(words, sentence.start, mentioned, _state(words[: trigger.start()]))
        roles = {id(m): _day_role(m, words, sentence, trigger, dated) for m in found}
        for m in found:
            # "“North Korea fired an unidentified missile … at around 5:30 a.m. today,” the JCS
            # said": a speaker's "today" on the day of the launch in hand is that launch's.
            if (
                roles[id(m)] == "other"
                and self.current is not None
                and m.date == self.current.date
                and m.how.startswith('"today')
                and _quoted(words, m, sentence)
            ):
                roles[id(m)] = "launch"
        every = [m for m in found if roles[id(m)] == "launch"]
        if (
            not every
            and not (self.us_time and re.search(r"\b(?:evening|night)\b", words))
            and re.search(r"\b(?:has|have)\s+(?:\w+\s+)?$", words[: trigger.start()])
        ):
            # Breaking news, "North Korea has fired two missiles, the military said Thursday":
            # the day it was said is the day of the launch; but a US "Monday evening" is
            # Tuesday morning in Korea, which a later sentence settles.
            every = [m for m in found if m.start > sentence.start + trigger.start()]
        # Days of saying ("issued a statement Monday saying the missiles were fired").
        reported = [
            m
            for m in found
            if roles[id(m)] == "saying"
            and m not in every
            and not (self.us_time and m.how.startswith(('"today', '"yesterday')))
        ]
        if self.us_time and not dates.find_times(words):
            # "today" in Washington with no clock time: the Korean day may be the next one.
            every = [m for m in every if not m.how.startswith(('"today', '"yesterday'))]
        # Only launches dated to the day: a month or a period ("last week") is too vague to
        # place a launch, and a sentence about last week is not about the launch in hand.
        verb_at = sentence.start + trigger.start()
        mentions = [
            _days_after(words, m, sentence.start, verb_at) for m in every if m.precision == "day"
        ]
        # "the military said on Friday it detected the firing … the third launch this month":
        # a tally, and the sentence still says when the undated lede's launch was reported.
        if (
            every
            and not mentions
            and not (
                reported
                and self.current is None
                and all(m.how.startswith(('"this month', '"this year')) for m in every)
            )
        ):
            return
        after = [m for m in mentions if m.start >= verb_at]
        state = _state(words[: trigger.start()])
        if _ONE_ON.search(words) and len(after) > 1:
            # "one missile on March 3 and another on March 9": one launch per date.
            for mention in after:
                launch = self.launch(state, mention)
                self.fill(launch, words, sentence.start)
                one = (mention.start - len("one on "), mention.start)
                if self.text[one[0] : one[1]].lower() == "one on ":
                    launch.fields["count"], launch.evidence["count"] = 1, one
            self.current = self.launch(state, after[0])
            return
        if self._dated_list(state, mentions, words, sentence.start):
            return
        chosen = (after or mentions[-1:] or [None])[0]
        if chosen is not None and chosen.how == dates.SECOND_DAY and chosen in mentions[1:]:
            # "on July 4 and 5 launched seven missiles": launches on both days, the sentence's
            # figures given to the first.
            self.launch(state, chosen)
            chosen = mentions[mentions.index(chosen) - 1]
        if chosen is not None and self._local_day_of_current(state, chosen, words):
            launch = self.redate(self.current, _in_kst(chosen, words, sentence.start, self.us_time))
        elif chosen is not None:
            launch = self.launch(state, _in_kst(chosen, words, sentence.start, self.us_time))
        elif (
            self.current is None
            and not self.us_time
            and not any(
                # "Since last Thursday it has fired 11 missiles" is a run; "its first ICBM
                # test since 2017" is one launch.
                _SINCE.search(words[: m.start - sentence.start])
                and not _FIRST_SINCE.search(words[: m.start - sentence.start])
                for m in mentioned
            )
            and not _GENERAL.search(words)
            and (just := _JUST_NOW.search(words))
        ):
            # "A short while ago, North Korea fired …", "North Korea has launched …" in a
            # government's statement of the day: the launch is on the publication day (the
            # publisher's day is Korea's, or Japan's, which is the same).
            how = f'"{just[0]}" on the publication day ({self.published})'
            start, end = sentence.start + just.start(), sentence.start + just.end()
            launch = self.launch(state, dates.DateMention(start, end, self.published, "day", how))
        elif self.current is not None and any(roles[id(m)] == "other" for m in found):
            # "The Security Council will meet at 3pm on Wednesday to discuss the missile
            # firing": the sentence dates something else; its figures are not the launch's.
            return
        elif self.current is not None and _TALLY.search(words):
            return  # "Since 2017, North Korea has test-launched 14 missiles": a tally
        elif self.current is not None and _TO_COME.search(words):
            return  # "a full test-fire of the new ICBM could be conducted": not this launch
        elif self.current is not None:
            how = f"the day of the launch reported just before ({self.current.date})"
            same_day = dates.DateMention(0, 0, self.current.date, self.current.precision, how)
            launch = self.current if state == self.current.state else self.launch(state, same_day)
            if "date_local" not in launch.evidence or launch.evidence["date_local"] == (0, 0):
                launch.evidence["date_local"] = self.current.evidence.get("date_local", (0, 0))
        else:
            # An undated lede ("the latest launch involved a hypersonic missile, state media
            # said") describes the launch the article dates further down. Failing that, the
            # day the news broke ("issued a statement Monday saying the missiles were fired")
            # is the day of the launch (`finish`).
            # Of two days it was reported on, one after the other ("confirmed on Saturday …",
            # "a day after the military said on Friday it detected the firing"), the earlier
            # is the launch's: state media report the day after.
            if (
                self.current is None
                and reported
                and (
                    self.reported is None
                    or self.reported[1].date - reported[0].date == dt.timedelta(days=1)
                )
            ):
                self.reported = (state, reported[0])
            self.undated.append(sentence)
            return
        first = self.current is None
        passing = _IN_PASSING.search(words[: trigger.start()])
        if first or not passing or self._recent_day(launch.date):
            # An earlier launch named in passing ("a similar route to the Hwasong-12 ballistic
            # missile North Korea launched on Aug 29") does not take over the follow-up
            # sentences of the launch in hand.
            self.current = launch
        self.fill(launch, words, sentence.start)
        # The undated lede is the news: it describes a launch of the last few days, not an
        # earlier one the article dates in passing ("its last launch, on April 13").
        if first and self._recent_day(launch.date):
            self._fill_from_lede(launch)
            self.reported = None
        self.passing(words, sentence.start, launch)

    def satellite_cue(self, sentence: Span) -> None:
        """'It was a failed attempt to put a satellite into orbit': the launch in hand carried
        a satellite, unless the sentence dates another day or speaks of a plan."""
        match = _launched_satellite(sentence.text)
        if not match:
            return
        days = dates.find_dates(sentence.text, self.published, sentence.start, self.behind)
        if any(
            self.current is None or m.date != self.current.date
            for m in days
            if m.precision == "day"
        ):
            return
        span = (sentence.start + match.start(), sentence.start + match.end())
        self.satellite.append((self.current, span))

    def finish(self) -> None:
        """An undated lede no later sentence dated: its launch is on the day it was reported.
        A launch the article calls a satellite's, and whose class nothing else named, is a
        space launch."""
        if self.reported is not None and self.undated:
            state, mention = self.reported
            launch = self.launch(state, self._reported(mention))
            self._fill_from_lede(launch)
        elif (
            self.undated
            and not self.launches
            and not self.behind
            and _THIS_MORNING.search(self.text)
        ):
            # "North Korea test fired an ICBM …. “This morning's launch highlights …”": news of
            # the page's own day, on a page dated in Korea's part of the world.
            state = self._lede_state()
            found = _THIS_MORNING.search(self.text)
            how = f'"{found[0]}" on the publication day ({self.published})'
            mention = dates.DateMention(found.start(), found.end(), self.published, "day", how)
            launch = self.launch(state, mention)
            self._fill_from_lede(launch)
        elif (
            self.undated
            and not self.launches
            and not self.behind
            and (dateline := self._dateline_day()) is not None
        ):
            # "SEOUL, July 4 (Yonhap) -- … North Korea fired an unidentified projectile …, the
            # JCS reported earlier": an Asian page's undated news is of its dateline's day.
            launch = self.launch(self._lede_state(), dateline)
            self._fill_from_lede(launch)
        for launch, span in self.satellite:
            # Before any launch was dated, the cue is about the article's news: a launch of
            # the last few days.
            targets = [launch] if launch else self._recent()
            for target in targets:
                target.set("missile_class", "SLV", span, None)

    def _dateline_day(self) -> dates.DateMention | None:
        """The dateline's day, when it is the publication's: "SEOUL, July 4 (Yonhap) --"."""
        for paragraph in self.text.split("\n\n")[:3]:
            for mention in dates.explicit_dates(paragraph[:80], self.published):
                if _in_dateline(paragraph, mention, 0) and mention.date == self.published:
                    start = self.text.index(paragraph)
                    how = f"the dateline's day ({self.published})"
                    return dates.DateMention(
                        start + mention.start, start + mention.end, mention.date, "day", how
                    )
        return None

    def _lede_state(self) -> str:
        """The launching state of the undated lede."""
        lede = self.undated[0]
        trigger = _TRIGGER.search(lede.text)
        return _state(lede.text[: trigger.start()]) if trigger else "PRK"

    def _fill_from_lede(self, launch: Launch) -> None:
        """The undated lede's figures go to the launch a later sentence dated."""
        for earlier in self.undated:
            self.fill(launch, earlier.text, earlier.start)
        for later in self.pending:
            # A follow-up sentence gives figures, not the count (see `follow_up`).
            counted = "count" in launch.fields
            self.fill(launch, later.text, later.start)
            if not counted:
                launch.fields.pop("count", None)
                launch.evidence.pop("count", None)
        self.pending = []

    def _us_day(self, launch: Launch, zone: str, day: dt.date) -> bool:
        """Whether a US clock time moves `launch`, dated by a US page's own day word, to
        another day in Korea (and no launch is there already)."""
        start, end = launch.evidence.get("date_local", (0, 0))
        return (
            self.us_time
            and zone.startswith(("America/", "Pacific/Honolulu"))
            and day != launch.date
            and "time_local" not in launch.fields
            and "KST" not in (launch.date_note or "")
            # "early Wednesday local time" is Korea's day already
            and not _LOCAL_TIME.search(self.text[start : end + 40])
            and self.launches.get((launch.state, launch.date)) is launch
            and (launch.state, day) not in self.launches
        )

    def _recent_day(self, day: dt.date) -> bool:
        return abs((self.published - day).days) <= 3

    def _recent(self) -> list[Launch]:
        return [
            launch
            for launch in self.launches.values()
            if launch.state == "PRK" and self._recent_day(launch.date)
        ]

    def _reported(self, mention: dates.DateMention) -> dates.DateMention:
        how = f"the day the launch was reported ({mention.how})"
        return dates.DateMention(mention.start, mention.end, mention.date, mention.precision, how)

    def _dated_list(
        self, state: str, mentions: list[dates.DateMention], words: str, offset: int
    ) -> bool:
        """ "the DPRK's March 15th ICBM and March 18th SRBM launches": one launch per day, each
        with the class named right after its day."""
        if len(mentions) < 2:
            return False
        ends = [m.start - offset for m in mentions[1:]] + [len(words)]
        parts = [words[m.end - offset : end] for m, end in zip(mentions, ends, strict=True)]
        if not all(missile_class(part[:30]) for part in parts):
            return False
        for mention, part in zip(mentions, parts, strict=True):
            launch = self.launch(state, mention)
            self.fill(launch, part, mention.end)
            self.current = launch
        return True

    def follow_up(self, words: str, offset: int) -> None:
        """Class, figures and place from an undated sentence about the launch in hand.

        Only fields still empty are filled, and never the count or the day: a sentence
        without a launch verb is not a new launch. A sentence about what may come ("a full
        test-fire of the new ICBM could be conducted") is not about the launch in hand. With
        no launch in hand yet, a sentence saying when an undated lede's launch took place
        ("The Tuesday test") or was reported dates it.
        """
        own_day = _LAUNCH_DAY.search(words)
        if self.current is None and self.undated and (own_day or _REPORTED_LAUNCH.search(words)):
            found = dates.find_dates(words, self.published, offset, self.behind)
            days = [m for m in found if m.precision == "day"]
            if len(days) == 1:
                state = self._lede_state()
                day = days[0] if own_day else self._reported(days[0])
                self.current = launch = self.launch(state, day)
                self._fill_from_lede(launch)
                self.fill(launch, words, offset)
                self.reported = None
            if days or not own_day:
                return
        if (
            self.current is None
            and self.undated
            and _FOLLOW_UP.search(words)
            and not _TO_COME.search(words)
            and not dates.find_dates(words, self.published, offset, self.behind)
        ):
            # "According to the JCS, the missiles covered approximately 900 kilometers", after
            # a lede dated only by the day it was said: the figures wait for that launch.
            self.pending.append(Span(offset, offset + len(words), words))
            return
        if self.current is None or not _FOLLOW_UP.search(words) or _TO_COME.search(words):
            return
        # "The launch Wednesday took place from …" may name the launch's own day, no other.
        if any(
            m.date != self.current.date
            for m in dates.find_dates(words, self.published, offset, self.behind)
        ):
            return
        known = set(self.current.fields)
        self.fill(self.current, words, offset)
        for name in ("count",):
            single = self.current.evidence.get(name) and re.match(
                r"(?:an?|one)\s", self.text[slice(*self.current.evidence[name])], re.IGNORECASE
            )
            # "It was a new type of ballistic missile": one missile, though no launch verb says
            # so; a number in a sentence without one may count anything.
            if name not in known and not single:
                self.current.fields.pop(name, None)
                self.current.evidence.pop(name, None)

    def fill(self, launch: Launch, words: str, offset: int) -> None:
        claimant = _claimant(words)
        kind = missile_class(words)
        if kind:
            launch.set("missile_class", kind[0], _span(kind[1], offset), claimant)
        name = _NAME.search(words)
        if name:
            launch.set("missile_name", name[0], _span(name, offset), claimant)
        number = count_match(words)
        vague = _VAGUE_COUNT.search(words)
        if number and not (vague and vague.start() < number.start()):
            value = _number(number["barrage"] or number["n"])
            if value:
                launch.set("count", value, _span(number, offset), claimant)
        elif vague and "count" not in launch.fields:
            launch.open.add("count")
        elif (one := _ONE_NAMED.search(words)) is not None:
            launch.set("count", 1, _span(one, offset), claimant)
        # "just before 8 a.m." is not the time of the launch.
        times = dates.find_times(words, offset)
        times = [t for t in times if not _BEFORE.search(words[: t.start - offset])]
        if times:
            first = times[0]
            hhmm = first.hhmm
            if first.zone and first.zone != dates.KST:
                day, hhmm = dates.to_kst(launch.date, hhmm, first.zone)
                if self._us_day(launch, first.zone, day):
                    # "The Pentagon said Tuesday …. “We detected a probable missile launch” at
                    # approximately 1:30 p.m. EST": a US clock past midnight in Korea moves the
                    # US day the page gave to Korea's.
                    self.launches.pop((launch.state, launch.date))
                    launch.date_note = (
                        f"{launch.date_note or 'Date from the text.'} {first.hhmm} "
                        f"{first.zone} is {hhmm} KST on {day}."
                    )
                    launch.date = day
                    self.launches[(launch.state, day)] = launch
            launch.set("time_local", hhmm, (first.start, first.end), claimant)
        found = self.gazetteer.find(words, offset)
        # A province that holds one known site is weaker than a launch point the sentence
        # names: "launched from the area of Pyongyang … flew toward an island off Kilju in North
        # Hamgyong Province".
        named = [m for m in found if not re.search(r"\bprovince$", m.text, re.IGNORECASE)]
        # A launch point that is such a province ("fired … from North Pyongan Province") keeps
        # the province's one site.
        points = [
            next((m for m in found if m.start < p.end and p.start < m.end), p)
            for p in self.gazetteer.launch_points(words, offset)
        ]
        for site in named or points or found:
            launch.set("site", site, (site.start, site.end), claimant)
            break
        for match in _DISTANCE.finditer(words):
            km = float(re.sub(r",\s?", "", match["value"]))
            if match["unit"].lower() == "miles":
                km = round(km * 1.609344)
            lead = words[: match.start()][-40:]
            if _WHERE_IT_FELL.match(words[match.end() :]):
                continue
            if _CAPABILITY.search(lead) or _LOWER_BOUND_FIGURE.search(lead):
                continue  # "have a range of 130 km", "far exceeding 3,500 km": no flight figure
            if _SPREAD_BEFORE.search(lead) or _SPREAD_AFTER.match(words[match.end() :]):
                continue  # "between 70km and 200km": a spread over several missiles
            # "flew into the sea 1,242 miles east of Hokkaido": where, not how far
            if _APOGEE_CUE.search(lead) or _APOGEE_AFTER.match(words[match.end() :]):
                cue = "apogee_km"
            elif _RANGE_CUE.search(lead) or _RANGE_AFTER.match(words[match.end() :]):
                cue = "range_km"
            else:
                continue  # a distance that is not the flight ("a 120 km lateral movement")
            launch.set(cue, km, _span(match, offset), claimant)
        for pattern, area in LANDING:
            match = re.search(pattern, words, re.IGNORECASE)
            if match:
                launch.set("landing_area", area, _span(match, offset), claimant)
                break
        if claimant:
            launch.claimants.setdefault("reported_by", claimant)

    def passing(self, words: str, offset: int, launch: Launch) -> None:
        """Earlier launches the sentence dates relative to this one."""
        for match in _SINCE_DAYS.finditer(words):
            n = _number(match["n"])
            if n:
                self._relative(launch, -n, match, offset, match["what"])
        for match in _DAYS_AFTER.finditer(words):
            # "a day after", and "the day after" which is one day too.
            n = 1 if match["n"].lower() == "the" else _number(match["n"])
            if n:
                sign = -1 if match["dir"].lower() == "after" else 1
                self._relative(launch, sign * n, match, offset, match["what"])

    def _since(
        self, words: str, offset: int, mentioned: list[dates.DateMention], state: str
    ) -> None:
        """A launch on the day after "since" when the sentence says one took place that day."""
        for mention in mentioned:
            before, at = words[: mention.start - offset], mention.end - offset
            if mention.precision != "day" or not _SINCE.search(before):
                continue
            when = _WHEN_IT_FIRED.match(words, at)
            first = _FIRST_SINCE.search(before)
            if when:
                what, span = when["what"], (offset + when.start("what"), offset + when.end())
            elif first and re.match(r"\s*(?:[,.;)]|$)", words[at:]):
                what, span = first["what"], (mention.start, mention.end)
            else:
                continue  # "since Jan. 20", "since the May 4 talks": no launch named
            what_at = offset + when.start("what") if when else None  # no count from "first"
            _what_was_fired(self.launch(state, mention), what, what_at, span)

    def _relative(self, launch: Launch, days: int, match: re.Match, offset: int, what: str) -> None:
        day = launch.date + dt.timedelta(days=days)
        how = f"{abs(days)} days {'before' if days < 0 else 'after'} the launch of {launch.date}"
        mention = dates.DateMention(offset + match.start(), offset + match.end(), day, "day", how)
        other = self.launch(launch.state, mention)
        _what_was_fired(other, what, offset + match.start("what"), _span(match, offset))


def _what_was_fired(
    launch: Launch, what: str, what_at: int | None, class_span: tuple[int, int]
) -> None:
    """An earlier launch's class and count from the words naming what was fired ("several
    short-range missiles"), which start at `what_at` in the text (None: give no count)."""
    kind = missile_class(what)
    if kind:
        launch.set("missile_class", kind[0], class_span, None)
    number = count_match(what)
    if what_at is not None and number and _number(number["n"] or ""):
        start = what_at + number.start()
        launch.set("count", _number(number["n"]), (start, start + len(number[0])), None)


def _in_kst(
    mention: dates.DateMention, words: str, offset: int, us_time: bool = False
) -> dates.DateMention:
    """The day of a launch whose time the sentence gives in another zone, moved to KST:
    "today at 1:17 p.m. EST" on 28 November is 03:17 KST on the 29th."""
    every = dates.find_times(words, offset)
    asian = [t for t in every if t.zone in (dates.KST, "Asia/Tokyo")]
    if us_time and mention.how.startswith('"today') and asian and asian[0].hhmm < "13:00":
        # A US page's "today" with the launch's Korean or Japanese clock before 13:00 ("a
        # middle-of-the-night test (3:17 a.m. in Japan) today"): in Korea it was the next day.
        day = mention.date + dt.timedelta(days=1)
        how = f"{mention.how} in US time, {asian[0].hhmm} in Korea or Japan being on {day}"
        return dates.DateMention(mention.start, mention.end, day, mention.precision, how)
    times = [t for t in every if t.zone and t.zone != dates.KST]
    if not times or mention.precision != "day" or every[0].zone in (None, dates.KST):
        # "at around 5.57 a.m. (4:57 p.m. ET Monday)": the Korean clock comes first, and the
        # day with it is Korea's.
        return mention
    day, hhmm = dates.to_kst(mention.date, times[0].hhmm, times[0].zone)
    if day == mention.date:
        return mention
    how = f"{mention.how}, {times[0].hhmm} {times[0].zone} being {hhmm} KST on {day}"
    return dates.DateMention(mention.start, mention.end, day, mention.precision, how)


def _in_dateline(words: str, mention: dates.DateMention, offset: int) -> bool:
    """Whether the day is the dateline's ("SEOUL, May 28 (Yonhap) --"): the page's own day."""
    before, after = words[: mention.start - offset], words[mention.end - offset :]
    return bool(_DATELINE_BEFORE.search(before) and _DATELINE_AFTER.match(after))


def _dateline_yields(words: str, mentioned: list[dates.DateMention], offset: int) -> set[int]:
    """The dateline's day where the sentence names an earlier day ("SEOUL (Sputnik - 15th
    April, 2020) North Korea has fired …, the JCS said on Tuesday"): the earlier day dates the
    news. Alone, or with the same or a later day (the report's), the dateline's is the day it
    broke."""
    lines = [m for m in mentioned if _in_dateline(words, m, offset)]
    earlier = [
        m
        for m in mentioned
        if m not in lines and m.precision == "day" and any(m.date < d.date for d in lines)
    ]
    return {id(m) for m in lines} if earlier else set()


def _days_after(
    words: str, mention: dates.DateMention, offset: int, verb_at: int
) -> dates.DateMention:
    """ "fired a missile four days after Moon took office on May 10": the launch is four days
    after the day the sentence names, which dates something else."""
    if mention.start < verb_at:
        return mention
    before = words[verb_at - offset : mention.start - offset]
    match = _DAYS_AFTER_DAY.search(before)
    n = match and (1 if match["n"].lower() in ("a", "the", "one") else _number(match["n"]))
    if not n or n > 31 or re.search(r"\b(?:fir|launch|test|shot)", match["what"], re.I):
        # "two days after the regime fired two cruise missiles on Sunday": a launch of its own.
        return mention
    how = f"{n} day(s) after {mention.date} ({mention.how})"
    day = mention.date + dt.timedelta(days=n)
    start = verb_at + match.start()
    return dates.DateMention(start, mention.end, day, mention.precision, how)


def _quoted(words: str, mention: dates.DateMention, sentence: Span) -> bool:
    """Inside quotation marks: a speaker's "today" is the day they spoke, not publication day."""
    before = words[: mention.start - sentence.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _span(match: re.Match, offset: int) -> tuple[int, int]:
    return offset + match.start(), offset + match.end()


def find_launches(
    text: str, published: dt.date, gazetteer: Gazetteer, publisher: str | None = None
) -> list[Launch]:
    us_time = us_dated(text, publisher)
    finder = _Finder(text, published, gazetteer, us_time, us_time or dated_west_of_asia(publisher))
    for sentence in all_sentences(text):
        finder.sentence(sentence)
        finder.satellite_cue(sentence)
    finder.finish()
    return sorted(finder.launches.values(), key=lambda launch: (launch.date, launch.state))
