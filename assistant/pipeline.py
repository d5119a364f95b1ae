"""The assistant as one object: corpus → index → retrieve → answer, shared by CLI, UI and evals."""

from __future__ import annotations

from .answer import Answer, Answerer
from .embed import Encoder, make_encoder
from .index import Index, open_index
from .ingest import Document, load_documents
from .errors import BadQuestionError
from .question import Parsed, parse
from .retrieve import Hit, Retriever
from .script import to_simplified
from .settings import Settings


class Assistant:
    """Loads (or builds) the index once, then answers questions.

    Args:
        settings: paths and retrieval settings (default: `Settings.load()`).
        encoder: an encoder object to use instead of the one settings name (tests use a fake).
        log: callable receiving one-line status messages (index rebuilds...).
    """

    def __init__(self, settings: Settings | None = None, encoder: Encoder | None = None, log=None):
        self.settings = settings or Settings.load()
        self.documents: list[Document] = load_documents(self.settings.corpus_dir)
        self.encoder = encoder or make_encoder(self.settings.encoder, self.settings.threads,
                                                self.settings.index_dir / "cache")
        self.index: Index = open_index(self.settings, self.documents, encoder=self.encoder, log=log)
        self.retriever = Retriever(self.index, self.encoder if self.encoder.dim else None,
                                   self.settings.dense_weight)
        self.answerer = Answerer(self.index, self.retriever, self.documents, self.settings.top_k)
        self.by_id = {d.id: d for d in self.documents}
        self.chunks_by_id = {c.id: c for c in self.index.chunks}

    def ask(self, question: str, history=None) -> Answer:
        """Answer one question; `history` is the conversation so far ([{role, content}])."""
        parsed = parse(question, history, self.settings.max_question_chars)
        return self.answerer.answer(parsed)

    def ask_many(self, questions, batch: int = 32) -> list[Answer | BadQuestionError]:
        """Answer many independent questions, encoding them in batches (4× faster than one
        by one with the default encoder).

        Args:
            questions: question strings, or (question, history) pairs.
            batch: how many questions are encoded at once.
        Returns:
            One Answer per question, in order, or the BadQuestionError raised for it.
        """
        items = [q if isinstance(q, tuple) else (q, None) for q in questions]
        out: list[Answer | BadQuestionError] = []
        for at in range(0, len(items), batch):
            parsed: list[Parsed | BadQuestionError] = []
            for question, history in items[at:at + batch]:
                try:
                    parsed.append(parse(question, history, self.settings.max_question_chars))
                except BadQuestionError as e:
                    parsed.append(e)
            good = [p for p in parsed if isinstance(p, Parsed)]
            vectors = [None] * len(good)
            if good and self.retriever.encoder is not None:
                vectors = list(self.retriever.encoder.encode([to_simplified(p.query) for p in good]))
            by_id = {id(p): v for p, v in zip(good, vectors)}
            out.extend(p if isinstance(p, BadQuestionError) else self.answerer.answer(p, by_id[id(p)])
                       for p in parsed)
        return out

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """Ranked chunks for a query (the staff's rule lookup)."""
        parsed = parse(query, None, self.settings.max_question_chars)
        return self.retriever.search(parsed.asked, k=k)

    def document(self, doc_id: str) -> Document:
        return self.by_id[doc_id]

    def source_text(self, source: str) -> str:
        for d in self.documents:
            if d.source == source:
                return d.text
        raise KeyError(source)


def warm_up(assistant: Assistant) -> None:
    """Load lazy resources (jieba, the encoder) so the first real question is fast."""
    assistant.ask(to_simplified("人才公寓"))
