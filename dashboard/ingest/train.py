"""`python -m dashboard ingest-train`: fit the attribution fallback on the dev gold articles.

Only `dev` articles are used; held-out ones are never read here. Every quote the assistant
finds in a dev article becomes a group of (quote, candidate) rows: a candidate is labelled 1
when it is the annotated speaker, and a quote the annotators did not count as a statement has
no positive row, which teaches the model to leave scare quotes alone. Before the final fit,
five folds grouped by article give out-of-fold figures for the fallback (quotes the rules
leave alone) and for the model alone at each threshold; the threshold is the lowest one at
which the model alone reaches `TARGET_PRECISION` out of fold. Needs scikit-learn (the `train`
extra).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from dashboard.ingest import ranking
from dashboard.ingest.evaluate import GOLD_DIR, _norm_quote, load_gold, same_speaker
from dashboard.ingest.statements import find_quotes, find_statements

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


def _fit(quotes: list[Quote]):
    from sklearn.linear_model import LogisticRegression

    rows = [c.features for q in quotes for c in q.candidates]
    labels = [label for q in quotes for label in q.labels]
    return LogisticRegression(C=1.0, max_iter=2000).fit(rows, labels)


def _as_model(fitted, threshold: float) -> ranking.Model:
    return ranking.Model(
        tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0]), threshold
    )


def _tally(quotes: list[Quote], model: ranking.Model) -> tuple[int, int, int]:
    """(right speakers, attributions, gold quotes) of the model over `quotes`."""
    right = made = 0
    for quote in quotes:
        chosen = model.best(quote.candidates)
        if chosen is None:
            continue
        made += 1
        right += quote.gold_speaker is not None and same_speaker(chosen[0].name, quote.gold_speaker)
    return right, made, sum(q.gold_speaker is not None for q in quotes)


def cross_validate(quotes: list[Quote]) -> dict[float, dict[str, list[int]]]:
    """Out-of-fold [right, made, gold] per threshold: the model alone on every quote, and the
    model on the quotes the rules leave alone (the fallback as the assistant uses it)."""
    from sklearn.model_selection import GroupKFold

    groups = [q.article for q in quotes]
    counts = {t: {"alone": [0, 0, 0], "fallback": [0, 0, 0]} for t in THRESHOLDS}
    for train_at, test_at in GroupKFold(n_splits=FOLDS).split(quotes, groups=groups):
        fitted = _fit([quotes[i] for i in train_at])
        tested = [quotes[i] for i in test_at]
        left = [q for q in tested if q.rule_speaker is None]
        for threshold in THRESHOLDS:
            model = _as_model(fitted, threshold)
            for part, which in (("alone", tested), ("fallback", left)):
                for i, n in enumerate(_tally(which, model)):
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
    print("    threshold  model alone, all quotes   fallback, quotes the rules leave alone")
    for threshold, c in counts.items():
        alone, left = c["alone"], c["fallback"]
        print(
            f"    {threshold:.2f}       {alone[0]:>4}/{alone[1]:<4} of {alone[2]:<4}        "
            f"{left[0]:>3}/{left[1]:<3} of {left[2]}"
        )
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
