"""Dates and times in article text, resolved to Korea Standard Time calendar dates.

News reports date recent events by weekday ("on Thursday", "early Sunday", "late Monday")
relative to the publication date, and older ones explicitly ("on January 5", "July 26, 2019").
A weekday word names the most recent such day on or before publication (reports describe what
has happened, and a same-day report says "on Thursday" of the day it is published), or the
day after it, which in Korea's time zone is often already the day of the launch.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The same names as they open a word in running text ("on Monday"), for other modules' patterns.
WEEKDAY_NAMES = "|".join(day.title() for day in WEEKDAYS)
# Month names as they are written out in running text ("in March", "in January 2021").
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# "January 5", "Jan. 5, 2022", "5 January 2022", "2022-01-05"
_EXPLICIT = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
)
# "on the 25th", "the afternoon of the 25th": a day of the month alone, as Korean reports
# translated into English write it (not "the 14th launch", "the 9th Party congress").
_ORDINAL_DAY = re.compile(
    r"\b(?:[Oo]n|of)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)”\"]|$|and\b|\s+(?:at|around|and|in|from|to|when|was|were|that)\b))"
)
_LAST_MONTH = re.compile(r"\blast\s+month\b", re.IGNORECASE)
# "in March", "in March 2021": a month without a day.
_MONTH_ONLY = re.compile(
    rf"\b[Ii]n\s+(?P<month>{MONTH_NAMES})(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+\d)"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<part>early|late|earlier|later|last)\s+(?:on\s+)?)?(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")(?P<local>\s*\(local time\))?",
    re.IGNORECASE,
)
# Periods rather than days: "this week", "earlier this year", "since 2019".
_PERIOD = re.compile(
    # "drills on the weekend", "last weekend": the Saturday and Sunday before publication.
    r"\b(?:(?P<weekend>(?:(?:on|over|at|during)\s+the|this|last)\s+weekend)\b"
    r"|(?P<which>this|last)\s+(?P<unit>week|month|year)\b|(?:in|since|during)\s+"
    r"(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b(?!-))",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<word>the day before yesterday|today|yesterday|last night|"
    r"(?P<n>two|three|four|five|six|\d) days ago)\b",
    re.IGNORECASE,
)
_DAYS_AGO = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_PREVIOUS_DAY = re.compile(r"\bthe (?:previous|preceding) day\b", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\b(?:the (?:very )?(?:next|following) day|a day later)\b", re.IGNORECASE)
# "on July 4 and 28": the second day of the same month.
_AND_DAY = re.compile(
    r"\s*(?:and|&)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:km|kilomet|miles|%|missiles?|rockets?|projectiles?|percent))"
)
_PART_OF_DAY = r"in\s+the\s+(?:morning|afternoon|evening)"
# "at 8:01 and 8:16 in the morning": the first time takes the second one's half of the day.
_HALF_NEXT = (
    rf"(?:and|or|to|-|–)\s*[01]?\d(?:[:.][0-5]\d)?\s*(?P<next>[ap]\.?\s?m\b|{_PART_OF_DAY})"
)
_TIME = re.compile(
    # Transcripts write "4: 57 p-m" and "p. m.".
    # "5.57 a.m." as some copies print it.
    r"\b(?P<hour>[01]?\d)(?:(?::\s?|\.)(?P<minute>[0-5]\d))?\s*"
    # "5:30 a.m today", the last stop left out.
    r"(?:(?P<half>a\.\s?m(?:\.|\b)|p\.\s?m(?:\.|\b)|a-m\b|p-m\b|am\b|pm\b)"
    rf"|(?P<part>{_PART_OF_DAY})|(?={_HALF_NEXT}))",
    re.IGNORECASE,
)
_TIME_24 = re.compile(
    rf"\b(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)\b(?!\s*(?:[ap]\.?m|{_PART_OF_DAY}|{_HALF_NEXT}))"
)
# Military style, "at 0755 KST", "2150 GMT", "0630 hours": only with the zone or "hours" after
# it, so a year is never a time.
_TIME_4 = re.compile(
    r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?=\s*\(?(?:KST|GMT|UTC|hours|hrs|h)\b)"
)
# "around 1:55 Moscow time": a one-digit hour on a 24-hour clock, with the zone after it.
_TIME_ZONED = re.compile(
    r"\b(?P<hour>\d):(?P<minute>[0-5]\d)(?=\s*\(?(?:MSK|GMT|UTC|KST|Moscow [Tt]ime)\b)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    precision: str  # day, week, month or year
    how: str  # the rule that resolved it, for the curator's date_note

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    hhmm: str
    zone: str | None = None  # IANA zone the clock time is given in, when the text names one


# Zones US and wire reports give launch times in ("10:41 a.m. EDT", "11:57 a.m. (Hawaii time)").
# Named zones go through the tz database, so a date in winter or summer gets the right offset.
_ZONES = (
    (r"E[DS]T|ET|Eastern(?: Standard| Daylight)? [Tt]ime", "America/New_York"),
    (r"C[DS]T|Central(?: Standard| Daylight)? [Tt]ime", "America/Chicago"),
    (r"P[DS]T|PT|Pacific(?: Standard| Daylight)? [Tt]ime", "America/Los_Angeles"),
    (r"HST|Hawaii(?:an)?(?:-Aleutian)?(?: Standard)? [Tt]ime", "Pacific/Honolulu"),
    (r"GMT|UTC", "UTC"),
    (r"MSK|Moscow [Tt]ime", "Europe/Moscow"),
    (r"KST|(?:South )?Korea(?:n)?(?: Standard)? [Tt]ime|Seoul time|Pyongyang time", "Asia/Seoul"),
    # Japan keeps Korea's clock: "(3:17 a.m. in Japan)".
    (r"JST|Japan(?:ese)?(?: Standard)? [Tt]ime|Tokyo time|in Japan", "Asia/Tokyo"),
)
_ZONE_AFTER = re.compile(
    r"\s*\(?(?P<zone>" + "|".join(pattern for pattern, _ in _ZONES) + r")\b\)?"
)
KST = "Asia/Seoul"
# How the second day of "July 4 and 5" was resolved.
SECOND_DAY = "explicit date (the second of two days)"


def weekday_before(
    weekday: str, published: dt.date, last: bool = False, ahead: bool = True
) -> dt.date:
    """The most recent `weekday` on or before the publication date, except the day after it:
    Korea is ahead of the Americas and Europe, so a report dated Friday there can describe a
    launch early on Saturday in Korea, but hardly one six days before by weekday alone. Where
    the report's day is Korea's own (`ahead` false), the day after is a week back instead.
    "Last Thursday" is always before publication, a week back when published on a Thursday."""
    back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    if last:
        return published - dt.timedelta(days=back or 7)
    if back == 6 and ahead:
        return published + dt.timedelta(days=1)
    return published - dt.timedelta(days=back)


def _year_for(month: int, day: int, published: dt.date) -> int:
    """An undated year is the publication year, unless that would put the date well after it."""
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return published.year - 1
    return published.year if candidate <= published + dt.timedelta(days=7) else published.year - 1


def _day_of_month(number: int, published: dt.date, before: str) -> dt.date | None:
    """Day `number` of the publication's month, or of the month before when that day is still
    to come or the sentence says "last month"."""
    sentence = re.split(r"[.!?]\s", before)[-1]
    month = published.replace(day=1)
    if _LAST_MONTH.search(sentence) or number > published.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    try:
        return month.replace(day=number)
    except ValueError:
        return None


def explicit_dates(text: str, published: dt.date, offset: int = 0) -> list[DateMention]:
    found = []
    matches = [m for pattern in _EXPLICIT for m in pattern.finditer(text)]
    for match in matches:
        try:
            if match.groupdict().get("iso"):
                day = dt.date.fromisoformat(match["iso"])
            else:
                month = MONTHS[match["month"].lower()]
                number = int(match["day"])
                year = int(match["year"]) if match["year"] else _year_for(month, number, published)
                day = dt.date(year, month, number)
        except ValueError:
            continue
        start, end = match.span()
        found.append(DateMention(start + offset, end + offset, day, "day", "explicit date"))
        second = _AND_DAY.match(text, end)
        if second and "iso" not in match.groupdict():
            try:
                other = day.replace(day=int(second["day"]))
            except ValueError:
                continue
            if other > day:
                s2, e2 = second.span("day")
                found.append(DateMention(s2 + offset, e2 + offset, other, "day", SECOND_DAY))
    for match in _ORDINAL_DAY.finditer(text):
        day = _day_of_month(int(match["day"]), published, text[: match.start()])
        if day is None:
            continue
        how = f'"{match[0]}" in the month of publication on {published.isoformat()}'
        s1, e1 = match.span("day")
        found.append(DateMention(s1 + offset, e1 + offset, day, "day", how))
        second = _AND_DAY.match(text, match.end())
        other = second and _day_of_month(int(second["day"]), published, text[: match.start()])
        if other and other > day:
            s2, e2 = second.span("day")
            found.append(DateMention(s2 + offset, e2 + offset, other, "day", SECOND_DAY))
    for match in _MONTH_ONLY.finditer(text):
        month = MONTHS[match["month"].lower()]
        year = int(match["year"]) if match["year"] else _year_for(month, 1, published)
        start, end = match.span()
        found.append(
            DateMention(
                start + offset, end + offset, dt.date(year, month, 1), "month", "month only"
            )
        )
    return found


_KOREAN_DAY = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:Pyongyang|Korean|Seoul)\s+time\b|"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+\(?KST\b",
    re.IGNORECASE,
)
_OF_LAST_WEEK = re.compile(r"\s+(?:of\s+)?last\s+week\b", re.IGNORECASE)


def relative_dates(
    text: str, published: dt.date, offset: int = 0, ahead: bool = True
) -> list[DateMention]:
    found = []
    for match in _WEEKDAY.finditer(text):
        if match["local"]:
            # "Tuesday (local time)" is a day in another time zone: not a KST date.
            continue
        last = (match["part"] or "").lower() == "last"
        # "on Wednesday morning Pyongyang time": Korea's own weekday, which a page dated the
        # evening before in another zone can name.
        korean = _KOREAN_DAY.match(text, match.end())
        day = weekday_before(match["weekday"], published, last, ahead or bool(korean))
        start, end = match.span()
        week = _OF_LAST_WEEK.match(text, end)
        if week:
            # "on Thursday last week": that weekday in the week before the publication's.
            monday = published - dt.timedelta(days=published.weekday() + 7)
            day = monday + dt.timedelta(days=WEEKDAYS.index(match["weekday"].lower()))
            end = week.end()
        how = f'"{text[start:end]}" before publication on {published.isoformat()}'
        found.append(DateMention(start + offset, end + offset, day, "day", how))
    for match in _RELATIVE.finditer(text):
        word = match["word"].lower()
        if match["n"]:
            n = _DAYS_AGO.get(match["n"].lower()) or int(match["n"])
            day = published - dt.timedelta(days=n)
        elif word == "the day before yesterday":
            day = published - dt.timedelta(days=2)
        elif word == "last night":
            # A London or Washington "last night" is the Korean morning of the page's day.
            day = published - dt.timedelta(days=0 if ahead else 1)
        else:
            day = published if word == "today" else published - dt.timedelta(days=1)
        how = f'"{match[0]}" relative to publication on {published.isoformat()}'
        start, end = match.span()
        found.append(DateMention(start + offset, end + offset, day, "day", how))
    return found


def periods(text: str, published: dt.date, offset: int = 0) -> list[DateMention]:
    """Weeks, months and years; the date is the first day of the period (weeks start Monday)."""
    found = []
    for match in _PERIOD.finditer(text):
        if match["year"]:
            day, precision = dt.date(int(match["year"]), 1, 1), "year"
        elif match["weekend"]:
            # A week's precision: the dates schema has no two-day period; the date is Saturday.
            day, precision = published - dt.timedelta(days=(published.weekday() - 5) % 7), "week"
        else:
            unit, back = match["unit"].lower(), match["which"].lower() == "last"
            precision = unit
            if unit == "week":
                monday = published - dt.timedelta(days=published.weekday())
                day = monday - dt.timedelta(days=7 * back)
            elif unit == "month":
                first = published.replace(day=1)
                day = (first - dt.timedelta(days=1)).replace(day=1) if back else first
            else:
                day = dt.date(published.year - back, 1, 1)
        start, end = match.span()
        how = f'"{match[0]}" relative to publication on {published.isoformat()}'
        found.append(DateMention(start + offset, end + offset, day, precision, how))
    return found


def find_dates(
    text: str, published: dt.date, offset: int = 0, ahead: bool = True
) -> list[DateMention]:
    """Every date mention in `text`, in order; "the previous day" follows the date before it.
    `ahead`: whether a weekday may be the day after publication (see `weekday_before`)."""
    mentions = (
        explicit_dates(text, published, offset)
        + relative_dates(text, published, offset, ahead)
        + periods(text, published, offset)
    )
    # "Thursday last week" is one day: the period inside it is not a mention of its own.
    mentions = [
        m
        for m in mentions
        if not any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)
    ]
    mentions.sort(key=lambda m: m.start)
    for match in _PREVIOUS_DAY.finditer(text):
        earlier = [m for m in mentions if m.end <= match.start() + offset and m.precision == "day"]
        if earlier:
            day = earlier[-1].date - dt.timedelta(days=1)
            start, end = match.span()
            mentions.append(
                DateMention(start + offset, end + offset, day, "day", "the day before a date")
            )
    mentions.sort(key=lambda m: m.start)
    for match in _NEXT_DAY.finditer(text):
        earlier = [m for m in mentions if m.end <= match.start() + offset and m.precision == "day"]
        if earlier:
            day = earlier[-1].date + dt.timedelta(days=1)
            start, end = match.span()
            mentions.append(
                DateMention(start + offset, end + offset, day, "day", "the day after a date")
            )
    # "today (May 8)": the date the writer spelled out wins over the word it explains.
    explained = {
        id(m)
        for m in mentions
        for e in mentions
        if m.how.startswith('"')
        and e.how == "explicit date"
        and re.fullmatch(r"\s*\(\s*", text[m.end - offset : e.start - offset])
    }
    # "1:47 a.m. (5:47 p.m. Thursday GMT)": the weekday of another zone's clock is not the day.
    in_other_zone = {
        id(m)
        for m in mentions
        for bracket in re.finditer(r"\([^()]*\)", text)
        if bracket.start() <= m.start - offset < bracket.end()
        and _ZONE_AFTER.search(bracket[0])
        and not re.search(r"KST|Korea|Seoul|Pyongyang", bracket[0])
    }
    kept = sorted(
        (m for m in mentions if id(m) not in explained | in_other_zone), key=lambda m: m.start
    )
    return _year_after_day(kept, text, offset)


def _year_after_day(mentions: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """ "Nov. 5 last year": the year words settle the day's year and are no mention of their
    own (a sentence that only names a year is too vague to date a launch)."""
    out: list[DateMention] = []
    for m in mentions:
        day = out[-1] if out else None
        if (
            day is not None
            and day.precision == "day"
            and m.precision == "year"
            and not text[day.end - offset : m.start - offset].strip()
        ):
            try:
                moved = day.date.replace(year=m.date.year)
            except ValueError:  # 29 February in a year without one
                moved = day.date
            how = f"{day.how}, {text[m.start - offset : m.end - offset]}"
            out[-1] = DateMention(day.start, m.end, moved, "day", how)
            continue
        out.append(m)
    return out


def _zone_after(text: str, end: int) -> tuple[str | None, int]:
    """The time zone written right after a clock time, and where its words end."""
    match = _ZONE_AFTER.match(text, end)
    if match is None:
        return None, end
    name = next(zone for pattern, zone in _ZONES if re.fullmatch(pattern, match["zone"]))
    return name, match.end()


def find_times(text: str, offset: int = 0) -> list[TimeMention]:
    """Clock times as HH:MM (24-hour), with the zone the text gives them in, if any. Reports on
    Korean launches give times in KST unless they say otherwise."""
    found = []
    for match in _TIME.finditer(text):
        hour = int(match["hour"])
        if not 1 <= hour <= 12:
            continue
        half = (match["half"] or match["part"] or match["next"]).lower()
        if half.startswith("in") and match["minute"] is None:
            continue  # "5 in the morning" may count anything; a clock time has its minutes
        afternoon = half.startswith("p") or half.endswith(("afternoon", "evening"))
        hour = hour % 12 + (12 if afternoon else 0)
        minute = int(match["minute"] or 0)
        zone, end = _zone_after(text, match.end())
        hhmm = f"{hour:02d}:{minute:02d}"
        found.append(TimeMention(match.start() + offset, end + offset, hhmm, zone))
    for match in (*_TIME_24.finditer(text), *_TIME_4.finditer(text), *_TIME_ZONED.finditer(text)):
        zone, end = _zone_after(text, match.end())
        hhmm = f"{int(match['hour']):02d}:{match['minute']}"
        found.append(TimeMention(match.start() + offset, end + offset, hhmm, zone))
    return sorted(found, key=lambda m: m.start)


def to_kst(day: dt.date, hhmm: str, zone: str) -> tuple[dt.date, str]:
    """A day and clock time in `zone` as the KST day and time (Korea is 13 to 19 hours ahead
    of US time zones, so an afternoon launch in Washington is the next morning in Korea)."""
    from zoneinfo import ZoneInfo

    hour, minute = (int(part) for part in hhmm.split(":"))
    there = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(zone))
    here = there.astimezone(ZoneInfo(KST))
    return here.date(), here.strftime("%H:%M")
