"""brat standoff: for each article ``<name>.txt`` (the text, byte for byte
as Byline holds it) and ``<name>.ann``, plus ``annotation.conf`` and
``visual.conf`` (labels and tag colours) for the collection.

In the ``.ann`` file:

- entities and tagged highlights are ``T`` lines (one per tag); brat types
  cannot hold spaces or punctuation, so tag names are made safe
  (``Open question`` -> ``Open_question``) and the export says so;
- a span crossing a line break becomes a discontinuous annotation
  (``T1<TAB>Claim 0 5;6 10``), since a ``T`` line's text cannot hold one;
- notes are ``#`` ``AnnotatorNotes`` lines on the highlight's first ``T``;
- quotes are ``T`` lines of type ``Quote`` with a ``QuoteType`` attribute,
  a ``Speaker`` relation (``R``) to the speaker mention's ``T`` (an entity
  with the same offsets, else a ``Mention``) and the speaker's name as a
  note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.model import ArticleBundle
from desktop.formats.exporters import file_stem
from desktop.formats.html_export import safe_colour, speaker_of

DESCRIPTION = "brat standoff: .txt and .ann per article"
EXTENSION = ""

# Characters that end a line for brat or for Python's splitlines; a T line's
# text must hold none of them (nor a tab, the field separator).
_BREAKS = re.compile(r"[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def type_name(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("_") or "Tag"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank pieces of ``text[start:end]`` between line breaks."""
    out, at = [], start
    for match in _BREAKS.finditer(text, start, end):
        out.append((at, match.start()))
        at = match.end()
    out.append((at, end))
    return [(lo, hi) for lo, hi in out if text[lo:hi].strip()]


def one_line(value: str) -> str:
    return _BREAKS.sub(" ", value).strip()


class _Ann:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.t = self.r = self.a = self.n = 0
        self.by_offsets: dict[tuple[int, int], str] = {}

    def entity(self, label: str, start: int, end: int, is_entity: bool = False) -> str | None:
        pieces = fragments(self.text, start, end)
        if not pieces:
            return None
        self.t += 1
        tid = f"T{self.t}"
        offsets = ";".join(f"{lo} {hi}" for lo, hi in pieces)
        shown = " ".join(self.text[lo:hi] for lo, hi in pieces)
        self.lines.append(f"{tid}\t{label} {offsets}\t{shown}")
        if is_entity:  # a speaker mention reuses the entity at its offsets
            self.by_offsets.setdefault((start, end), tid)
        return tid

    def note(self, tid: str, value: str) -> None:
        self.n += 1
        self.lines.append(f"#{self.n}\tAnnotatorNotes {tid}\t{one_line(value)}")

    def attribute(self, name: str, tid: str, value: str) -> None:
        self.a += 1
        self.lines.append(f"A{self.a}\t{name} {tid} {value}")

    def relation(self, name: str, arg1: str, arg2: str) -> None:
        self.r += 1
        self.lines.append(f"R{self.r}\t{name} Arg1:{arg1} Arg2:{arg2}")


def ann(bundle: ArticleBundle) -> tuple[str, set[str], dict[str, str]]:
    """The .ann text, the entity types used, and renamed tags (tag -> type)."""
    text = bundle.article.text
    out = _Ann(text)
    types: set[str] = set()
    renamed: dict[str, str] = {}
    for e in bundle.analysis.entities:
        if out.entity(type_name(e.label), e.start, e.end, is_entity=True):
            types.add(type_name(e.label))
    for h in bundle.annotations:
        first = None
        for tag in h.tags or ["Highlight"]:
            kind = type_name(tag)
            if kind != tag:
                renamed[tag] = kind
            tid = out.entity(kind, h.start, h.end)
            if tid:
                types.add(kind)
                first = first or tid
        if first and h.note.strip():
            out.note(first, h.note)
    for i, q in enumerate(bundle.analysis.quotes):
        qid = out.entity("Quote", q.start, q.end)
        if qid is None:
            continue
        types.add("Quote")
        out.attribute("QuoteType", qid, q.type)
        who = speaker_of(bundle, i)
        if who:
            out.note(qid, f"speaker: {who}")
        if q.speaker_mention is not None:
            m = q.speaker_mention
            mid = out.by_offsets.get((m.start, m.end)) or out.entity("Mention", m.start, m.end)
            if mid:
                types.add("Mention")
                out.relation("Speaker", qid, mid)
        if q.cue is not None and out.entity("Cue", q.cue.start, q.cue.end):
            types.add("Cue")
    return "".join(line + "\n" for line in out.lines), types, renamed


def render(bundles: Iterable[ArticleBundle]) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    types: set[str] = set()
    renamed: dict[str, str] = {}
    colours: dict[str, str] = {}
    actors = 0
    for index, bundle in enumerate(bundles):
        stem = file_stem(bundle, index)
        text, used, changed = ann(bundle)
        files[f"{stem}.txt"] = bundle.article.text.encode("utf-8")
        files[f"{stem}.ann"] = text.encode("utf-8")
        types |= used
        renamed |= changed
        colours |= {type_name(t.name): safe_colour(t.color) for t in bundle.tags}
        actors += len(bundle.actors)
    files["annotation.conf"] = _annotation_conf(types).encode("utf-8")
    files["visual.conf"] = _visual_conf(types, colours).encode("utf-8")
    warnings = []
    if renamed:
        listed = ", ".join(f"'{a}' as {b}" for a, b in sorted(renamed.items()))
        warnings.append(f"brat types cannot hold spaces or punctuation: tags written as {listed}.")
    if actors:
        warnings.append(
            "brat has no actors: only quote speakers (Speaker relations and notes) are kept."
        )
    return files, warnings


def _annotation_conf(types: set[str]) -> str:
    entities = sorted(types - {"Quote", "Mention", "Cue"}) + ["Quote", "Mention", "Cue"]
    targets = "|".join(t for t in entities if t not in ("Quote", "Cue"))
    return (
        "[entities]\n" + "\n".join(entities) + "\n\n"
        "[relations]\n"
        f"Speaker\tArg1:Quote, Arg2:{targets}\n"
        "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n"
        "[events]\n\n"
        "[attributes]\n"
        "QuoteType\tArg:Quote, Value:direct|mixed|indirect\n"
    )


def _visual_conf(types: set[str], colours: dict[str, str]) -> str:
    from desktop.core import labels

    lines = ["[labels]", "", "[drawing]"]
    for t in sorted(types):
        colour = colours.get(t) or (labels.COLOURS.get(t))
        if colour:
            lines.append(f"{t}\tbgColor:{colour}")
    return "\n".join(lines) + "\n"
