"""CoNLL-2003 export: IOB2 tags follow the corrected entities."""

import pytest

from desktop.formats import conll_export
from tests.formats.test_export_support import sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_tags_follow_the_corrected_entities(bundle):
    data, warnings = conll_export.render([bundle])
    lines = data.decode("utf-8").split("\n")
    assert lines[0] == conll_export.DOCSTART and lines[1] == ""
    rows = [line.split(" ") for line in lines[2:] if line]
    assert all(len(r) == 4 for r in rows)
    tokens = [(r[0], r[3]) for r in rows]
    assert ("Kyiv", "B-GPE") in tokens  # the user's correction
    i = tokens.index(("Olaf", "B-PERSON"))
    assert tokens[i + 1] == ("Scholz", "I-PERSON")
    # IOB2: an I- tag always continues a B- or I- tag of the same label.
    for (_, prev), (_, tag) in zip(tokens, tokens[1:], strict=False):
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:] and prev[0] in "BI"
    assert "" in lines[3:-1]  # sentences are separated
    blocks = data.decode().strip().split("\n\n")
    assert len(blocks) > 10
    assert any("notes (1)" in w and "quotes" in w for w in warnings)


def test_labels_and_tokens_with_whitespace_stay_one_column():
    from desktop.core.model import Analysis, Article, ArticleBundle, Entity

    text = "Anna Lee met officials in New\u00a0York on Monday."
    ny = text.index("New")
    bundle = ArticleBundle(
        Article(text=text, title="t", id=1),
        Analysis([Entity(0, 8, "MY LABEL", "user"), Entity(ny, ny + 8, "PLACE\tNAME", "user")]),
    )
    data, warnings = conll_export.render([bundle])
    rows = [line.split(" ") for line in data.decode().split("\n")[2:] if line]
    assert all(len(r) == 4 for r in rows), rows
    tags = [r[3] for r in rows]
    assert tags[:2] == ["B-MY_LABEL", "I-MY_LABEL"] and "B-PLACE_NAME" in tags
    assert any("'MY LABEL' is written as 'MY_LABEL'" in w for w in warnings)
