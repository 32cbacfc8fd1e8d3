"""Name handling for actor building: cleaning, keys, titles, countries.

Everything here works on plain strings; no spaCy, no Qt.  The functions are
small and pure so that the grouping code in :mod:`cluster` can combine
them and the tests can check them one by one.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

# Words that head a title placed before a person's name.  Curated rather than
# taken from nameparser's huge title list, which also holds ordinary first
# names ("Dean", "Major") and would eat them.
TITLE_HEADS = frozenset("""
president president-elect vice-president chancellor premier minister secretary
secretary-general senator sen. congressman congresswoman representative rep.
governor gov. mayor king queen prince princess emperor empress pope cardinal
archbishop bishop reverend rev. sheikh emir sultan ayatollah crown
general gen. lt. lieutenant colonel col. maj. captain capt. admiral adm.
sergeant sgt. commander chief judge justice prosecutor ambassador envoy
spokesman spokeswoman spokesperson chairman chairwoman chair ceo director
leader dr. dr doctor prof. professor mr. mr mrs. mrs ms. ms miss sir dame
lord lady speaker commissioner inspector detective coach cde comrade
constable const. det. supt. superintendent insp. officer trooper sheriff
corporal cpl. councillor councilman councilwoman cllr alderman magistrate
attorney pastor imam rabbi legislator lawmaker activist journalist reporter
economist scientist researcher analyst author candidate nominee mp
""".split())

# Title heads that are person evidence whatever their case ("president
# Biden"); the others must be capitalised to count, because lowercase
# "leader", "chief" or "director" before a name is usually something else.
STRONG_TITLES = frozenset("""
president president-elect chancellor premier senator sen. congressman
congresswoman governor gov. mayor pope mr. mr mrs. mrs ms. ms dr. dr prof.
sir dame
""".split())

# Titles that never begin the name of an organisation or place (unlike
# "General Motors", "King's College", "Judge Baker Center"): a non-PERSON
# entity "Detective Constable Daniel Dubé" is a titled person.
PERSON_ONLY_TITLES = frozenset("""
president president-elect chancellor premier minister secretary senator sen.
congressman congresswoman governor gov. mayor ambassador mr. mr mrs. mrs ms.
ms dr. dr prof. professor constable const. detective det. sergeant sgt.
lieutenant lt. colonel col. captain capt. cde comrade councillor cllr
""".split())

# Lowercase words that may sit before a title ("former President").
TITLE_MODIFIERS = frozenset(
    "former then acting late interim outgoing incoming deputy vice "
    "prime foreign defence defense interior finance health state".split()
)

PRONOUNS = frozenset("""
he she they it him her them his hers its their theirs we us i you
himself herself itself themselves
""".split())
PERSON_PRONOUNS = frozenset("he she him her his hers himself herself".split())

# Common English short forms that pycountry lacks.  pycountry stays the main
# source; this only covers everyday names and abbreviations news text uses.
_COUNTRY_EXTRA = {
    "us": "USA", "usa": "USA", "america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR",
    "russia": "RUS", "turkey": "TUR", "ivory coast": "CIV",
    "macedonia": "MKD", "burma": "MMR", "vatican": "VAT",
    "vatican city": "VAT", "dr congo": "COD",
    "democratic republic of the congo": "COD", "east timor": "TLS",
    "swaziland": "SWZ", "cape verde": "CPV", "brunei": "BRN",
    "uae": "ARE", "palestine": "PSE", "micronesia": "FSM",
}

# Names the model tags as organisations, people or places that are no party
# to anything: time zones, diseases, religions, technical terms, events.
# Compared by ``key`` (so "COVID-19" is "covid 19").
NOT_ACTORS = frozenset({
    "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst",
    "cet", "cest", "eet", "eest", "aest", "aedt", "jst",
    "covid", "covid 19", "covid19", "sars cov 2", "coronavirus", "novel coronavirus",
    "sars", "mers", "hiv", "aids", "ebola", "zika", "h1n1",
    "islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism",
    "catholicism", "protestantism",
    "drm", "gps", "html", "pdf", "api", "wi fi", "usb",
    "brexit", "earth", "sun", "moon",
})

# Capitalised words that open a sentence and the model glues to a name:
# "Regarding Ashodaya", "Despite Trump".
_LEADING_WORDS = frozenset("""
regarding according despite meanwhile after before during although however while
when since unlike like as for with without about following under including among
against between through throughout towards toward until upon within if but and so
yet then also thus hence later
""".split())
# Last words of names of laws, treaties and technical systems, which the
# model calls organisations ("Automatic Identification System").
_LAW_WORDS = frozenset("act treaty amendment accord accords system".split())

# Preferred short English names where pycountry's are formal ("Russian
# Federation") or not the one news use.
_COUNTRY_NAMES = {
    "RUS": "Russia", "TUR": "Turkey", "PSE": "Palestine", "VAT": "Vatican City",
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "CIV": "Ivory Coast", "BRN": "Brunei", "FSM": "Micronesia", "CZE": "Czech Republic",
}

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_EDGE_JUNK = re.compile(r"^[\s\"“”‘'(\[,;:]+|[\s\"“”’'),\];:!?]+$")


@lru_cache(maxsize=65536)
def mostly_latin(text: str) -> bool:
    """True if most letters of ``text`` are Latin ("Erdoğan" yes, "हैं" no)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin * 2 > len(letters)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Comparison key: casefolded, no dots, hyphens as spaces, one space.

    "U.S." and "US" share a key; so do "Vice-President" and "vice president".
    """
    text = text.replace("’", "'").replace("\u00a0", " ").casefold()
    text = text.replace(".", "").replace("-", " ").replace("‐", " ")
    return " ".join(text.split())


def strip_edges(text: str) -> str:
    """Drop possessives, a leading article and stray punctuation.

    "the Kremlin's" -> "Kremlin"; "Putin’s" -> "Putin"; "Reuters'" -> "Reuters".
    """
    text = " ".join(text.replace("\u00a0", " ").split())
    previous = None
    while previous != text:  # several layers may wrap one another
        previous = text
        text = _EDGE_JUNK.sub("", text)
        text = _POSSESSIVE.sub("", text)
        if text[:4].lower() == "the ":
            text = text[4:]
    return text


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """:func:`strip_edges`, and cut a swallowed acronym definition:
    "the World Health Organization (WHO" -> "World Health Organization"."""
    cleaned = strip_edges(text)
    return strip_edges(cleaned.split("(")[0]) or cleaned


def _is_title_word(word: str, *, any_case: bool) -> bool:
    low = word.lower()
    if low not in TITLE_HEADS:
        return False
    return any_case or word[:1].isupper() or low in STRONG_TITLES


def _is_modifier(word: str) -> bool:
    # Nationalities and departments before a title are capitalised
    # ("German Chancellor", "U.S. Secretary"); a few lowercase words too.
    return word[:1].isupper() or word.lower() in TITLE_MODIFIERS


@lru_cache(maxsize=65536)
def strip_title(text: str) -> tuple[str, bool]:
    """Remove a leading title ("German Chancellor Olaf Scholz" -> "Olaf Scholz").

    Returns the remaining name and whether a title was removed.  A title is
    only removed when a capitalised name follows it, so "the President" or
    "General Motors" ("Motors" would follow, but see callers) are judged by
    the caller, which only strips non-PERSON entities when the rest is a
    known person name.
    """
    words = text.split()
    cut = -1
    for i, word in enumerate(words[:-1]):
        if _is_title_word(word, any_case=False) and all(
            _is_modifier(w) for w in words[:i]
        ):
            cut = i
    if cut < 0:
        return text, False
    rest = words[cut + 1:]
    # "Secretary of State Antony Blinken": skip "of" and one capitalised word.
    if len(rest) > 2 and rest[0] == "of" and rest[1][:1].isupper():
        rest = rest[2:]
    if not rest or not rest[0][:1].isupper():
        return text, False
    return " ".join(rest), True


def title_word_before(text: str, start: int) -> str:
    """The person title directly before offset ``start``, lowercased, or "".

    Looks at the words just before an entity on the same line: "President
    Biden", "Mr. Putin", "German Chancellor Olaf Scholz" (where the entity is
    "Olaf Scholz"), "Secretary of State Blinken".
    """
    line_start = text.rfind("\n", 0, start) + 1
    words = text[max(line_start, start - 60):start].split()
    if not words:
        return ""
    if _is_title_word(words[-1], any_case=True) and (
        words[-1][:1].isupper() or words[-1].lower() in STRONG_TITLES
    ):
        return words[-1].lower()
    # "Secretary of State", "Minister of Defence"
    if (len(words) >= 3 and words[-2] == "of" and words[-1][:1].isupper()
            and _is_title_word(words[-3], any_case=False)):
        return words[-3].lower()
    return ""


def title_word_in(words: list[str]) -> str:
    """The last title head among ``words`` (lowercased), or ""."""
    heads = [w.lower() for w in words if w.lower() in TITLE_HEADS]
    return heads[-1] if heads else ""


def bare_title(name: str) -> str:
    """The title if ``name`` ends in one and so names no one ("the President",
    "Prime Minister", "German Chancellor"), else ""."""
    words = strip_edges(name).split()
    return words[-1].lower() if words and words[-1].lower() in TITLE_HEADS else ""


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Map of country name keys to ISO alpha-3 codes, from pycountry."""
    index: dict[str, str] = {}
    short_forms: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index[key(strip_edges(value))] = code
        # "Palestine, State of" -> "Palestine"; kept only when unambiguous.
        head = country.name.split(",")[0]
        short_forms.setdefault(key(head), set()).add(code)
    for name, codes in short_forms.items():
        if len(codes) == 1:
            index.setdefault(name, next(iter(codes)))
    index.update(_COUNTRY_EXTRA)
    return index


def country_code(name: str) -> str | None:
    """ISO alpha-3 code if ``name`` (already cleaned) names a country."""
    return _country_index().get(key(name))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Keys of country and subdivision names: places a gazetteer vouches for.

    Subdivision names are only used to keep a place from being swallowed by a
    person who shares the word ("Washington" vs "George Washington"), never
    to relabel an entity.
    """
    names = set(_country_index())
    names.update(key(s.name) for s in pycountry.subdivisions)
    return frozenset(names)


def is_known_place(name: str) -> bool:
    return key(name) in _place_names()


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """One English name per country, so that "US", "U.S." and "the United
    States" are one actor in every article: pycountry's common name or its
    name without the formal part ("Iran, Islamic Republic of" -> "Iran")."""
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].split(" (")[0]


def is_not_actor(name: str) -> bool:
    """A time zone, disease, religion, technical term, event or law, not a party."""
    k = key(name)
    words = k.split()
    return k in NOT_ACTORS or (len(words) > 1 and words[-1] in _LAW_WORDS)


def strip_leading_words(name: str) -> str:
    """Drop a sentence's opening word glued to a name ("Regarding Ashodaya")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
    return " ".join(words)
