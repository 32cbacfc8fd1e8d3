"""Human names: parts, and whether two names may be one person."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz import fuzz

from desktop.nlp.actors.names import key

_SURNAME_PARTICLES = frozenset(
    "van von de der den da das dos del della di du la le al el bin ibn ter ten".split()
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A human name split into parts, each part as a comparison key."""

    first: str
    middle: str
    last: str
    final: str  # last word of the whole name ("King" in "Martin Luther King Jr.")

    @property
    def is_full(self) -> bool:
        return bool(self.first and self.last)


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, str, str]:
    """nameparser's given name, middle names and surname of ``name``, as it
    writes them.  Parsing takes a tenth of a millisecond, and actor building
    asks about each name several times: each is parsed once per process."""
    parsed = HumanName(name)
    return parsed.first, parsed.middle, parsed.last


@lru_cache(maxsize=65536)
def parse_person(name: str) -> PersonName:
    """Split a cleaned human name with nameparser.

    A one-word name ends up as ``first`` in nameparser; it is moved to
    ``last`` here because news text refers to people by surname.
    """
    first, middle, last = (key(part) for part in name_parts(name))
    words = [w for w in key(name).split() if w not in ("jr", "sr", "ii", "iii", "iv")]
    if first and not last:
        first, last = "", first
    elif len(words) == 2 and words[0] in _SURNAME_PARTICLES:
        # "Van Halen", "De Gaulle": a surname with its particle, no given name.
        first, middle, last = "", "", " ".join(words)
    return PersonName(first, middle, last, words[-1] if words else "")


def _compatible_given(a: str, b: str) -> bool:
    """Given names that may belong to one person: equal, initial, short form."""
    if not a or not b:
        return True
    a, b = a.split()[0], b.split()[0]
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short):  # "Alex" / "Alexander"
        return True
    return fuzz.ratio(a, b) >= 85  # transliterations: "Volodymyr"/"Volodimir"


def _same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 90  # "Zelensky(y)"


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names that name one person ("Hillary (Rodham) Clinton").

    Different given names keep people apart (Hillary vs Bill Clinton), and so
    do conflicting middle names (George H. W. Bush vs George W. Bush).
    """
    if not (a.is_full and b.is_full and _same_surname(a.last, b.last)):
        return False
    if not _compatible_given(a.first, b.first):
        return False
    if a.middle and b.middle and a.middle[0] != b.middle[0]:
        return False
    return True


def short_name_matches(short: str, full: PersonName, *, given_ok: bool = True) -> bool:
    """True if the one-part name ``short`` (a key) is part of ``full``.

    A surname ("Scholz"), the last word ("King"), a near spelling of the
    surname, or, when ``given_ok``, a given name ("Hillary").
    """
    if not short or not full.is_full:
        return False
    if short in (full.last, full.final) or (given_ok and short == full.first):
        return True
    if short in (full.last + "s", full.last + "es"):
        return False  # "the Turpins": the family, not one of them
    return " " not in short and _same_surname(short, full.last)
