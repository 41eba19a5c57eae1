from dashboard import plain_text


def test_escape_neutralises_markdown_links_images_and_html():
    shown = plain_text.escape("![x](http://evil.example/a.png) <script>alert(1)</script> **b**")
    assert "](" not in shown.replace("\\]\\(", "")
    assert "\\<script\\>" in shown
    assert "\\*\\*b\\*\\*" in shown
    assert "\\!\\[x\\]\\(http\\:" in shown


def test_escape_flattens_whitespace_and_shorten_marks_cuts():
    assert plain_text.escape("a\n\n  b") == "a b"
    assert plain_text.shorten("x" * 100, 10) == "x" * 9 + "…"
    assert plain_text.shorten("short") == "short"


def test_highlight_marks_each_term_case_insensitively_and_escapes_the_rest():
    shown = plain_text.highlight("Sanctions [and] more SANCTIONS", ("sanctions",))
    assert shown.count(":orange-background[") == 2
    assert ":orange-background[Sanctions]" in shown
    assert ":orange-background[SANCTIONS]" in shown
    assert "\\[and\\]" in shown


def test_highlight_cannot_be_broken_by_a_term_with_markdown():
    shown = plain_text.highlight("a ](x) b", ("](x)",))
    assert ":orange-background[\\]\\(x\\)]" in shown


def test_highlight_keeps_the_spaces_around_a_term():
    assert plain_text.highlight("extended deterrence to", ("deterrence",)) == (
        "extended :orange-background[deterrence] to"
    )
