"""Quotes and their speakers: one fixture paragraph per attribution pattern."""

from __future__ import annotations

from ingest_helpers import fixture_text

from dashboard.ingest.statements import find_quotes, find_statements


def by_quote_start():
    text = fixture_text("statements_patterns.txt")
    found = find_statements(text)
    return text, {
        s.quote.text.split()[0] + " " + s.quote.text.split()[1]: s for s in found if s.quote
    }


def test_said_name_with_apposition_gives_role_and_organization():
    _, found = by_quote_start()
    speaker = found["This is"].speaker
    assert speaker.name == "Maria Okonkwo"
    assert speaker.role == "a senior fellow at the Harbor Institute in London"
    assert speaker.organization == "Harbor Institute"
    assert speaker.speaker_type == "expert"


def test_surname_alone_resolves_to_the_full_name_met_before():
    _, found = by_quote_start()
    assert found["We are"].speaker.name == "Maria Okonkwo"
    assert found["We are"].speaker.speaker_type == "expert"


def test_told_reporters_and_according_to():
    _, found = by_quote_start()
    assert found["Nobody was"].speaker.name == "coast guard official"
    assert found["Nobody was"].speaker.speaker_type == "government"
    assert found["a clear"].speaker.name == "Peter Lindqvist"


def test_ministry_statement_gets_state_from_its_name():
    _, found = by_quote_start()
    speaker = found["strongly condemns"].speaker
    assert speaker.name == "Foreign Ministry of South Korea"
    assert (speaker.state, speaker.speaker_type) == ("KOR", "government")
    assert found["strongly condemns"].stance == "condemn"


def test_he_said_is_the_last_person_named():
    _, found = by_quote_start()
    assert found["It was"].speaker.name == "Peter Lindqvist"


def test_quote_over_two_paragraphs_shares_the_closing_attribution():
    _, found = by_quote_start()
    for start in ("The tests", "Nobody should"):
        speaker = found[start].speaker
        assert speaker.name == "Ri Chol Min"
        assert speaker.state == "PRK"


def test_paraphrase_is_a_candidate_without_a_quote():
    text = fixture_text("statements_patterns.txt")
    [paraphrase] = [s for s in find_statements(text) if s.quote is None]
    assert paraphrase.speaker.name == "Kim Jong Un"
    assert paraphrase.speaker.speaker_type == "head_of_state"
    assert paraphrase.stance == "threaten"


def test_every_quote_is_verbatim_at_its_offsets():
    text = fixture_text("statements_patterns.txt")
    for statement in find_statements(text):
        if statement.quote:
            assert text[statement.quote.start : statement.quote.end] == statement.quote.text


def test_short_quotes_need_someone_saying_them():
    text = 'Seoul expressed "strong regret" again. The so-called "peace offensive" went on.\n'
    assert [q.text for q in find_quotes(text)] == ["strong regret", "peace offensive"]
    found = find_statements(text)
    assert [(s.quote.text, s.speaker.name) for s in found] == [("strong regret", "Seoul")]
