"""Who gets quoted: the figures of the source-diversity report.

Counts over the quotes of the library or of a scope (see
``desktop.store.corpus_quotes``): quotes and people quoted by gender and by
actor type, by source and by month, the most quoted people and
organisations, and the shares of direct, mixed and indirect quotes.  Each
table is plain rows, for the HTML report, its CSV files and the dialog.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from desktop.core.corpus import ALL_ARTICLES, QuoteFilter, Report, Scope, Table
from desktop.store.corpus_quotes import find_quotes
from desktop.store.corpus_scope import scope_clause
from desktop.store.models import db

GENDER_ORDER = ("female", "male", "nonbinary", "unknown")
TYPE_ORDER = ("person", "organisation", "place", "group", "no actor")
QUOTE_TYPES = ("direct", "mixed", "indirect")
TOP = 20


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "0.0"


def _ordered(counter: Counter, order: tuple[str, ...]) -> list[str]:
    return [k for k in order if counter[k]] + sorted(k for k in counter if k not in order)


def build_report(scope: Scope = ALL_ARTICLES) -> Report:
    clause, params = scope_clause(scope)
    articles = db.execute_sql(f"SELECT COUNT(*) FROM article a WHERE {clause}", params).fetchone()[0]
    quotes = find_quotes(QuoteFilter(scope))
    total = len(quotes)
    persons = [q for q in quotes if q.actor_type == "person"]
    # A person's gender across the library: the one most of their quotes carry
    # (a correction gives every quote the same).
    person_gender: dict[str, Counter] = defaultdict(Counter)
    for q in persons:
        person_gender[q.speaker][q.gender] += 1
    gender_of = {name: _person_gender(c) for name, c in person_gender.items()}

    by_gender = Counter(q.gender for q in persons)
    people = Counter(gender_of.values())
    tables = [Table(
        "gender", "Quotes and people quoted, by gender (person speakers)",
        ("gender", "quotes", "quotes %", "people", "people %"),
        [(g, by_gender[g], _share(by_gender[g], len(persons)), people[g], _share(people[g], len(gender_of)))
         for g in _ordered(by_gender + people, GENDER_ORDER)],
        note="Gender from each article's own evidence (pronouns, titles), else the first name; "
             "“unknown” when neither says.",
    )]
    by_type = Counter(q.actor_type or "no actor" for q in quotes)
    speakers_by_type: dict[str, set] = defaultdict(set)
    for q in quotes:
        speakers_by_type[q.actor_type or "no actor"].add(q.speaker or q.speaker_words)
    tables.append(Table(
        "actor_type", "Quotes by speaker type", ("speaker type", "quotes", "quotes %", "speakers"),
        [(t, by_type[t], _share(by_type[t], total), len(speakers_by_type[t]))
         for t in _ordered(by_type, TYPE_ORDER)],
    ))
    kinds = Counter(q.type for q in quotes)
    tables.append(Table(
        "quote_type", "Direct, mixed and indirect quotes", ("quote type", "quotes", "quotes %"),
        [(k, kinds[k], _share(kinds[k], total)) for k in _ordered(kinds, QUOTE_TYPES)],
    ))
    tables.append(_split_table("source", "Quotes by source", quotes, lambda q: q.source or "(no source)"))
    tables.append(_split_table("month", "Quotes by month", quotes,
                               lambda q: (q.date or "")[:7] or "(no date)", by_key=True))
    tables.append(_top_table("people", "Most quoted people", persons, gender_of))
    tables.append(_top_table("organisations", "Most quoted organisations",
                             [q for q in quotes if q.actor_type == "organisation"], None))
    return Report(scope, articles, total, tables)


def _person_gender(counts: Counter) -> str:
    known = [(n, g) for g, n in counts.items() if g != "unknown"]
    if not known:
        return "unknown"
    known.sort(reverse=True)
    if len(known) > 1 and known[0][0] == known[1][0]:
        return "unknown"  # as many quotes say one as the other
    return known[0][1]


def _split_table(name: str, title: str, quotes: list, key, by_key: bool = False) -> Table:  # noqa: ANN001
    total: Counter = Counter()
    genders: dict[str, Counter] = defaultdict(Counter)
    for q in quotes:
        k = key(q)
        total[k] += 1
        if q.actor_type == "person":
            genders[k][q.gender] += 1
    keys = sorted(total, key=lambda k: (k.startswith("("), k)) if by_key else [k for k, _n in total.most_common()]
    rows = []
    for k in keys:
        g = genders[k]
        named = g["female"] + g["male"] + g["nonbinary"]
        rows.append((k, total[k], sum(g.values()), g["female"], g["male"], g["nonbinary"], g["unknown"],
                     _share(g["female"], named)))
    return Table(name, title, (name, "quotes", "person quotes", "female", "male", "nonbinary", "unknown",
                               "female % of known"), rows,
                 note="“female % of known”: among person quotes whose gender is known.")


def _top_table(name: str, title: str, quotes: list, gender_of: dict[str, str] | None) -> Table:
    counts = Counter(q.speaker for q in quotes)
    articles: dict[str, set] = defaultdict(set)
    for q in quotes:
        articles[q.speaker].add(q.article_id)
    top = sorted(counts, key=lambda n: (-counts[n], n))[:TOP]
    if gender_of is not None:
        return Table(name, title, ("name", "quotes", "articles", "gender"),
                     [(n, counts[n], len(articles[n]), gender_of[n]) for n in top])
    return Table(name, title, ("name", "quotes", "articles"),
                 [(n, counts[n], len(articles[n])) for n in top])
