"""Articles in the library: adding (deduplicated by SHA-256), reading, listing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.errors import StoreError
from desktop.core.model import Article
from desktop.core.text import sha256
from desktop.store.models import ArticleRow, db


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    date: str | None
    source: str | None
    url: str | None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def add_article(article: Article) -> tuple[int, bool]:
    """Store ``article`` unless the same text is there; return (id, created)."""
    digest = article.sha256 or sha256(article.text)
    if digest != sha256(article.text):
        raise StoreError("the article's SHA-256 does not match its text.")
    with db.atomic():
        existing = ArticleRow.get_or_none(ArticleRow.sha256 == digest)
        if existing is not None:
            return existing.id, False
        row = ArticleRow.create(
            title=article.title,
            date=article.date,
            source=article.source,
            url=article.url,
            author=article.author,
            text=article.text,
            sha256=digest,
            created=now(),
        )
    return row.id, True


def get_article(article_id: int) -> Article:
    row = ArticleRow.get_or_none(ArticleRow.id == article_id)
    if row is None:
        raise StoreError(f"there is no article {article_id} in the library.")
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        date=row.date,
        source=row.source,
        url=row.url,
        author=row.author,
        sha256=row.sha256,
    )


DETAILS = ("title", "date", "source", "author", "url")


def update_article_details(article_id: int, details: dict[str, str | None]) -> None:
    """Change an article's title, date, source, author or URL (its text,
    and so its spans, stay as they are)."""
    unknown = set(details) - set(DETAILS)
    if unknown:
        raise StoreError(f"an article has no {', '.join(sorted(unknown))}.")
    if "title" in details and not (details["title"] or "").strip():
        raise StoreError("an article needs a title.")
    changed = ArticleRow.update(**details).where(ArticleRow.id == article_id).execute()
    if not changed:
        raise StoreError(f"there is no article {article_id} in the library.")


def list_articles() -> list[ArticleSummary]:
    query = ArticleRow.select(
        ArticleRow.id, ArticleRow.title, ArticleRow.date, ArticleRow.source, ArticleRow.url
    ).order_by(ArticleRow.date.desc(nulls="LAST"), ArticleRow.id.desc())
    return [ArticleSummary(r.id, r.title, r.date, r.source, r.url) for r in query]


def count_articles() -> int:
    return ArticleRow.select().count()


def get_article_titles(ids: list[int]) -> list[tuple[int, str]]:
    """(id, title) of the given articles that still exist, in the given order."""
    if not ids:
        return []
    found = {r.id: r.title for r in ArticleRow.select(ArticleRow.id, ArticleRow.title).where(ArticleRow.id.in_(ids))}
    return [(i, found[i]) for i in ids if i in found]


def article_exists(article_id: int) -> bool:
    return ArticleRow.select().where(ArticleRow.id == article_id).exists()


def article_texts(ids: list[int]) -> dict[int, str]:
    """The texts of those of the articles that exist, by id (one query)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return dict(db.execute_sql(f"SELECT id, text FROM article WHERE id IN ({marks})", list(ids)))
