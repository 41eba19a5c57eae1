"""The ingest commands' bodies, so `__main__` stays a dispatcher: ingest, merge, verify."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from dashboard.ingest import pipeline, review
from dashboard.ingest.merge import merge
from dashboard.ingest.text import Unreadable, read_article
from dashboard.ingest.verify import verify


def ingest(
    path: Path,
    published: dt.date,
    publisher: str | None,
    title: str | None,
    url: str | None,
    out: Path | None,
    curated: Path,
    guess_speakers: bool = False,
) -> int:
    try:
        text = read_article(path)
    except Unreadable as error:
        print(f"unreadable: {error}", file=sys.stderr)
        return 2
    article = pipeline.Article(text, published, publisher, title, url, path.name)
    document = pipeline.run(article, curated, learned=guess_speakers)
    written = review.dump(document)
    if out is None:
        sys.stdout.write(written)
    else:
        out.write_text(written, encoding="utf-8")
    counts = ", ".join(f"{t} {len(document[t])}" for t in review.TABLE_ORDER)
    print(f"candidates: {counts}", file=sys.stderr)
    return 0


def merge_command(review_path: Path, curated: Path, out: Path, imports: Path) -> int:
    code, lines = merge(review_path, curated, out, imports)
    for line in lines:
        print(line, file=sys.stderr if code else sys.stdout)
    return code


def verify_command(source_id: str, article: Path, curated: Path) -> int:
    code, lines = verify(source_id, article, curated)
    for line in lines:
        print(line, file=sys.stderr if code else sys.stdout)
    return code
