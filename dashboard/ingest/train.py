"""`python -m dashboard ingest-train`: fit the attribution fallback on the dev gold articles.

Only `dev` articles are used; held-out ones are never read here. Every quote the assistant
finds in a dev article becomes a group of (quote, candidate) rows: a candidate is labelled 1
when it is the annotated speaker, and a quote the annotators did not count as a statement has
no positive row, which teaches the model to leave scare quotes alone. Before the final fit,
five folds grouped by article give out-of-fold figures for the fallback (quotes the rules
leave alone) and for the model alone at each threshold; the threshold is the lowest one at
which the model alone reaches `TARGET_PRECISION` out of fold. Two more out-of-fold figures
say what learning could add to the rules: a model that also sees the rules' choice of speaker,
and a filter on the launches the assistant proposes (`launch_check`). Neither writes a model.
Needs scikit-learn (the `train` extra).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest import evaluate, pipeline, ranking
from dashboard.ingest.evaluate import GOLD_DIR, _norm_quote, load_gold, same_speaker
from dashboard.ingest.gazetteer import Gazetteer
from dashboard.ingest.statements import find_quotes, find_statements
from dashboard.paths import CURATED_DIR

TARGET_PRECISION = 0.90  # the target for speaker attribution
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.30 … 0.95
FOLDS = 5


@dataclass
class Quote:
    article: str
    gold_speaker: str | None  # None: the annotators did not count it as a statement
    rule_speaker: str | None
    candidates: list[ranking.Candidate]
    labels: list[int]


def quotes_of(article_id: str, text: str, gold: list[dict]) -> list[Quote]:
    spans = find_quotes(text)
    rules = {
        (s.quote.start, s.quote.end): s.speaker.name
        for s in find_statements(text, learned=False)
        if s.quote is not None
    }
    by_words = {}
    for row in gold:
        by_words.setdefault(_norm_quote(row["quote"]), row["speaker"])
    article = ranking.Article(text, spans)
    found = []
    for span in spans:
        earlier = [(start, name) for (start, _), name in rules.items() if start < span.start]
        previous = max(earlier)[1] if earlier else None
        gold_speaker = by_words.get(_norm_quote(span.text))
        candidates = article.candidates(span, previous)
        labels = [
            int(gold_speaker is not None and same_speaker(c.name, gold_speaker)) for c in candidates
        ]
        found.append(
            Quote(article_id, gold_speaker, rules.get((span.start, span.end)), candidates, labels)
        )
    return found


def _plain(quote: Quote) -> list[tuple[float, ...]]:
    return [c.features for c in quote.candidates]


def _seeing_rules(quote: Quote) -> list[tuple[float, ...]]:
    """Each candidate's features and two more: the rules chose this candidate; they chose no one."""
    rule = quote.rule_speaker
    return [
        (*c.features, float(rule is not None and same_speaker(c.name, rule)), float(rule is None))
        for c in quote.candidates
    ]


def _fit(quotes: list[Quote], rows_of=_plain):
    from sklearn.linear_model import LogisticRegression

    rows = [row for q in quotes for row in rows_of(q)]
    labels = [label for q in quotes for label in q.labels]
    return LogisticRegression(C=1.0, max_iter=3000).fit(rows, labels)


def _as_model(fitted, threshold: float) -> ranking.Model:
    return ranking.Model(
        tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0]), threshold
    )


Pick = tuple[Quote, str | None]  # a quote and the speaker named for it, if any


def _tally(quotes: list[Quote], model: ranking.Model) -> list[int]:
    """[right speakers, attributions, gold quotes] of the model over `quotes`."""
    picks = []
    for quote in quotes:
        chosen = model.best(quote.candidates)
        picks.append((quote, None if chosen is None else chosen[0].name))
    return _count(picks)


def _count(picks: list[Pick]) -> list[int]:
    """[right speakers, attributions, gold quotes] of a speaker (or None) picked per quote."""
    right = sum(
        1
        for q, name in picks
        if name is not None and q.gold_speaker is not None and same_speaker(name, q.gold_speaker)
    )
    made = sum(1 for _, name in picks if name is not None)
    return [right, made, sum(q.gold_speaker is not None for q, _ in picks)]


def _best_seeing_rules(fitted, quotes: list[Quote]) -> list[tuple[Quote, str | None, float]]:
    """Each quote's best candidate by the model that sees the rules' choice, with its score."""
    best = []
    for quote in quotes:
        if not quote.candidates:
            best.append((quote, None, 0.0))
            continue
        scores = fitted.predict_proba(_seeing_rules(quote))[:, 1]
        top = max(range(len(scores)), key=lambda i: scores[i])
        best.append((quote, quote.candidates[top].name, float(scores[top])))
    return best


def _over_rules(best: list[tuple[Quote, str | None, float]], threshold: float) -> list[Pick]:
    """The model's best candidate where its score reaches the threshold; elsewhere the rules'
    speaker stands."""
    return [
        (quote, name if name is not None and score >= threshold else quote.rule_speaker)
        for quote, name, score in best
    ]


def cross_validate(quotes: list[Quote]) -> dict[float, dict[str, list[int]]]:
    """Out-of-fold [right, made, gold] per threshold: the model alone on every quote, and the
    model on the quotes the rules leave alone (the fallback as the assistant uses it)."""
    from sklearn.model_selection import GroupKFold

    groups = [q.article for q in quotes]
    parts = ("alone", "fallback", "over rules")
    counts = {t: {part: [0, 0, 0] for part in parts} for t in THRESHOLDS}
    for train_at, test_at in GroupKFold(n_splits=FOLDS).split(quotes, groups=groups):
        trained = [quotes[i] for i in train_at]
        fitted, seeing = _fit(trained), _fit(trained, _seeing_rules)
        tested = [quotes[i] for i in test_at]
        left = [q for q in tested if q.rule_speaker is None]
        best = _best_seeing_rules(seeing, tested)  # scored once; each threshold only cuts
        for threshold in THRESHOLDS:
            model = _as_model(fitted, threshold)
            found = {
                "alone": _tally(tested, model),
                "fallback": _tally(left, model),
                "over rules": _count(_over_rules(best, threshold)),
            }
            for part in parts:
                for i, n in enumerate(found[part]):
                    counts[threshold][part][i] += n
    return counts


def choose(counts: dict[float, dict[str, list[int]]]) -> float:
    """The lowest threshold at which the model alone reaches the target precision out of fold
    (the highest threshold if none does). The quotes the rules leave alone in dev are too few
    (and, the rules being written on dev, too odd) to choose by."""
    for threshold in THRESHOLDS:
        right, made, _ = counts[threshold]["alone"]
        if made and right / made >= TARGET_PRECISION:
            return threshold
    return THRESHOLDS[-1]


# What a predicted launch carries, for the launch check below.
LAUNCH_FIELDS = ("time_local", "count", "missile_class", "site_id", "range_km", "apogee_km")


def launch_rows(
    article: evaluate.GoldArticle, curated: Path, gazetteer: Gazetteer
) -> tuple[list, list[int], int]:
    """Each launch the assistant proposes for a dev article, described by plain features (how
    far its day lies before publication, whether the day has its own words, where in the text
    and among the article's launches it comes, which figures it has), labelled 1 when the gold
    holds a launch it pairs with; and the article's number of gold launches."""
    document = evaluate._predict(article, curated)
    predicted, gold = evaluate.launches_of(article.annotation, document, gazetteer)
    paired = {id(p) for p, _ in evaluate.pair_launches(predicted, gold)}
    published = evaluate._date(article.annotation["published"])
    size = max(1, len(article.text or ""))
    firsts = [
        min((e["start"] for e in (r.get("evidence") or {}).values()), default=size)
        for r in document["launches"]
    ]
    ranks = sorted(range(len(firsts)), key=firsts.__getitem__)
    rows, labels = [], []
    for i, (record, values) in enumerate(zip(document["launches"], predicted, strict=True)):
        found = record.get("evidence") or {}
        lag = (published - evaluate._date(record["date_local"])).days
        place = ranks.index(i)
        rows.append(
            (
                math.log1p(max(lag, 0)),
                float(lag == 0),
                float(lag == 1),
                float(lag < 0),
                float("date_local" in found),
                firsts[i] / size,
                float(place == 0),
                place / len(firsts),
                math.log(len(firsts)),
                *(float(field in found) for field in LAUNCH_FIELDS),
            )
        )
        labels.append(int(id(values) in paired))
    return rows, labels, len(gold)


def launch_check(articles: list[evaluate.GoldArticle], curated: Path) -> list[str]:
    """Could a model learned on the dev launches drop the launches the gold does not hold?
    Out of fold, a logistic regression on `launch_rows` keeps the launches it scores at or above
    each threshold; the lines give launch-date hits, launches kept and gold launches."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    gazetteer = pipeline.context(curated).gazetteer
    rows, labels, groups, gold = [], [], [], 0
    for article in articles:
        found, right, held = launch_rows(article, curated, gazetteer)
        rows += found
        labels += right
        groups += [article.article_id] * len(found)
        gold += held
    scores = [1.0] * len(rows)
    folds = min(FOLDS, len(set(groups)))
    if folds >= 2 and 0 < sum(labels) < len(labels):
        for train_at, test_at in GroupKFold(n_splits=folds).split(rows, groups=groups):
            fitted = LogisticRegression(C=1.0, max_iter=3000).fit(
                [rows[i] for i in train_at], [labels[i] for i in train_at]
            )
            tested = fitted.predict_proba([rows[i] for i in test_at])[:, 1]
            for i, score in zip(test_at, tested, strict=True):
                scores[i] = float(score)
    lines = [
        f"  launches: {len(rows)} proposed, {sum(labels)} in the gold, {gold} gold launches",
        "  a learned filter, out of fold: launch-date hits/kept of gold, per threshold",
    ]
    for threshold in (0.0, *THRESHOLDS):
        kept = [label for label, score in zip(labels, scores, strict=True) if score >= threshold]
        lines.append(f"    {threshold:.2f}       {sum(kept):>4}/{len(kept):<4} of {gold}")
    return lines


def main(texts: Path | None, out: Path = ranking.MODEL_PATH, gold_dir: Path = GOLD_DIR) -> int:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("ingest-train needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 1
    articles = [a for a in load_gold(gold_dir, texts) if a.split == "dev" and a.text]
    quotes = [
        q
        for a in articles
        for q in quotes_of(a.article_id, a.text, a.annotation.get("statements") or [])
    ]
    gold = [q for q in quotes if q.gold_speaker is not None]
    reachable = sum(1 for q in gold if any(q.labels))
    print(f"{len(articles)} dev article(s), {len(quotes)} quote(s) found, {len(gold)} annotated")
    print(f"  the annotated speaker is among the candidates for {reachable} of {len(gold)}")
    counts = cross_validate(quotes)
    print("  out of fold (5 folds by article), right/made of gold, per threshold:")
    print(
        "    threshold  model alone, all quotes   fallback, quotes the rules leave alone"
        "   model seeing the rules' choice, else the rules"
    )
    for threshold, c in counts.items():
        alone, left, over = c["alone"], c["fallback"], c["over rules"]
        print(
            f"    {threshold:.2f}       {alone[0]:>4}/{alone[1]:<4} of {alone[2]:<4}        "
            f"{left[0]:>3}/{left[1]:<3} of {left[2]:<4}                               "
            f"{over[0]:>4}/{over[1]:<4} of {over[2]}"
        )
    rules = _count([(q, q.rule_speaker) for q in quotes])
    print(f"  the rules alone: {rules[0]}/{rules[1]} of {rules[2]}")
    print("\n".join(launch_check(articles, CURATED_DIR)))
    threshold = choose(counts)
    fitted = _fit(quotes)
    model = _as_model(fitted, threshold)
    payload = {
        "features": list(ranking.FEATURES),
        "weights": [round(w, 6) for w in model.weights],
        "intercept": round(model.intercept, 6),
        "threshold": threshold,
        "trained": {
            "date": dt.date.today().isoformat(),
            "dev_articles": len(articles),
            "quotes": len(quotes),
            "annotated_quotes": len(gold),
            "out_of_fold_right_made_gold_at_threshold": counts[threshold],
        },
    }
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    ranking.load.cache_clear()
    print(f"threshold {threshold}; wrote {out}")
    return 0
