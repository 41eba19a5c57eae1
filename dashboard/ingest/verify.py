"""Re-verify a merged source's quotes against a copy of the article (`python -m dashboard verify`).

The copy must give the same text (its sha256 matches the source's `text_sha256`); then every
statement citing the source must have its quote at the stored offsets, or at least verbatim
somewhere in the text when no offsets were kept (statements curated by hand).
"""

from __future__ import annotations

from pathlib import Path

from dashboard.curation import safe_yaml
from dashboard.curation.load import load_records
from dashboard.ingest.merge import EVIDENCE_DIR
from dashboard.ingest.text import Unreadable, read_article, sha256


def verify(source_id: str, article: Path, curated_dir: Path) -> tuple[int, list[str]]:
    records, _ = load_records(curated_dir)
    sources = {r.data.get("source_id"): r.data for r in records["sources"]}
    if source_id not in sources:
        return 1, [f"{source_id}: no such source"]
    try:
        text = read_article(article)
    except Unreadable as error:
        return 1, [str(error)]
    lines = []
    expected = sources[source_id].get("text_sha256")
    if expected is None:
        lines.append(f"{source_id}: no text_sha256 recorded; checking quotes only")
    elif expected != sha256(text):
        return 1, [f"{source_id}: {article.name} is not the text that was read (sha256 differs)"]
    path = curated_dir / EVIDENCE_DIR / f"{source_id}.yaml"
    written = path.read_text(encoding="utf-8") if path.is_file() else ""
    offsets = (safe_yaml.loads(written, dates_as_text=False) or {}) if written else {}
    bad = checked = 0
    for record in records["statements"]:
        row = record.data
        if row.get("source_id") != source_id or not row.get("quote"):
            continue
        checked += 1
        quote = " ".join(str(row["quote"]).split())
        where = offsets.get(row.get("statement_id"))
        if where is not None:
            found = " ".join(text[where["start"] : where["end"]].split())
            ok = found == quote
            detail = f"offsets {where['start']}-{where['end']} hold other words"
        else:
            ok = quote in " ".join(text.split())
            detail = "quote not found verbatim"
        if not ok:
            bad += 1
            lines.append(f"{row.get('statement_id')}: {detail}")
    lines.append(f"{source_id}: {checked - bad} of {checked} quote(s) verified")
    return (1 if bad else 0), lines
