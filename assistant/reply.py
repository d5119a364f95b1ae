"""Reply: what the assistant says to one question, with everything needed to check it.

Both the structural answers (`structure`) and the clause answers (`answer`) build this record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cite import Citation
from .retrieve import Hit
from .script import ENGLISH, SIMPLIFIED, to_script


@dataclass
class Answer:
    """What the assistant says, with everything needed to check it."""

    question: str
    answered: bool
    answer: str
    citations: list[Citation]
    retrieved: list[Hit]
    searched: str
    script: str
    lead: str = ""
    reason: str = ""  # why it abstained
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "citations": [c.to_json() for c in self.citations],
            "retrieved": [{"source": h.chunk.source, "section": h.chunk.section,
                           "start": h.chunk.start, "end": h.chunk.end,
                           "score": round(h.score, 4), "chunk_id": h.chunk.id} for h in self.retrieved],
            "searched": self.searched,
            "script": self.script,
            "notices": self.notices,
        }


def with_sources(body: str, citations: list[Citation], script: str) -> str:
    """The body followed by the sections it quotes (the first three), in the asker's script."""
    if not citations:
        return body
    sections = list(dict.fromkeys(c.section for c in citations[:3]))  # two clauses of one section: named once
    if script == ENGLISH:
        return f"{body}\n(Source: {'; '.join(sections)})"
    src = "；".join(to_script(s, script) for s in sections)
    return f"{body}\n（出处：{src}）" if script == SIMPLIFIED else f"{body}\n（出處：{src}）"
