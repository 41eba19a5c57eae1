"""Statements: who said what, searchable, faceted, one card per statement with its source."""

from __future__ import annotations

import streamlit as st

from dashboard import plain_text, records, search, ui
from dashboard.charts import event_id_key, launch_id_key
from dashboard.context import Context, current_context
from dashboard.filters import present
from dashboard.schema import SPEAKER_TYPES, STANCES
from dashboard.tables import csv_bytes
from dashboard.url_state import MAX_VALUE_LENGTH, Param

QUERY, TYPES, STANCE, ORG, STATE = "q", "speaker_type", "stance", "org", "speaker_state"
PAGE, ONE = "page", "statement"
FACET_FIELDS = {TYPES: "speaker_type", STANCE: "stance", ORG: "organization", STATE: "state"}
PER_PAGE = 10
MAX_PAGES = 100_000


def params(data) -> list[Param]:
    table = data.statement_table  # per-dataset values, computed once at load
    return [
        Param(QUERY, "text"),
        # The values the facets offer (those the data hold), so a link is refused exactly
        # what its widget would drop.
        Param(TYPES, "multi", present(SPEAKER_TYPES, table.options("speaker_type"))),
        Param(STANCE, "multi", present(STANCES, table.options("stance"))),
        Param(ORG, "multi", table.options("organization")),
        Param(STATE, "multi", table.options("state")),
        Param(PAGE, "int", low=1, high=MAX_PAGES),
        # The table answers `id in table` from its id column, without a tuple of every id.
        Param(ONE, "choice", table),
    ]


def _counts_line(counts: dict[str, int], limit: int = 6) -> str:
    """The most frequent values with their counts, e.g. 'assess 18 · condemn 10 · +3 more'."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = " · ".join(f"{value} {n}" for value, n in ranked[:limit])
    more = f" · +{len(ranked) - limit} more" if len(ranked) > limit else ""
    return plain_text.escape(shown + more) if ranked else "none"


def render(ctx: Context) -> None:
    st.title("Statements")
    table = ctx.data.statement_table
    window = search.Window(ctx.filters.date_from, ctx.filters.date_to, ctx.filters.speakers)
    text = st.text_input(
        "Search quotes, paraphrases and speakers (words starting with…)",
        key=QUERY,
        bind="query-params",
        max_chars=MAX_VALUE_LENGTH,
        placeholder="e.g. sanctions, deterrence, Blinken",
    )
    # Bound widgets keep their raw values in the URL, so counts are shown beside them
    # rather than in the option labels (which would change the link as data changes).
    chosen, count_slots = {}, {}
    for column, (label, key, order) in zip(
        st.columns(4),
        (
            ("Speaker type", TYPES, SPEAKER_TYPES),
            ("Stance", STANCE, STANCES),
            ("Organization", ORG, None),
            ("Speaker's state", STATE, None),
        ),
        strict=True,
    ):
        values = table.options(FACET_FIELDS[key])
        chosen[key] = tuple(
            column.multiselect(
                label,
                present(order, values) if order else values,
                key=key,
                bind="query-params",
                placeholder="All",
            )
        )
        count_slots[key] = column.empty()
    one = st.query_params.get(ONE)
    exists = bool(one) and one in table  # an unknown id is reported with the URL notices
    linked = exists and table.count(search.StatementQuery(statement_id=one), window) > 0
    query = search.StatementQuery(
        text=text or "",
        speaker_types=chosen[TYPES],
        stances=chosen[STANCE],
        organizations=chosen[ORG],
        states=chosen[STATE],
        statement_id=one if linked else None,
    )
    if exists and not linked:
        st.warning(
            f"Statement {plain_text.escape(one)} from the link is hidden by the filters.",
            icon=":material/link_off:",
        )
    if query.statement_id:
        st.info("Showing the one statement the link points to.", icon=":material/link:")
        st.page_link(
            ui.PAGE_FILES["statements"],
            label="Show all statements",
            query_params=ui.filters_query(ctx),
        )

    found = table.find(query, window)
    # Like Datasette's facets: counts describe the current results.
    for key, slot in count_slots.items():
        slot.caption("In results: " + _counts_line(found.facets[FACET_FIELDS[key]]))
    pages = search.page_count(found.total, PER_PAGE)
    st.markdown(f"**{found.total:,}** of {len(ctx.statements):,} statements in view match.")
    if not found.total:
        _explain_no_match(ctx, query, window)
        return
    asked = st.query_params.get(PAGE, "")
    if asked.isdigit() and int(asked) > pages:
        st.warning(f"Page {int(asked):,} does not exist for these results; showing page 1.")
    page = st.number_input(
        "Page", min_value=1, max_value=pages, value=1, step=1, key=PAGE, bind="query-params"
    )
    st.caption(f"Page {page} of {pages}, {PER_PAGE} per page, newest first.")
    shown = table.page(found.positions, int(page), PER_PAGE)
    # Labels for every record (not only those in view): a statement may name a launch the
    # filters hide; its link then opens the timeline with a notice.
    labels = records.record_options(ctx.data.launches_with_sites, ctx.data.diplomatic_events)
    sources = ctx.data.sources.set_index("source_id")
    for row in shown.itertuples():
        _card(ctx, row, labels, sources)
    # As ui.download_csv, but the matching rows too are gathered only on a click: at a
    # million statements that alone would cost a tenth of a second on every rerun.
    st.download_button(
        f"Download all {found.total:,} matching statements (CSV)",
        data=lambda: csv_bytes(table.rows(found.positions)),
        file_name="statements.csv",
        mime="text/csv",
        key="dl_statements",
        icon=":material/download:",
        on_click="ignore",
    )


def _explain_no_match(ctx: Context, query: search.StatementQuery, window) -> None:
    """Say why no statement is shown, blaming the filters only when they are the reason."""
    message, filters = search.why_no_match(ctx.data.statement_table, query, window)
    icon = ":material/filter_alt_off:" if filters else ":material/search_off:"
    st.info(message, icon=icon)


def _card(ctx: Context, row, labels: dict, sources) -> None:
    with st.container(border=True):
        # Words from data as plain text: Markdown, even escaped, links a www. or mailto:.
        if isinstance(row.quote, str):
            st.text(f"“{row.quote}”")
            if isinstance(row.paraphrase, str):
                st.text(f"In short: {row.paraphrase}")
        else:
            st.text(f"Paraphrase: {row.paraphrase}")
        st.text(f"{row.speaker}, {row.speaker_role}")
        st.markdown(
            f"{row.date:%Y-%m-%d} · stance: "
            f":blue-badge[{plain_text.escape(row.stance.replace('_', ' '))}]"
        )
        if isinstance(row.date_note, str):
            st.text(row.date_note)
        keys = [launch_id_key(i) for i in row.launch_ids] + [event_id_key(i) for i in row.event_ids]
        for key in keys:
            if key in labels:
                ui.record_link(ctx, key, plain_text.escape(labels[key]))
        ui.source_line(sources.loc[row.source_id], prefix="Source: ")


if __name__ == "__main__":
    render(current_context())
