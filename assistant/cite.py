"""Cite: verbatim quotes with their section path and character offsets in the source."""

from __future__ import annotations

from dataclasses import dataclass

from .chunk import Chunk
from .ingest import Document

UNVERIFIED_NOTE = "unverified public copy"


@dataclass(frozen=True)
class Citation:
    """A quote that can be checked: `text_of(source)[start:end] == quote`."""

    source: str
    section: str
    quote: str
    start: int
    end: int
    chunk_id: str
    doc_id: str
    title: str
    page: int | None = None
    verified: bool = True

    def to_json(self) -> dict:
        out = {"source": self.source, "section": self.section, "quote": self.quote,
               "start": self.start, "end": self.end, "chunk_id": self.chunk_id,
               "document": self.title}
        if self.page is not None:
            out["page"] = self.page
        if not self.verified:
            out["provenance"] = UNVERIFIED_NOTE
        return out

    def label(self) -> str:
        """Human citation string, e.g. 《…意见》 二、主要任務 > (八)… > 4.情感有歸屬."""
        where = f"《{self.title}》 {self.section}"
        if self.page is not None:
            where += f"（第{self.page}页）"
        if not self.verified:
            where += f"（{UNVERIFIED_NOTE}）"
        return where


def cite(doc: Document, chunk: Chunk, start: int, end: int) -> Citation:
    """A citation of doc.text[start:end] (trimmed of surrounding spaces) within a chunk."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Citation(source=doc.source, section=chunk.section, quote=text[start:end], start=start,
                    end=end, chunk_id=chunk.id, doc_id=doc.id, title=doc.title,
                    page=doc.page_at(start), verified=doc.verified)


def check(citation: Citation, text: str) -> bool:
    """True when the quote stands verbatim at its offsets in the source text."""
    return text[citation.start:citation.end] == citation.quote
