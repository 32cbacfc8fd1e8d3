"""``byline evaluate quotes GOLD.jsonl TEXTS_DIR``: the quote extraction's
precision, recall and speaker accuracy against a gold standard.
``byline evaluate genders GOLD.jsonl TEXTS_DIR``: the gender of quoted
people against a gold of speaker genders (see ``desktop.core.gender_eval``)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.commands.common import UsageError, add_model_option

NAME = "evaluate"
HELP = "score Byline against a gold standard"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_subparsers(dest="what", required=True)
    quotes = what.add_parser("quotes", help="quotes and speakers against a gold JSONL file")
    quotes.add_argument("gold", type=Path)
    quotes.add_argument("texts", type=Path, help="folder of the gold file's article texts")
    quotes.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_model_option(quotes)
    genders = what.add_parser("genders", help="genders of quoted people against a gold JSONL file")
    genders.add_argument("gold", type=Path)
    genders.add_argument("texts", type=Path, help="folder of the articles' texts (ID.txt)")
    add_model_option(genders)


def run(args: argparse.Namespace) -> int:
    if args.what == "genders":
        return run_genders(args)
    from desktop.core.evaluate import format_report, score_quotes
    from desktop.formats.json_export import quote_dict
    from desktop.formats.text import read_file
    from desktop.nlp.actors import build_actor_result, name_speakers
    from desktop.nlp.pipeline import analyze_texts, load_pipeline

    records = read_gold(args.gold)
    articles = [read_file(args.texts / record.get("file", f"{record['id']}.txt"))[0] for record in records]
    nlp = load_pipeline(args.model)
    analyses = analyze_texts(nlp, [a.text for a in articles])
    predictions = {}
    for record, article, analysis in zip(records, articles, analyses, strict=True):
        if analysis is None:  # the pipeline failed on this text
            predictions[record["id"]] = []
            continue
        # Speakers named as their actors are, as in Byline's exports.
        result = build_actor_result(article.text, analysis.entities, analysis.quotes)
        quotes = name_speakers(analysis.quotes, result)
        predictions[record["id"]] = [quote_dict(article.text, q, i) for i, q in enumerate(quotes)]
    score = score_quotes(records, predictions)
    print(json.dumps(score.summary(), indent=1) if args.json else format_report(score))
    return 0


def read_gold(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path} is not a readable gold file in JSON Lines ({exc}).") from exc
    if not all(isinstance(r, dict) and "id" in r and isinstance(r.get("quotes"), list) for r in records):
        raise UsageError(f"{path} is not a gold file: each line needs an id and a quotes list.")
    return records


def run_genders(args: argparse.Namespace) -> int:
    from desktop.core.gender_eval import format_gender_report, score_genders
    from desktop.formats.text import read_file
    from desktop.nlp.actors import build_actor_result
    from desktop.nlp.pipeline import analyze_texts, load_pipeline

    try:
        gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{args.gold} is not a readable gold file in JSON Lines ({exc}).") from exc
    if not all(isinstance(r, dict) and {"id", "speaker", "gender"} <= r.keys() for r in gold):
        raise UsageError(f"{args.gold} is not a gender gold file: each line needs id, speaker and gender.")
    ids = sorted({r["id"] for r in gold})
    texts = [read_file(args.texts / f"{article_id}.txt")[0].text for article_id in ids]
    nlp = load_pipeline(args.model)
    actors = {
        article_id: build_actor_result(text, analysis.entities, analysis.quotes).actors
        for article_id, text, analysis in zip(ids, texts, analyze_texts(nlp, texts), strict=True)
    }
    print(format_gender_report(score_genders(gold, actors)))
    return 0
