"""Language of a text: French or English, the two languages suivi reads."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SUPPORTED = ("fr", "en")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # py3langid ships its model inside the package: no download, deterministic answers.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(SUPPORTED))
    return identifier


def detect_language(text: str) -> str:
    """Return ``"fr"`` or ``"en"`` for ``text`` (French when there is nothing to judge)."""
    sample = text[:5000]
    if not sample.strip():
        return "fr"
    label, _score = _identifier().classify(sample)
    return str(label)
