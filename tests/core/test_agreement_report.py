"""Highlights become token units: the report's figures equal the reference
implementations run on token tables a reader can check by eye."""
from __future__ import annotations

import pytest

from desktop.core.agreement_report import ALL_TAGS, ArticleCodings, Coding, agreement_report, tokens
from tests.core.test_agreement import package_alpha, reference_kappa

TEXT = "Putin met Macron in Moscow. They talked for five hours, aides said."
#        0     1   2      3  4     5 6    7      8   9    10   11 12  13 14


def at(word: str, last: str | None = None) -> tuple[int, int]:
    start = TEXT.index(word)
    end = TEXT.index(last) + len(last) if last else start + len(word)
    return start, end


def coding(coder: str, tag: str, word: str, last: str | None = None) -> Coding:
    return Coding(coder, *at(word, last), tag)


def test_tokens_are_words_and_punctuation():
    assert [TEXT[s:e] for s, e in tokens(TEXT)][:7] == ["Putin", "met", "Macron", "in", "Moscow", ".", "They"]
    assert len(tokens(TEXT)) == 15


def two_coders() -> ArticleCodings:
    return ArticleCodings(1, "Talks", TEXT, [
        coding("ann", "Claim", "Putin", "Moscow"),   # tokens 0-4
        coding("bob", "Claim", "Putin", "Macron"),   # tokens 0-2
        coding("ann", "Evidence", "five", "hours"),  # tokens 9-10
        coding("bob", "Evidence", "five", "hours"),
    ])


def test_two_coders_per_tag_against_the_references():
    report = agreement_report([two_coders()], ["ann", "bob"], ["Claim", "Evidence"])
    claim = report.tags[0]
    ann = [1] * 5 + [0] * 10
    bob = [1] * 3 + [0] * 12
    assert claim.alpha.value == pytest.approx(package_alpha([ann, bob]), abs=1e-9)
    assert claim.kappa[("ann", "bob")].value == pytest.approx(reference_kappa(ann, bob), abs=1e-9)
    assert claim.percent.value == pytest.approx(13 / 15)
    assert (claim.alpha.units, claim.alpha.coders) == (15, 2)
    assert claim.f1_exact[("ann", "bob")].value == 0.0
    assert claim.f1_overlap[("ann", "bob")].value == 1.0
    evidence = report.tags[1]
    assert evidence.alpha.value == pytest.approx(1.0)
    assert evidence.f1_exact[("ann", "bob")].value == 1.0


def test_overall_alpha_takes_each_tokens_set_of_tags_as_one_value():
    report = agreement_report([two_coders()], ["ann", "bob"], ["Claim", "Evidence"])
    # 1 = Claim, 2 = Evidence, 0 = none
    ann = [1] * 5 + [0] * 4 + [2, 2] + [0] * 4
    bob = [1] * 3 + [0] * 6 + [2, 2] + [0] * 4
    assert report.overall.tag == ALL_TAGS
    assert report.overall.alpha.value == pytest.approx(package_alpha([ann, bob]), abs=1e-9)
    assert report.overall.kappa[("ann", "bob")].value == pytest.approx(reference_kappa(ann, bob), abs=1e-9)
    # spans: ann 2, bob 2; exact: Evidence only; overlapping: all four
    assert report.overall.f1_exact[("ann", "bob")].value == pytest.approx(0.5)
    assert report.overall.f1_overlap[("ann", "bob")].value == pytest.approx(1.0)


def test_three_coders_and_an_article_one_coder_skipped():
    first = two_coders()
    first.codings.append(coding("cy", "Claim", "Putin", "Moscow"))
    second = ArticleCodings(2, "Other", "Aides said so. Nobody else did.", [
        Coding("ann", 0, 5, "Claim"), Coding("cy", 0, 14, "Claim"),  # bob did not code it
    ])
    lonely = ArticleCodings(3, "Only ann", "Nothing here.", [Coding("ann", 0, 7, "Claim")])
    report = agreement_report([first, second, lonely], ["ann", "bob", "cy"], ["Claim"])
    ann = [1] * 5 + [0] * 10 + [1, 0, 0, 0, 0, 0, 0, 0]
    bob = [1] * 3 + [0] * 12 + [None] * 8
    cy = [1] * 5 + [0] * 10 + [1, 1, 1, 1, 0, 0, 0, 0]
    claim = report.tags[0]
    assert claim.alpha.value == pytest.approx(package_alpha([ann, bob, cy]), abs=1e-9)
    assert (claim.alpha.units, claim.alpha.coders) == (23, 3)
    assert claim.kappa[("ann", "bob")].value == pytest.approx(reference_kappa(ann, bob), abs=1e-9)
    assert claim.kappa[("ann", "bob")].units == 15
    assert claim.kappa[("ann", "cy")].value == pytest.approx(reference_kappa(ann, cy), abs=1e-9)
    assert [a.article_id for a in report.articles] == [2, 1]  # worst first; article 3 has one coder
    assert report.articles[0].coders == ["ann", "cy"]


def test_as_dict_carries_units_and_coders():
    data = agreement_report([two_coders()], ["ann", "bob"], ["Claim"]).as_dict()
    assert data["tags"][0]["alpha"]["units"] == 15
    assert data["tags"][0]["kappa"][0]["pair"] == ["ann", "bob"]
    assert data["tags"][0]["kappa"][0]["coders"] == 2
    assert data["articles"][0]["id"] == 1


def test_overall_figures_do_not_depend_on_unused_tags_even_past_a_bit_mask():
    article = two_coders()
    used = ["Claim", "Evidence"]
    plain = agreement_report([article], ["ann", "bob"], used).overall
    many = agreement_report([article], ["ann", "bob"], used + [f"Unused {i}" for i in range(70)]).overall
    assert many.alpha.value == pytest.approx(plain.alpha.value, abs=1e-12)
    assert many.kappa[("ann", "bob")].value == pytest.approx(plain.kappa[("ann", "bob")].value, abs=1e-12)
    assert many.percent.value == pytest.approx(plain.percent.value, abs=1e-12)
