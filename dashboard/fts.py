"""The statements' full-text index: an SQLite FTS5 table, one row per statement.

The index is a file written with the dataset (`statements_fts.sqlite`, by `python -m dashboard
build` and by `synth`) and opened read-only at start; where it is missing or belongs to another
build, it is built in memory instead. Its row id is the statement's position in the loaded
table, which keeps statements newest first (`order`), so matches come back already sorted.

Search text never reaches FTS5's query syntax: it is split into words at white space, each
word is cut into tokens by the index's own tokenizer (SQLite itself, not a look-alike), and
each word becomes one quoted phrase of those tokens, the last one matched as a prefix. So
"U.S." searches the tokens "u s" side by side exactly as the index stored "U.S.", and
`head_of_state`, `NEAR`, `quote:` or `*` are plain words, never operators.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

INDEX_FILE = "statements_fts.sqlite"
SEARCHED = ("quote", "paraphrase", "speaker", "speaker_role")
TOKENIZE = "unicode61 remove_diacritics 2"
MAX_WORDS = 8
MAX_WORD_CHARS = 100

Phrase = tuple[str, ...]


def order(statements: pa.Table) -> pa.Array:
    """Row order of the loaded statements, newest first, ties by id: the index's row ids."""
    return pc.sort_indices(
        statements, sort_keys=[("date", "descending"), ("statement_id", "ascending")]
    )


def load_sorting(schema: pa.Schema) -> list[pq.SortingColumn]:
    """The `order` as Parquet sorting metadata: a file that declares it needs no sort at load."""
    return [
        pq.SortingColumn(schema.get_field_index("date"), descending=True),
        pq.SortingColumn(schema.get_field_index("statement_id")),
    ]


def in_load_order(statements: pa.Table) -> pa.Table:
    return statements.take(order(statements))


def _create(db: sqlite3.Connection) -> None:
    columns = ", ".join(SEARCHED)
    # Contentless: the texts live in the table; the index only answers which rows match,
    # so the file holds no second copy.
    db.execute(
        f"CREATE VIRTUAL TABLE texts USING fts5({columns}, tokenize='{TOKENIZE}', content='')"
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")


def _fill(db: sqlite3.Connection, statements: pa.Table, version: str) -> None:
    ordered = in_load_order(statements)
    columns = [ordered[c].to_pylist() for c in SEARCHED]
    db.executemany(
        f"INSERT INTO texts(rowid, {', '.join(SEARCHED)}) VALUES (?, ?, ?, ?, ?)",
        zip(range(ordered.num_rows), *columns, strict=True),
    )
    # One merged b-tree answers queries faster than the segments left by bulk inserts.
    db.execute("INSERT INTO texts(texts) VALUES ('optimize')")
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("version", version), ("rows", str(ordered.num_rows))]
    )
    db.commit()


def write_index(statements: pa.Table, path: Path, version: str) -> None:
    """Write the index file for a dataset version (replacing any file at `path`)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        _create(db)
        _fill(db, statements, version)
        db.execute("VACUUM")
    finally:
        db.close()


def index_version(path: Path) -> str | None:
    """The dataset version an index file was written for, or None if unreadable."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


class TextIndex:
    """Read-only FTS5 index shared by all sessions (queries serialised by a lock)."""

    def __init__(self, db: sqlite3.Connection, rows: int, from_file: bool):
        self._db = db
        self._lock = threading.Lock()
        self.rows = rows
        self.from_file = from_file

    @classmethod
    def open(cls, path: Path, version: str, statements: pa.Table) -> TextIndex:
        """The index file if it was written for this version and these rows, else one built
        in memory now (a few seconds per million statements)."""
        if index_version(path) == version:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            (rows,) = db.execute("SELECT value FROM meta WHERE key = 'rows'").fetchone()
            if int(rows) == statements.num_rows:
                return cls(db, statements.num_rows, from_file=True)
            db.close()
        return cls.in_memory(statements)

    @classmethod
    def in_memory(cls, statements: pa.Table) -> TextIndex:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        _create(db)
        _fill(db, statements, version="in-memory")
        return cls(db, statements.num_rows, from_file=False)

    def matching(
        self, phrases: tuple[Phrase, ...], low: int = 0, high: int | None = None
    ) -> np.ndarray:
        """Row ids (ascending, so newest first) in [low, high) whose text holds every phrase."""
        high = self.rows if high is None else high
        with self._lock:
            # One text of all ids: tens of thousands of Python rows cost more than the search.
            (ids,) = self._db.execute(
                "SELECT group_concat(rowid, ' ') FROM texts "
                "WHERE texts MATCH ? AND rowid >= ? AND rowid < ?",
                (match_expression(phrases), low, high),
            ).fetchone()
        return np.array(ids.split(), dtype=np.int64) if ids else np.array([], dtype=np.int64)


_words_db = sqlite3.connect(":memory:", check_same_thread=False)
_words_db.execute(f"CREATE VIRTUAL TABLE words USING fts5(word, tokenize='{TOKENIZE}')")
_words_db.execute("CREATE VIRTUAL TABLE word_tokens USING fts5vocab(words, instance)")
_words_lock = threading.Lock()


def phrases(text: str) -> tuple[Phrase, ...]:
    """The search text as the index would store it: one phrase (tuple of tokens) per word
    that holds any token, at most MAX_WORDS, duplicates dropped."""
    words = [w[:MAX_WORD_CHARS] for w in text.replace("\x00", " ").split()][: 4 * MAX_WORDS]
    if not words:
        return ()
    with _words_lock:
        _words_db.execute("DELETE FROM words")
        _words_db.executemany(
            "INSERT INTO words(rowid, word) VALUES (?, ?)", list(enumerate(words))
        )
        found = _words_db.execute(
            "SELECT doc, term FROM word_tokens ORDER BY doc, offset"
        ).fetchall()
    grouped: dict[int, list[str]] = {}
    for doc, term in found:
        grouped.setdefault(doc, []).append(term)
    kept = dict.fromkeys(tuple(grouped[d]) for d in sorted(grouped))
    return tuple(kept)[:MAX_WORDS]


def match_expression(phrases: tuple[Phrase, ...]) -> str:
    """FTS5 query of the phrases, all required, each a prefix match on its last token.

    Tokens are the tokenizer's own output (letters and digits only), so quoting them cannot
    break out of the phrase.
    """
    return " AND ".join('"' + " ".join(p) + '"*' for p in phrases)
