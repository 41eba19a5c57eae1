"""Precision and recall of the ingest assistant on the gold set (`python -m dashboard ingest-eval`).

The gold set (datasets/ingest_gold/*.yaml: one file per article with its text reference,
split, launches, statements and events) annotates real articles by hand. Scoring, per field:
- launches match gold launches on the same KST date (on a date with several, the pairs that
  agree on most fields); for every other launch field, a predicted value counts only when it
  has evidence in the text (a default is not a finding), is a true positive when its matched
  gold value is equal, and a gold value with no equal prediction is missed;
- a quote matches a gold quote with the same words (whitespace and surrounding punctuation
  aside); its speaker is right when the names are equal, one is part of the other ("Suzuki",
  "Kazuto Suzuki"), both name the same known body, or both name the same state by its name
  or capital ("Pyongyang", "North Korea");
- events match on type, and their dates on type and date.
Articles whose text is not at hand (seeds outside ../shared, texts not storable) are skipped
with the reason printed. Splits `dev` and `heldout` are reported separately.

`--agreement FOLDER` scores a second annotator's files for some dev articles against the gold
with the same rules, as if they were the assistant's: how far two careful annotators agree is
the most any tool can score against either.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dashboard.ingest import actors, pipeline, review
from dashboard.ingest.gazetteer import Gazetteer
from dashboard.ingest.text import Unreadable, read_article
from dashboard.paths import DATASETS_DIR, REPO_DIR

GOLD_DIR = DATASETS_DIR / "ingest_gold"
SEEDS_DIR = REPO_DIR.parent / "shared" / "seeds"
LAUNCH_FIELDS = {
    "launch date": "date_local",
    "launch time": "time_local",
    "launch count": "count",
    "launch class": "missile_class",
    "launch site": "site_id",
    "launch range": "range_km",
    "launch apogee": "apogee_km",
}
FIELDS = (*LAUNCH_FIELDS, "quote text", "quote speaker", "event type", "event date")
SPLITS = ("dev", "heldout")


@dataclass
class Tally:
    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.hits += other.hits
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.hits / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.gold if self.gold else None


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    split: str
    annotation: dict[str, Any]
    text: str | None
    skipped: str | None  # why the article cannot be scored here


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load_gold(folder: Path, texts: Path | None = None) -> list[GoldArticle]:
    """Annotations with their texts; `texts` is a folder of `<article_id>.txt` copies of the
    articles that may not be stored here, for whoever holds them."""
    articles = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        article_id, split = data.get("article_id", path.stem), data.get("split", "dev")
        where, text, skipped = data.get("text"), None, None
        if where is None and texts is not None and (texts / f"{article_id}.txt").is_file():
            where = str((texts / f"{article_id}.txt").resolve())
        if where is None:
            skipped = f"text not stored ({data.get('licence') or 'licence'})"
        else:
            file = SEEDS_DIR / where[5:] if where.startswith("seed:") else folder / where
            if not file.is_file():
                skipped = f"text absent: {file}"
            else:
                try:
                    text = read_article(file)
                except Unreadable as error:
                    skipped = str(error)
        articles.append(GoldArticle(article_id, split, data, text, skipped))
    return articles


def _norm_quote(text: str) -> str:
    return " ".join(str(text).split()).strip(" ,.;:“”\"'‘’").replace("’", "'")


def _speaker_words(name: str) -> list[str]:
    name = actors.strip_title(str(name).strip())
    name = re.sub(r"[’']s\b", "", name.casefold()).replace("u.s.", "us")
    # "António" and "Antonio" are one name.
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", name)
    # "officials" and "official" name the same group; titles are not names.
    words = [
        w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words
    ]
    return [w for w in words if w not in ("a", "an", "the", *_TITLE_WORDS)]


# Titles a gold annotation keeps ("President Trump") and the assistant may drop ("Donald Trump").
_TITLE_WORDS = ("president", "vice", "secretary", "minister", "senator", "sen", "rep", "mr", "ms")


def same_speaker(predicted: str, gold: str) -> bool:
    """The same speaker: equal names, one part of the other once titles are set aside
    ("President Trump", "Donald Trump"), the same known body, or the same state named by
    its name or its capital ("Pyongyang", "North Korea")."""
    mine, theirs = _speaker_words(predicted), _speaker_words(gold)
    if not mine or not theirs:
        return False
    if "".join(mine) == "".join(theirs) or set(mine) <= set(theirs) or set(theirs) <= set(mine):
        return True
    state = actors.state_speaker(predicted)
    if state is not None and state == actors.state_speaker(gold):
        return True  # "Pyongyang" and "North Korea": the state, by its capital or its name
    body = actors.known_body(predicted)
    return body is not None and body == actors.known_body(gold)


def _equal(field: str, predicted: Any, gold: Any) -> bool:
    if field in ("range_km", "apogee_km"):
        return abs(float(predicted) - float(gold)) <= max(1.0, 0.01 * float(gold))
    if field == "date_local":
        return _date(predicted) == _date(gold)
    return str(predicted) == str(gold)


def _predicted_launch(record: dict[str, Any]) -> dict[str, Any]:
    """The record's values that the text supports (those with evidence)."""
    found = record.get("evidence") or {}
    return {f: record.get(f) for f in LAUNCH_FIELDS.values() if f == "date_local" or f in found}


def _gold_launch(row: dict[str, Any], gazetteer: Gazetteer) -> dict[str, Any]:
    site = row.get("site")
    # A place the gazetteer does not hold is compared by the id a new-site proposal gets.
    site_id = (gazetteer.lookup(str(site)) or review.slug(str(site))) if site else None
    values = {f: row.get(f) for f in LAUNCH_FIELDS.values() if f != "site_id"}
    values["site_id"] = site_id
    if values.get("missile_class") == "unknown":
        # "unknown" says the article names no class: nothing to find.
        values["missile_class"] = None
    return {k: v for k, v in values.items() if v is not None}


def pair_launches(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Each gold launch with the same-day prediction that agrees on most fields, if any."""
    unused = list(range(len(predicted)))
    pairs = []
    for g in gold:
        same_day = [
            i for i in unused if _equal("date_local", predicted[i]["date_local"], g["date_local"])
        ]
        if not same_day:
            continue
        best = max(
            same_day,
            key=lambda i: sum(
                1 for f, v in g.items() if f in predicted[i] and _equal(f, predicted[i][f], v)
            ),
        )
        unused.remove(best)
        pairs.append((predicted[best], g))
    return pairs


def launches_of(
    annotation: dict[str, Any], document: dict[str, Any], gazetteer: Gazetteer
) -> tuple[list[dict], list[dict]]:
    """The launches a document proposes and the ones the annotation holds, as scored."""
    predicted = [_predicted_launch(record) for record in document["launches"]]
    gold = [_gold_launch(row, gazetteer) for row in annotation.get("launches") or []]
    return predicted, gold


def score_launches(predicted: list[dict], gold: list[dict]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in LAUNCH_FIELDS}
    pairs = pair_launches(predicted, gold)
    for name, field in LAUNCH_FIELDS.items():
        tally = tallies[name]
        tally.predicted = sum(1 for p in predicted if p.get(field) is not None)
        tally.gold = sum(1 for g in gold if g.get(field) is not None)
        tally.hits = sum(
            1
            for p, g in pairs
            if p.get(field) is not None
            and g.get(field) is not None
            and _equal(field, p[field], g[field])
        )
    return tallies


def pair_quotes(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Each gold quote with the predicted statement quoting the same words, if any."""
    unused = [p for p in predicted if p.get("quote")]
    pairs = []
    for g in gold:
        match = next(
            (p for p in unused if _norm_quote(p["quote"]) == _norm_quote(g["quote"])), None
        )
        if match is not None:
            unused.remove(match)
            pairs.append((match, g))
    return pairs


def score_statements(predicted: list[dict], gold: list[dict]) -> dict[str, Tally]:
    quotes = [p for p in predicted if p.get("quote")]
    pairs = pair_quotes(predicted, gold)
    text = Tally(len(pairs), len(quotes), len(gold))
    right = sum(same_speaker(p["speaker"], g["speaker"]) for p, g in pairs)
    return {"quote text": text, "quote speaker": Tally(right, len(quotes), len(gold))}


def score_events(predicted: list[dict], gold: list[dict]) -> dict[str, Tally]:
    # A week, month or year is not a day: only day-precise predictions are scored on dates.
    daily = [p for p in predicted if p.get("date_precision", "day") == "day"]
    kinds, dates = Tally(0, len(predicted), len(gold)), Tally(0, len(daily), 0)
    dates.gold = sum(1 for g in gold if g.get("date_start") is not None)
    for field, tally in (("type", kinds), ("date", dates)):
        unused = list(predicted if field == "type" else daily)
        for g in gold:
            if field == "date" and g.get("date_start") is None:
                continue

            def same(p: dict, g: dict = g, field: str = field) -> bool:
                if p["event_type"] != g["event_type"]:
                    return False
                return field == "type" or _date(p["date_start"]) == _date(g["date_start"])

            match = next((p for p in unused if same(p)), None)
            if match is not None:
                unused.remove(match)
                tally.hits += 1
    return {"event type": kinds, "event date": dates}


def _predict(article: GoldArticle, curated: Path, learned: bool = False) -> dict[str, Any]:
    data = article.annotation
    return pipeline.run(
        pipeline.Article(article.text or "", _date(data["published"]), data.get("publisher")),
        curated,
        learned,
    )


def score_article(
    article: GoldArticle, document: dict[str, Any], gazetteer: Gazetteer
) -> dict[str, Tally]:
    data = article.annotation
    scores = score_launches(*launches_of(data, document, gazetteer))
    scores.update(score_statements(document["statements"], data.get("statements") or []))
    scores.update(score_events(document["diplomatic_events"], data.get("diplomatic_events") or []))
    return scores


def _short(text: Any, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def article_errors(
    article: GoldArticle, document: dict[str, Any], gazetteer: Gazetteer
) -> list[str]:
    """One line per disagreement between the assistant and the gold annotation of one article."""
    data = article.annotation
    lines = []
    predicted, gold = launches_of(data, document, gazetteer)
    pairs = pair_launches(predicted, gold)
    for g in gold:
        if not any(g is pg for _, pg in pairs):
            lines.append(f"launch missed: {g}")
    for p in predicted:
        if not any(p is pp for pp, _ in pairs):
            lines.append(f"launch not in gold: {p}")
    for p, g in pairs:
        for field in LAUNCH_FIELDS.values():
            mine, theirs = p.get(field), g.get(field)
            if (mine is not None or theirs is not None) and not (
                mine is not None and theirs is not None and _equal(field, mine, theirs)
            ):
                lines.append(f"launch {g['date_local']} {field}: found {mine!r}, gold {theirs!r}")
    golds = data.get("statements") or []
    quote_pairs = pair_quotes(document["statements"], golds)
    for g in golds:
        if not any(g is pg for _, pg in quote_pairs):
            lines.append(f"quote missed: {_short(g['quote'])} ({g['speaker']})")
    for p in document["statements"]:
        if p.get("quote") and not any(p is pp for pp, _ in quote_pairs):
            lines.append(f"quote not in gold: {_short(p['quote'])} ({p['speaker']})")
    for p, g in quote_pairs:
        if not same_speaker(p["speaker"], g["speaker"]):
            quote = _short(g["quote"], 40)
            lines.append(f"speaker: found {p['speaker']!r}, gold {g['speaker']!r} for {quote}")
    return lines


def _figure(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def report(split: str, totals: dict[str, Tally], articles: int) -> list[str]:
    lines = [
        f"split {split}: {articles} article(s)",
        f"  {'field':<15} precision  recall  (hits/predicted/gold)",
    ]
    for name in FIELDS:
        t = totals[name]
        lines.append(
            f"  {name:<15} {_figure(t.precision):>9}  {_figure(t.recall):>6}  "
            f"({t.hits}/{t.predicted}/{t.gold})"
        )
    return lines


def as_document(annotation: dict[str, Any], gazetteer: Gazetteer) -> dict[str, Any]:
    """A second annotation in the shape the assistant proposes, every value its own evidence."""
    launches = []
    for row in annotation.get("launches") or []:
        values = _gold_launch(row, gazetteer)
        launches.append(values | {"evidence": dict.fromkeys(values)})
    events = [
        {
            "event_type": event.get("event_type"),
            "date_start": event.get("date_start"),
            "date_precision": "day" if event.get("date_start") else "unknown",
        }
        for event in annotation.get("diplomatic_events") or []
    ]
    statements = annotation.get("statements") or []
    return {"launches": launches, "statements": statements, "diplomatic_events": events}


def agreement(gold_dir: Path, second: Path, curated: Path, errors: bool = False) -> int:
    """The second annotator's files in `second`, scored against the dev gold of the same
    articles; an article the gold does not hold as dev is refused by name."""
    gold = {a.article_id: a for a in load_gold(gold_dir)}
    gazetteer = pipeline.context(curated).gazetteer
    totals: dict[str, Tally] = defaultdict(Tally)
    other = load_gold(second)
    for article in other:
        if article.article_id not in gold or gold[article.article_id].split != "dev":
            print(f"{second / article.article_id}.yaml: no dev gold article of that id")
            return 1
    for article in other:
        document = as_document(article.annotation, gazetteer)
        for name, tally in score_article(gold[article.article_id], document, gazetteer).items():
            totals[name].add(tally)
        if errors:
            for line in article_errors(gold[article.article_id], document, gazetteer):
                print(f"{article.article_id}: {line}")
    lines = report("dev", totals, len(other))
    lines[0] = f"second annotation against the gold: {len(other)} dev article(s)"
    print("\n".join(lines))
    return 0


def main(
    gold_dir: Path,
    curated: Path,
    errors: bool = False,
    texts: Path | None = None,
    splits: tuple[str, ...] = SPLITS,
    learned: bool = False,
) -> int:
    articles = load_gold(gold_dir, texts) if gold_dir.is_dir() else []
    if not articles:
        print(f"no gold annotations in {gold_dir}")
        return 1
    gazetteer = pipeline.context(curated).gazetteer
    totals = {split: defaultdict(Tally) for split in SPLITS}
    counted = dict.fromkeys(SPLITS, 0)
    for article in articles:
        split = article.split if article.split in SPLITS else "dev"
        if split not in splits:
            continue  # not even named: "--split dev" says nothing about held-out articles
        if article.skipped:
            print(f"skipped {article.article_id}: {article.skipped}")
            continue
        document = _predict(article, curated, learned)
        for name, tally in score_article(article, document, gazetteer).items():
            totals[split][name].add(tally)
        counted[split] += 1
        # Held-out errors are never listed: whoever reads them to change a rule turns the article
        # into a dev article, and the held-out figures stop measuring unseen text.
        if errors and split == "dev":
            for line in article_errors(article, document, gazetteer):
                print(f"{article.article_id}: {line}")
    for split in splits:
        print("\n".join(report(split, totals[split], counted[split])))
    return 0
