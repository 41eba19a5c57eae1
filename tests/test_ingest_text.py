"""Article files to text: .txt and .html, and one-line reasons for what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import FIXTURES

from dashboard.ingest.text import Unreadable, all_sentences, read_article, sha256


def test_html_keeps_the_article_and_drops_navigation_and_cookie_banner():
    text = read_article(FIXTURES / "article.html")
    assert "North Korea fired two short-range ballistic missiles" in text
    assert "said Hana Seo" in text
    assert "cookies" not in text
    assert "Home" not in text


def test_same_file_gives_the_same_text_and_hash(tmp_path: Path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((FIXTURES / "launch_county.txt").read_bytes().replace(b"\n", b"\r\n"))
    assert sha256(read_article(copy)) == sha256(read_article(FIXTURES / "launch_county.txt"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.pdf", b"%PDF", "expected a .txt or .html file"),
        ("binary.txt", b"\x00\x01\x02", "binary data"),
        ("latin.txt", "Pyongyang caf\u00e9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_input_says_why(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(Unreadable, match=reason):
        read_article(path)


def test_missing_file_is_unreadable(tmp_path: Path):
    with pytest.raises(Unreadable, match="No such file"):
        read_article(tmp_path / "absent.txt")


def test_sentences_do_not_break_at_abbreviations():
    text = (
        "The U.S. military said the missile flew at 7:10 a.m. Korea time. It fell into the sea.\n"
    )
    found = [s.text for s in all_sentences(text)]
    assert found == [
        "The U.S. military said the missile flew at 7:10 a.m. Korea time.",
        "It fell into the sea.",
    ]
