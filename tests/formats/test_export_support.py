"""The bundles the export tests share: the sample article as analysed, with
a user's highlight (two tags and a note), an entity correction, a quote and
hand-made actors; and an article full of hostile text."""

from __future__ import annotations

from desktop.core.model import (
    ORIGIN_USER,
    Actor,
    Analysis,
    Annotation,
    Article,
    ArticleBundle,
    Entity,
    Mention,
    Quote,
    Span,
    Tag,
)
from desktop.core.text import sha256

HIGHLIGHT_TEXT = 'there would be “no winners" if war broke out between NATO and Russia'
NOTE = 'Putin\'s warning; "no winners", with commas,\nand a second line'
USER_QUOTE_TEXT = "these were “probably still too early to talk about.”"


def sample_bundle() -> ArticleBundle:
    """The sample article through the real pipeline, plus the user's work."""
    from desktop.formats.text import read_file
    from desktop.nlp.pipeline import analyze_text, load_pipeline
    from tests.conftest import SAMPLE

    article = read_file(SAMPLE)[0]
    article.id = 7
    analysis = analyze_text(load_pipeline(), article.text)
    return add_user_work(article, analysis)


def add_user_work(article: Article, analysis: Analysis) -> ArticleBundle:
    text = article.text
    # The user corrects the first "Kyiv" (the small model calls it a person).
    kyiv = text.index("Kyiv")
    analysis.entities = [e for e in analysis.entities if not (e.start < kyiv + 4 and kyiv < e.end)]
    analysis.entities.append(Entity(kyiv, kyiv + 4, "GPE", ORIGIN_USER))
    analysis.entities.sort(key=lambda e: (e.start, e.end))
    # ... and marks a quote by hand, replacing whatever the model found there.
    q = text.index(USER_QUOTE_TEXT)
    said = text.rindex("said", 0, q)
    he = text.rindex("he", 0, said)
    analysis.quotes = [
        x for x in analysis.quotes if not (x.start < q + len(USER_QUOTE_TEXT) and q < x.end)
    ]
    analysis.quotes.append(
        Quote(
            q,
            q + len(USER_QUOTE_TEXT),
            "mixed",
            Span(said, said + 4, "cue"),
            Span(he, he + 2, "pronoun"),
            "Putin",
            True,
            ORIGIN_USER,
        )
    )
    analysis.quotes.sort(key=lambda x: x.start)
    for i, e in enumerate(analysis.entities):
        e.id = i + 1
    for i, x in enumerate(analysis.quotes):
        x.id = i + 1
    h = text.index(HIGHLIGHT_TEXT)
    war = text.index("war broke out between NATO")
    annotations = [
        Annotation(
            h,
            h + len(HIGHLIGHT_TEXT),
            ["Claim", "Framing"],
            NOTE,
            "ada",
            "2026-11-27T10:00:00+00:00",
            "2026-11-27T10:05:00+00:00",
            1,
        ),
        Annotation(
            war,
            war + len("war broke out between NATO"),
            ["Evidence"],
            "",
            "ada",
            "2026-11-27T10:06:00+00:00",
            "2026-11-27T10:06:00+00:00",
            2,
        ),
    ]
    tags = [
        Tag("Claim", "#e57373", None, "1", "A statement presented as fact", 0, 1),
        Tag("Evidence", "#64b5f6", None, "2", "", 1, 2),
        Tag("Framing", "#81c784", "Claim", "3", "How the claim is framed", 2, 3),
    ]
    actors = hand_made_actors(text, analysis)
    quote_actor = []
    for x in analysis.quotes:
        hit = next(
            (
                i
                for i, a in enumerate(actors)
                if x.speaker_name and a.name.endswith(x.speaker_name.split()[-1])
            ),
            None,
        )
        quote_actor.append(hit)
    for i, a in enumerate(actors):
        a.quote_count = quote_actor.count(i)
    return ArticleBundle(article, analysis, actors, quote_actor, annotations, tags)


def hand_made_actors(text: str, analysis: Analysis) -> list[Actor]:
    def mentions(word: str) -> list[Mention]:
        out, at = [], text.find(word)
        while at != -1:
            out.append(Mention(at, at + len(word)))
            at = text.find(word, at + 1)
        return out

    return [
        Actor("Putin", "person", ["Putin"], mentions("Putin"), 0, 1),
        Actor("Olaf Scholz", "person", ["Scholz", "Olaf Scholz"], mentions("Scholz"), 0, 2),
        Actor("NATO", "organisation", [], mentions("NATO"), 0, 3),
    ]


HOSTILE_TEXT = (
    "<script>alert(1)</script> opened the meeting.\n"
    'He wrote " onmouseover="alert(2)" and <img src=x onerror=alert(3)> in the minutes.\n'
    '[click me](javascript:alert(4)) and <a href="javascript:alert(5)">here</a> '
    "&amp; &xxe; ]]> <!-- c -->\n"
    "*stars* _under_ # not a heading | pipe | `code` ![img](http://evil.invalid/x.png)"
)


def hostile_bundle() -> ArticleBundle:
    text = HOSTILE_TEXT
    title = "<script>alert('title')</script> \" onmouseover=\"x"
    article = Article(
        text=text,
        title=title,
        date="2026-01-01",
        source="<b>Src</b>",
        url="javascript:alert(6)",
        sha256=sha256(text),
        id=1,
    )
    s = text.index("<script>")
    img = text.index("<img")
    link = text.index("[click me]")
    entities = [Entity(s, s + len("<script>alert(1)</script>"), "PERSON", "model", 1)]
    quotes = [
        Quote(
            img,
            img + len("<img src=x onerror=alert(3)>"),
            "direct",
            None,
            None,
            "<svg onload=alert(7)>",
            False,
            ORIGIN_USER,
            1,
        )
    ]
    tags = [
        Tag(
            "<script>alert('tag')</script>",
            "red;background:url(javascript:alert(8))",
            None,
            None,
            '" onmouseover="alert(9)',
            0,
            1,
        ),
        Tag(
            "[x](javascript:alert(10))", "#123456", "<script>alert('tag')</script>", None, "", 1, 2
        ),
    ]
    annotations = [
        Annotation(
            link,
            link + len("[click me](javascript:alert(4))"),
            [tags[0].name, tags[1].name],
            "<script>alert('note')</script> [n](javascript:alert(11)) \" onclick=\"x &xxe; ]]>",
            "<b>me</b>",
            "2026-01-01T00:00:00+00:00",
            "2026-01-01T00:00:00+00:00",
            1,
        ),
    ]
    actors = [Actor("<script>alert('actor')</script>", "person", ['" onmouseover="y'], [], 1, 1)]
    return ArticleBundle(
        article, Analysis(entities, quotes, "m", "1"), actors, [0], annotations, tags
    )
