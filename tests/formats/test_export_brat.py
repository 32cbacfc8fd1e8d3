"""brat standoff export: every T line's text is the .txt at its offsets."""

import pytest

from desktop.core.model import Annotation
from desktop.formats import brat_export
from tests.formats.test_export_support import sample_bundle


@pytest.fixture(scope="module")
def bundle():
    b = sample_bundle()
    text = b.article.text
    # A highlight over a paragraph break, to be written as fragments.
    end = text.index("\n")
    b.annotations.append(Annotation(end - 7, end + 14, ["Open question"], "", "ada", "", "", 3))
    return b


def parse(ann: str):
    lines = ann.splitlines()
    entities, notes, relations = {}, [], []
    for line in lines:
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, shown = rest.split("\t")
            label, offsets = head.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            entities[ident] = (label, frags, shown)
        elif ident.startswith("#"):
            notes.append(rest)
        elif ident.startswith("R"):
            relations.append(rest)
    return entities, notes, relations


def test_t_lines_match_the_text(bundle):
    files, warnings = brat_export.render([bundle])
    stem = "0007-emerging-from-a-five-hour-meeting-with-french-pr"
    text = files[f"{stem}.txt"].decode("utf-8")
    assert text == bundle.article.text
    entities, notes, relations = parse(files[f"{stem}.ann"].decode("utf-8"))
    for _label, frags, shown in entities.values():
        assert shown == " ".join(text[a:b] for a, b in frags)
    labels = {label for label, _, _ in entities.values()}
    assert {"Claim", "Framing", "Evidence", "Quote", "PERSON", "GPE", "Open_question"} <= labels
    split = next(v for v in entities.values() if v[0] == "Open_question")
    assert len(split[1]) == 2  # cut at the line break
    assert any(n.startswith("AnnotatorNotes") and "second line" in n for n in notes)
    assert relations and all(r.startswith("Speaker Arg1:T") for r in relations)
    for relation in relations:
        arg1, arg2 = (part.split(":")[1] for part in relation.split()[1:])
        assert entities[arg1][0] == "Quote" and arg2 in entities
    assert "Open_question" in files["annotation.conf"].decode()
    assert "Claim\tbgColor:#e57373" in files["visual.conf"].decode()
    assert any("'Open question' as Open_question" in w for w in warnings)
