"""Acronyms: initials of multiword names and definitions like "African Union (AU)"."""
from __future__ import annotations

import re
from functools import lru_cache

# Words left out of the "significant" initials of a multiword name.
_INITIAL_STOPWORDS = frozenset("of the and for & in on de des du la le".split())


@lru_cache(maxsize=65536)
def initials(name: str) -> frozenset[str]:
    """Acronyms a multiword name may go by (asked for every name of every
    cluster: kept per name).

    Both the initials of every word and of the significant words:
    "Bank of America" -> {"BOA", "BA"}; "World Health Organization" -> {"WHO"}.
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return frozenset()
    every = "".join(w[0] for w in words if w[0].isalnum()).upper()
    significant = "".join(
        w[0] for w in words if w.lower() not in _INITIAL_STOPWORDS and w[0].isalnum()
    ).upper()
    return frozenset(a for a in (every, significant) if len(a) >= 2)


def acronym_letters(acronym: str) -> str:
    """The letters of an acronym to compare with initials.

    Plain acronyms compare whole ("NATO"); in mixed-case ones only the
    capitals stand for words ("AfCFTA" -> "ACFTA").
    """
    bare = acronym.replace(".", "").replace("&", "")
    capitals = "".join(ch for ch in bare if ch.isupper())
    return capitals if len(capitals) >= 2 and capitals != bare.upper() else bare.upper()


@lru_cache(maxsize=65536)
def acronym_of(acronym: str, name: str) -> bool:
    """True if ``acronym`` spells the initials of the multiword ``name``."""
    return acronym_letters(acronym) in initials(name)


@lru_cache(maxsize=65536)
def looks_like_acronym(name: str) -> bool:
    """"NATO", "U.S.", "EU" but not "Putin" or "Nord Stream 2"."""
    bare = name.replace(".", "").replace("&", "")
    if not (2 <= len(bare) <= 8 and bare.isalpha() and bare[0].isupper()):
        return False
    capitals = sum(ch.isupper() for ch in bare)
    return bare.isupper() or (capitals >= 3 and capitals * 2 > len(bare))


# "Capitalised Words (ACRONYM)" anywhere in the text, entity or not.  The
# possessive "*+" keeps a long capitalised run from backtracking quadratically.
_DEFINITION = re.compile(
    r"(?<![\w'’&-])((?:[A-Z][\w'’&-]*+\s+(?:(?:of|the|and|for|on|de)\s+)*){1,9})\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)"
)


def acronym_definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs the text defines: "African Union (AU)".

    The expansion is the shortest run of words before the parenthesis whose
    initials spell the acronym, so "Leaders of African Union (AU)" gives
    "African Union".
    """
    out = []
    for m in _DEFINITION.finditer(text):
        words, acronym = m.group(1).split(), m.group(2)
        for i in range(len(words) - 2, -1, -1):  # shortest suffix first
            if words[i][:1].isupper() and acronym_of(acronym, " ".join(words[i:])):
                out.append((acronym, " ".join(words[i:])))
                break
    return out


# "anterior cingulate cortex (ACC)" and "DRM (digital rights management":
# an acronym the text spells out in lowercase words names a term, not a party.
_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z]{2,8})\s*\)")
_ACRONYM_PAREN = re.compile(r"\b([A-Z]{2,8})\s*\(\s*[a-z]")


def lowercase_terms(text: str) -> frozenset[str]:
    """Acronyms whose definition in ``text`` is in lowercase words."""
    out = set()
    for m in _PAREN_ACRONYM.finditer(text):
        words = text[max(0, m.start() - 80):m.start()].split()[-6:]
        if words and all(w.islower() and w.replace("-", "").isalpha() for w in words[-2:]):
            words = [w for w in words if w.islower()]
            if any(acronym_of(m.group(1), " ".join(words[i:])) for i in range(len(words) - 1)):
                out.add(m.group(1))
    for m in _ACRONYM_PAREN.finditer(text):
        inside = text[m.end() - 1:m.end() + 80].split(")")[0].replace(",", " ").split()[:6]
        if any(acronym_of(m.group(1), " ".join(inside[:i])) for i in range(2, len(inside) + 1)):
            out.add(m.group(1))
    return frozenset(out)
