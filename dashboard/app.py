"""App frame: page config, navigation, the shared sidebar and URL notices.

Run with `streamlit run dashboard/app.py`. Each page is a thin script in `views/`.
"""

from __future__ import annotations

import streamlit as st

from dashboard import access, sidebar, ui, url_state, versions
from dashboard.data_io import DataUnavailable, load_dataset
from dashboard.views import add_source, data_sources, launches, overview, statements, timeline
from dashboard.views import map as map_view

PAGES = (
    ("views/overview.py", "Overview", ":material/dashboard:", overview),
    ("views/timeline.py", "Timeline", ":material/timeline:", timeline),
    ("views/launches.py", "Launches", ":material/rocket_launch:", launches),
    ("views/map.py", "Map", ":material/map:", map_view),
    ("views/statements.py", "Statements", ":material/format_quote:", statements),
    ("views/data_sources.py", "Data & sources", ":material/table:", data_sources),
    ("views/add_source.py", "Add a source", ":material/note_add:", add_source),
)


def _secrets() -> dict:
    # Without a secrets.toml, reading st.secrets raises; that is the open, local case.
    return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}


def sign_in_page(decision: access.Decision) -> None:
    """All a visitor who may not see the data gets: nothing is loaded, nothing else drawn."""
    st.title("Korea missile & diplomacy tracker")
    st.markdown(access.message(decision))
    if decision.reason == access.SIGN_IN:
        login = (lambda: st.login(decision.provider)) if decision.provider else st.login
        st.button("Sign in", on_click=login, icon=":material/login:", type="primary")
    else:
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
    st.stop()


def sharing(page: st.Page, version: str, decision: access.Decision) -> None:
    """The sidebar's link to this view with the data version pinned, and who is signed in.

    Drawn after the page has run, so the page's own widgets have written their parameters."""
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    link = versions.share_link(st.context.url or f"/{page.url_path}", query, version)
    with st.sidebar:
        st.subheader("Copy link to this view")
        st.code(link, language=None, wrap_lines=True)
        st.caption(
            f"Pins data version {version}: opened after the data change, the link says what "
            "changed since. Copy with the icon at the right of the box."
        )
        if decision.reason == access.LISTED:
            st.caption(f"Signed in as {decision.email}.")
            st.button("Sign out", on_click=st.logout, icon=":material/logout:")


def main() -> None:
    st.set_page_config(
        page_title="Korea missile & diplomacy tracker", page_icon="🚀", layout="wide"
    )
    # Before any data is read: a visitor not let in must not cause a load or see any of it.
    decision = access.decide(_secrets(), st.user.to_dict())
    if not decision.allowed:
        sign_in_page(decision)
    # Read before any widget binds itself: Streamlit drops values it cannot use.
    raw_query = {key: st.query_params.get_all(key) for key in st.query_params}
    try:
        data = load_dataset()
    except DataUnavailable as error:
        # The message names files and values from the data: plain text, not Markdown.
        st.error("The dashboard cannot show this dataset.", icon=":material/error:")
        st.code(str(error), language=None, wrap_lines=True)
        st.stop()

    pages = [
        st.Page(path, title=title, icon=icon, default=index == 0)
        for index, (path, title, icon, _) in enumerate(PAGES)
    ]
    current = st.navigation(pages)
    offer = sidebar.choices(data)
    module = next(m for page, (_, _, _, m) in zip(pages, PAGES, strict=True) if page is current)
    known = sidebar.shared_params(offer) + [url_state.VERSION_PARAM] + module.params(data)
    parsed = url_state.parse(raw_query, known)
    # Before the sidebar's widgets bind themselves, so they read only values the page uses.
    ui.apply_url(parsed)
    sidebar.render(offer)
    ui.url_notice(parsed)
    pinned = parsed.values.get(url_state.DATA_VERSION)
    changed = versions.pinned_notice(pinned, data.version, data.changelog)  # type: ignore[arg-type]
    if changed:
        st.info(changed, icon=":material/history:")
    current.run()
    sharing(current, data.version, decision)


main()
