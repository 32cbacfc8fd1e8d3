"""Reading a REFI-QDA project (``.qdpx``) from MAXQDA, ATLAS.ti, NVivo,
QualCoder or Byline: each text source becomes an article, each coded
selection a highlight whose author is the coding's user (users are
coders), each code a tag by name (its colour and place in the tree kept).
Notes attached to a selection become the highlight's note.

Byline's own automatic layer in its exports (the code groups "Entities
(Byline)" and "Quotes (Byline)") is not read: the importing library
analyses the articles itself.
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from lxml import etree

from desktop.core.errors import InputError
from desktop.core.model import Annotation, Article, ArticleBundle, Tag
from desktop.core.text import normalise, sha256, title_from_text

NS = {"q": "urn:QDA-XML:project:1.0"}
BYLINE_GROUPS = ("Entities (Byline)", "Quotes (Byline)")


def read_rows(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], int]:
    bundles = read_bundles(path)
    return [b.article for b in bundles], 0


def read_bundles(path: Path) -> list[ArticleBundle]:
    project, archive = _open(path)
    with archive:
        return _Reader(project, archive, path.name).bundles()


def _open(path: Path) -> tuple[etree._Element, zipfile.ZipFile]:
    if not path.is_file():
        raise InputError(f"{path} does not exist.")
    try:
        archive = zipfile.ZipFile(path)
        data = archive.read("project.qde")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputError(f"{path.name} is not a REFI-QDA project (no readable project.qde: {exc}).") from exc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        archive.close()
        raise InputError(f"{path.name} holds a damaged project.qde ({exc}).") from exc
    return root, archive


@dataclass(slots=True)
class _Code:
    tag: Tag | None  # None for codes of Byline's automatic layer


class _Reader:
    def __init__(self, root: etree._Element, archive: zipfile.ZipFile, name: str) -> None:
        self.root, self.archive, self.name = root, archive, name
        self.users = {u.get("guid"): u.get("name") or "" for u in root.iterfind("q:Users/q:User", NS)}
        self.notes = {
            n.get("guid"): (n.findtext("q:PlainTextContent", default="", namespaces=NS) or "").strip()
            for n in root.iterfind("q:Notes/q:Note", NS)
        }
        self.codes: dict[str, _Code] = {}
        self.tags: list[Tag] = []
        for code in root.iterfind("q:CodeBook/q:Codes/q:Code", NS):
            self._code(code, None, False)

    def _code(self, node: etree._Element, parent: str | None, automatic: bool) -> None:
        name = (node.get("name") or "").strip()
        automatic = automatic or (parent is None and name in BYLINE_GROUPS)
        tag = None
        if name and not automatic:
            tag = Tag(name, node.get("color") or "#ffd54f", parent,
                      description=node.findtext("q:Description", default="", namespaces=NS) or "",
                      position=len(self.tags))
            self.tags.append(tag)
        self.codes[node.get("guid") or ""] = _Code(tag)
        for child in node.iterfind("q:Code", NS):
            self._code(child, name if tag else None, automatic)

    def bundles(self) -> list[ArticleBundle]:
        out = []
        for source in self.root.iterfind("q:Sources/q:TextSource", NS):
            bundle = self._source(source)
            if bundle is not None:
                out.append(bundle)
        if not out:
            raise InputError(f"{self.name} holds no text source with text.")
        return out

    def _raw_text(self, source: etree._Element) -> str:
        inline = source.find("q:PlainTextContent", NS)
        if inline is not None:
            return inline.text or ""
        where = source.get("plainTextPath") or ""
        member = where.split("://", 1)[-1]
        for candidate in (f"sources/{member}", member):
            try:
                return self.archive.read(candidate).decode("utf-8-sig")
            except KeyError:
                continue
            except UnicodeDecodeError as exc:
                raise InputError(f"{self.name}: the text of '{source.get('name')}' is not UTF-8.") from exc
        raise InputError(f"{self.name}: the text of '{source.get('name')}' ({where}) is not in the project.")

    def _source(self, source: etree._Element) -> ArticleBundle | None:
        raw = self._raw_text(source)
        text = normalise(raw)
        if not text.strip():
            return None
        place = _offsets(raw, text)
        title = (source.get("name") or "").strip() or title_from_text(text)
        article = Article(text=text, title=title, sha256=sha256(text))
        annotations = []
        for sel in source.iterfind("q:PlainTextSelection", NS):
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                continue
            start, end = place(start), place(end)
            if not 0 <= start < end <= len(text):
                continue
            note = "\n\n".join(self.notes.get(r.get("targetGUID"), "") for r in sel.iterfind("q:NoteRef", NS))
            by_user: dict[str, list[str]] = {}
            for coding in sel.iterfind("q:Coding", NS):
                ref = coding.find("q:CodeRef", NS)
                code = self.codes.get(ref.get("targetGUID") if ref is not None else "")
                if code is None or code.tag is None:
                    continue
                user = self.users.get(coding.get("creatingUser") or sel.get("creatingUser"), "")
                by_user.setdefault(user, []).append(code.tag.name)
            for user, names in by_user.items():
                annotations.append(Annotation(start, end, list(dict.fromkeys(names)), note.strip(), user,
                                              sel.get("creationDateTime") or ""))
        return ArticleBundle(article=article, annotations=annotations, tags=list(self.tags))


def _offsets(raw: str, text: str) -> Callable[[int], int]:
    """Positions in ``raw`` (code points, as QDA-XML counts them) as positions
    in the normalised ``text``; the identity when normalising changed nothing."""
    if raw == text:
        return lambda i: i
    blocks = SequenceMatcher(None, raw, text, autojunk=False).get_matching_blocks()

    def place(i: int) -> int:
        for a, b, size in blocks:
            if i < a:
                return b
            if i <= a + size:
                return b + (i - a)
        return len(text)

    return place
