"""Retrieve: rank chunks for a question by fused lexical (BM25) and dense scores.

Both scripts are normalised to Simplified before matching. The dense score of a chunk is
that of its best-matching sentence, so a long item is not diluted by its other sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .chunk import Chunk
from .embed import Encoder
from .expand import expand_query
from .index import Index, chunk_title
from .lexical import BM25, tokenize
from .script import has_cjk, to_simplified


RELATED_WEIGHT = 0.95  # related rules sit beside the main policy, a step behind it
UNIT_SHARE = 0.3  # weight of the best sentence's BM25 beside the whole chunk's

EXAMPLE_OPENERS = ("例如", "比如", "举例", "舉例", "譬如")


@dataclass(frozen=True)
class Hit:
    """One ranked chunk with the scores that put it there."""

    chunk: Chunk
    score: float
    lexical: float  # normalised 0..1 within this query
    dense: float  # best sentence cosine similarity (raw)
    best_unit: tuple[int, int] | None  # (start, end) of the best-matching sentence
    position: int  # the chunk's position in the index


def _minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)


class Retriever:
    """Hybrid retriever over a loaded index."""

    def __init__(self, index: Index, encoder: Encoder | None, dense_weight: float = 0.5):
        self.index = index
        self.encoder = encoder if index.vectors is not None else None
        self.dense_weight = dense_weight if self.encoder else 0.0
        self.bm25 = BM25(index.tokens)
        self._unit_chunk = np.array([u.chunk for u in index.units], dtype=np.int64)
        # sentence-level BM25: a chunk is as good as its best sentence, as on the dense side
        unit_tokens = []
        for u in index.units:
            c = index.chunks[u.chunk]
            unit_tokens.append(tokenize(to_simplified(
                chunk_title(c) + " " + c.text[u.start - c.start:u.end - c.start])))
        self.unit_bm25 = BM25(unit_tokens)
        related = {d["id"] for d in index.manifest.get("documents", []) if d.get("kind") == "related"}
        self._weight = np.array([(0.85 if c.text.lstrip().startswith(EXAMPLE_OPENERS) else 1.0)
                                 * (RELATED_WEIGHT if c.doc_id in related else 1.0)
                                 for c in index.chunks], dtype=np.float32)

    def search(self, question: str, k: int = 8, query_vector: np.ndarray | None = None) -> list[Hit]:
        """Top-k chunks for a question in any script (or English)."""
        chunks = self.index.chunks
        if not chunks:
            return []
        simplified = to_simplified(question)  # the glossary is in Simplified
        own = tokenize(simplified)
        # policy terms the wording maps to, each once: a term the asker typed is not doubled
        tokens = own + [t for t in tokenize(expand_query(simplified)[len(simplified):])
                        if t not in own]
        lex = np.array(self.bm25.scores(tokens), dtype=np.float32)
        unit_lex = np.zeros(len(chunks), dtype=np.float32)
        if len(self._unit_chunk):
            np.maximum.at(unit_lex, self._unit_chunk, np.array(self.unit_bm25.scores(tokens), dtype=np.float32))
        lex_n = (1 - UNIT_SHARE) * _minmax(lex) + UNIT_SHARE * _minmax(unit_lex)
        dense = np.zeros(len(chunks), dtype=np.float32)
        best = np.full(len(chunks), -1, dtype=np.int64)
        if self.encoder is not None and len(self.index.units):
            qv = query_vector if query_vector is not None else self.encoder.encode([to_simplified(question)])[0]
            sims = self.index.vectors @ qv
            # best sentence per chunk: sort by similarity, keep the first of each chunk
            order = np.argsort(-sims, kind="stable")
            _, first = np.unique(self._unit_chunk[order], return_index=True)
            top_units = order[first]
            dense[self._unit_chunk[top_units]] = sims[top_units]
            best[self._unit_chunk[top_units]] = top_units
        w = self.dense_weight
        if w and not has_cjk(question):
            # English questions barely match Chinese words; lean on the multilingual encoder.
            w = max(w, 0.8 if lex.max() > 0 else 1.0)
        fused = (1 - w) * lex_n + w * _minmax(dense) if w else lex_n
        fused = fused * self._weight  # worked examples rank below the rules they illustrate
        top = np.argsort(-fused, kind="stable")[:k]
        hits = []
        for i in top:
            u = best[i]
            span = (self.index.units[u].start, self.index.units[u].end) if u >= 0 else None
            hits.append(Hit(chunk=chunks[i], score=float(fused[i]), lexical=float(lex_n[i]),
                            dense=float(dense[i]), best_unit=span, position=int(i)))
        return hits
