"""Access: with `[auth]` in the secrets only invited, signed-in analysts see any data."""

from __future__ import annotations

import pytest
from app_runner import APP, markdown_text, metrics, texts
from streamlit.testing.v1 import AppTest

from dashboard import access

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "only-for-tests",
    "client_id": "dashboard",
    "client_secret": "only-for-tests",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}
ACCESS = {"allowed_emails": ["Analyst@Partner.example"], "allowed_domains": ["example.org"]}
SECRETS = {"auth": AUTH, "access": ACCESS}


def signed_in(email: str, **claims) -> dict:
    return {"is_logged_in": True, "email": email, **claims}


@pytest.mark.parametrize(
    ("secrets", "user", "allowed", "reason"),
    [
        ({}, {}, True, access.OPEN),
        ({"access": ACCESS}, {"email": "anyone@else.example"}, True, access.OPEN),
        (SECRETS, {}, False, access.SIGN_IN),
        (SECRETS, {"is_logged_in": False, "email": "a@example.org"}, False, access.SIGN_IN),
        (SECRETS, signed_in("someone@example.org"), True, access.LISTED),
        (SECRETS, signed_in("SOMEONE@EXAMPLE.ORG"), True, access.LISTED),
        (SECRETS, signed_in("analyst@partner.example"), True, access.LISTED),
        (SECRETS, signed_in("other@partner.example"), False, access.NOT_LISTED),
        (SECRETS, signed_in("someone@mail.example.org"), False, access.NOT_LISTED),
        (SECRETS, signed_in("someone@notexample.org"), False, access.NOT_LISTED),
        (SECRETS, signed_in("example.org@evil.example"), False, access.NOT_LISTED),
        (SECRETS, signed_in(""), False, access.NOT_LISTED),
        (SECRETS, signed_in("someone@example.org", email_verified=False), False, access.UNVERIFIED),
        ({"auth": AUTH}, signed_in("someone@example.org"), False, access.NO_LIST),
        (
            {"auth": AUTH, "access": {"allowed_domains": "@example.org"}},
            signed_in("a@example.org"),
            True,
            access.LISTED,
        ),
    ],
)
def test_decide(secrets, user, allowed, reason):
    decision = access.decide(secrets, user)
    assert (decision.allowed, decision.reason) == (allowed, reason)


def test_the_decision_names_the_configured_provider():
    secrets = {"auth": {"google": AUTH}, "access": {**ACCESS, "provider": "google"}}
    assert access.decide(secrets, {}).provider == "google"


def gated(user: dict, page: str = "views/timeline.py", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets.update(SECRETS)
    at.user = user
    at.switch_page(page)
    for key, value in (query or {"class": "ICBM"}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_nothing_of_the_data(at: AppTest) -> None:
    assert not at.sidebar.children or not any(
        [at.sidebar.multiselect, at.sidebar.date_input, at.sidebar.code]
    )
    assert not at.dataframe and not at.metric and not at.get("plotly_chart")
    assert not at.error  # the empty data folder was never read
    assert texts(at.title) == ["Korea missile & diplomacy tracker"]


def test_a_visitor_who_is_not_signed_in_sees_only_the_sign_in_page(tmp_path, monkeypatch):
    # An empty data folder: any attempt to load the data would show an error.
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    at = gated({"is_logged_in": False})
    assert "open to invited analysts only" in markdown_text(at)
    assert [b.label for b in at.button] == ["Sign in"]
    assert_nothing_of_the_data(at)


def test_a_signed_in_visitor_not_on_the_list_is_told_so_and_can_sign_out(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path))
    at = gated(signed_in("stranger@elsewhere.example"))
    assert "**stranger@elsewhere\\.example** is not on the list" in markdown_text(at)
    assert [b.label for b in at.button] == ["Sign out"]
    assert_nothing_of_the_data(at)
    at.button[0].click().run()
    assert [b.label for b in at.button] == ["Sign in"]
    assert_nothing_of_the_data(at)


def test_an_invited_analyst_sees_the_data_and_can_sign_out():
    at = gated(signed_in("someone@example.org"), page="views/overview.py", query={})
    assert int(metrics(at)["Launch events"]) > 0
    assert "Signed in as someone@example.org." in texts(at.sidebar.caption)
    at.sidebar.button[-1].click().run()
    assert [b.label for b in at.button] == ["Sign in"]
    assert not at.metric


def test_without_auth_the_app_is_open_and_offers_no_sign_in():
    at = AppTest.from_file(APP, default_timeout=90)
    at.user = {}
    at.run()
    assert int(metrics(at)["Launch events"]) > 0
    labels = [b.label for b in at.button]
    assert "Sign in" not in labels and "Sign out" not in labels
