"""The spaCy member-request classifier (bot.ports.Classifier).

The model folder holds a blank English pipeline with an exclusive ``textcat`` (kind)
and a ``textcat_multilabel`` (concerns), plus ``thresholds.json``: a cut-off per concern
tuned on the dev split, and ``unsure``, the probability of the chosen kind below which
the answer is flagged unsure: then even a kind that starts no clock ("other", or one
the council does not track, such as complaints) is treated as a request.

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
        council_domains: frozenset[str] = frozenset(),
    ) -> None:
        self.nlp = nlp
        # The council's own mail domains: a quoted reply from them is history, not the ask.
        self.council_domains = council_domains
        self.concern_thresholds = {
            label: float((concern_thresholds or {}).get(label, DEFAULT_CONCERN_THRESHOLD))
            for label in CONCERN_LABELS
        }
        self.unsure_threshold = unsure_threshold

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        *,
        council_domains: frozenset[str] = frozenset(),
        unsure_threshold: float | None = None,
    ) -> SpacyClassifier:
        """Load a model folder (default: the one bundled in the installed package).
        ``unsure_threshold`` overrides the model's own (``[classifier]`` in the config)."""
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
            unsure_threshold=float(
                unsure_threshold
                if unsure_threshold is not None
                else settings.get("unsure", DEFAULT_UNSURE)
            ),
            council_domains=council_domains,
        )

    def classify(self, messages: Sequence[Message]) -> list[Classification]:
        return self.classify_texts((m.subject, m.text or "") for m in messages)

    def classify_texts(self, items: Iterable[tuple[str, str]]) -> list[Classification]:
        """Classify (subject, body) pairs, in order."""
        return [self._decide(scores) for scores in self.scores_texts(items)]

    def scores_texts(self, items: Iterable[tuple[str, str]]) -> Iterable[dict[str, float]]:
        """Raw probabilities for every kind and concern label, one dict per email."""
        texts = (model_text(subject, body, self.council_domains) for subject, body in items)
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
        # answer may stop the clock (the rule decides; this only says how sure).
        unsure = scores.get(kind.value, 0.0) < self.unsure_threshold
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
