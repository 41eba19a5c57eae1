"""The URL is the view: which query parameters the app understands, and what is wrong with them.

Widgets bind themselves to these parameters (Streamlit's `bind="query-params"`); Streamlit
silently drops values it cannot use. This module does the same checks first so the page can
tell the analyst what was ignored and why, and it converts the shared filters to and from
a query string for links between pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dashboard import plain_text
from dashboard.filters import Filters

MAX_VALUE_LENGTH = 200
MAX_VALUES = 50

# Shared sidebar filters (keys are the widget keys and the query parameter names).
DATE_FROM, DATE_TO = "from", "to"
STATE, MISSILE_CLASS, EVENT_TYPE, SPEAKER = "state", "class", "event_type", "speaker"
REVIEW, OUTCOME, CONFIRMATION = "review", "outcome", "confirmation"
# Not `site`: the Map page uses that for the site clicked on the map.
LAUNCH_SITE, RANGE_BAND, APOGEE_BAND = "launch_site", "range_band", "apogee_band"
# Each multi-valued filter: its query parameter and the Filters field it sets.
MULTI_FILTERS = (
    (STATE, "states"),
    (MISSILE_CLASS, "classes"),
    (EVENT_TYPE, "event_types"),
    (SPEAKER, "speakers"),
    (REVIEW, "review_statuses"),
    (OUTCOME, "outcomes"),
    (CONFIRMATION, "confirmations"),
    (LAUNCH_SITE, "sites"),
    (RANGE_BAND, "range_bands"),
    (APOGEE_BAND, "apogee_bands"),
)
FILTER_KEYS = (DATE_FROM, DATE_TO, *(key for key, _ in MULTI_FILTERS))
# Parameters Streamlit itself uses.
STREAMLIT_KEYS = frozenset({"embed", "embed_options"})


@dataclass(frozen=True)
class Param:
    """One query parameter: its kind and, for choices, the allowed values."""

    key: str
    kind: str  # date | choice | multi | int | bool | text
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    first: dt.date | None = None  # date bounds the widget accepts
    last: dt.date | None = None


# The data version a share link was made with; dashboard/versions.py compares it with the
# data shown. Any text is accepted here: an unknown version gets its own notice there.
DATA_VERSION = "v"
VERSION_PARAM = Param(DATA_VERSION, "text")


@dataclass(frozen=True)
class Parsed:
    values: dict[str, object] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def _values(raw: object) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]  # type: ignore[union-attr]


def _parse_one(param: Param, value: str) -> object:
    """The typed value, or ValueError with a reason fit for the analyst."""
    if len(value) > MAX_VALUE_LENGTH:
        raise ValueError(f"longer than {MAX_VALUE_LENGTH} characters")
    if param.kind == "date":
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date (use YYYY-MM-DD)") from None
        if (param.first and date < param.first) or (param.last and date > param.last):
            raise ValueError(f"outside {param.first}..{param.last}")
        return date
    if param.kind in ("choice", "multi"):
        if value not in param.choices:
            raise ValueError("not one of the values in the data")
        return value
    if param.kind == "int":
        if not value.strip().lstrip("-").isdigit():
            raise ValueError("not a whole number")
        number = int(value)
        if not param.low <= number <= param.high:
            raise ValueError(f"outside {param.low}..{param.high}")
        return number
    if param.kind == "bool":
        if value.lower() not in ("true", "false"):
            raise ValueError("not true or false")
        return value.lower() == "true"
    return value


def parse(query: Mapping[str, object], params: Iterable[Param]) -> Parsed:
    """Typed values for the understood parameters and one notice per ignored one."""
    spec = {p.key: p for p in params}
    values: dict[str, object] = {}
    notices: list[str] = []
    for key in query:
        raw = _values(query[key])
        if key in STREAMLIT_KEYS:
            continue
        shown_key = plain_text.escape(plain_text.shorten(key, 40))
        param = spec.get(key)
        if param is None:
            notices.append(f"Ignored unknown URL parameter {shown_key}.")
            continue
        if param.kind != "multi" and len(raw) > 1:
            notices.append(f"Ignored extra values of URL parameter {shown_key}; kept the first.")
            raw = raw[:1]
        if len(raw) > MAX_VALUES:
            notices.append(f"Ignored URL parameter {shown_key}: more than {MAX_VALUES} values.")
            continue
        kept = []
        for value in raw:
            if value == "" and param.kind in ("multi", "text"):
                continue
            try:
                kept.append(_parse_one(param, value))
            except ValueError as reason:
                shown = plain_text.escape(plain_text.shorten(value))
                notices.append(f"Ignored URL parameter {shown_key}={shown}: {reason}.")
        if param.kind == "multi":
            values[key] = tuple(dict.fromkeys(kept))
        elif kept:
            values[key] = kept[0]
    if (
        isinstance(values.get(DATE_FROM), dt.date)
        and isinstance(values.get(DATE_TO), dt.date)
        and values[DATE_FROM] > values[DATE_TO]  # type: ignore[operator]
    ):
        notices.append("The start date is after the end date, so nothing can match.")
    return Parsed(values, notices)


def filter_params(
    options: Mapping[str, Iterable[str]],
    dates: tuple[dt.date, dt.date] | None = None,
) -> list[Param]:
    """The shared filters' parameters; `options` gives each multi-valued filter's allowed
    values by query key (a filter left out allows none)."""
    first, last = dates or (None, None)
    return [
        Param(DATE_FROM, "date", first=first, last=last),
        Param(DATE_TO, "date", first=first, last=last),
        *(Param(key, "multi", tuple(options.get(key, ()))) for key, _ in MULTI_FILTERS),
    ]


def filters_from_values(values: Mapping[str, object]) -> Filters:
    return Filters(
        date_from=values.get(DATE_FROM),  # type: ignore[arg-type]
        date_to=values.get(DATE_TO),  # type: ignore[arg-type]
        **{field: tuple(values.get(key, ())) for key, field in MULTI_FILTERS},  # type: ignore[arg-type]
    )


def filters_to_query(f: Filters) -> dict[str, str | list[str]]:
    """Query parameters reproducing the filters (only those that narrow anything)."""
    query: dict[str, str | list[str]] = {}
    if f.date_from is not None:
        query[DATE_FROM] = f.date_from.isoformat()
    if f.date_to is not None:
        query[DATE_TO] = f.date_to.isoformat()
    for key, field_name in MULTI_FILTERS:
        chosen = getattr(f, field_name)
        if chosen:
            query[key] = list(chosen)
    return query
