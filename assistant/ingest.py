"""Ingest: read the corpus catalog and the documents it lists into `Document` records."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError

CATALOG = "catalog.json"


@dataclass(frozen=True)
class Document:
    """One document of the knowledge base; `text` is what citations index into."""

    id: str
    source: str  # path of the text file relative to the project home, e.g. corpus/x.txt
    title: str
    text: str
    issuer: str = ""
    doc_number: str = ""
    date: str = ""
    kind: str = "policy"  # "policy" or "related"
    provenance: str = ""
    verified: bool = True
    original: str = ""  # the file as received when `source` is text extracted from it
    pages: tuple[int, ...] = ()  # start offset of each page in `text` (PDF only)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding `offset`, or None for documents without pages."""
        if not self.pages:
            return None
        page = 1
        for i, start in enumerate(self.pages, 1):
            if start <= offset:
                page = i
        return page

    def meta(self) -> dict:
        return {
            "id": self.id, "path": self.source, "title": self.title, "issuer": self.issuer,
            "doc_number": self.doc_number, "date": self.date, "kind": self.kind,
            "provenance": self.provenance, "verified": self.verified,
            "original": self.original, "pages": list(self.pages),
        }


@dataclass
class Catalog:
    """The list of documents in a corpus folder (corpus/catalog.json)."""

    corpus_dir: Path
    entries: list[dict] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.corpus_dir / CATALOG

    @classmethod
    def load(cls, corpus_dir: Path) -> "Catalog":
        corpus_dir = Path(corpus_dir)
        path = corpus_dir / CATALOG
        if not path.exists():
            if not corpus_dir.is_dir():
                raise CorpusError(f"corpus folder {corpus_dir} does not exist: set ASSISTANT_CORPUS_DIR "
                                  "or run from the project folder")
            # A bare folder of .txt files works too: every file is a document.
            entries = [{"id": p.stem, "path": str(p.relative_to(corpus_dir.parent)), "title": p.stem}
                       for p in sorted(corpus_dir.rglob("*.txt"))]
            return cls(corpus_dir, entries)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = list(data["documents"])
        except (ValueError, KeyError, TypeError) as e:
            raise CorpusError(f"{path} is not a valid catalog ({e}): restore it from git "
                              "(`git checkout -- corpus/catalog.json`) or fix the JSON") from e
        return cls(corpus_dir, entries)

    def save(self) -> None:
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({"version": 1, "documents": self.entries}, ensure_ascii=False,
                                  indent=2) + "\n", encoding="utf-8")
        tmp.replace(self.path)

    def documents(self) -> list[Document]:
        home = self.corpus_dir.parent
        docs = []
        for e in self.entries:
            file = home / e["path"]
            try:
                text = file.read_text(encoding="utf-8")
            except FileNotFoundError as err:
                raise CorpusError(f"catalog lists {e['path']} but the file is missing: restore it or "
                                  f"run `python -m assistant corpus remove {e['id']}`") from err
            except UnicodeDecodeError as err:
                raise CorpusError(f"{e['path']} is not UTF-8: add it with `python -m assistant corpus add`, "
                                  "which converts it") from err
            docs.append(Document(
                id=e["id"], source=e["path"], title=e.get("title") or e["id"], text=text,
                issuer=e.get("issuer", ""), doc_number=e.get("doc_number", ""), date=e.get("date", ""),
                kind=e.get("kind", "policy"), provenance=e.get("provenance", ""),
                verified=bool(e.get("verified", True)), original=e.get("original", ""),
                pages=tuple(e.get("pages", ())),
            ))
        return docs


def load_documents(corpus_dir: Path) -> list[Document]:
    """All documents of a corpus folder, in catalog order."""
    return Catalog.load(corpus_dir).documents()


def corpus_hash(docs: list[Document]) -> str:
    """A hash over document ids and contents: changes when any document does."""
    h = hashlib.sha256()
    for d in docs:
        h.update(d.id.encode())
        h.update(b"\0")
        h.update(d.sha256.encode())
    return h.hexdigest()
