"""Curation commands: build, check, docs, import, coverage and the ingest assistant
(ingest, merge, verify, ingest-eval, ingest-train); hosting checks (wire, loadtest);
`python -m dashboard -h`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard import loadtest, wire
from dashboard.curation import dictionary
from dashboard.curation.build import BuildRefused, build_dataset, stale_tables, write_dataset
from dashboard.curation.load import display_path
from dashboard.data_io import DataUnavailable, read_dataset
from dashboard.importers import command as importer
from dashboard.importers import coverage
from dashboard.ingest import command as ingest
from dashboard.ingest import evaluate, ranking, train
from dashboard.paths import CURATED_DIR, DATASETS_DIR, IMPORTS_DIR


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _refused(error: BuildRefused, out_dir: Path) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(
        f"refused: {len(error.problems)} problem(s); {display_path(out_dir)} left untouched",
        file=sys.stderr,
    )
    return 1


def build(curated: Path, out: Path, note: str | None = None) -> int:
    try:
        dataset = build_dataset(curated)
    except BuildRefused as error:
        return _refused(error, out)
    written = write_dataset(dataset, out, note)
    rows = ", ".join(f"{name} {t.num_rows}" for name, t in dataset.tables.items())
    status = f"wrote {', '.join(written)}" if written else "unchanged"
    print(f"dataset {dataset.version}: {rows}; {status}")
    return 0


def check(curated: Path, out: Path) -> int:
    try:
        dataset = build_dataset(curated)
    except BuildRefused as error:
        return _refused(error, out)
    try:
        # What the app would refuse at run time, in the same words.
        read_dataset(out)
    except DataUnavailable as error:
        print(error, file=sys.stderr)
        return 1
    stale = stale_tables(dataset, out)
    readme = out / "README.md"
    if readme.exists() and not dictionary.is_current(readme):
        print(
            f"{display_path(readme)}: data dictionary out of date; run `python -m dashboard docs`",
            file=sys.stderr,
        )
        return 1
    for path in importer.stale_generated(curated, curated.parent / "imports"):
        print(
            f"{path}: imported records out of date; run `python -m dashboard import refresh`",
            file=sys.stderr,
        )
        return 1
    if stale:
        for name in stale:
            print(
                f"{display_path(out / name)}: stale or unreadable; run `python -m dashboard build`",
                file=sys.stderr,
            )
        return 1
    print(f"dataset {dataset.version}: curated data valid and {display_path(out)} up to date")
    return 0


def docs(readme: Path) -> int:
    changed = dictionary.write(readme)
    print(f"{display_path(readme)}: data dictionary {'rewritten' if changed else 'unchanged'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("build", "validate the curated YAML and write the Parquet files"),
        ("check", "fail if the curated YAML is invalid or the Parquet files are stale"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
        sub.add_argument("--out", type=Path, default=DATASETS_DIR, help="Parquet output folder")
        if name == "build":
            sub.add_argument(
                "--note", help="one sentence on what changed, for a new version's changelog entry"
            )
    sub = commands.add_parser("docs", help="regenerate the data dictionary in datasets/README.md")
    sub.add_argument("--readme", type=Path, default=DATASETS_DIR / "README.md")
    sub = commands.add_parser(
        "import", help="import a database copy (cns, nagix) or refresh the generated records"
    )
    sub.add_argument("database", choices=("cns", "nagix", "refresh"))
    sub.add_argument(
        "path",
        type=Path,
        nargs="?",
        help="cns: the NTI workbook (.xlsx) or its Missile Tests sheet as CSV; "
        "nagix: a folder laid out like the repository's data/ folder",
    )
    sub.add_argument("--version", help="name the copy's version (e.g. a commit); default: dates")
    sub.add_argument("--accessed", type=_iso_date, help="when the copy was read (YYYY-MM-DD)")
    sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
    sub.add_argument("--out", type=Path, default=DATASETS_DIR, help="Parquet output folder")
    sub.add_argument("--imports", type=Path, default=IMPORTS_DIR, help="stored copies' facts")
    sub = commands.add_parser(
        "coverage", help="check that every missile of the reference copies has a launch event"
    )
    sub.add_argument("--cns", type=Path, help="CNS copy (default: ../shared/reference's)")
    sub.add_argument("--nagix", type=Path, help="nagix folder (default: ../shared/reference's)")
    sub.add_argument("--data", type=Path, default=DATASETS_DIR, help="built dataset folder")
    sub = commands.add_parser("ingest", help="propose candidate records from a news article")
    sub.add_argument("path", type=Path, help="the article: a .txt or .html file")
    sub.add_argument("--published", type=_iso_date, required=True, help="YYYY-MM-DD")
    sub.add_argument("--publisher")
    sub.add_argument("--title")
    sub.add_argument("--url")
    sub.add_argument("--out", type=Path, help="review file to write (default: standard output)")
    sub.add_argument(
        "--guess-speakers",
        action="store_true",
        help="also let the learned model guess the speaker of quotes the rules cannot attribute "
        "(more quotes, less precise; each guess carries its model_score in the evidence)",
    )
    sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
    sub = commands.add_parser("merge", help="add a review file's accepted records and rebuild")
    sub.add_argument("review", type=Path)
    sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
    sub.add_argument("--out", type=Path, default=DATASETS_DIR, help="Parquet output folder")
    sub.add_argument("--imports", type=Path, default=IMPORTS_DIR, help="stored copies' facts")
    sub = commands.add_parser("verify", help="re-check a merged source's quotes against a copy")
    sub.add_argument("source_id")
    sub.add_argument("file", type=Path)
    sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
    sub = commands.add_parser("ingest-eval", help="precision and recall on the ingest gold set")
    sub.add_argument("--gold", type=Path, default=evaluate.GOLD_DIR, help="gold-set folder")
    sub.add_argument(
        "--errors",
        action="store_true",
        help="also list each disagreement on dev articles (never held-out ones)",
    )
    sub.add_argument(
        "--texts",
        type=Path,
        help="folder of <article_id>.txt copies of the articles whose text is not stored here",
    )
    sub.add_argument(
        "--split",
        choices=evaluate.SPLITS,
        help="score one split only (while writing rules: dev, so held-out figures stay unseen)",
    )
    sub.add_argument(
        "--guess-speakers",
        action="store_true",
        help="score with the learned speaker fallback on (see ingest --guess-speakers)",
    )
    sub.add_argument(
        "--agreement",
        type=Path,
        help="score a second annotator's files for some dev articles against the gold instead",
    )
    sub.add_argument("--curated", type=Path, default=CURATED_DIR, help="curated YAML folder")
    sub = commands.add_parser(
        "ingest-train",
        help="fit the learned speaker fallback on the dev gold articles (needs the train extra)",
    )
    sub.add_argument("--gold", type=Path, default=evaluate.GOLD_DIR, help="gold-set folder")
    sub.add_argument(
        "--texts",
        type=Path,
        help="folder of <article_id>.txt copies of the articles whose text is not stored here",
    )
    sub.add_argument("--out", type=Path, default=ranking.MODEL_PATH, help="where to write it")
    wire.add_arguments(commands.add_parser("wire", help="websocket bytes per page load and rerun"))
    loadtest.add_arguments(
        commands.add_parser("loadtest", help="many sessions at once: errors, latency, memory")
    )
    sub = commands.add_parser("synth", help="write a synthetic dataset for measuring at scale")
    sub.add_argument("--statements", type=int, required=True)
    sub.add_argument("--launches", type=int, default=200)
    sub.add_argument("--events", type=int, default=200)
    sub.add_argument("--out", type=Path, required=True, help="folder to write (DASHBOARD_DATA_DIR)")
    sub = commands.add_parser("bench", help="time every page and the statement queries")
    sub.add_argument("--quick", action="store_true", help="bundled data and 100k statements only")
    args = parser.parse_args(argv)
    if args.command == "wire":
        return wire.command(args)
    if args.command == "loadtest":
        return loadtest.command(args)
    if args.command == "synth":
        from dashboard import synth

        sizes = synth.Sizes(args.statements, args.launches, args.events)
        print(f"{args.out}: synthetic dataset {synth.write(sizes, args.out)}")
        return 0
    if args.command == "bench":
        from dashboard import bench

        return bench.main(["--quick"] if args.quick else [])
    if args.command == "ingest":
        return ingest.ingest(
            args.path,
            args.published,
            args.publisher,
            args.title,
            args.url,
            args.out,
            args.curated,
            args.guess_speakers,
        )
    if args.command == "merge":
        return ingest.merge_command(args.review, args.curated, args.out, args.imports)
    if args.command == "verify":
        return ingest.verify_command(args.source_id, args.file, args.curated)
    if args.command == "ingest-eval" and args.agreement:
        return evaluate.agreement(args.gold, args.agreement, args.curated, args.errors)
    if args.command == "ingest-eval":
        splits = (args.split,) if args.split else evaluate.SPLITS
        return evaluate.main(
            args.gold, args.curated, args.errors, args.texts, splits, args.guess_speakers
        )
    if args.command == "ingest-train":
        return train.main(args.texts, args.out, args.gold)
    if args.command == "docs":
        return docs(args.readme)
    if args.command == "coverage":
        return coverage.main(args.cns, args.nagix, args.data)
    if args.command == "import":
        if args.database == "refresh":
            return importer.refresh(args.curated, args.out, args.imports)
        if args.path is None:
            parser.error(f"import {args.database} needs the PATH of the copy")
        return importer.import_copy(
            args.database,
            args.path,
            args.curated,
            args.out,
            args.imports,
            args.version,
            args.accessed,
        )
    if args.command == "build":
        return build(args.curated, args.out, args.note)
    return check(args.curated, args.out)


if __name__ == "__main__":
    sys.exit(main())
