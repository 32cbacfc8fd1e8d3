"""REFI-QDA project exchange (``.qdpx``), read by MAXQDA, ATLAS.ti, NVivo
and QualCoder: a ZIP holding ``project.qde`` (QDA-XML 1.0) and each
article's text as ``sources/<guid>.txt`` (UTF-8).

- the tags are the code book, with their colours and hierarchy; Byline's
  entity labels and quote types are added as two groups of codes
  ("Entities (Byline)", "Quotes (Byline)");
- highlights, entities and quotes are ``PlainTextSelection``s (positions in
  code points, end exclusive, as the standard counts them) with
  ``Coding``s; a quote's speaker is in the selection's description;
- a note is written the two ways QDA tools read one: as the highlight's
  ``Description`` (a coding memo in QualCoder and MAXQDA) and as a ``Note``
  holding the note's text and a ``PlainTextSelection`` of the passage,
  referenced from the ``TextSource`` and from the selection (``NoteRef``);
- actors are ``Case``s referring to the selections of their quotes
  (``SelectionRef``), and, since QualCoder and ATLAS.ti read a case's text
  from codings whose code has the case's GUID, also codes of an
  "Actors (Byline)" group coding those selections;
- dates are UTC with ``Z`` (QualCoder turns an offset into an invalid date).

GUIDs are derived from the article hashes, so exporting the same library
twice gives the same GUIDs (a QDA tool sees an update, not a new project).
XML is built with lxml, which escapes every string.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime

from lxml import etree

from desktop import __version__
from desktop.core import labels
from desktop.core.model import ArticleBundle, Tag
from desktop.core.text import shorten
from desktop.formats.html_export import safe_colour, speaker_of, tag_tree

DESCRIPTION = "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder"
EXTENSION = ".qdpx"
NS = "urn:QDA-XML:project:1.0"
_NAMESPACE = uuid.UUID("2c3f4d0e-8e7b-4f7a-b0c6-5d1f0a9e7b21")
# Characters XML 1.0 cannot hold at all.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
# The colours of the quote-type codes (amber shades, as the reader marks quotes).
QUOTE_COLOURS = {"direct": "#f0b030", "mixed": "#e08a2c", "indirect": "#c9a55a"}


def guid(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(map(str, parts))))


def clean(value: object) -> str:
    return _INVALID_XML.sub("\ufffd", "" if value is None else str(value))


def _el(
    parent: etree._Element, element: str, text: str | None = None, **attrs: str | None
) -> etree._Element:
    node = etree.SubElement(
        parent, f"{{{NS}}}{element}", {k: clean(v) for k, v in attrs.items() if v is not None}
    )
    if text is not None:
        node.text = clean(text)
    return node


def _when(value: str | None) -> str | None:
    """An ISO 8601 time as UTC with ``Z`` (a time without zone is taken as UTC)."""
    if not value or not _DATETIME.match(value):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Project:
    def __init__(self, now: str) -> None:
        self.now = now
        self.root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
        self.users: dict[str, str] = {}
        self.codes: dict[tuple[str, str], str] = {}  # (group, name) -> guid
        self.tags: dict[str, Tag] = {}
        self.entity_labels: set[str] = set()
        self.quote_types: set[str] = set()
        # guid, name, text, user, time, the source's guid, start, end
        self.notes: list[tuple[str, str, str, str | None, str | None, str, int, int]] = []
        self.cases: dict[tuple[str, str], tuple[str, list[str]]] = {}

    def user(self, name: str) -> str:
        name = name or "Byline"
        return self.users.setdefault(name, guid("user", name))

    def code(self, group: str, name: str) -> str:
        return self.codes.setdefault((group, name), guid("code", group, name))


def project_xml(
    bundles: Iterable[ArticleBundle], now: str | None = None
) -> tuple[bytes, dict[str, str], int]:
    """``project.qde`` as bytes, the sources (file name -> text) and the
    number of articles."""
    p = _Project(now or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    sources_el = etree.Element(f"{{{NS}}}Sources")
    files: dict[str, str] = {}
    count = 0
    for bundle in bundles:
        count += 1
        for t in bundle.tags:
            p.tags.setdefault(t.name, t)
        files |= _source(p, sources_el, bundle)
    root = p.root
    root.set("name", "Byline export")
    root.set("origin", f"Byline {__version__}")
    root.set("creatingUserGUID", p.user("Byline"))
    root.set("creationDateTime", p.now)
    users = _el(root, "Users")
    for name, gid in p.users.items():
        _el(users, "User", guid=gid, name=name)
    _codebook(p)
    if p.cases:
        cases = _el(root, "Cases")
        for (name, kind), (gid, selections) in p.cases.items():
            case = _el(cases, "Case", guid=gid, name=name)
            _el(case, "Description", kind)
            for s in selections:
                _el(case, "SelectionRef", targetGUID=s)
    if len(sources_el):
        root.append(sources_el)
    if p.notes:
        notes = _el(root, "Notes")
        for gid, name, text, user, when, _source_id, start, end in p.notes:
            note = _el(notes, "Note", guid=gid, name=name, creatingUser=user, creationDateTime=when)
            _el(note, "PlainTextContent", text)
            _el(note, "PlainTextSelection", guid=guid(gid, "passage"), name=name,
                startPosition=str(start), endPosition=str(end), creatingUser=user,
                creationDateTime=when)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, files, count


def _codebook(p: _Project) -> None:
    # The code book goes right after Users: QDA-XML fixes the order.
    codebook = etree.Element(f"{{{NS}}}CodeBook")
    codes = _el(codebook, "Codes")
    parents: dict[str, etree._Element] = {}
    for depth, tag in tag_tree(list(p.tags.values())):
        parent = parents.get(tag.parent) if depth and tag.parent else None
        node = _el(
            parent if parent is not None else codes,
            "Code",
            guid=p.code("tag", tag.name),
            name=tag.name,
            isCodable="true",
            color=safe_colour(tag.color),
        )
        if tag.description:
            node.insert(0, _text_el("Description", tag.description))
        parents[tag.name] = node
    for tag_name in {name for (group, name) in p.codes if group == "tag"} - set(p.tags):
        _el(codes, "Code", guid=p.code("tag", tag_name), name=tag_name, isCodable="true")
    if p.entity_labels:
        group = _el(
            codes,
            "Code",
            guid=guid("group", "entities"),
            name="Entities (Byline)",
            isCodable="false",
        )
        for label in labels.sort_labels(p.entity_labels):
            node = _el(
                group,
                "Code",
                guid=p.code("entity", label),
                name=label,
                isCodable="true",
                color=safe_colour(labels.colour(label), labels.FALLBACK_COLOUR),
            )
            node.insert(0, _text_el("Description", labels.describe(label)))
    if p.quote_types:
        group = _el(
            codes, "Code", guid=guid("group", "quotes"), name="Quotes (Byline)", isCodable="false"
        )
        for kind in sorted(p.quote_types):
            _el(group, "Code", guid=p.code("quote", kind), name=f"{kind} quote", isCodable="true",
                color=QUOTE_COLOURS.get(kind, labels.FALLBACK_COLOUR))
    coded_cases = [(name, gid) for (name, _kind), (gid, refs) in p.cases.items() if refs]
    if coded_cases:
        group = _el(codes, "Code", guid=guid("group", "actors"), name="Actors (Byline)",
                    isCodable="false")
        for name, gid in coded_cases:
            _el(group, "Code", guid=gid, name=name, isCodable="true")
    if len(codes):
        p.root.insert(1, codebook)


def _text_el(name: str, text: str) -> etree._Element:
    node = etree.Element(f"{{{NS}}}{name}")
    node.text = clean(text)
    return node


def _source(p: _Project, sources: etree._Element, bundle: ArticleBundle) -> dict[str, str]:
    article = bundle.article
    text = article.text
    sid = guid("source", article.sha256 or article.text)
    source = _el(
        sources,
        "TextSource",
        guid=sid,
        name=article.title or f"Article {article.id}",
        plainTextPath=f"internal://{sid}.txt",
        creatingUser=p.user("Byline"),
        creationDateTime=p.now,
    )
    about = [x for x in (article.date, article.author, article.source, article.url) if x]
    if about:
        _el(source, "Description", " · ".join(about))

    def selection(
        kind: str,
        key: object,
        start: int,
        end: int,
        user: str,
        when: str | None,
        codes: list[str],
        description: str = "",
    ) -> tuple[str, etree._Element]:
        gid = guid(sid, kind, key)
        node = _el(
            source,
            "PlainTextSelection",
            guid=gid,
            name=text[start:end][:80],
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=user,
            creationDateTime=when,
        )
        if description:
            _el(node, "Description", description)
        for n, code in enumerate(codes):
            coding = _el(
                node,
                "Coding",
                guid=guid(gid, "coding", n),
                creatingUser=user,
                creationDateTime=when,
            )
            _el(coding, "CodeRef", targetGUID=code)
        return gid, node

    note_refs: list[str] = []
    for i, h in enumerate(bundle.annotations):
        user, when = p.user(h.author), _when(h.created)
        key = h.id if h.id is not None else i
        _gid, node = selection(
            "highlight", key, h.start, h.end, user, when, [p.code("tag", t) for t in h.tags]
        )
        if h.note.strip():
            nid = guid(sid, "note", key)
            name = f"Note on “{shorten(text[h.start : h.end], 40)}”"
            p.notes.append((nid, name, h.note, user, when, sid, h.start, h.end))
            node.insert(0, _text_el("Description", h.note))
            _el(node, "NoteRef", targetGUID=nid)
            note_refs.append(nid)
    for e in bundle.analysis.entities:
        p.entity_labels.add(e.label)
        user = p.user("Byline") if e.origin == "model" else p.user("user")
        selection(
            "entity",
            (e.start, e.end, e.label),
            e.start,
            e.end,
            user,
            None,
            [p.code("entity", e.label)],
        )
    for i, q in enumerate(bundle.analysis.quotes):
        p.quote_types.add(q.type)
        who = speaker_of(bundle, i)
        gid, node = selection(
            "quote",
            (q.start, q.end),
            q.start,
            q.end,
            p.user("Byline"),
            None,
            [p.code("quote", q.type)],
            f"speaker: {who}" if who else "",
        )
        actor = bundle.quote_actor[i] if i < len(bundle.quote_actor) else None
        if actor is not None and 0 <= actor < len(bundle.actors):
            a = bundle.actors[actor]
            case = p.cases.setdefault((a.name, a.type), (guid("case", a.name, a.type), []))
            case[1].append(gid)
            coding = _el(node, "Coding", guid=guid(gid, "case"), creatingUser=p.user("Byline"))
            _el(coding, "CodeRef", targetGUID=case[0])
    for a in bundle.actors:
        p.cases.setdefault((a.name, a.type), (guid("case", a.name, a.type), []))
    for nid in note_refs:  # after the selections, as QDA-XML orders a source's parts
        _el(source, "NoteRef", targetGUID=nid)
    return {f"sources/{sid}.txt": text}


def render(bundles: Iterable[ArticleBundle]) -> tuple[bytes, list[str]]:
    bundles = list(bundles)
    actors = sum(len(b.actors) for b in bundles)
    xml, files, _count = project_xml(bundles)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    warnings = []
    if actors:
        warnings.append(
            "actors become cases holding the selections of their quotes; "
            "their other mentions are not in the project."
        )
    return buffer.getvalue(), warnings
