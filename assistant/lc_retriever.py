"""The retriever as a LangChain `BaseRetriever`, for chains built on langchain-core.

    from assistant.lc_retriever import PolicyRetriever
    docs = PolicyRetriever.from_settings().invoke("人才公寓打几折")
    docs[0].metadata["section"], docs[0].metadata["start"], docs[0].metadata["end"]
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .pipeline import Assistant
from .settings import Settings


class PolicyRetriever(BaseRetriever):
    """Hybrid (BM25 + dense) retrieval over the policy index, returning LangChain Documents.

    Each Document's page_content is the verbatim chunk text; metadata carries `source`,
    `section`, `section_path`, `start`, `end` (offsets into the source file), `chunk_id`,
    `score` and, for PDF sources, `page`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any
    k: int = 5

    @classmethod
    def from_settings(cls, settings: Settings | None = None, k: int = 5, **kwargs) -> "PolicyRetriever":
        return cls(assistant=Assistant(settings, **kwargs), k=k)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[LCDocument]:
        docs = []
        for hit in self.assistant.search(query, k=self.k):
            c = hit.chunk
            meta = {"source": c.source, "section": c.section, "section_path": list(c.section_path),
                    "start": c.start, "end": c.end, "chunk_id": c.id, "score": round(hit.score, 4)}
            if c.page is not None:
                meta["page"] = c.page
            docs.append(LCDocument(page_content=c.text, metadata=meta, id=c.id))
        return docs
