"""The spaCy member-request classifier (bot.ports.Classifier).

The model folder holds a blank English pipeline with an exclusive ``textcat`` (kind)
and a ``textcat_multilabel`` (concerns), plus ``thresholds.json``: a cut-off per concern
tuned on the dev split, and ``unsure``, the P(other) below which an "other" answer is
flagged unsure so the response clock still runs.

spaCy is imported only inside ``load``: importing this module costs nothing, so the
rest of the bot starts fast and commands that never classify never load spaCy.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.adapters.nlp.architecture import register as register_architecture
from bot.adapters.nlp.textprep import model_text
from bot.errors import UserError
from bot.model.classification import Classification, Concern, Kind
from bot.model.message import Message

if TYPE_CHECKING:
    from spacy.language import Language

KIND_LABELS: tuple[str, ...] = tuple(k.value for k in Kind)
CONCERN_LABELS: tuple[str, ...] = tuple(c.value for c in Concern)
DEFAULT_UNSURE = 0.6
DEFAULT_CONCERN_THRESHOLD = 0.5
BATCH_SIZE = 256


def bundled_model_dir() -> Path:
    from importlib.resources import files

    root = files("nlp_models")
    if not isinstance(root, Path):  # spaCy reads real files; zipped installs are unsupported
        raise UserError("nlp_models must be installed as files, not inside a zip archive")
    return root / "member_requests"


class SpacyClassifier:
    """Labels member emails with a kind and concerns (docs/taxonomy.md)."""

    def __init__(
        self,
        nlp: Language,
        concern_thresholds: dict[str, float] | None = None,
        unsure_threshold: float = DEFAULT_UNSURE,
    ) -> None:
        self.nlp = nlp
        self.concern_thresholds = {
            label: float((concern_thresholds or {}).get(label, DEFAULT_CONCERN_THRESHOLD))
            for label in CONCERN_LABELS
        }
        self.unsure_threshold = unsure_threshold

    @classmethod
    def load(cls, path: Path | None = None) -> SpacyClassifier:
        """Load a model folder (default: the one bundled in the installed package)."""
        model_dir = Path(path) if path is not None else bundled_model_dir()
        if not (model_dir / "meta.json").is_file():
            raise UserError(
                f"no classifier model in {model_dir}: train one with 'protocol-bot train'"
            )
        import spacy

        register_architecture()
        nlp = spacy.load(model_dir)
        missing = {"textcat", "textcat_multilabel"} - set(nlp.pipe_names)
        if missing:
            raise UserError(f"{model_dir} is not a member-request model (no {sorted(missing)})")
        settings: dict = {}
        thresholds_file = model_dir / "thresholds.json"
        if thresholds_file.is_file():
            try:
                settings = json.loads(thresholds_file.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise UserError(f"{thresholds_file}: not valid JSON ({exc})") from exc
        return cls(
            nlp,
            concern_thresholds=settings.get("concerns"),
            unsure_threshold=float(settings.get("unsure", DEFAULT_UNSURE)),
        )

    def classify(self, messages: Sequence[Message]) -> list[Classification]:
        return self.classify_texts((m.subject, m.text or "") for m in messages)

    def classify_texts(self, items: Iterable[tuple[str, str]]) -> list[Classification]:
        """Classify (subject, body) pairs, in order."""
        return [self._decide(scores) for scores in self.scores_texts(items)]

    def scores_texts(self, items: Iterable[tuple[str, str]]) -> Iterable[dict[str, float]]:
        """Raw probabilities for every kind and concern label, one dict per email."""
        texts = (model_text(subject, body) for subject, body in items)
        for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE):
            yield dict(doc.cats)

    def _decide(self, scores: dict[str, float]) -> Classification:
        kind = Kind(max(KIND_LABELS, key=lambda label: scores.get(label, 0.0)))
        concerns = tuple(
            Concern(label)
            for label in CONCERN_LABELS
            if scores.get(label, 0.0) >= self.concern_thresholds[label]
        )
        # A missed acknowledgement costs more than a needless one: only a confident
        # "other" stops the clock.
        unsure = kind is Kind.OTHER and scores.get(Kind.OTHER.value, 0.0) < self.unsure_threshold
        return Classification(
            kind=kind,
            concerns=concerns,
            scores={label: float(scores.get(label, 0.0)) for label in KIND_LABELS + CONCERN_LABELS},
            unsure=unsure,
        )


@functools.cache
def bundled() -> SpacyClassifier:
    """The bundled model, loaded once per process."""
    return SpacyClassifier.load()
