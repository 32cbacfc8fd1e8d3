"""What the words around an entity say about it, for actor building: that
it is no actor (an interview label, a word inside a title, two names
joined by a hyphen, a nationality qualifying a thing), that a place or
product name is glued to it, or that it is a product or platform
("Twitter account").  Plain string work over the text, no spaCy."""
from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.model import Entity
from desktop.nlp.actors import names, persons


def transcript_label(text: str, start: int, end: int) -> bool:
    """An interview transcript's speaker label, not a mention in the prose:
    "((WN))" or "(Jane Doe)" opening a line, or "WN:" / "Q:" there."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    after = text[end:end + 2]
    if before in ("(", "((") and after[:1] == ")":
        return True
    label = text[start:end]
    return before == "" and after[:1] == ":" and label.isupper() and len(label) <= 4


# Lowercase words after which a NORP entity is a person or thing's people.
_NORP_HEADLESS = frozenset("""
and or but who which that of in on at to for with by from as is are was were have
has had will would said say says told do did also themselves
""".split())


# People nouns after a nationality: "French farmers" are the French still.
_PEOPLE = frozenset("""
people person farmer citizen voter official soldier troop student worker leader
police lawmaker politician resident national authorities force member supporter
protester activist women men children man woman child family families community
communities population refugee migrant immigrant fighter rebel militant player
fan descendant ancestor tourist pilgrim youth veteran officer diplomat minister
""".split())


def norp_modifier(text: str, end: int) -> bool:
    """A nationality or party adjective qualifying a thing ("Democratic
    primaries", "the Chinese government"): the thing is what acts, not the
    group.  Before people ("French farmers") it stays a mention."""
    rest = text[end:end + 40]
    if not rest.startswith(" "):
        return False
    word = rest.split(maxsplit=1)[0] if rest.strip() else ""
    word = word.rstrip(",.;:!?\"'”’)")
    if not (word.isalpha() and word.islower()) or word in _NORP_HEADLESS:
        return False
    return word not in _PEOPLE and word[:-1] not in _PEOPLE and word[:-2] not in _PEOPLE


def camel_prefix(text: str, start: int) -> str:
    """ "CentOS " before the entity "Stream": a product name the model cut."""
    before = text[max(0, start - 30):start]
    if not before.endswith(" ") or before.endswith("  "):
        return ""
    word = before.split()[-1] if before.split() else ""
    inner = word[1:]
    if word.isalpha() and word[:1].isupper() and any(ch.isupper() for ch in inner) \
            and any(ch.islower() for ch in inner):
        return word + " "
    return ""


def in_title(text: str, start: int) -> bool:
    """ "State" in "Secretary of State Mike Pompeo": part of a title."""
    words = text[max(0, start - 40):start].split()
    return len(words) >= 2 and words[-1] == "of" and words[-2].lower() in names.TITLE_HEADS


def name_pair(whole: str, entities: list[Entity], text: str,
              last_words: Callable[[], set[str]] | None = None) -> bool:
    """ "Trump-Biden" (a debate, a ticket): two other names joined, no one.
    ``last_words()``: :func:`last_words` of the entities, when the caller keeps them."""
    parts = whole.split("-")
    if len(parts) != 2 or " " in whole or not all(p[:1].isupper() for p in parts):
        return False
    words = last_words() if last_words is not None else name_last_words(entities, text)
    return all(names.key(p) in words for p in parts)


def name_last_words(entities: list[Entity], text: str) -> set[str]:
    """The last words (as keys) of the names of people, organisations and places."""
    return {names.key(text[e.start:e.end]).split()[-1] for e in entities
            if e.label in ("PERSON", "ORG", "GPE") and e.end > e.start}


def drop_place(whole: str, places: set[str]) -> str:
    """ "Hong Kong Carrie Lam": a place glued before a person's full name."""
    words = whole.split()
    for k in range(len(words) - 2, 0, -1):
        head = " ".join(words[:k])
        rest = words[k:]
        if ((names.key(head) in places or names.is_known_place(head))
                and all(w[:1].isupper() for w in rest)
                and rest[-1].lower() not in names.TITLE_HEADS
                and persons.parse_person(" ".join(rest)).is_full):
            return " ".join(rest)
    return whole


# Words right after a name that make it a product, platform or project.
_THING_AFTER = frozenset("""
account accounts post posts page feed user users timeline handle operating software
project website app platform community developers maintainers release releases
version distribution repository server servers browser engine game channel video
videos livestream thread
""".split())
# Words before it: "her organisation, Faithless Hijabi", "the app TikTok".
_THING_BEFORE = frozenset("""
organisation organization company firm charity agency newspaper magazine website
site platform app project system network startup start started founded co-founded
launched
""".split())
_IS_A_THING = re.compile(
    r"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(sorted(_THING_AFTER | _THING_BEFORE)) + r")\b")


def says_thing(text: str, start: int, end: int) -> bool:
    """The words around a mention call it a product, platform or
    organisation ("Twitter account", "on Twitter", "the Fedora operating
    system", "Minetest is an open-source game")."""
    after = text[end:end + 60]
    words = after.split(maxsplit=2)
    if words and words[0].lower().strip(",.;:") in _THING_AFTER and after[:1] == " ":
        return True
    if _IS_A_THING.match(after):
        return True
    before = text[max(0, start - 30):start].split()
    if before and before[-1].lower().strip(",:") in _THING_BEFORE:
        return True
    # "wrote on Twitter.": only for one-word names ("focus on Joe Biden.").
    return (bool(before) and before[-1] in ("on", "via") and " " not in text[start:end]
            and text[end:end + 1] in (".", ",", ""))


# Lowercase words after a name that say what kind of organisation it is:
# "BelTA news agency", "the Meduza news site".
_ORG_KIND = frozenset("""
news agency newspaper network broadcaster channel website site daily outlet
magazine tabloid
""".split())


def drop_org_kind(whole: str) -> str:
    """ "BelTA news agency" -> "BelTA"; "Fars News Agency" stays (its name)."""
    words = whole.split()
    k = len(words)
    while k > 1 and words[k - 1] in _ORG_KIND:
        k -= 1
    return " ".join(words[:k]) if k < len(words) and words[k - 1][:1].isupper() else whole
