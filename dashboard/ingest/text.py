"""An article file as plain text, and the text cut into paragraphs and sentences with offsets.

Every offset the ingest assistant writes points into the text returned by `read_article`, so
the same file always yields the same text (and the same sha256) on any machine.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path


class Unreadable(Exception):
    """The input cannot be turned into article text; the message says why in one line."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Unix newlines, no trailing spaces, no byte-order mark: stable offsets and hash."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def html_to_text(html: str) -> str:
    # trafilatura keeps the article body and drops navigation, adverts and cookie banners.
    try:
        import trafilatura
    except ImportError:
        raise Unreadable("HTML needs the ingest extra: pip install -e '.[ingest]'") from None

    extracted = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    if not extracted:
        raise Unreadable("no article text found in the HTML")
    return extracted


def read_article(path: Path) -> str:
    """The article's text from a .txt or .html file; raises Unreadable with a short reason."""
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm"):
        raise Unreadable(f"{path.name}: expected a .txt or .html file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise Unreadable(f"{path}: {error.strerror or error}") from None
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable(f"{path.name}: not UTF-8 text") from None
    if "\x00" in decoded:
        raise Unreadable(f"{path.name}: binary data, not text")
    text = html_to_text(decoded) if suffix != ".txt" else decoded
    return normalise(text)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines (articles extracted to text keep one paragraph per line)."""
    return [Span(m.start(), m.end(), m[0]) for m in re.finditer(r"[^\n]+", text) if m[0].strip()]


# A sentence ends at . ! or ? (with any closing quote) before a space and a capital or an
# opening quote, unless the full stop belongs to an abbreviation such as U.S. or a.m.
# Titles written with a full stop before a name: "Cmdr. Gary Ross", "Sen. Jane Roe".
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Adm", "Capt", "Maj", "Cmdr", "Cdr",
    "Brig", "Rep", "Sen", "Gov", "Amb",
)  # fmt: skip
_ABBREVIATIONS = re.compile(
    r"(?:\b[A-Z]\.|\b(?:a\.m|p\.m|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|vs|etc|"
    + "|".join(TITLE_ABBREVIATIONS)
    + r")\.)$"
)
_CLOCK_END = re.compile(r"\d\s*[ap]\.m\.$")
_CLOCK_GOES_ON = re.compile(
    r"(?:Korean?|Seoul|Pyongyang|Japan(?:ese)?|Tokyo|[A-Z]{1,4}T|UTC|Eastern|Pacific|"
    r"Central|Hawaii|Washington|local|today|yesterday|on|in|and|or|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\("
)
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘A-Z(])")


def sentences(paragraph: Span) -> list[Span]:
    found, begin = [], 0
    text = paragraph.text
    for match in _BOUNDARY.finditer(text):
        head = text[begin : match.start() + 1]
        if _ABBREVIATIONS.search(head) and not (
            # "at around 6:40 a.m. Mupyeong-ri is …": a clock time ends the sentence, unless
            # its zone or day follows ("7 a.m. Korean time", "6 a.m. Tuesday").
            _CLOCK_END.search(head) and not _CLOCK_GOES_ON.match(text, match.end())
        ):
            continue
        end = match.end() - len(match[0]) + len(match[0].rstrip())
        found.append(Span(paragraph.start + begin, paragraph.start + end, text[begin:end]))
        begin = match.end()
    if begin < len(text):
        found.append(Span(paragraph.start + begin, paragraph.end, text[begin:]))
    return found


def all_sentences(text: str) -> list[Span]:
    return [s for p in paragraphs(text) for s in sentences(p)]
