"""Show text from data or from the URL through Streamlit's Markdown without it acting as Markdown.

Streamlit never renders raw HTML unless told to, but Markdown alone can still make a link,
load an image from anywhere, or restyle a page. Every character that Markdown (or Streamlit's
colour/emoji/LaTeX extensions) treats specially is backslash-escaped here.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'^])")
MAX_SHOWN = 80


def escape(text: object) -> str:
    """Text that Markdown renders literally, on one line."""
    return _escape_flat(" ".join(str(text).split()))


def _escape_flat(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def shorten(text: object, limit: int = MAX_SHOWN) -> str:
    """At most `limit` characters of text, marking what was cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def highlight(text: str, terms: tuple[str, ...]) -> str:
    """Escaped text with every case-insensitive occurrence of the terms highlighted."""
    flat = " ".join(str(text).split())
    wanted = [t for t in terms if t]
    if not wanted:
        return _escape_flat(flat)
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(wanted, key=len, reverse=True)), re.IGNORECASE
    )
    pieces, last = [], 0
    for match in pattern.finditer(flat):
        pieces.append(_escape_flat(flat[last : match.start()]))
        pieces.append(f":orange-background[{_escape_flat(match.group(0))}]")
        last = match.end()
    pieces.append(_escape_flat(flat[last:]))
    return "".join(pieces)


def highlight_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Escaped Markdown of a whole text, paragraphs kept, with the given spans highlighted."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, last = [], 0
    for start, end in merged:
        pieces.append(_escape_block(text[last:start]))
        pieces.append(f":orange-background[{_escape_flat(' '.join(text[start:end].split()))}]")
        last = end
    pieces.append(_escape_block(text[last:]))
    return "".join(pieces)


def _escape_block(text: str) -> str:
    """Escaped text that keeps its paragraph breaks (blank lines) and nothing else."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(_escape_flat(re.sub(r"[ \t\n]+", " ", p)) for p in paragraphs)
