"""peewee models: one table per kind of record, bound to one database proxy.

The schema itself is made by the numbered migrations in ``migrations.py``;
these classes mirror it for queries.
"""
from __future__ import annotations

import peewee as pw

db = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False


class ArticleRow(BaseModel):
    title = pw.TextField()
    date = pw.TextField(null=True)
    source = pw.TextField(null=True)
    url = pw.TextField(null=True)
    author = pw.TextField(null=True)
    text = pw.TextField()
    sha256 = pw.TextField(unique=True)
    created = pw.TextField()

    class Meta:
        table_name = "article"


class AnalysisRow(BaseModel):
    """Present when the article was analysed: its spans are in the database."""

    article = pw.ForeignKeyField(ArticleRow, primary_key=True, on_delete="CASCADE")
    model_name = pw.TextField()
    model_version = pw.TextField()
    analysed_at = pw.TextField()

    class Meta:
        table_name = "analysis"


class EntityRuleRow(BaseModel):
    text = pw.TextField(unique=True)
    label = pw.TextField()
    article = pw.ForeignKeyField(ArticleRow, null=True, on_delete="SET NULL")
    everywhere = pw.BooleanField(default=False)
    created = pw.TextField()

    class Meta:
        table_name = "entity_rule"


class EntityRow(BaseModel):
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE", backref="entities")
    start = pw.IntegerField()
    end = pw.IntegerField()
    label = pw.TextField()
    origin = pw.TextField(default="model")
    model_name = pw.TextField(null=True)
    model_version = pw.TextField(null=True)

    class Meta:
        table_name = "entity"


class QuoteRow(BaseModel):
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE", backref="quotes")
    start = pw.IntegerField()
    end = pw.IntegerField()
    type = pw.TextField()
    cue_start = pw.IntegerField(null=True)
    cue_end = pw.IntegerField(null=True)
    speaker_start = pw.IntegerField(null=True)
    speaker_end = pw.IntegerField(null=True)
    speaker_name = pw.TextField(null=True)
    resolved = pw.BooleanField(default=False)
    origin = pw.TextField(default="model")

    class Meta:
        table_name = "quote"


class TagRow(BaseModel):
    name = pw.TextField(unique=True)
    color = pw.TextField()
    parent = pw.ForeignKeyField("self", null=True, on_delete="SET NULL", backref="children")
    shortcut = pw.TextField(null=True)
    description = pw.TextField(default="")
    position = pw.IntegerField(default=0)

    class Meta:
        table_name = "tag"


class AnnotationRow(BaseModel):
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE", backref="annotations")
    start = pw.IntegerField()
    end = pw.IntegerField()
    note = pw.TextField(default="")
    author = pw.TextField(default="")
    created = pw.TextField()
    modified = pw.TextField()

    class Meta:
        table_name = "annotation"


class AnnotationTagRow(BaseModel):
    annotation = pw.ForeignKeyField(AnnotationRow, on_delete="CASCADE", backref="tag_links")
    tag = pw.ForeignKeyField(TagRow, on_delete="CASCADE", backref="annotation_links")

    class Meta:
        table_name = "annotation_tag"
        primary_key = pw.CompositeKey("annotation", "tag")


class RejectionRow(BaseModel):
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE")
    kind = pw.TextField()
    start = pw.IntegerField()
    end = pw.IntegerField()

    class Meta:
        table_name = "rejection"


class ActorRuleRow(BaseModel):
    kind = pw.TextField()
    name = pw.TextField()
    value = pw.TextField()
    created = pw.TextField()

    class Meta:
        table_name = "actor_rule"


class ArticleActorRow(BaseModel):
    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE")
    name = pw.TextField()
    type = pw.TextField()
    aliases = pw.TextField(default="[]")
    named = pw.IntegerField()
    mentions = pw.IntegerField()
    quotes = pw.IntegerField()
    gender = pw.TextField(default="")
    gender_evidence = pw.TextField(default="")

    class Meta:
        table_name = "article_actor"
        primary_key = pw.CompositeKey("article", "name")


class ArticleQuoteRow(BaseModel):
    """A quote as the user sees it, with its speaker's actor, for library views."""

    article = pw.ForeignKeyField(ArticleRow, on_delete="CASCADE")
    start = pw.IntegerField()
    end = pw.IntegerField()
    type = pw.TextField()
    content = pw.TextField()
    cue = pw.TextField(default="")
    speaker = pw.TextField(default="")
    actor = pw.TextField(null=True)
    actor_type = pw.TextField(default="")
    gender = pw.TextField(default="")

    class Meta:
        table_name = "article_quote"
        primary_key = pw.CompositeKey("article", "start", "end")


ALL_MODELS = (
    ArticleRow, AnalysisRow, EntityRow, QuoteRow, TagRow, AnnotationRow, AnnotationTagRow,
    RejectionRow, EntityRuleRow, ActorRuleRow, ArticleActorRow, ArticleQuoteRow,
)
