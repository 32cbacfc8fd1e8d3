"""Agreement over the library: which coders and tags, and the report."""
from __future__ import annotations

from collections.abc import Iterable

from desktop.core.agreement_report import AgreementReport, ArticleCodings, agreement_report
from desktop.core.curation import CURATION
from desktop.core.errors import BylineError
from desktop.store.articles import article_exists, article_texts, get_article_titles
from desktop.store.coders import coded_articles, codings_of, list_coders
from desktop.store.tags import list_tags


class AgreementError(BylineError):
    """Agreement cannot be computed for what was asked."""


def default_coders() -> list[str]:
    """Every coder with highlights but the curated layer."""
    return [c.name for c in list_coders() if c.name != CURATION]


def check_coders(coders: list[str] | None) -> list[str]:
    """The chosen coders (all but ``curation`` by default); fewer than two
    with highlights is an AgreementError."""
    known = {c.name for c in list_coders()}
    if coders is None:
        coders = default_coders()
    else:
        coders = list(dict.fromkeys(c.strip() for c in coders if c.strip()))
        unknown = [c for c in coders if c not in known]
        if unknown:
            raise AgreementError(
                f"no highlights by {', '.join(repr(c) for c in unknown)}; "
                f"the coders are: {', '.join(repr(c) for c in sorted(known)) or 'none yet'}."
            )
    if len(coders) < 2:
        have = ", ".join(repr(c) for c in coders) or "none"
        raise AgreementError(
            f"agreement needs at least two coders with highlights, and there is {len(coders)} ({have})."
        )
    return coders


def check_tags(tags: list[str] | None, codings_tags: Iterable[str]) -> list[str]:
    """The chosen tags in codebook order; by default, those the coders used."""
    codebook = [t.name for t in list_tags()]
    if tags is None:
        used = set(codings_tags)
        return [t for t in codebook if t in used]
    by_fold = {t.casefold(): t for t in codebook}
    missing = [t for t in tags if t.casefold() not in by_fold]
    if missing:
        raise AgreementError(f"there is no tag named '{missing[0]}'.")
    chosen = {by_fold[t.casefold()] for t in tags}
    return [t for t in codebook if t in chosen]


def library_agreement(coders: list[str] | None = None, tags: list[str] | None = None,
                      article_ids: list[int] | None = None) -> AgreementReport:
    """The agreement of ``coders`` on ``tags`` over ``article_ids`` (default:
    every article a chosen coder highlighted)."""
    coders = check_coders(coders)
    ids = coded_articles(coders)
    if article_ids is not None:
        missing = [i for i in article_ids if not article_exists(i)]
        if missing:
            raise AgreementError(f"there is no article {', '.join(map(str, missing))} in the library.")
        wanted = set(article_ids)
        ids = [i for i in ids if i in wanted]
    titles = dict(get_article_titles(ids))
    texts = article_texts(ids)
    articles = [ArticleCodings(i, titles[i], texts[i], codings_of(i, coders)) for i in ids]
    tags = check_tags(tags, {k.tag for a in articles for k in a.codings})
    return agreement_report(articles, coders, tags)
