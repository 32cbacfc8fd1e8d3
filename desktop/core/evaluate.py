"""Score exported quotes against a hand-made gold standard.

Pure Python re-implementation of the rules of the shared ``score_quotes.py``
so that the app can report the same figures:

* a predicted quote matches a gold quote when the Dice overlap of their word
  multisets is at least 0.5 (one-to-one, best pairs first);
* a speaker is right when every word of one gold alias appears in the
  predicted speaker's name;
* a gold quote of type ``mixed`` also matches a prediction lying at least 90%
  inside it (just its quoted fragment);
* an unmatched prediction lying at least 90% inside a matched gold quote is a
  fragment of it: neither right nor wrong;
* optional gold quotes are neither missed nor counted as false positives.

Gold records are ``{"id", "quotes": [{"content", "speaker",
"speaker_aliases", "type", "optional"}]}``; predictions are export quote dicts
``{"text", "speaker": {"name"}}``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """Lower-cased word tokens, the unit every rule compares."""
    return _WORD.findall((text or "").lower())


def dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    inter = sum((Counter(a) & Counter(b)).values())
    return 2.0 * inter / (len(a) + len(b))


def contained(inner: list[str], outer: list[str]) -> float:
    """Share of ``inner``'s words (as a multiset) found in ``outer``."""
    if not inner:
        return 0.0
    return sum((Counter(inner) & Counter(outer)).values()) / len(inner)


def predicted_speaker(pred: dict[str, Any]) -> str:
    sp = pred.get("speaker")
    if isinstance(sp, dict):
        return sp.get("name") or sp.get("text") or ""
    if isinstance(sp, str):
        return sp
    return ""


def speaker_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    got = set(words(predicted_speaker(pred)))
    if not got:
        return False
    aliases = [gold.get("speaker") or "", *gold.get("speaker_aliases", [])]
    return any(set(words(a)) <= got for a in aliases if words(a))


@dataclass(slots=True)
class ArticleScore:
    id: str
    gold: int = 0
    pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_right: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class QuoteScore:
    articles: int = 0
    quote_precision: float = 0.0
    quote_recall: float = 0.0
    quote_f1: float = 0.0
    speaker_accuracy: float = 0.0
    end_to_end_f1: float = 0.0
    details: list[ArticleScore] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        return {
            "articles": self.articles,
            "quote_precision": self.quote_precision,
            "quote_recall": self.quote_recall,
            "quote_f1": self.quote_f1,
            "speaker_accuracy": self.speaker_accuracy,
            "end_to_end_f1": self.end_to_end_f1,
        }


def score_article(gold: dict[str, Any], preds: list[dict[str, Any]]) -> ArticleScore:
    gquotes = gold.get("quotes", [])
    gwords = [words(g.get("content")) for g in gquotes]
    pwords = [words(p.get("text")) for p in preds]
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gquotes):
        for pi, pw in enumerate(pwords):
            s = dice(gwords[gi], pw)
            if g.get("type") == "mixed" and contained(pw, gwords[gi]) >= 0.9:
                s = max(s, 0.5)
            if s >= 0.5:
                pairs.append((s, gi, pi))
    # Same order as the reference scorer: best score first, ties by the
    # higher indices first (reverse tuple sort).
    pairs.sort(reverse=True)
    g_used: set[int] = set()
    p_used: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _s, gi, pi in pairs:
        if gi in g_used or pi in p_used:
            continue
        g_used.add(gi)
        p_used.add(pi)
        matched.append((gi, pi))
    required = [i for i, g in enumerate(gquotes) if not g.get("optional")]
    tp = [(gi, pi) for gi, pi in matched if not gquotes[gi].get("optional")]
    matched_gold = [gwords[gi] for gi in g_used]
    fp = [
        pi
        for pi in range(len(preds))
        if pi not in p_used and not any(contained(pwords[pi], gw) >= 0.9 for gw in matched_gold)
    ]
    fn = [gi for gi in required if gi not in g_used]
    right = [(gi, pi) for gi, pi in tp if speaker_ok(gquotes[gi], preds[pi])]
    return ArticleScore(
        id=str(gold.get("id", "")),
        gold=len(required),
        pred=len(preds),
        tp=len(tp),
        fp=len(fp),
        fn=len(fn),
        speaker_right=len(right),
        missed=[(gquotes[gi].get("content") or "")[:70] for gi in fn],
        spurious=[(preds[pi].get("text") or "")[:70] for pi in fp],
        wrong_speaker=[
            (gquotes[gi].get("speaker") or "", predicted_speaker(preds[pi]))
            for gi, pi in tp
            if (gi, pi) not in right
        ],
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_quotes(
    gold_records: list[dict[str, Any]], predictions: dict[str, list[dict[str, Any]]]
) -> QuoteScore:
    """Score predictions (article id -> export quotes) against gold records."""
    details = [score_article(g, predictions.get(str(g.get("id")), [])) for g in gold_records]
    tp = sum(d.tp for d in details)
    fp = sum(d.fp for d in details)
    fn = sum(d.fn for d in details)
    right = sum(d.speaker_right for d in details)
    p, r, f = _prf(tp, fp, fn)
    # End to end: a quote counts only with its speaker right.
    e2e = _prf(right, fp + (tp - right), fn + (tp - right))
    return QuoteScore(
        articles=len(details),
        quote_precision=round(p, 3),
        quote_recall=round(r, 3),
        quote_f1=round(f, 3),
        speaker_accuracy=round(right / tp, 3) if tp else 0.0,
        end_to_end_f1=round(e2e[2], 3),
        details=details,
    )


def format_report(score: QuoteScore) -> str:
    """The lines ``score_quotes.py`` prints: per article, then the summary."""
    lines: list[str] = []
    for d in score.details:
        lines.append(
            f"{d.id}: gold {d.gold} pred {d.pred} tp {d.tp} "
            f"fp {d.fp} fn {d.fn} speaker-right {d.speaker_right}"
        )
        lines.extend(f"   missed: {m}" for m in d.missed)
        lines.extend(f"   spurious: {s}" for s in d.spurious)
        lines.extend(f"   speaker: want {g!r}, got {got!r}" for g, got in d.wrong_speaker)
    lines.append(" ".join(f"{k}={v}" for k, v in score.summary().items()))
    return "\n".join(lines)
