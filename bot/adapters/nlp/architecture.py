"""The classifier's model: a TF-IDF weighted bag of words, and optionally of word
pieces, feeding one linear layer. Registered with spaCy as
``protocol_bot.TextCatSubwordBOW.v1``.

Up to two groups of features describe an email:

- words: unigrams and bigrams of the lower-cased tokens (spaCy's ORTH of the prepared
  text), as in a classic TF-IDF classifier;
- word pieces (``char_ngrams``, e.g. [3, 5]; [0, 0] turns them off, as the shipped
  config does): character n-grams of each token padded as ``<token>``, as fastText's
  subwords or scikit-learn's ``char_wb``. "complained" shares pieces with
  "complaint", a typo ("recieve") with the right spelling. With eleven corpus writers
  they no longer paid their way (nlp_models/MODEL_CARD.md, "choices").

Each group is weighted (1 + log count) x idf, L2-normalised per email, and scaled so
both groups weigh the same; long emails then weigh no more than short ones and common
words less than telling ones. The idf table (hashed, fitted on the training split by
``fit_idf``) is a parameter saved with the model.

For concerns the output is a logistic per label, trained by ``weighted_logistic``:
cross-entropy with each positive label's gradient scaled by ``positive_weight``, as
scikit-learn's ``class_weight="balanced"`` does for a rare class.

spaCy and thinc are imported inside ``register``: importing this module costs nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc
    from thinc.api import Model
    from thinc.types import Floats2d

SUBWORD_BOW = "protocol_bot.TextCatSubwordBOW.v1"
_T = TypeVar("_T")
MIN_DF = 2  # a feature in fewer training emails than this can be memorised, not learnt
_CACHE_LIMIT = 200_000  # word -> pieces entries kept (a long-running daemon meets new words)


class WordPieces:
    """Hashed character n-grams of a word, cached by the word's id (a word costs once)."""

    def __init__(self, low: int, high: int) -> None:
        from spacy.strings import hash_string  # type: ignore[attr-defined]

        self.low, self.high = low, high
        self._hash = hash_string
        self._cache: dict[int, numpy.ndarray] = {}

    def __call__(self, orth: int, text: str) -> numpy.ndarray:
        pieces = self._cache.get(orth)
        if pieces is None:
            import numpy

            padded = f"<{text}>"
            grams = {
                padded[i : i + n]
                for n in range(self.low, self.high + 1)
                for i in range(len(padded) - n + 1)
            }
            pieces = numpy.fromiter(
                (self._hash(g) for g in sorted(grams)), dtype="uint64", count=len(grams)
            )
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[orth] = pieces
        return pieces


def features(
    doc: Doc, ngram_size: int, pieces: WordPieces | None
) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
    """An email's features as (unique keys, counts), one pair per group. Each group is
    kept on the doc (``doc.user_data``), so the other component of the pipeline does
    not compute it again: word pieces are a third of the time per email."""
    groups = [_kept(doc, f"protocol_bot.words.{ngram_size}", lambda: _words(doc, ngram_size))]
    if pieces is not None:
        key = f"protocol_bot.pieces.{pieces.low}.{pieces.high}"
        groups.append(_kept(doc, key, lambda: _pieces(doc, pieces)))
    return groups


def _kept(doc: Doc, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, once per doc: the result is kept in ``doc.user_data[key]``."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    return doc.user_data[key]


def _orths(doc: Doc) -> numpy.ndarray:
    """The doc's token ids, shared by the words and the pieces groups."""
    import numpy
    from spacy.attrs import ORTH

    return _kept(
        doc,
        "protocol_bot.orths",
        lambda: numpy.ascontiguousarray(doc.to_array([ORTH]), dtype="uint64"),
    )


def _words(doc: Doc, ngram_size: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Word unigrams up to ``ngram_size``-grams, hashed by thinc as spaCy's BOW does."""
    import numpy
    from thinc.api import NumpyOps

    ops = NumpyOps()
    orths = _orths(doc)
    grams = [orths] + [ops.ngrams(n, orths) for n in range(2, ngram_size + 1)]
    keys, counts = numpy.unique(numpy.concatenate(grams), return_counts=True)
    return keys, counts


def _pieces(doc: Doc, pieces: WordPieces) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Each word's pieces, counted as often as the word occurs."""
    import numpy

    words, counts = numpy.unique(_orths(doc), return_counts=True)
    strings = doc.vocab.strings
    per_word = [pieces(int(o), strings[int(o)]) for o in words]
    keys = numpy.concatenate(per_word) if per_word else numpy.zeros(0, dtype="uint64")
    weights = numpy.repeat(counts, [len(p) for p in per_word])
    unique, inverse = numpy.unique(keys, return_inverse=True)
    return unique, numpy.bincount(inverse, weights=weights)


def fit_idf(model: Model, docs: Sequence[Doc]) -> None:
    """Set the idf table from document frequencies in ``docs`` (the training split),
    smoothed as scikit-learn does; features in fewer than MIN_DF emails get weight 0,
    and so do features never seen in training."""
    import numpy

    node = model.get_ref("tfidf")
    size = node.attrs["idf_length"]
    df = numpy.zeros((size,), dtype="float64")
    for doc in docs:
        for keys, _ in node.attrs["featurize"](doc):
            numpy.add.at(df, keys % size, 1.0)
    idf = numpy.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    idf[df < MIN_DF] = 0.0
    node.set_param("idf", idf.astype("float32"))  # type: ignore[arg-type]


def weighted_logistic(positive_weight: float, cross_entropy: bool) -> Model:
    """A sigmoid output whose backward pass turns spaCy's textcat gradient (p - y, the
    gradient of squared error) into that of cross-entropy (p - y with respect to the
    logit; thinc's ``Logistic`` multiplies by the sigmoid's slope, which vanishes for a
    confident mistake), and scales positive labels (y = 1, so p - y < 0) by
    ``positive_weight``: each concern is in about one email in ten."""
    from thinc.api import Model

    def forward(model: Model, X: Floats2d, is_train: bool) -> tuple:
        Y = model.ops.sigmoid(X, inplace=False)

        def backprop(dY: Floats2d) -> Floats2d:
            d = dY if cross_entropy else dY * model.ops.dsigmoid(Y, inplace=False)
            if positive_weight != 1.0:
                d = model.ops.xp.where(dY < 0, d * positive_weight, d)
            return d

        return Y, backprop

    return Model("weighted_logistic", forward)


@functools.cache
def register() -> None:
    """Register the architecture with spaCy (once, lazily)."""
    import numpy
    from spacy.util import registry
    from thinc.api import Model, SparseLinear_v2, chain, resizable
    from thinc.layers.resizable import resize_linear_weighted
    from thinc.layers.softmax_activation import softmax_activation

    def tfidf_forward(model: Model, docs: Sequence[Doc], is_train: bool) -> tuple:
        idf = model.get_param("idf")
        all_keys, all_values, lengths = [], [], []
        for doc in docs:
            groups = model.attrs["featurize"](doc)
            scale = 1.0 / numpy.sqrt(len(groups))
            n = 0
            for keys, counts in groups:
                values = (1.0 + numpy.log(counts)) * idf[keys % idf.shape[0]]
                norm = numpy.sqrt(numpy.dot(values, values))
                all_keys.append(keys)
                all_values.append(values * (scale / max(norm, 1e-12)))
                n += len(keys)
            lengths.append(n)
        keys = numpy.concatenate(all_keys) if all_keys else numpy.zeros(0, dtype="uint64")
        values = numpy.concatenate(all_values) if all_values else numpy.zeros(0)
        out = (keys, values.astype("float32"), numpy.asarray(lengths, dtype="int32"))
        return out, lambda d_output: []

    def tfidf_init(model: Model, X: object = None, Y: object = None) -> None:
        if not model.has_param("idf"):
            model.set_param("idf", model.ops.alloc1f(model.attrs["idf_length"]) + 1.0)

    def build(
        exclusive_classes: bool,
        ngram_size: int = 2,
        char_ngrams: Sequence[int] = (3, 5),
        length: int = 262144,
        idf_length: int = 262144,
        positive_weight: float = 1.0,
        cross_entropy: bool = False,
        nO: int | None = None,
    ) -> Model:
        """``char_ngrams`` [low, high] piece lengths; [0, 0] for words only.
        ``positive_weight`` and ``cross_entropy`` apply to the multi-label output."""
        low, high = (int(x) for x in char_ngrams)
        pieces = WordPieces(low, high) if low > 0 else None
        featurize = functools.partial(features, ngram_size=ngram_size, pieces=pieces)
        tfidf: Model = Model(
            "subword_tfidf",
            tfidf_forward,
            init=tfidf_init,
            params={"idf": None},
            attrs={"idf_length": idf_length, "featurize": featurize},
        )
        sparse_linear = SparseLinear_v2(nO=nO, length=length)
        output = (
            softmax_activation()
            if exclusive_classes
            else weighted_logistic(positive_weight, cross_entropy)
        )
        fill_defaults = {"b": -5000, "W": 0}  # as spaCy's BOW: new labels start "off"
        linear: Model = resizable(
            sparse_linear,
            resize_layer=functools.partial(resize_linear_weighted, fill_defaults=fill_defaults),
        )
        model: Model = chain(tfidf, linear, output)
        if nO is not None:
            model.set_dim("nO", nO)
        model.set_ref("output_layer", sparse_linear)
        model.set_ref("tfidf", tfidf)
        model.attrs["multi_label"] = not exclusive_classes
        return model

    registry.architectures.register(SUBWORD_BOW, func=build)


def describe(model: Any) -> str:  # pragma: no cover - a debugging aid
    node = model.get_ref("tfidf")
    return f"subword tf-idf, idf table {node.attrs['idf_length']}"
