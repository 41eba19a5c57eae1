"""The dataset's tables, declared once.

Everything else derives from these declarations: the pyarrow schemas the build writes,
the validation of curated input, the data dictionary in `datasets/README.md` (checked by a
test) and the dictionary shown on the Data & sources page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

# Kinds of value a column holds; each maps to one Arrow type.
ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "date": pa.date32(),
    "time": pa.string(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "int": pa.int32(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    # Parquet names a list's items "element"; using that name here means a table read back
    # from Parquet compares equal to the schema it was written with.
    "list_str": pa.list_(pa.field("element", pa.string())),
    "list_int": pa.list_(pa.field("element", pa.int32())),
}

MISSILE_CLASSES = (
    "SRBM",
    "MRBM",
    "IRBM",
    "ICBM",
    "SLBM",
    "cruise",
    "hypersonic",
    "SLV",
    "unknown",
)
EVENT_TYPES = (
    "sanctions",
    "summit",
    "talks",
    "visit",
    "un_action",
    "joint_statement",
    "military_exercise",
    "policy",
    "inauguration",
    "nuclear_test",
    "other",
)
SPEAKER_TYPES = (
    "head_of_state",
    "government",
    "military",
    "state_media",
    "diplomat",
    "expert",
    "international_org",
)
STANCES = ("condemn", "threaten", "justify", "downplay", "urge_dialogue", "assess", "reassure")
SOURCE_KINDS = ("news", "official", "database", "analysis")
OUTCOMES = ("success", "failure", "unknown")
CONFIRMATIONS = ("confirmed", "claimed", "assessed")
LAUNCHING_STATES = ("PRK", "KOR")
DATE_PRECISIONS = ("day", "week", "month", "year")
REVIEW_STATUSES = ("reviewed", "imported")
CLAIM_FIELDS = (
    "date_local",
    "site_id",
    "missile_class",
    "confirmation",
    "landing_area",
    "range_km",
    "apogee_km",
    "missile_name",
    "time_local",
    "count",
    "heading_deg",
    "outcome",
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str
    nullable: bool = False
    enum: tuple[str, ...] | None = None
    unit: str | None = None
    # Derived columns are computed by the build and must not be written by curators.
    derived: bool = False
    # Reference to another table's key: "table" (for a single id or a list of ids).
    references: str | None = None
    # Value used when a record leaves the field out (documented in the dictionary).
    default: str | None = None

    @property
    def arrow_type(self) -> pa.DataType:
        return ARROW_TYPES[self.kind]


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    description: str
    columns: tuple[Column, ...]

    @property
    def arrow_schema(self) -> pa.Schema:
        fields = [
            pa.field(
                c.name,
                c.arrow_type,
                nullable=c.nullable,
                metadata={"description": c.description},
            )
            for c in self.columns
        ]
        return pa.schema(fields, metadata={"table": self.name, "description": self.description})

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


SOURCE_IDS = Column(
    "source_ids", "list_str", "Sources supporting the record (at least one).", references="sources"
)

SOURCES = Table(
    "sources",
    "source_id",
    "Every document a record cites: news articles, official statements, databases.",
    (
        Column("source_id", "str", "Stable identifier, lowercase with hyphens."),
        Column("publisher", "str", "Publisher as the document shows it (or a description)."),
        Column("title", "str", "Title of the document."),
        Column("author", "str", "Author or byline.", nullable=True),
        Column("published_date", "date", "Publication date, local to the publisher."),
        Column("url", "str", "Public address of the document, where known.", nullable=True),
        Column("kind", "str", "What sort of source it is.", enum=SOURCE_KINDS),
        Column(
            "version",
            "str",
            "Version of a database copy: release, commit or content hash of the file read.",
            nullable=True,
        ),
        Column("licence", "str", "Licence of the document or data, where stated.", nullable=True),
        Column("accessed_date", "date", "When the curators read this copy.", nullable=True),
        Column(
            "local_copy",
            "str",
            "File name of the copy the curators read (seed articles), for verbatim checks.",
            nullable=True,
        ),
        Column("note", "str", "Provenance caveats (e.g. how a date was confirmed).", nullable=True),
        Column(
            "text_sha256",
            "str",
            "SHA-256 of the article text the ingest assistant read, so anyone holding the "
            "article can re-verify every quote (`python -m dashboard verify`).",
            nullable=True,
        ),
    ),
)

LAUNCH_SITES = Table(
    "launch_sites",
    "site_id",
    "Gazetteer of launch sites with coordinates.",
    (
        Column("site_id", "str", "Stable identifier, lowercase with hyphens."),
        Column("name", "str", "Common English name of the site."),
        Column("aliases", "list_str", "Other names and spellings."),
        Column("province", "str", "Province or county.", nullable=True),
        Column("state", "str", "State the site is in, ISO 3166-1 alpha-3."),
        Column(
            "lat",
            "float",
            "Latitude, WGS84; null when no source gives it.",
            nullable=True,
            unit="degrees north",
        ),
        Column(
            "lon",
            "float",
            "Longitude, WGS84; null when no source gives it.",
            nullable=True,
            unit="degrees east",
        ),
        SOURCE_IDS,
        Column("note", "str", "Caveats about the name or coordinates.", nullable=True),
    ),
)

LAUNCHES = Table(
    "launches",
    "launch_id",
    "One row per launch event: missiles fired together from one site, of one class, on one "
    "day (a salvo is one row with a count).",
    (
        Column("launch_id", "str", "Stable identifier: <state>-<KST date>-<site>."),
        Column("state", "str", "Launching state, ISO 3166-1 alpha-3.", enum=LAUNCHING_STATES),
        Column(
            "review_status",
            "str",
            "reviewed: a curator checked the record against its sources; imported: generated "
            "from a database by `python -m dashboard import` and not yet reviewed.",
            enum=REVIEW_STATUSES,
        ),
        Column("date_local", "date", "Calendar date of the launch in Korea Standard Time (UTC+9)."),
        Column(
            "date_precision",
            "str",
            "How precisely the sources date the launch; with month or year, date_local is the "
            "first day of that period.",
            enum=DATE_PRECISIONS,
            default="day",
        ),
        Column(
            "date_note",
            "str",
            "Why the date is uncertain, when it is (e.g. only the announcement date is known).",
            nullable=True,
        ),
        Column(
            "time_local",
            "time",
            "Time of the first missile, HH:MM in Korea Standard Time.",
            nullable=True,
            unit="HH:MM KST",
        ),
        Column(
            "launched_at_utc",
            "timestamp",
            "Instant of the first missile in UTC, from date_local and time_local.",
            nullable=True,
            derived=True,
        ),
        Column(
            "site_id", "str", "Launch site, if known.", nullable=True, references="launch_sites"
        ),
        Column("missile_class", "str", "Class of missile.", enum=MISSILE_CLASSES),
        Column("missile_name", "str", "Designation, if reported.", nullable=True),
        Column("count", "int", "Number of missiles in the event.", unit="missiles"),
        Column(
            "range_km", "float", "Distance flown (farthest of the salvo).", nullable=True, unit="km"
        ),
        Column(
            "apogee_km",
            "float",
            "Maximum altitude (highest of the salvo).",
            nullable=True,
            unit="km",
        ),
        Column(
            "heading_deg",
            "float",
            "Launch bearing, clockwise from true north.",
            nullable=True,
            unit="degrees",
        ),
        Column(
            "impact_lat",
            "float",
            "Latitude of the impact point (reported or estimated).",
            nullable=True,
            unit="degrees north",
        ),
        Column(
            "impact_lon",
            "float",
            "Longitude of the impact point (reported or estimated).",
            nullable=True,
            unit="degrees east",
        ),
        Column(
            "impact_estimated",
            "bool",
            "True when the impact point was computed from site, heading and range along a "
            "great circle rather than reported.",
            derived=True,
        ),
        Column(
            "landing_area",
            "str",
            "Body of water or area where the missiles came down.",
            nullable=True,
        ),
        Column("outcome", "str", "Result of the launch.", enum=OUTCOMES),
        Column(
            "confirmation",
            "str",
            "confirmed (detected and reported by governments, or disclosed by the launching "
            "state's defence ministry), claimed (known only from the launching state's own "
            "media), assessed (inferred by analysts from indirect evidence, or marked "
            "unconfirmed by the CNS database); null when an imported database does not say.",
            enum=CONFIRMATIONS,
            nullable=True,
        ),
        Column("summary", "str", "What happened, in the curators' own words."),
        SOURCE_IDS,
        Column(
            "cns_ids",
            "list_int",
            "Row numbers (F1) of the same missiles in the CNS North Korea Missile Test Database.",
        ),
        Column(
            "nagix_ids",
            "list_str",
            "The same missiles in the nagix/nk-missile-tests list, as <UTC date>/<n>: the n-th "
            "entry of that date in the list.",
        ),
    ),
)

DIPLOMATIC_EVENTS = Table(
    "diplomatic_events",
    "event_id",
    "Sanctions, summits, talks, UN action, exercises and policy moves.",
    (
        Column("event_id", "str", "Stable identifier: <type>-<date>-<topic>."),
        Column(
            "date_start",
            "date",
            "First day, as the calendar date where the event took place (Korea Standard Time "
            "for events in Korea, the local date elsewhere).",
        ),
        Column("date_end", "date", "Last day for multi-day events.", nullable=True),
        Column(
            "date_precision",
            "str",
            "How precisely the sources date the event; with week, month or year, date_start "
            "is the first day of that period.",
            enum=DATE_PRECISIONS,
        ),
        Column("event_type", "str", "Kind of event.", enum=EVENT_TYPES),
        Column("title", "str", "Short title, in the curators' words."),
        Column("summary", "str", "What happened, in the curators' own words."),
        Column("location", "str", "Where it took place.", nullable=True),
        Column("participants", "list_str", "States, organisations or people taking part."),
        SOURCE_IDS,
    ),
)

STATEMENTS = Table(
    "statements",
    "statement_id",
    "Who said what, when: the verbatim words a source attributes to a speaker.",
    (
        Column("statement_id", "str", "Stable identifier."),
        Column(
            "date",
            "date",
            "When the words were said (local date); when the source does not say, the "
            "earliest date the source allows, explained in date_note.",
        ),
        Column("date_note", "str", "Why the date is uncertain, when it is.", nullable=True),
        Column("speaker", "str", "Person or body the words are attributed to."),
        Column("speaker_role", "str", "Office or description of the speaker."),
        Column("organization", "str", "Organisation the speaker speaks for.", nullable=True),
        Column(
            "state",
            "str",
            "State of the speaker or their organisation, ISO 3166-1 alpha-3.",
            nullable=True,
        ),
        Column("speaker_type", "str", "Kind of speaker.", enum=SPEAKER_TYPES),
        Column(
            "quote",
            "str",
            "The exact words the source attributes to the speaker, verbatim; null when the "
            "source only paraphrases.",
            nullable=True,
        ),
        Column(
            "paraphrase",
            "str",
            "Gist in the curators' own words; required when quote is null.",
            nullable=True,
        ),
        Column("stance", "str", "What the statement does.", enum=STANCES),
        Column("launch_ids", "list_str", "Launches the statement is about.", references="launches"),
        Column(
            "event_ids",
            "list_str",
            "Diplomatic events the statement is about.",
            references="diplomatic_events",
        ),
        Column("source_id", "str", "Source that reports the statement.", references="sources"),
    ),
)

CLAIMS = Table(
    "claims",
    "claim_id",
    "Differing reported figures for one launch, side by side, each with its claimant.",
    (
        Column("claim_id", "str", "Stable identifier."),
        Column("launch_id", "str", "Launch the figure is about.", references="launches"),
        Column("field", "str", "Which launch field the figure concerns.", enum=CLAIM_FIELDS),
        Column("value", "str", "The figure as reported (text, so ranges and names fit)."),
        Column("claimant", "str", "Who reported it (e.g. ROK JCS, Japan MoD, KCNA)."),
        Column("source_id", "str", "Where the curators read it.", references="sources"),
        Column("note", "str", "Context for the figure, in the curators' words.", nullable=True),
    ),
)

# In dependency order: a table only references tables before it.
TABLES: dict[str, Table] = {
    t.name: t for t in (SOURCES, LAUNCH_SITES, LAUNCHES, DIPLOMATIC_EVENTS, STATEMENTS, CLAIMS)
}
