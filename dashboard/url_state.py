"""The URL is the view: which query parameters the app understands, and what is wrong with them.

Widgets bind themselves to these parameters (Streamlit's `bind="query-params"`); Streamlit
silently drops values it cannot use. This module does the same checks first so the page can
tell the analyst what was ignored and why, and it converts the shared filters to and from
a query string for links between pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dashboard import plain_text
from dashboard.filters import Filters

MAX_VALUE_LENGTH = 200
MAX_VALUES = 50
# Notices list this many problems and count the rest (a link may hold a thousand).
MAX_LISTED = 20
UNKNOWN = "unknown parameter; ignored"

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
class Issue:
    """One thing the page did about the link, in plain text (never rendered as Markdown).

    `key` and `value` are shortened copies of what the link held; `action` is fixed wording
    saying what the page then does, so the notice cannot contradict the page."""

    key: str
    value: str | None  # None: the issue is about the key, not one of its values
    action: str

    def __str__(self) -> str:
        shown = self.key if self.value is None else f"{self.key}={self.value}"
        return f"{shown}: {self.action}"


@dataclass(frozen=True)
class Parsed:
    """Typed values, the issues found, and the canonical query string the page applies.

    `query` holds only values the page uses, each in the form its widget reads back
    (ISO dates, plain digits, lower-case booleans, one value per single-valued key), so
    writing it back to the address bar makes the widgets show exactly `values`."""

    values: dict[str, object] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    query: dict[str, str | list[str]] = field(default_factory=dict)
    changed: bool = False  # the address must be rewritten to `query`

    @property
    def notices(self) -> list[str]:
        return [str(issue) for issue in self.issues]


def _values(raw: object) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]  # type: ignore[union-attr]


# ASCII only: str.isdigit() accepts '²' and other digits int() refuses.
_WHOLE = re.compile(r"-?[0-9]{1,18}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _parse_one(param: Param, value: str) -> object:
    """The typed value, or ValueError with a reason fit for the analyst."""
    if len(value) > MAX_VALUE_LENGTH:
        raise ValueError(f"longer than {MAX_VALUE_LENGTH} characters")
    if param.kind == "date":
        # Only the form the date widget writes: other forms Python or Streamlit might
        # read (20220105, 2022-W01-1) would make the URL mean two things.
        if not _ISO_DATE.fullmatch(value):
            raise ValueError("not a date (use YYYY-MM-DD)")
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
        if not _WHOLE.fullmatch(value):
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


def _canonical(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _issue(key: str, value: str | None, action: str) -> Issue:
    shown = None if value is None else plain_text.shorten(value)
    return Issue(plain_text.shorten(key, 40), shown, action)


def _parse_param(param: Param, raw: list[str]) -> tuple[object | None, list[Issue]]:
    """One known parameter's value (None: not set) and what was done about its values."""
    key, issues = param.key, []
    if param.kind != "multi" and len(raw) > 1:
        # Streamlit's bound widgets read the last value; the page does the same.
        issues.append(_issue(key, None, f"given {len(raw):,} times; the last value is used"))
        raw = raw[-1:]
    if len(raw) > MAX_VALUES:
        issues.append(
            _issue(key, None, f"{len(raw):,} values, more than {MAX_VALUES}; filter not applied")
        )
        return None, issues
    kept = []
    for value in raw:
        if value == "" and param.kind in ("multi", "text"):
            continue  # an emptied widget
        try:
            kept.append(_parse_one(param, value))
        except ValueError as reason:
            issues.append(_issue(key, value, f"{reason}; ignored"))
    if param.kind == "multi":
        return tuple(dict.fromkeys(kept)), issues
    return (kept[0] if kept else None), issues


def parse(query: Mapping[str, object], params: Iterable[Param]) -> Parsed:
    """Typed values for the understood parameters, what was wrong, and the canonical query."""
    spec = {p.key: p for p in params}
    values: dict[str, object] = {}
    issues: list[Issue] = []
    canonical: dict[str, str | list[str]] = {}
    for key in query:
        raw = _values(query[key])
        if key in STREAMLIT_KEYS:
            canonical[key] = raw if len(raw) > 1 else (raw[0] if raw else "")
            continue
        param = spec.get(key)
        if param is None:
            issues.append(_issue(key, None, UNKNOWN))
            continue
        value, found = _parse_param(param, raw)
        issues.extend(found)
        if param.kind == "multi":
            values[key] = value if value is not None else ()
            if value:
                canonical[key] = [_canonical(v) for v in value]  # type: ignore[union-attr]
        elif value is not None:
            values[key] = value
            canonical[key] = _canonical(value)
        elif raw == [""] and param.kind == "text":
            canonical[key] = ""
    if (
        isinstance(values.get(DATE_FROM), dt.date)
        and isinstance(values.get(DATE_TO), dt.date)
        and values[DATE_FROM] > values[DATE_TO]  # type: ignore[operator]
    ):
        issues.append(
            Issue(
                f"{DATE_FROM}, {DATE_TO}",
                None,
                "the start date is after the end date; nothing matches",
            )
        )
    given = {k: _values(v) for k, v in query.items()}
    wanted = {k: v if isinstance(v, list) else [v] for k, v in canonical.items()}
    return Parsed(values, issues, canonical, changed=given != wanted)


def bounded(issues: list[Issue], limit: int = MAX_LISTED) -> tuple[list[Issue], str]:
    """The issues to list and a line counting those left out (a link may hold a thousand)."""
    shown, rest = issues[:limit], issues[limit:]
    if not rest:
        return shown, ""
    unknown = sum(issue.action == UNKNOWN for issue in rest)
    parts = [
        f"{n:,} more {what}{'s' if n > 1 else ''}"
        for n, what in ((unknown, "unknown parameter"), (len(rest) - unknown, "other problem"))
        if n
    ]
    return shown, "And " + " and ".join(parts) + ", not listed."


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
