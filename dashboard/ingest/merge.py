"""Merge a review file's accepted records into the curated YAML, all or nothing.

accepted records -> refuse placeholders and duplicates of existing records (one line each)
-> write them into each table's `ingested.yaml` in a scratch copy of the curated folder and
build it exactly as `python -m dashboard build` does -> only if that succeeds, write the
files for real (temporary file, then rename) and rebuild the Parquet dataset.
The quotes' offsets are kept beside the records in `evidence/<source_id>.yaml`, so
`python -m dashboard verify` can re-check every quote against a copy of the article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dashboard.curation import safe_yaml
from dashboard.curation.build import (
    BuildRefused,
    build_dataset,
    curated_with,
    write_dataset,
    write_texts_all_or_nothing,
)
from dashboard.curation.load import display_path, load_records
from dashboard.importers import command as importer
from dashboard.ingest import review

INGESTED_FILE = "ingested.yaml"
EVIDENCE_DIR = "evidence"
HEADER = (
    "# Records accepted by a curator from `python -m dashboard ingest` review files and merged\n"
    "# with `python -m dashboard merge`. Reviewed data: edit like any curated file.\n"
)


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


def accepted(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    chosen = {}
    for table in review.TABLE_ORDER:
        rows = [r for r in document.get(table) or [] if r.get("review") == review.ACCEPTED]
        if table == "launches":
            # A curator accepted it: it is reviewed data from now on.
            rows = [{**r, "review_status": "reviewed"} for r in rows]
        chosen[table] = rows
    return chosen


def refusals(chosen: dict[str, list[dict]], curated_dir: Path) -> list[str]:
    """Placeholders left in, and duplicates of existing records, one line each."""
    problems = []
    for table, rows in chosen.items():
        for row in rows:
            label = next(iter(row.values()), "?")
            for name, value in row.items():
                if isinstance(value, str) and review.REWRITE in value:
                    problems.append(f"{table}: {label}: {name}: still a placeholder; write it")
    records, _ = load_records(curated_dir)
    launches = {
        (str(r.data.get("state")), str(r.data.get("date_local")), r.data.get("site_id")): r.label
        for r in records["launches"]
    }
    for row in chosen["launches"]:
        key = (str(row.get("state")), str(row.get("date_local")), row.get("site_id"))
        if key in launches:
            problems.append(
                f"launches: {row.get('launch_id')}: duplicates {launches[key]} "
                f"(same state, date {key[1]} and site {key[2]})"
            )
        launches.setdefault(key, str(row.get("launch_id")))
    statements = {
        (_norm(r.data.get("speaker")), _norm(r.data.get("quote"))): r.label
        for r in records["statements"]
        if r.data.get("quote")
    }
    for row in chosen["statements"]:
        if not row.get("quote"):
            continue
        key = (_norm(row.get("speaker")), _norm(row.get("quote")))
        if key in statements:
            problems.append(
                f"statements: {row.get('statement_id')}: duplicates {statements[key]} "
                "(same speaker and quote)"
            )
        statements.setdefault(key, str(row.get("statement_id")))
    return problems


def _source_change(source: dict, curated_dir: Path) -> tuple[bool, str | None]:
    """(add the source?, problem): an existing source must be the same text."""
    records, _ = load_records(curated_dir)
    for record in records["sources"]:
        if record.data.get("source_id") == source.get("source_id"):
            if record.data.get("text_sha256") != source.get("text_sha256"):
                return False, f"sources: {source.get('source_id')}: exists with another text"
            return False, None
    return True, None


def planned_files(
    document: dict[str, Any], chosen: dict[str, list[dict]], add_source: bool, curated_dir: Path
) -> dict[Path, str]:
    files: dict[Path, str] = {}
    tables = dict(chosen)
    if add_source:
        tables["sources"] = [document["source"]]
    for table, rows in tables.items():
        if not rows:
            continue
        path = curated_dir / table / INGESTED_FILE
        current = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        if current.strip().endswith("[]"):
            current = current.rstrip()[:-2]
        addition = review.dump_records([review.plain(r) for r in rows])
        files[path] = current.rstrip("\n") + "\n\n" + addition
    offsets = {
        row["statement_id"]: {
            "start": row["evidence"]["quote"]["start"],
            "end": row["evidence"]["quote"]["end"],
        }
        for row in chosen["statements"]
        if row.get("quote") and (row.get("evidence") or {}).get("quote")
    }
    if offsets:
        source_id = document["source"]["source_id"]
        path = curated_dir / EVIDENCE_DIR / f"{source_id}.yaml"
        written = path.read_text(encoding="utf-8") if path.is_file() else ""
        known = safe_yaml.loads(written, dates_as_text=False) if written else {}
        known = {**(known or {}), **offsets}
        files[path] = yaml.safe_dump(known, sort_keys=True)
    return files


def _trial_build(curated_dir: Path, files: dict[Path, str], imports_dir: Path) -> dict[Path, str]:
    """Build a scratch copy holding the new files; returns them plus the imported records
    regenerated around the new reviewed ones (a reviewed launch takes over the database
    entries it covers), so `check` still passes afterwards. Raises BuildRefused."""
    with curated_with(curated_dir, files) as trial:
        copies = importer.stored_copies(imports_dir)
        regenerated = {}
        if copies:
            generated, _ = importer.generated_files(trial, copies)
            for path, text in generated.items():
                real = curated_dir / path.relative_to(trial)
                if not real.is_file() or real.read_text(encoding="utf-8") != text:
                    regenerated[real] = text
                    path.write_text(text, encoding="utf-8")
        try:
            build_dataset(trial)
        except BuildRefused as error:
            # Name the curator's files, not the scratch copy.
            shown = display_path(trial)
            error.lines = [str(p).replace(shown, display_path(curated_dir)) for p in error.problems]
            raise
    return {**files, **regenerated}


def merge(
    review_path: Path, curated_dir: Path, out_dir: Path, imports_dir: Path
) -> tuple[int, list[str]]:
    """Exit code and the lines to print (problems, or what was added)."""
    try:
        document = review.load(review_path)
    except review.ReviewError as error:
        return 1, [str(error)]
    chosen = accepted(document)
    count = sum(len(rows) for rows in chosen.values())
    if count == 0:
        return 0, [
            f"{display_path(review_path)}: no records marked `review: accepted`; nothing to merge"
        ]
    add_source, problem = _source_change(document["source"], curated_dir)
    problems = refusals(chosen, curated_dir) + ([problem] if problem else [])
    if problems:
        return 1, [*problems, f"refused: {len(problems)} problem(s); nothing changed"]
    files = planned_files(document, chosen, add_source, curated_dir)
    try:
        files = _trial_build(curated_dir, files, imports_dir)
    except BuildRefused as error:
        lines = error.lines
        return 1, [*lines, f"refused: {len(lines)} problem(s); nothing changed"]
    write_texts_all_or_nothing(files)
    dataset = build_dataset(curated_dir)
    write_dataset(dataset, out_dir)
    added = ", ".join(f"{table} {len(rows)}" for table, rows in chosen.items() if rows)
    return 0, [f"merged {added}; dataset {dataset.version} rebuilt in {display_path(out_dir)}"]
