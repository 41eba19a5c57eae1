"""Who may see the data when the app is hosted behind a sign-in.

Without an `[auth]` section in the secrets the app is open, as when it runs on an analyst's
own machine. With one, visitors sign in through the OpenID Connect provider it configures
(Streamlit's `st.login`; the provider checks the password, the app never sees one), and only
the addresses and domains listed under `[access]` see any data:

    [access]
    allowed_emails = ["analyst@example.org"]
    allowed_domains = ["example.org"]   # the whole domain, not its subdomains

With `[auth]` but no list, nobody is let in: a forgotten list must not open the data to every
account the provider knows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import plain_text

OPEN = "open"  # no [auth]: the app is not behind a sign-in
LISTED = "listed"
SIGN_IN = "sign_in"
NOT_LISTED = "not_listed"
UNVERIFIED = "unverified"
NO_LIST = "no_list"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    email: str = ""
    # The [auth.<name>] provider st.login should use; "" for a single unnamed provider.
    provider: str = ""


def _listed(value: object) -> set[str]:
    items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return {str(item).strip().lower().lstrip("@") for item in items if str(item).strip()}


def decide(secrets: Mapping, user: Mapping) -> Decision:
    """Whether this visitor may see the data, from the secrets and `st.user`'s fields."""
    if not secrets.get("auth"):
        return Decision(True, OPEN)
    rules = secrets.get("access") or {}
    provider = str(rules.get("provider") or "")
    if user.get("is_logged_in") is not True:
        return Decision(False, SIGN_IN, provider=provider)
    email = str(user.get("email") or "").strip().lower()
    if user.get("email_verified") in (False, "false"):
        return Decision(False, UNVERIFIED, email, provider)
    emails, domains = _listed(rules.get("allowed_emails")), _listed(rules.get("allowed_domains"))
    if not emails and not domains:
        return Decision(False, NO_LIST, email, provider)
    _, at, domain = email.rpartition("@")
    if at and (email in emails or domain in domains):
        return Decision(True, LISTED, email, provider)
    return Decision(False, NOT_LISTED, email, provider)


def message(decision: Decision) -> str:
    """What the sign-in page tells this visitor (Markdown; the address is escaped)."""
    who = f"**{plain_text.escape(decision.email)}**" if decision.email else "This account"
    if decision.reason == SIGN_IN:
        return (
            "This copy of the dashboard is open to invited analysts only. Sign in with your "
            "organisation's account to see the data."
        )
    if decision.reason == UNVERIFIED:
        return (
            f"{who} is signed in, but the sign-in provider has not verified the address, so "
            "it cannot be matched against the list of invited analysts."
        )
    if decision.reason == NO_LIST:
        return (
            "Sign-in is configured, but no analysts are invited yet: the operator has to list "
            "addresses or domains under `[access]` in the app's secrets."
        )
    if decision.reason == NOT_LISTED:
        return (
            f"{who} is not on the list of invited analysts. Sign out and use another account, "
            "or ask the operator of this dashboard to add you."
        )
    return ""
