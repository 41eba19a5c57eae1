"""App frame: page config, navigation, the shared sidebar and URL notices.

Run with `streamlit run dashboard/app.py`. Each page is a thin script in `views/`.
"""

from __future__ import annotations

import streamlit as st

from dashboard import sidebar, ui, url_state
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


def main() -> None:
    st.set_page_config(
        page_title="Korea missile & diplomacy tracker", page_icon="🚀", layout="wide"
    )
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
    known = sidebar.shared_params(offer) + module.params(data)
    parsed = url_state.parse(raw_query, known)
    # Before the sidebar's widgets bind themselves, so they read only values the page uses.
    ui.apply_url(parsed)
    sidebar.render(offer)
    ui.url_notice(parsed)
    current.run()


main()
