"""The classifier's model (bot/adapters/nlp/architecture.py): features and output layer."""

from __future__ import annotations

import numpy
import pytest
import spacy

from bot.adapters.nlp.architecture import WordPieces, features, weighted_logistic

nlp = spacy.blank("en")


def test_word_pieces_carry_a_word_to_its_relatives() -> None:
    pieces = WordPieces(3, 5)
    vocab = nlp.vocab.strings
    complained = set(pieces(vocab.add("complained"), "complained").tolist())
    complaint = set(pieces(vocab.add("complaint"), "complaint").tolist())
    budget = set(pieces(vocab.add("budget"), "budget").tolist())
    assert len(complained & complaint) >= 8  # "<co", "com", "compl", "plai", ...
    assert not complained & budget


def test_features_count_words_bigrams_and_pieces() -> None:
    doc = nlp("bins bins missed")
    words, word_counts = features(doc, ngram_size=2, pieces=None)[0]
    assert len(words) == 4  # bins, missed, "bins bins", "bins missed"
    assert sorted(word_counts.tolist()) == [1, 1, 1, 2]
    groups = features(nlp("bins bins missed"), ngram_size=2, pieces=WordPieces(3, 3))
    assert len(groups) == 2
    keys, counts = groups[1]
    assert len(keys) == len(set(keys.tolist()))  # unique keys, counts summed per piece
    assert counts.max() == 2  # "<bi", "bin", "ins", "ns>" come from "bins" twice


def test_features_are_kept_on_the_doc_for_the_second_component() -> None:
    doc = nlp("please send the minutes")
    first = features(doc, ngram_size=2, pieces=WordPieces(3, 5))
    assert features(doc, ngram_size=2, pieces=WordPieces(3, 5))[1] is first[1]
    # A words-only component shares the words group; another n-gram size does not.
    words_only = features(doc, ngram_size=2, pieces=None)
    assert len(words_only) == 1 and words_only[0] is first[0]
    trigrams = features(doc, ngram_size=3, pieces=None)[0]
    assert trigrams is not first[0] and len(trigrams[0]) == len(first[0][0]) + 2


@pytest.mark.parametrize("cross_entropy", [False, True])
def test_weighted_logistic_scales_positive_labels(cross_entropy: bool) -> None:
    layer = weighted_logistic(positive_weight=4.0, cross_entropy=cross_entropy)
    logits = numpy.array([[0.0, 2.0]], dtype="float32")
    p, backprop = layer(logits, is_train=True)
    assert numpy.allclose(p, 1 / (1 + numpy.exp(-logits)))
    truth = numpy.array([[1.0, 0.0]], dtype="float32")  # first label positive
    d_logits = backprop(p - truth)  # what spaCy's textcat passes back
    slope = numpy.ones_like(p) if cross_entropy else p * (1 - p)
    expected = (p - truth) * slope * numpy.array([[4.0, 1.0]], dtype="float32")
    assert numpy.allclose(d_logits, expected)


def test_weighted_logistic_with_weight_one_is_thincs_logistic() -> None:
    from thinc.api import Logistic

    logits = numpy.array([[-1.0, 0.5, 3.0]], dtype="float32")
    grad = numpy.array([[-0.2, 0.3, -0.9]], dtype="float32")
    ours, ours_back = weighted_logistic(1.0, cross_entropy=False)(logits, is_train=True)
    theirs, theirs_back = Logistic()(logits, is_train=True)
    assert numpy.allclose(ours, theirs)
    assert numpy.allclose(ours_back(grad), theirs_back(grad))
