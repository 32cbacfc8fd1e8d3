"""Linking quote speakers to actor clusters.

A quote whose ``speaker_name`` is resolved must end up with an actor: the
speaker name is looked up among the clusters (a bare title such as "the
President" goes to the person last given that title; then the same name or
country, the full name a surname or given name belongs to, the entity the
speaker mention mostly covers, a near spelling) and, failing all that,
becomes a new actor.  The quote's ``speaker_mention`` then counts as a
mention of it: "name", "pronoun" or "description".
"""
from __future__ import annotations

from rapidfuzz import fuzz

from desktop.core.model import (
    MENTION_DESCRIPTION,
    MENTION_NAME,
    MENTION_PRONOUN,
    Mention,
    Quote,
    Span,
)
from desktop.nlp.actors import names, persons
from desktop.nlp.actors.cluster import Grouper
from desktop.nlp.actors.mentions import Cluster
from desktop.nlp.actors.quote_index import ClusterIndex


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def cluster_at(grouper: Grouper, span: Span, share: float = 0.0,
               index: ClusterIndex | None = None) -> Cluster | None:
    """The cluster owning an entity that overlaps ``span`` (by more than
    ``share`` of the span's length), if any; ``index``: the grouper's
    clusters indexed, to answer without a scan."""
    if index is not None:
        return index.cluster_at(span, share)
    for cluster in grouper.alive():
        for cand in cluster.cands:
            common = min(cand.end, span.end) - max(cand.start, span.start)
            if common > 0 and common > share * (span.end - span.start):
                return cluster
    return None


def _pick(hits: list[Cluster], preferred: Cluster | None, position: int) -> Cluster | None:
    """One cluster out of several: the one the mention is in, else the most
    recently mentioned before ``position``, else the first."""
    if not hits:
        return None
    if preferred in hits or len(hits) == 1:
        return preferred if preferred in hits else hits[0]
    scored = [(max([p for p in c.positions() if p < position], default=-1), i)
              for i, c in enumerate(hits)]
    return hits[max(scored)[1]]


def find_speaker(grouper: Grouper, name: str, mention: Span | None,
                 position: int, index: ClusterIndex | None = None) -> Cluster | None:
    """The existing cluster a resolved speaker name refers to, or None.

    ``index``: the grouper's clusters indexed as they are now (made here if
    not given)."""
    if index is None:
        index = ClusterIndex(grouper)
    at_mention = cluster_at(grouper, mention, index=index) if mention is not None else None
    cleaned = names.clean_name(name)
    stripped, had = names.strip_title(cleaned)
    forms = [stripped, cleaned] if had else [cleaned]
    # A bare title ("the President said"): the person last given that title.
    title = names.bare_title(cleaned)
    if title:
        hits = index.with_title(title)
        if hits:
            return _pick(hits, at_mention, position)
    for form in forms:
        k = names.key(form)
        target = grouper.alias_target.get(k)
        if target is not None:
            k = names.key(target)
        hits = index.find_by_key(k)
        code = names.country_code(form)
        if code:
            hits += [c for c in index.of_country(code) if c not in hits]
        if hits:
            return _pick(hits, at_mention, position)
    # Person names: "Hillary Clinton" for "Hillary Rodham Clinton", "Scholz"
    # for "Olaf Scholz".
    parsed = persons.parse_person(stripped)
    if parsed.is_full:
        hits = index.same_people(parsed)
        if hits:
            return _pick(hits, at_mention, position)
    elif " " not in stripped:
        people, people_index = index.people()
        found = grouper.person_for_short(names.key(stripped), position, people,
                                         index=people_index)
        if found is not None:
            return found
    # The mention is mostly an entity of some cluster: "Detective Constable
    # Daniel Dubé" for the speaker "Constable Daniel Dubé".  (Not a mere
    # overlap: "the Kremlin spokesman Dmitry Peskov" is not the Kremlin.)
    if mention is not None:
        owner = cluster_at(grouper, mention, share=0.5, index=index)
        if owner is not None:
            return owner
    # Near spellings of any known name.
    k = names.key(stripped)
    if len(k) >= 5:
        # The best (latest on a tie) of every cluster's keys of five letters
        # or more; those far from 92 cannot be it.
        scored = [(fuzz.ratio(k, ck), i) for ck, i in index.near_keys(k)]
        if scored and max(scored)[0] >= 92:
            return index.order[max(scored)[1]]
    return None


def mention_kind(text: str, span: Span, cluster: Cluster) -> str:
    """"name" if the words are a name of the cluster's actor, else "pronoun"
    or "description"."""
    words = names.clean_name(text[span.start:span.end])
    if words.lower() in names.PRONOUNS:
        return MENTION_PRONOUN
    stripped, _ = names.strip_title(words)
    keys = cluster.keys()
    for form in (words, stripped):
        k = names.key(form)
        if k in keys:
            return MENTION_NAME
        if " " not in k and any(persons.short_name_matches(k, f) for f in cluster.full_names()):
            return MENTION_NAME
    return MENTION_DESCRIPTION


def _drop_modifiers(grouper: Grouper, span: Span, speaker: Cluster,
                    index: ClusterIndex | None = None) -> list[Cluster]:
    """A nationality inside a speaker's description ("the German leader")
    qualifies the speaker; it is no mention of the Germans.  Returns the
    clusters that lost a mention.  ``index``: the clusters indexed, so that
    only those with an entity inside the description are looked at."""
    dropped = []
    for cluster in grouper.alive() if index is None else index.within(span):
        if cluster is speaker:
            continue
        kept = [c for c in cluster.cands if not (
            c.label == "NORP" and span.start <= c.start and c.end <= span.end)]
        if len(kept) != len(cluster.cands):
            dropped.append(cluster)
        cluster.cands = kept
    return dropped


def attach(grouper: Grouper, cluster: Cluster, quote: Quote,
           index: ClusterIndex | None = None) -> list[Cluster]:
    """Count the quote for ``cluster`` and add its speaker mention.  Returns
    the other clusters that lost a mention on the way (see _drop_modifiers)."""
    cluster.quote_count += 1
    span = quote.speaker_mention
    if span is None or span.end <= span.start:
        return []
    kind = mention_kind(grouper.text, span, cluster)
    dropped = _drop_modifiers(grouper, span, cluster, index) if kind == MENTION_DESCRIPTION else []
    words = grouper.text[span.start:span.end].lower()
    if kind == MENTION_PRONOUN and words in names.PERSON_PRONOUNS:
        cluster.person_pronouns += 1  # "he said": the speaker is a person
    taken = [(c.start, c.end) for c in cluster.cands] + [
        (m.start, m.end) for m in cluster.speaker_mentions]
    if any(_overlaps(s, e, span.start, span.end) for s, e in taken):
        return dropped  # already counted, e.g. the entity "Putin" in "Putin said"
    cluster.speaker_mentions.append(Mention(span.start, span.end, kind))
    return dropped


def link_quotes(grouper: Grouper, quotes: list[Quote]) -> list[Cluster | None]:
    """The cluster of each quote's speaker (None when the quote has none).

    Resolved speakers always get a cluster, new if need be.  An unresolved
    quote is linked only when its speaker mention is exactly an entity of a
    cluster, which is evidence enough.
    """
    out: list[Cluster | None] = []
    # The clusters change only when a quote adds one or drops a nationality.
    index = ClusterIndex(grouper)
    for quote in quotes:
        mention = quote.speaker_mention
        position = mention.start if mention is not None else quote.start
        cluster: Cluster | None = None
        if quote.speaker_name and quote.resolved:
            cluster = find_speaker(grouper, quote.speaker_name, mention, position, index)
            if cluster is None:
                cleaned = names.clean_name(quote.speaker_name)
                cluster = Cluster(extra_names=[names.strip_title(cleaned)[0] or cleaned])
                grouper.clusters.append(cluster)
        elif mention is not None:
            owner = cluster_at(grouper, mention, index=index)
            if owner is not None and any(
                (c.start, c.end) == (mention.start, mention.end) for c in owner.cands
            ):
                cluster = owner
            else:
                cluster = _group_for(grouper, quote, index)
        if cluster is not None:
            if not index.knows(cluster):
                index.add(cluster)
            dropped = attach(grouper, cluster, quote, index)
            if dropped:
                index.rebuild(dropped)
        out.append(cluster)
    return out


# Collective nouns that speak for many ("police said").
_COLLECTIVE = frozenset("police staff crowd public military clergy media press".split())
_PREPOSITIONS = frozenset("in of from at for with on by near inside outside across".split())
# Plural things that "say" in news but are nobody: "reports said".
_THINGS = frozenset("""
reports documents figures statistics studies statements records polls estimates
results findings data papers images photos videos posts tweets messages claims
accounts surveys analyses filings rulings
""".split())


def group_name(text: str, quote: Quote) -> str | None:
    """The group an unresolved plural speaker stands for ("U.S. officials",
    "witnesses"), or None for a single unnamed person or a pronoun.  A
    capital only there because the sentence starts with the word is dropped."""
    name = " ".join((quote.speaker_name or "").split())
    words = name.split()
    if not words or name.lower() in names.PRONOUNS:
        return None
    # The head comes before a prepositional phrase: "a commander in the
    # eastern territories" is one person, "officials in Kyiv" a group.
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    words = words[:cut]
    first = words[0]
    span = quote.speaker_mention
    before = text[:span.start].rstrip(" \t\"“‘'") if span is not None else ""
    if (not before or before[-1] in ".!?\n:") and first.isalpha() and first[1:].islower():
        words[0] = first.lower()
    last = words[-1]
    plural = last.isalpha() and last.islower() and last not in _THINGS and (
        last in _COLLECTIVE or (last.endswith("s") and not last.endswith(("ss", "us", "is"))))
    return " ".join(words) if plural else None


def _group_for(grouper: Grouper, quote: Quote, index: ClusterIndex | None = None) -> Cluster | None:
    """The group actor of an unresolved plural speaker: unresolved still,
    but counted, one actor per group name in the article.  ``index``: the
    clusters indexed (only those with the group's key are looked at)."""
    name = group_name(grouper.text, quote)
    if name is None:
        return None
    k = names.key(name)
    for cluster in grouper.alive() if index is None else index.find_by_key(k):
        if cluster.unnamed_group and k in cluster.keys():
            return cluster
    cluster = Cluster(extra_names=[name], unnamed_group=True)
    grouper.clusters.append(cluster)
    return cluster
