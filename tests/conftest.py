"""Shared fixtures: a deterministic fake encoder and throw-away project homes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import Settings

REPO = Path(__file__).resolve().parent.parent


class FakeEncoder:
    """Hashes character bigrams into a small vector: same text, same vector, no model."""

    name = "fake-bigram-64"
    dim = 64

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for a, b in zip(t, t[1:]):
                h = int.from_bytes(hashlib.md5((a + b).encode()).digest()[:4], "little")
                out[i, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


@pytest.fixture
def fake_encoder():
    return FakeEncoder()


@pytest.fixture
def home(tmp_path) -> Path:
    """A project home holding a copy of the shipped corpus and no index."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    return tmp_path


@pytest.fixture
def settings(home) -> Settings:
    return Settings(home=home, encoder=FakeEncoder.name)


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory):
    """The real pipeline (default encoder) on the shipped corpus, index in a temp folder."""
    from assistant.pipeline import Assistant

    index_dir = tmp_path_factory.mktemp("index")
    return Assistant(Settings(home=REPO, index_dir=index_dir), log=lambda m: None)
