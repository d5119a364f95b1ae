"""Chunk: cut documents along Chinese policy structure into citable spans.

Recognised headings, outermost first: 一、 / 第X章 → (一)（一） / 第X条 → 1. → (1)（1） → ——bullets.
Every chunk is a verbatim span `doc.text[start:end]` and carries its section path, so a
citation can be checked against the source and read as 二、主要任務 > (八)… > 4.情感有歸屬.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .ingest import Document

CHUNKER_VERSION = "6"
MAX_SECTION_CHARS = 2500  # a heading spans its whole section up to this size
MAX_CHARS = 420  # longer paragraphs are cut at sentence ends
_CN_NUM = "一二三四五六七八九十百零〇两"

_HEADINGS = [
    # (level, kind, pattern); the pattern's group(1) is the marker, group(2) the number
    (1, "part", re.compile(rf"^(([{_CN_NUM}]+)、)")),
    (1, "chapter", re.compile(rf"^(第([{_CN_NUM}\d]+)章)")),
    (2, "item", re.compile(rf"^([(（]([{_CN_NUM}]+)[)）])")),
    (2, "article", re.compile(rf"^(第([{_CN_NUM}\d]+)条)")),
    (3, "task", re.compile(r"^((\d{1,2})[.．、])(?!\d)")),
    (4, "subtask", re.compile(r"^([(（](\d{1,2})[)）])")),
    (9, "bullet", re.compile(r"^(——)()")),
]
_TITLE_END = re.compile(r"[。；;？?：:，,！!]")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|^\s+")
_SENTENCE_END = re.compile(r"[。；;？?！!]")


@dataclass(frozen=True)
class Chunk:
    """A citable span of one document."""

    id: str
    doc_id: str
    source: str
    section_path: tuple[str, ...]
    code: str  # compact section code, e.g. 二(八)4 or 第二章第五条
    text: str
    start: int
    end: int
    # "text"; "heading" for a heading-only line, whose span covers its whole section when that
    # is short enough; "section" for the whole section of a heading that has text of its own
    kind: str = "text"
    outline: tuple[str, ...] = ()  # titles of the sub-sections of a heading
    page: int | None = None

    @property
    def section(self) -> str:
        return " > ".join(self.section_path)

    def to_json(self) -> dict:
        return {"id": self.id, "doc_id": self.doc_id, "source": self.source,
                "section_path": list(self.section_path), "code": self.code, "text": self.text,
                "start": self.start, "end": self.end, "kind": self.kind,
                "outline": list(self.outline), "page": self.page}

    @classmethod
    def from_json(cls, d: dict) -> "Chunk":
        return cls(id=d["id"], doc_id=d["doc_id"], source=d["source"],
                   section_path=tuple(d["section_path"]), code=d["code"], text=d["text"],
                   start=d["start"], end=d["end"], kind=d.get("kind", "text"),
                   outline=tuple(d.get("outline", ())), page=d.get("page"))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def classify(line: str) -> tuple[int, str, str, str] | None:
    """(level, kind, marker, number) when `line` starts with a heading marker.

    The level returned is the usual depth; a document's own order of first appearance
    decides nesting (in 第X条 rules, （一） sits under the article).
    """
    for level, kind, pattern in _HEADINGS:
        m = pattern.match(line)
        if m:
            return level, kind, m.group(1), m.group(2)
    return None


def heading_title(line: str, marker: str) -> tuple[str, bool]:
    """The heading's short title and whether the whole line is that title."""
    rest = line[len(marker):]
    if rest.rstrip()[-1:] in ("？", "?") and len(rest) <= 48:
        # a question heading (Q&A style rules) is its own title
        return marker.strip() + _CJK_GAP.sub("", rest).strip(), True
    m = _TITLE_END.search(rest)
    head = rest if m is None else rest[: m.start() + (1 if rest[m.start()] in "？?" else 0)]
    whole = m is None or not rest[m.end():].strip()
    head = _CJK_GAP.sub("", head).strip()
    marker = marker.strip()
    if len(head) > 24:
        return marker.rstrip("、.．"), whole and m is None
    sep = " " if marker.startswith("第") else ""
    return marker + sep + head, whole


def _code_part(kind: str, marker: str, number: str, bullet_no: int) -> str:
    if kind == "part":
        return number
    if kind == "item":
        return f"({number})"
    if kind == "task":
        return number
    if kind == "subtask":
        return f"({number})"
    if kind == "bullet":
        return f"—{bullet_no}"
    return marker  # 第X章, 第X条


def split_sentences(text: str, base: int = 0) -> list[Span]:
    """Sentence spans of `text` (cut after 。；？！), as absolute offsets from `base`."""
    spans, begin = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        # keep a closing quote with its sentence
        while end < len(text) and text[end] in "”’」』)）":
            end += 1
        if text[begin:end].strip():
            spans.append(Span(base + begin, base + end))
        begin = end
    if text[begin:].strip():
        spans.append(Span(base + begin, base + len(text.rstrip())))
    return [_trim(text, base, s) for s in spans]


def _trim(text: str, base: int, s: Span) -> Span:
    a, b = s.start - base, s.end - base
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(base + a, base + b)


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start] in " \t\r\u3000\ufeff":
            start += 1
        while end > start and text[end - 1] in " \t\r\u3000":
            end -= 1
        if end > start:
            yield start, end


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long paragraph at sentence ends into pieces of at most MAX_CHARS where possible."""
    if end - start <= MAX_CHARS:
        return [(start, end)]
    pieces, cur_start, cur_end = [], start, start
    for s in split_sentences(text[start:end], start):
        if s.end - cur_start > MAX_CHARS and cur_end > cur_start:
            pieces.append((cur_start, cur_end))
            cur_start = s.start
        cur_end = s.end
    pieces.append((cur_start, cur_end))
    return pieces


def chunk_document(doc: Document) -> list[Chunk]:
    """Cut one document into chunks that follow its heading structure."""
    text = doc.text
    stack: list[tuple[int, str, str]] = []  # (level, title, code part)
    chunks: list[Chunk] = []
    paragraph_no: dict[str, int] = {}
    bullets: dict[str, int] = {}
    children: dict[str, list[str]] = {}

    rank: dict[str, int] = {}  # heading kinds ranked by first appearance: outermost first
    for start, end in _lines(text):
        line = text[start:end]
        found = classify(line)
        kind = "text"
        if found:
            level, hkind, marker, number = found
            if level < 9:
                level = rank.setdefault(hkind, len(rank) + 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent_code = "".join(c for _, _, c in stack)
            bullets[parent_code] = bullets.get(parent_code, 0) + (hkind == "bullet")
            title, whole = heading_title(line, marker)
            stack.append((level, title, _code_part(hkind, marker, number, bullets[parent_code])))
            children.setdefault(parent_code, []).append(title)
            code = "".join(c for _, _, c in stack)
            base_id = f"{doc.id}#{code}"
            # a numbered sentence ("3.…不超过36个月。") is text, not a heading
            kind = "heading" if whole and not line.rstrip().endswith(("。", "；", ";")) else "text"
        else:
            code = "".join(c for _, _, c in stack)
            paragraph_no[code] = paragraph_no.get(code, 0) + 1
            base_id = f"{doc.id}#{code}/p{paragraph_no[code]}"
        path = tuple(t for _, t, _ in stack)
        if not path:
            path = (doc.title,)
        pieces = _pieces(text, start, end)
        for i, (a, b) in enumerate(pieces, 1):
            cid = base_id if len(pieces) == 1 else f"{base_id}~{i}"
            chunks.append(Chunk(id=cid, doc_id=doc.id, source=doc.source, section_path=path,
                                code=code, text=text[a:b], start=a, end=b, kind=kind,
                                page=doc.page_at(a)))
    # Headings know their sub-sections and span them, so "有哪几条" finds the whole list.
    out: list[Chunk] = []
    for c in chunks:
        kids = tuple(children.get(c.code, ())) if c.code else ()
        is_title = c.id == f"{doc.id}#{c.code}" or c.id == f"{doc.id}#{c.code}~1"
        if not kids or not is_title:
            out.append(c)
            continue
        depth = len(c.section_path)
        end = max(x.end for x in chunks if x.section_path[:depth] == c.section_path)
        fits = end - c.start <= MAX_SECTION_CHARS
        if c.kind == "heading":
            out.append(replace(c, outline=kids, text=text[c.start:end] if fits else c.text,
                               end=end if fits else c.end))
        else:
            out.append(c)
            if fits:
                out.append(replace(c, id=f"{doc.id}#{c.code}/all", kind="section", outline=kids,
                                   text=text[c.start:end], end=end))
    return out


def title_end(c: Chunk) -> int:
    """Offset where a heading chunk's own title line ends."""
    nl = c.text.find("\n")
    return c.start + (nl if nl >= 0 else len(c.text))


def chunk_documents(docs: list[Document]) -> list[Chunk]:
    out: list[Chunk] = []
    for d in docs:
        out.extend(chunk_document(d))
    return out
