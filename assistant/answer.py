"""Answer: pick the clause that carries the fact, state it first, quote it, or abstain.

No language model: every answer is built from verbatim clauses of the corpus. A question is
answered only when the best clause is on topic and states the kind of thing asked for (an
amount, a duration, a list of materials...); otherwise the answer says the corpus does not
cover it and shows the nearest clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache


from .chunk import Chunk, split_sentences, title_end
from .cite import Citation, cite
from .expand import expand_query
from .figures import Figure, find_figure, find_value
from .index import Index
from .ingest import Document
from .lexical import CLASS_LETTER, STOPWORDS, content_words, segment
from .question import ADJACENT, LOCATE, Ask, Parsed, analyse, locate_phrase, quoted_phrase
from .retrieve import EXAMPLE_OPENERS, Hit, Retriever
from .scope import (NEED_EVIDENCE, OFF_TOPIC, about_other_place, abstain_message,
                    district_share, same_title)
from .script import ENGLISH, SIMPLIFIED, has_cjk, to_script, to_simplified


CATEGORY_LABELS = {
    "housing": ("住房", "Housing"), "work": ("就业", "Work"), "start-up": ("创业", "Start-up"),
    "education": ("教育", "Education"), "health": ("医疗健康", "Health"), "care": ("照护养老", "Care"),
    "transport": ("交通出行", "Transport"), "environment": ("生态环境", "Environment"),
    "services": ("生活服务", "Services"), "income": ("收入", "Income"), "other": ("其他", "Other"),
}

PER_UNIT = re.compile(r"每(户|家|人|个人|名)|人均|户均|/人|/户|·月|/月|元/")

# "when will it be done": a target's deadline, which the whole policy may give as its period
COMPLETION = re.compile(r"完成|实现|建成|达到|做到|落实|到位|搞完|弄好|\b(done|completed?|finished|achieved|built)\b",
                        re.I)

# how a candidate clause is scored: dense similarity, topic cover, its chunk's rank score, and a
# bonus for stating a figure of the asked kind
CLAUSE_WEIGHTS = (0.35, 0.45, 0.2, 0.15)

STRONG_DENSE = 0.30  # best-sentence cosine above which an on-topic paraphrase is trusted
QA_REPLY_CHARS = 160  # a reply under a question heading this short is quoted whole
SHORT_REPLY = 4  # a reply this short ("不能。", "可以。") ...
SHORT_REPLY_COVER = 0.3  # ... is a candidate only when the question matches its heading this well
TITLE_CHARS = 20  # an item's opening sentence this short that repeats its heading is a title
NO_COVER = 0.05  # below this a Chinese question shares no words with the clause
MIN_COVER = 0.15  # share of the question's topic words (IDF-weighted) the best clause covers
VALUE_COVER = 0.15  # a stated figure must sit in a clause about the asked topic
VALUE_DENSE = 0.30
CANDIDATE_CHUNKS = 8  # clauses are looked for in this many top-ranked chunks
VALUE_CANDIDATES = 30  # ... and, for a figure, in chunks this far down that state one of its kind
FAR_COVER = 0.2  # ... when they cover this share of the question's topic words
RUNNER_UP_MARGIN = 0.1  # a second clause is quoted when it scores nearly as well
FIGURE_FIT = 0.3  # bonus for a figure whose own phrase names the question's words
FIGURE_EXACT = 0.2  # bonus for a figure of the asked kind over one of a fallback kind
NEED_COVER = 0.6  # the share of the question's topic bigrams the answering chunk must hold, for
#                   materials/place/time... questions
ENGLISH_NEED_COVER = 0.3  # English matches the chunk only through the glossary's terms
NAME_NEED_COVER = 0.4  # "叫啥名": the quoted name is the evidence; the topic may be paraphrased
CLAUSE_NEED_COVER = 0.35  # ... or an amount stated in a clause this much about the question
NAME_CLAUSE_COVER = 0.3  # ... or a quoted name in a clause this much about it
FOCUS_COVER = 0.5  # a follow-up's answer covers its own words at least half as well as the best
MONEY_COVER = 0.2  # the share of topic words an amount's clause must cover


@dataclass(frozen=True)
class Clause:
    """A candidate sentence that may answer the question."""

    chunk: Chunk
    start: int
    end: int
    text: str
    simplified: str
    dense: float
    cover: float
    rank_score: float
    figure: Figure | None

    @property
    def value(self) -> str | None:
        return self.figure.text if self.figure else None

    @property
    def score(self) -> float:
        w = CLAUSE_WEIGHTS
        return w[0] * self.dense + w[1] * self.cover + w[2] * self.rank_score + (w[3] if self.value else 0.0)


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


# ------------------------------------------------------------------ helpers

def _is_example(c: "Clause") -> bool:
    chunk_text = c.chunk.text.lstrip()
    return chunk_text.startswith(EXAMPLE_OPENERS) or c.text.lstrip().startswith(EXAMPLE_OPENERS)


def _weights(words: list[str], retriever: Retriever, partial: bool = True) -> dict[str, float]:
    idf = retriever.bm25.idf
    top = max(idf.values()) if idf else 1.0
    out = {}
    for w in words:
        if len(w) == 1 and not w.isdigit():
            continue
        grams = ["#" + w[i:i + 2] for i in range(len(w) - 1)] or [w]
        known = [idf[g] for g in grams if g in idf]
        # a word the corpus never uses weighs like the rarest word it does use
        out[w] = (sum(known) / len(known)) if known else top
    return out


def _class_letters(text_s: str) -> set[str]:
    return {m.upper() + "类" for m in CLASS_LETTER.findall(text_s)}


def _coverage(weights: dict[str, float], text_s: str, partial: bool = True) -> float:
    if not weights:
        return 0.0
    got = 0.0
    letters = _class_letters(text_s)
    for w, wt in weights.items():
        if w in text_s or w in letters:
            got += wt
        elif partial and len(w) > 2:
            grams = [w[i:i + 2] for i in range(len(w) - 1)]
            got += wt * sum(g in text_s for g in grams) / len(grams) * 0.8
    return got / sum(weights.values())


_ASK_WORDS = re.compile(r"每人|每个人|结束|我住|我家|我们家|咱们|一个|一些|一下|何时|何地|何处|想(?=[租买办问查])|叫什么名字|叫啥名|名字|属于|能到|这份文件|这个文件|文件里|文件中|这块|那块|这方面|那方面|这边|那边|多长时间|每个月|标准是|管不管|多少钱|能不能|有没有|叫什么|开始|每月|每年|一共|总共|办理|报名|查询|时候|多久|多长|哪天|哪年|几点|哪里|哪儿|在哪|地址|电话|条件|资格|流程|步骤|名单|政策|政府|问题|解决|打算|规定|说法|要求|提到|提出|提交|需要|准备|具体|多少|几折|几天|几年|几个|哪些|什么|怎么|如何|是否|可以|打折|折扣|原文|内容|名称|材料|申请|讲|几")


def _topic_text(p: Parsed, text: str | None = None) -> str:
    """The Simplified words a clause should cover: the question plus the policy terms it maps to."""
    return _topic_of(p.searched if text is None else text)


@lru_cache(maxsize=256)
def _topic_of(text: str) -> str:
    text = re.sub(r"^\s*(那么|那|还有|另外)", "", text)  # a follow-up's connective is no topic
    expanded = expand_query(to_simplified(text))  # the glossary is in Simplified
    # English: only the policy terms it maps to can match Chinese text
    return expanded if has_cjk(text) else expanded[len(text):]


@lru_cache(maxsize=256)
def _topic_grams(question_s: str) -> frozenset[str]:
    """Bigrams of the question's content words, plus the bigram joining two content words
    that stand side by side ("市民卡" → 市民, 民卡), so a compound is not matched by half."""
    text = _ASK_WORDS.sub(" ", question_s)
    grams: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        words = segment(run)
        content = [w not in STOPWORDS for w in words]
        for i, w in enumerate(words):
            if content[i]:
                grams.update(w[j:j + 2] for j in range(len(w) - 1))
                if i + 1 < len(words) and content[i + 1]:
                    grams.add(w[-1] + words[i + 1][0])
    # a bigram with a function character is how the question is put ("能查", "查到"), not its topic
    return frozenset(g for g in grams if not _FUNCTION_CHARS.intersection(g))


_FUNCTION_CHARS = frozenset("能上到在了着过的得地和与及或把被让给对为从向于以之其这那哪吗呢吧啊要会可想用去来还也都就自起")


@lru_cache(maxsize=256)
def _topic_words(question_s: str) -> tuple[str, ...]:
    # a quoted term ("“不打烊政府”是啥意思") is one topic, however jieba would cut it
    quoted = re.findall(r"[“\"「『]([\u4e00-\u9fff]{2,12})[”\"」』]", question_s)
    return tuple(quoted) + tuple(w for w in content_words(_ASK_WORDS.sub(" ", question_s)) if w.strip())


def _figure_score(c: Clause) -> float:
    """A clause's score as the answer to "how much": its figure should be of the asked kind
    and its own phrase should name what was asked (城乡收入比1.8:1, not 收入增幅7.5%)."""
    f = c.figure
    return c.score + FIGURE_FIT * f.fit + (FIGURE_EXACT if f.exact else 0.0)


# ------------------------------------------------------------------ the answerer

class Answerer:
    """Turns a parsed question and retrieval results into a grounded Answer."""

    def __init__(self, index: Index, retriever: Retriever, docs: list[Document], top_k: int = 8):
        self.index = index
        self.retriever = retriever
        self.docs = {d.id: d for d in docs}
        self.top_k = top_k
        self._units_by_chunk: dict[int, list[int]] = {}
        for i, u in enumerate(index.units):
            self._units_by_chunk.setdefault(u.chunk, []).append(i)
        self._register = None
        self._all_text: str | None = None
        # Simplified text is the same length as the original, so it is sliced, not converted
        self._doc_s = {d.id: to_simplified(d.text) for d in docs}
        self._path_s = [to_simplified(" ".join(c.section_path) + " " + self.docs[c.doc_id].title)
                        for c in index.chunks]
        self._chunk_s = [self._doc_s[c.doc_id][c.start:c.end] if c.doc_id in self._doc_s
                         else to_simplified(c.text) for c in index.chunks]
        self._position = {c.id: i for i, c in enumerate(index.chunks)}
        self._by_code: dict[str, list[int]] = {}
        for i, c in enumerate(index.chunks):
            self._by_code.setdefault(c.code, []).append(i)

    # -- entry point
    def answer(self, p: Parsed, query_vector=None) -> Answer:
        """Answer a parsed question; `query_vector` is its encoding when already computed."""
        qv = query_vector
        if qv is None and self.retriever.encoder is not None:
            qv = self.retriever.encoder.encode([to_simplified(p.query)])[0]
        hits = self.retriever.search(p.query, k=max(self.top_k, VALUE_CANDIDATES), query_vector=qv)
        p = self._name_section(p)
        read_off = next((a for a in self._structural(p, hits, qv) if a is not None), None)
        return read_off if read_off is not None else self._answer_from_clauses(p, hits, qv)

    def _structural(self, p: Parsed, hits: list[Hit], qv):
        """Answers read off the documents' structure or the conversation, tried in order (lazily);
        each yields None when it does not apply."""
        yield self._answer_prefixed(p, hits)
        if p.previous_answer and p.ask.kind != "locate" and LOCATE.search(to_simplified(p.asked)):
            # "这句在哪一条下面？": where the sentence just quoted comes from
            yield self._answer_locate(p, hits, self._quoted_before(p))
        if p.previous_answer and ADJACENT.search(p.asked):
            yield self._answer_adjacent(p, hits)
        if self._other_document(p.asked, to_simplified(p.asked)):
            yield self._abstain(p, hits[:max(self.top_k, 5)], self._clauses(p, hits, qv), "other-document")
        if p.ask.kind == "document":
            yield self._answer_document(p, hits)
        if p.ask.kind == "locate":
            yield self._answer_locate(p, hits)
        if p.ask.section:
            yield self._answer_section(p, hits)
        if p.ask.kind == "benefits":
            yield self._answer_benefits(p, hits)

    # -- structure lookups: 二(八)4 原文, 第九项工程叫什么, (八)有哪几条, 第五条
    def _section_chunks(self, code: str) -> list[int]:
        if code.startswith("第") and code.endswith("条"):
            return [i for i, c in enumerate(self.index.chunks) if c.code.endswith(code) or
                    re.search(re.escape(code) + r"(?![十一二三四五六七八九])", c.code)
                    and not re.search(re.escape(code) + r"[(（]", c.code)]
        return list(self._by_code.get(code, []))

    def _positions_of(self, citations: list[Citation]) -> list[int]:
        return [self._position[c.chunk_id] for c in citations if c.chunk_id in self._position]

    def _pinned(self, positions: list[int], hits: list[Hit]) -> list[Hit]:
        """The chunks an answer was built from first, then the rest of the ranking.

        A chunk the search ranked keeps its scores; one reached by structure (a section looked
        up by number, the items a clause announces) is listed with score 1.
        """
        order = list(dict.fromkeys(positions))
        ranked = {h.position: h for h in hits}
        pinned = [ranked.get(i) or Hit(chunk=self.index.chunks[i], score=1.0, lexical=1.0, dense=0.0,
                                       best_unit=None, position=i) for i in order]
        rest = [h for h in hits if h.position not in set(order)]
        return (pinned + rest)[:max(self.top_k, 5)]

    def _children(self, head: Chunk) -> list[Chunk]:
        """The first chunk of each direct sub-section of a heading, in order."""
        depth = len(head.section_path)
        return [c for c in self.index.chunks
                if c.doc_id == head.doc_id and len(c.section_path) == depth + 1
                and c.section_path[:depth] == head.section_path
                and (c.id == f"{c.doc_id}#{c.code}" or c.id == f"{c.doc_id}#{c.code}~1")]

    def _answer_section(self, p: Parsed, hits: list[Hit], positions: list[int] | None = None
                        ) -> Answer | None:
        positions = positions or self._section_chunks(p.ask.section)
        if not positions:
            return None
        chunks = [self.index.chunks[i] for i in positions]
        head = chunks[0]
        doc = self.docs[head.doc_id]
        body = [c for c in self.index.chunks
                if c.doc_id == head.doc_id and c.code == head.code and c.kind == "text"]
        wants = p.ask.kind
        if wants == "section" and not body:
            wants = "list"
        if wants == "list" and not self._children(head):
            wants = "section"  # "二(八)4 讲了哪些方面": an item without sub-items, in full
        citations: list[Citation] = []
        sep = "：" if p.script != ENGLISH else ": "
        lead = to_script(_title_text(head), p.script)
        if wants == "name":
            s, e = _title_span(head)
            citations.append(cite(doc, head, s, e))
            text_body = lead
        elif wants == "list":
            for c in self._children(head):
                s, e = _title_span(c)
                citations.append(cite(self.docs[c.doc_id], c, s, e))
            if not citations:
                return None
            text_body = lead + sep + "；".join(to_script(x.quote, p.script) for x in citations)
        else:
            if head.kind == "heading":  # a project: its name, then its opening paragraph
                s, e = _title_span(head)
                citations.append(cite(doc, head, s, e))
            for c in body:
                citations.append(cite(self.docs[c.doc_id], c, c.start, c.end))
            text_body = "\n".join(to_script(c.quote, p.script) for c in citations)
            if wants == "value":
                kind = "money" if "money" in p.ask.needs else p.ask.value
                value = find_value(kind, to_simplified(text_body), [])
                if not value and p.ask.needs:
                    return None  # "二(八)2 的补贴各档标准是多少": the clauses decide, or abstain
                if value:
                    lead = to_script(value, p.script)
                    text_body = lead + "。" + text_body
        # the whole section first (it holds every sub-section), then what was cited
        wide = [i for i, c in enumerate(self.index.chunks)
                if c.doc_id == head.doc_id and c.code == head.code and c.kind in ("heading", "section")]
        retrieved = self._pinned(wide + positions + self._positions_of(citations), hits)
        text = _with_sources(text_body, citations, p.script)
        return Answer(p.asked, True, text, citations, retrieved, p.searched, p.script, lead=lead,
                      notices=p.notices)

    @property
    def _corpus_s(self) -> str:
        if self._all_text is None:
            self._all_text = "\n".join(self._doc_s.values())
        return self._all_text

    def _other_period(self, asked: str, q_s: str) -> bool:
        """A year or plan period the corpus never names (2035, 十五五, the 15th Five-Year Plan)."""
        periods = set(re.findall(r"十[一二三四五六七八九]五", q_s))
        m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\s+five-year", asked, re.I)
        if m and 1 <= int(m.group(1)) <= 19:
            n = int(m.group(1))
            periods.add(("十" + _NUM_CN_SMALL[n - 10].replace("零", "") if n >= 10 else _NUM_CN_SMALL[n]) + "五")
        if any(x and x not in self._corpus_s for x in periods):
            return True
        for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", q_s):
            covered = y in self._corpus_s or ("2021" <= y <= "2025" and "十四五" in self._corpus_s)
            if not covered:
                return True
        return False

    def _other_document(self, asked: str, q_s: str) -> bool:
        """A question about what another document says (《成都市人才分类目录》里…), which the
        corpus only names."""
        titles = [to_simplified(d.title) for d in self.docs.values()]
        for m in re.finditer(r"《([^》]{2,40})》\s*(?:里|中|里面|当中|第|对)", q_s):
            if not any(same_title(m.group(1), t) for t in titles):
                return True
        for m in re.finditer(r"([\u4e00-\u9fff]{4,30}?(条例|办法|规定|指引|目录|白皮书|细则))\s*(里|中|里面|当中|对)", q_s):
            if not any(same_title(m.group(1), t) for t in titles):
                return True
        return False

    def _answer_adjacent(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"下一句呢？": the sentence after (or before) the one the last answer quoted."""
        for piece in _answer_pieces(p.previous_answer):
            piece_s = to_simplified(piece).strip("。； ")
            for doc in self.docs.values():
                at = self._doc_s[doc.id].find(piece_s)
                if at < 0:
                    continue
                spans = [sp for c in self.index.chunks if c.doc_id == doc.id and c.kind == "text"
                         for sp in split_sentences(c.text, c.start)]
                spans = sorted(set(spans), key=lambda sp: (sp.start, sp.end))
                here = next((i for i, sp in enumerate(spans) if sp.start <= at < sp.end), None)
                if here is None:
                    continue
                step = -1 if ADJACENT.search(p.asked).group(2) else 1
                titled = self._titled_sibling(doc, spans[here], step)
                if titled is not None:  # after a bullet's title comes the next bullet's title
                    chunk, start, end = titled
                elif 0 <= here + step < len(spans):
                    start, end = spans[here + step].start, spans[here + step].end
                    chunk = next(c for c in self.index.chunks
                                 if c.doc_id == doc.id and c.kind == "text" and c.start <= start < c.end)
                else:
                    return None
                citation = cite(doc, chunk, start, end)
                quote = citation.quote if p.script == ENGLISH else to_script(citation.quote, p.script)
                body = f"“{quote}”"
                return Answer(p.asked, True, _with_sources(body, [citation], p.script), [citation],
                              self._pinned([self._position[chunk.id]], hits), p.searched, p.script,
                              lead=quote, notices=p.notices)
        return None

    def _titled_sibling(self, doc: Document, sentence, step: int):
        """The next (or previous) item's title when a sentence is an item's own title."""
        own = [i for i, c in enumerate(self.index.chunks)
               if c.doc_id == doc.id and c.start == sentence.start and c.section_path
               and doc.text[sentence.start:sentence.end].strip("。 ") in c.section_path[-1]]
        if not own:
            return None
        c = self.index.chunks[own[0]]
        siblings = [x for x in self.index.chunks if x.doc_id == doc.id and x.kind != "section"
                    and x.section_path[:-1] == c.section_path[:-1] and len(x.section_path) == len(c.section_path)
                    and x.start == min(y.start for y in self.index.chunks if y.code == x.code and y.doc_id == doc.id)]
        siblings = sorted({x.start: x for x in siblings}.values(), key=lambda x: x.start)
        at = next((i for i, x in enumerate(siblings) if x.code == c.code), None)
        if at is None or not 0 <= at + step < len(siblings):
            return None
        x = siblings[at + step]
        title_s, title_e = _title_span(x)
        return x, title_s, title_e

    def _name_section(self, p: Parsed) -> Parsed:
        """A heading named by its title: "生活成本竞争力提升工程第1条" (then an item number, also
        after "努力方向有几条？" → "第二条呢"), "城市通勤效率提升工程一共几项，各叫什么" (its items)."""
        q_s = to_simplified(p.asked)
        m = re.search(r"第\s*([一二三四五六七八九十]+|\d{1,2})\s*(?:条|项|点|小项)", q_s)
        if not m:
            if p.ask.section or not re.search(r"一共几|几项|几条|各叫|分别叫|分别是什么|哪几条|哪几项|还有哪几个|还有哪些", q_s):
                return p
            head = self._named_heading(q_s, partial=True)
            if head is None or not self._children(head):
                return p
            return replace(p, ask=Ask("list", section=head.code, needs=p.ask.needs))
        if p.ask.section and not re.fullmatch(r"第.+条", p.ask.section):
            return p
        head = self._named_heading(q_s) or (self._named_heading(to_simplified(p.leans_on))
                                            if p.leans_on else None)
        if head is None:
            return p
        n = m.group(1)
        n = int(n) if n.isdigit() else _CN_VALUE.get(n, 0)
        children = self._children(head)
        if not 1 <= n <= len(children):
            return p
        kind = p.ask.kind if p.ask.kind in ("name", "list", "value") else "section"
        return replace(p, ask=Ask(kind, p.ask.value, children[n - 1].code, p.ask.needs))

    def _named_heading(self, q_s: str, partial: bool = False) -> Chunk | None:
        """The heading whose title the question names (the longest); with `partial`, also by the
        first four characters of a project's name ("生态惠民那部分")."""
        named = [c for c in self.index.chunks if c.kind == "heading" and len(_bare_title(c)) >= 4
                 and _bare_title(c) in q_s]
        if not named and partial:
            named = [c for c in self.index.chunks if c.kind == "heading" and len(_bare_title(c)) >= 6
                     and _bare_title(c)[:4] in q_s]
            if len({c.code for c in named}) != 1:
                return None
        return max(named, key=lambda c: len(_bare_title(c))) if named else None

    def _answer_prefixed(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"那几个“人人都……”分别是什么": every item whose title starts with the quoted words."""
        m = re.search(r"[“\"「]([^”\"」…]{1,10})(?:……|…|\.\.\.)[”\"」]|[“\"「]([^”\"」…]{1,10})[”\"」]\s*(?:分别|都是|是哪|有哪)",
                      to_simplified(p.asked))
        if not m:
            return None
        prefix = m.group(1) or m.group(2)
        items = [c for c in self.index.chunks if c.kind != "section" and c.section_path
                 and to_simplified(c.section_path[-1]).lstrip("—").startswith(prefix)
                 and c.start == min(x.start for x in self.index.chunks if x.id.split("~")[0] == c.id.split("~")[0])]
        items = sorted({c.code: c for c in items}.values(), key=lambda c: (c.doc_id, c.start))
        if len(items) < 2:
            return None
        citations = [cite(self.docs[c.doc_id], c, *_title_span(c)) for c in items]
        # the section holding them all first: one passage a reader can check them in
        parent = [i for i, c in enumerate(self.index.chunks) if c.doc_id == items[0].doc_id
                  and c.kind in ("heading", "section") and c.start <= items[0].start and items[-1].end <= c.end]
        parent = [min(parent, key=lambda i: self.index.chunks[i].end - self.index.chunks[i].start)] if parent else []
        body = "\n".join(f"{i}. {to_script(x.quote, p.script) if p.script != ENGLISH else x.quote}"
                          for i, x in enumerate(citations, 1))
        return Answer(p.asked, True, _with_sources(body, citations, p.script), citations,
                      self._pinned(parent + self._positions_of(citations), hits), p.searched, p.script,
                      lead=citations[0].quote, notices=p.notices)

    def _answer_document(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """The document's own title and issuers (its first line) or the source named at its end."""
        q_s = to_simplified(p.asked)
        docs = list(self.docs.values())
        named = [d for d in docs if _distinct_name(d, q_s)]
        doc = (named or [d for d in docs if d.kind != "related"] or docs)[0]
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
        if not lines:
            return None
        if p.ask.value == "period":
            for c in self.index.chunks:
                if c.doc_id == doc.id and len(c.section_path) == 1 and c.kind == "text":
                    for sp in split_sentences(c.text, c.start):
                        m = re.search(r"“?十[一二三四五六七八九]五”?时期|\d{4}\s*年?\s*[-—至到]\s*\d{4}\s*年",
                                      self._doc_s[doc.id][sp.start:sp.end])
                        if m:
                            return self._compose_span(p, hits, doc, c, sp.start, sp.end, m.group(0).replace("“", "").replace("”", ""))
            return None
        if p.ask.value == "source":
            spans = [(s0, e0) for s0, e0 in lines[-3:] if re.match(r"\s*(来源|來源)\s*[:：]", doc.text[s0:e0])]
        else:
            s0, e0 = lines[0]
            spans = [(s0, e0)] if to_simplified(doc.title) in to_simplified(doc.text[s0:e0]) else []
        if not spans:
            return None
        s0, e0 = spans[-1]
        chunk = next((c for c in self.index.chunks if c.doc_id == doc.id and c.start <= s0 < c.end), None)
        if chunk is None:
            return None
        citation = cite(doc, chunk, s0, e0)
        quote = to_script(citation.quote, p.script) if p.script != ENGLISH else citation.quote
        lead = quote
        english = {"title": "The title line, with the issuers, reads:", "issuer": "The title line names the issuers:",
                   "period": "The policy runs in this period:",
                   "source": "The source named at the end of the document:"}
        body = f"“{quote}”" if p.script != ENGLISH else f"{english[p.ask.value]}\n“{quote}”"
        return Answer(p.asked, True, _with_sources(body, [citation], p.script), [citation],
                      self._pinned([self._position[chunk.id]], hits), p.searched, p.script, lead=lead,
                      notices=p.notices)

    def _compose_span(self, p: Parsed, hits: list[Hit], doc: Document, chunk: Chunk, start: int, end: int,
                      lead: str) -> Answer:
        """An answer that states a short finding, then quotes the one sentence that holds it."""
        citation = cite(doc, chunk, start, end)
        quote = citation.quote if p.script == ENGLISH else to_script(citation.quote, p.script)
        lead = lead if p.script == ENGLISH else to_script(lead, p.script)
        body = f"{lead}。\n“{quote}”" if p.script != ENGLISH else f"{lead}\n“{quote}”"
        return Answer(p.asked, True, _with_sources(body, [citation], p.script), [citation],
                      self._pinned([self._position[chunk.id]], hits), p.searched, p.script, lead=lead,
                      notices=p.notices)

    def _quoted_before(self, p: Parsed) -> str:
        """The longest piece of the last answer that the corpus holds verbatim."""
        return next((x for x in _answer_pieces(p.previous_answer)
                     if to_simplified(x).strip("。； ") in self._corpus_s), "")

    def _answer_locate(self, p: Parsed, hits: list[Hit], phrase: str = "") -> Answer | None:
        """"“6100个”出自哪一条": the sections whose text holds the quoted words."""
        phrase = to_simplified(phrase or locate_phrase(p.asked)).replace(" ", "").strip("。；")
        if not phrase:
            return None
        within = p.ask.section
        # the text may space a Latin word off ("跨境電商 O2O") where the asker did not
        spaced = re.compile(r"\s*".join(map(re.escape, phrase)))
        citations, positions = [], []
        order = sorted(range(len(self.index.chunks)),
                       key=lambda i: not _defines(phrase, self._chunk_s[i]))
        for i in order:
            c = self.index.chunks[i]
            if c.kind != "text" or within and not c.code.startswith(within):
                continue
            found = spaced.search(self._chunk_s[i])
            if found is None:
                continue
            at = found.start()
            doc = self.docs[c.doc_id]
            sentence = next((sp for sp in split_sentences(c.text, c.start)
                             if sp.start <= c.start + at < sp.end), None)
            s0, e0 = (sentence.start, sentence.end) if sentence else (c.start, c.end)
            citations.append(cite(doc, c, s0, e0))
            positions.append(i)
            if len(citations) == 3:
                break
        if not citations:
            return None
        where = "；".join(to_script(c.section, p.script) for c in citations)
        lead = where
        body = (f"“{to_script(phrase, p.script)}”出自：{where}" if p.script != ENGLISH
                else f"“{phrase}” appears in: {where}")
        body += "\n" + "\n".join(f"“{to_script(c.quote, p.script)}”" for c in citations)
        return Answer(p.asked, True, _with_sources(body, citations, p.script), citations,
                      self._pinned(positions, hits), p.searched, p.script, lead=lead, notices=p.notices)

    @property
    def register(self):
        """The entitlements register, derived from the corpus on first use."""
        if self._register is None:
            from .entitlements import build_register

            self._register = build_register(list(self.docs.values()))
        return self._register

    def _answer_benefits(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"我是刚毕业的大学生，能享受什么？": the entitlements for that person, grouped."""
        from .entitlements import persona_rows

        found = persona_rows(p.asked, self.register)
        if found is None or not found.rows:
            return None
        citations: list[Citation] = []
        lines = []
        for category, rows in found.by_category.items():
            items = [r for r in rows if r.kind == "entitlement"][:4] or rows[:2]
            if not items:
                continue
            label = CATEGORY_LABELS.get(category, (category, category))
            lines.append(f"【{label[0]}】" if p.script != ENGLISH else f"[{label[1]}]")
            for r in items:
                doc = self.docs[r.doc_id]
                chunk_id = r.id.rsplit(":", 1)[0]
                citations.append(Citation(source=r.source, section=r.section, quote=r.quote,
                                          start=r.start, end=r.end, chunk_id=chunk_id, doc_id=r.doc_id,
                                          title=doc.title, page=doc.page_at(r.start), verified=doc.verified))
                amount = f"：{r.value}{r.unit}" if r.value and f"{r.value}{r.unit}" not in r.what else ""
                lines.append(f"{len(citations)}. {to_script(r.what, p.script)}{amount}"
                             f"（{to_script(r.code, p.script)}）")
            if len(citations) >= 16:
                break
        who = "、".join(found.personas)
        head = (f"按原文，与{who}相关的权益和服务：" if p.script != ENGLISH
                else f"What the policy offers for {who} (quoted clauses below):")
        body = to_script(head, p.script) + "\n" + "\n".join(lines)
        return Answer(p.asked, True, _with_sources(body, citations, p.script), citations,
                      self._pinned(self._positions_of(citations), hits), p.searched, p.script,
                      lead=to_script(head, p.script), notices=p.notices)

    # -- everything else: pick the clause that carries the fact
    def _clauses(self, p: Parsed, hits: list[Hit], qv) -> list[Clause]:
        weights = _weights(_topic_words(_topic_text(p)), self.retriever)
        anchors = list(weights)
        if p.leans_on is not None:
            # "农村的呢" after a question about towns: 农村…8.6%, not 城镇…7.5%, in the same clause
            anchors = 2 * list(_weights(_topic_words(_topic_text(p, p.asked)), self.retriever)) + anchors
        out = []
        candidates = hits[:CANDIDATE_CHUNKS]
        if p.ask.kind == "value":
            # a figure of the asked kind may sit a little further down ("C类…补贴比例70%"
            # below the clauses that repeat the question's housing words)
            for h in hits[CANDIDATE_CHUNKS:VALUE_CANDIDATES]:
                text_s = self._chunk_s[h.position]
                if h.chunk.kind == "text" and _coverage(weights, text_s) >= FAR_COVER \
                        and find_figure(p.ask.value, text_s, []) is not None:
                    candidates.append(h)
        for rank, h in enumerate(candidates):
            c = h.chunk
            if c.kind == "section" or (c.kind == "heading" and rank > 0):
                continue
            path_s = self._path_s[h.position]
            units = self._units_by_chunk.get(h.position, [])
            spans = [(self.index.units[u].start, self.index.units[u].end, u) for u in units]
            if c.kind == "heading":
                spans = [(c.start, title_end(c), units[0] if units else -1)]
            for s, e, u in spans:
                text = self.docs[c.doc_id].text[s:e]
                if text.rstrip().endswith(("？", "?")):
                    continue  # a question-and-answer document's question answers nothing
                text_s = self._doc_s[c.doc_id][s:e]
                dense = float(self.index.vectors[u] @ qv) if (qv is not None and u >= 0) else 0.0
                cover = _coverage(weights, text_s + " " + path_s)
                figure = find_figure(p.ask.value, text_s, anchors) if p.ask.kind == "value" else None
                if len(_CJK.findall(text)) <= SHORT_REPLY and cover < SHORT_REPLY_COVER:
                    continue  # "不能。": its similarity is its heading's; it answers only that question
                if c.kind == "heading" or (s == c.start and e - s <= TITLE_CHARS and c.section_path
                                           and text.strip("。 ") in c.section_path[-1]):
                    cover *= 0.5  # a bare heading or item title rarely answers; what follows does
                out.append(Clause(c, s, e, text, text_s, dense, cover, h.score, figure))
        return out

    def _answer_from_clauses(self, p: Parsed, hits: list[Hit], qv) -> Answer:
        clauses = self._clauses(p, hits, qv)
        retrieved = hits[:max(self.top_k, 5)]
        q_s = to_simplified(p.asked)
        if not clauses:
            return self._abstain(p, retrieved, [], "empty")
        if about_other_place(q_s):
            return self._abstain(p, retrieved, clauses, "other-place")
        if OFF_TOPIC.search(q_s) or OFF_TOPIC.search(p.asked):
            return self._abstain(p, retrieved, clauses, "off-topic")
        named = re.findall(r"\d+\s*号线|\d+\s*路公交|\d+\s*路车|line \d+", q_s, re.I)
        if any(n.replace(" ", "") not in self._corpus_s for n in named):
            return self._abstain(p, retrieved, clauses, "off-topic")  # "地铁19号线" is not in the policy
        for reason, outside in (("other-period", self._other_period), ("district", district_share),
                                ("other-document", self._other_document)):
            if outside(p.asked, q_s):
                return self._abstain(p, retrieved, clauses, reason)
        if has_cjk(p.asked) and p.leans_on is None and _topic_words(to_simplified(_topic_text(p))):
            # a Chinese question is not answered by a clause that uses none of its words (nor
            # their policy terms) on similarity alone: the encoder matches 政策 to 政策
            clauses = [c for c in clauses if c.cover >= NO_COVER] or clauses
            if max(c.cover for c in clauses) < NO_COVER:
                return self._abstain(p, retrieved, clauses, "off-topic")
        best = max(clauses, key=lambda c: c.score)
        if not (best.cover >= MIN_COVER or best.dense >= STRONG_DENSE):
            return self._abstain(p, retrieved, clauses, "off-topic")
        needs = p.ask.needs
        if "current" in needs and (p.ask.kind in ("value", "statement") or "money" in needs):
            # the policy sets targets; it states no current prices or statistics
            return self._abstain(p, retrieved, clauses, "current")
        if p.ask.kind == "list":
            listed = self._answer_list(p, hits)
            if listed is not None:
                return listed
        pool = self._follow_up_focus(p, clauses)
        if pool is not clauses and p.ask.kind == "value" and not any(c.figure for c in pool) \
                and analyse(p.asked).kind == "statement":
            # "那燃气这块呢？" after a "how much" question: the new topic may state no figure
            p = replace(p, ask=Ask("statement", needs=p.ask.needs))
        if "definition" in needs:
            # "“十有四清”具体是指什么": a clause must spell the term out, not just name it
            term = to_simplified(quoted_phrase(p.asked))
            if term and term in self._corpus_s:
                pool = [c for c in pool if _defines(term, c.simplified)]
                if not pool:
                    return self._abstain(p, retrieved, clauses, "definition")
                needs = tuple(n for n in needs if n != "names")  # the spelled-out items are the names
            else:
                needs = tuple(n for n in needs if n != "names")  # "五个一样": the text says 一个样
        for need in (n for n in needs if n in NEED_EVIDENCE):
            pattern = NEED_EVIDENCE[need]
            cover_needed = (ENGLISH_NEED_COVER if not has_cjk(p.asked)
                            else NAME_NEED_COVER if need == "name" else NEED_COVER)
            fitting = [c for c in pool if (pattern.search(c.simplified) or need == "name" and _named_by_heading(c))
                       and (self._chunk_cover(p, c) >= cover_needed
                            or need == "money" and c.cover >= CLAUSE_NEED_COVER
                            or need == "name" and c.cover >= NAME_CLAUSE_COVER)]
            if not fitting and need == "time" and len(needs) == 1 and best.cover >= 0.5 \
                    and COMPLETION.search(to_simplified(p.asked)):
                period = self._document_period(p, best, retrieved)
                if period is not None:
                    return period
            if not fitting:
                return self._abstain(p, retrieved, clauses, need)
            pool = fitting
        if p.ask.kind == "value":
            with_value = [c for c in pool if c.value]
            if not re.search(r"\d", p.asked):
                # a worked example's figures answer only a question about such a case
                with_value = [c for c in with_value if not _is_example(c)]
            if "per-unit" in needs:
                # "每户摊多少": a city-wide total does not answer a per-household question
                with_value = [c for c in with_value if PER_UNIT.search(c.simplified)]
                if not with_value:
                    return self._abstain(p, retrieved, clauses, "per-unit")
            if not with_value and p.ask.value == "duration" and best.cover >= 0.5 \
                    and COMPLETION.search(to_simplified(p.asked)):
                period = self._document_period(p, best, retrieved)  # "这个要多少年完成"
                if period is not None:
                    return period
            if not with_value:
                return self._abstain(p, retrieved, clauses, "value" if best.cover >= 0.5 else "off-topic")
            best_v = max(with_value, key=_figure_score)
            if best_v.cover < VALUE_COVER and best_v.dense < VALUE_DENSE:
                return self._abstain(p, retrieved, clauses, "value")
            stated = _named_without_figure(to_simplified(p.asked), pool, best_v)
            if stated is not None and p.leans_on is None:
                # "房价收入比控制在什么水平": the one clause naming that indicator says "较低水平";
                # 城乡收入比1.8:1 is another indicator's figure
                return self._compose(p, stated, clauses, retrieved)
            if p.ask.value == "money" and best_v.cover < MONEY_COVER:
                # an amount belongs to whoever its clause is about: the 2000元 for talents
                # does not answer "托育补贴补多少"
                return self._abstain(p, retrieved, clauses, "value")
            return self._compose(p, best_v, clauses, retrieved)
        return self._compose(p, max(pool, key=lambda c: c.score), clauses, retrieved)

    def _follow_up_focus(self, p: Parsed, clauses: list[Clause]) -> list[Clause]:
        """For a follow-up, the clauses about its own new words ("那燃气这块呢？" → 燃气),
        when any candidate covers them; otherwise all candidates."""
        if p.leans_on is None:
            return clauses
        weights = _weights(_topic_words(_topic_text(p, p.asked)), self.retriever)
        if not weights:
            # "药呢？": a one-character topic still decides which clause is meant
            weights = {ch: 1.0 for ch in _CJK.findall(to_simplified(p.asked))
                       if ch not in _FUNCTION_CHARS and ch not in STOPWORDS and ch not in "呢吗么啊吧"}
            if not weights:
                return clauses
        own = [_coverage(weights, c.simplified + " " + self._path_s[self._position[c.chunk.id]])
               for c in clauses]
        top = max(own, default=0.0)
        if top < FOCUS_COVER / 2:
            return clauses
        # as close to the best as the glossary's alternatives allow (农村 or 乡村 or 城乡)
        return [c for c, x in zip(clauses, own) if x >= FOCUS_COVER * top]

    def _document_period(self, p: Parsed, best: Clause, retrieved: list[Hit]) -> Answer | None:
        """When an item names no date, the period its whole document runs for (十四五时期)."""
        doc = self.docs[best.chunk.doc_id]
        for c in self.index.chunks:
            if c.doc_id != doc.id or len(c.section_path) != 1 or c.section_path[0] != doc.title:
                continue  # only the preamble, before the first heading
            for sp in split_sentences(c.text, c.start):
                sentence = doc.text[sp.start:sp.end]
                m = re.search(r"“?十[一二三四五六七八九]五”?时期|\d{4}\s*年?\s*[-—至到]\s*\d{4}\s*年",
                              to_simplified(sentence))
                if m:
                    return self._compose_period(p, best, c, sp.start, sp.end, m.group(0), retrieved)
        return None

    def _compose_period(self, p: Parsed, best: Clause, c: Chunk, start: int, end: int, period: str,
                        retrieved: list[Hit]) -> Answer:
        doc = self.docs[c.doc_id]
        citations = [cite(doc, c, start, end), cite(self.docs[best.chunk.doc_id], best.chunk, best.start, best.end)]
        if p.script == ENGLISH:
            lead = f"The item itself names no date; the whole policy runs in the {period} period."
            body = lead + "\n" + "\n".join(f"“{x.quote}”" for x in citations)
        else:
            lead = to_script(f"该项没有单独写明完成时间；整个文件在{period}实施。", p.script)
            body = lead + "\n" + "\n".join(f"“{to_script(x.quote, p.script)}”" for x in citations)
        return Answer(p.asked, True, _with_sources(body, citations, p.script), citations,
                      self._pinned(self._positions_of(citations), retrieved), p.searched, p.script,
                      lead=lead, notices=p.notices)

    def _chunk_cover(self, p: Parsed, c: Clause) -> float:
        """Share of the question's topic bigrams found in the clause's chunk and its path.

        Bigrams, not words: "市民卡" is not covered by a text that only says "市民".
        """
        words = _topic_words(_topic_text(p))
        grams = _topic_grams(_topic_text(p))
        if not grams:
            return 0.0
        at = self._position[c.chunk.id]
        text = self._chunk_s[at] + " " + self._path_s[at]
        by_gram = sum(g in text for g in grams) / len(grams)
        by_word = _coverage(_weights(words, self.retriever, partial=False), text, partial=False)
        return min(by_gram, by_word)

    def _answer_list(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"生态惠民示范工程有哪几条": the best heading among the top hits, with its sub-sections."""
        for h in hits[:3]:
            if h.chunk.kind in ("heading", "section") and h.chunk.outline:
                return self._answer_section(replace(p, ask=Ask("list", section=h.chunk.code)), hits,
                                            positions=[h.position])
        return None

    def _following_items(self, c: Chunk) -> list[Chunk]:
        """The items right after a chunk that announces them (…指符合以下条件之一者：)."""
        start = self._position[c.id]
        base, depth = c.section_path, len(c.section_path)
        out = []
        for x in self.index.chunks[start + 1:]:
            if x.kind == "section":
                continue
            if x.doc_id != c.doc_id or len(x.section_path) <= depth or x.section_path[:depth] != base:
                break
            out.append(x)
            if len(out) == 8:
                break
        return out

    def _compose(self, p: Parsed, best: Clause, clauses: list[Clause], retrieved) -> Answer:
        doc = self.docs[best.chunk.doc_id]
        citations = [cite(doc, best.chunk, best.start, best.end)]
        if best.chunk.kind == "text" and best.chunk.section_path \
                and best.chunk.section_path[-1].rstrip().endswith(("？", "?")) \
                and best.chunk.end - best.chunk.start <= QA_REPLY_CHARS and p.ask.kind != "value":
            # a question-and-answer document: its short reply reads whole ("不能。…终止发放。")
            citations = [cite(doc, best.chunk, best.chunk.start, best.chunk.end)]
        if best.text.rstrip().endswith(("：", ":")):
            for x in self._following_items(best.chunk):
                end = x.end if x.kind != "heading" else title_end(x)
                citations.append(cite(self.docs[x.doc_id], x, x.start, end))
        # a second clause when it is nearly as good and says something else
        runner = [c for c in clauses if c is not best and c.score >= best.score - RUNNER_UP_MARGIN
                  and (c.value or p.ask.kind != "value") and c.text not in best.text]
        if runner and p.ask.kind in ("statement", "value") and len(citations) == 1:
            r = max(runner, key=lambda c: c.score)
            citations.append(cite(self.docs[r.chunk.doc_id], r.chunk, r.start, r.end))
        clause_text = to_script(citations[0].quote, p.script)
        if p.ask.kind == "value" and best.value:
            lead = to_script(best.value, p.script)
        else:
            lead = clause_text
        if p.script == ENGLISH:
            lead_line = _english_lead(p.ask, best.value, citations[0])
            body = lead_line + "\n" + "\n".join(f"“{c.quote}”" for c in citations)
        else:
            quotes = "\n".join(f"“{to_script(c.quote, p.script)}”" for c in citations)
            body = (f"{lead}。\n{quotes}" if lead != clause_text else quotes)
        text = _with_sources(body, citations, p.script)
        retrieved = self._pinned(self._positions_of(citations[:1]), retrieved)
        return Answer(p.asked, True, text, citations, retrieved, p.searched, p.script, lead=lead,
                      notices=p.notices)

    def _abstain(self, p: Parsed, retrieved, clauses: list[Clause], reason: str) -> Answer:
        near = sorted(clauses, key=lambda c: c.score, reverse=True)
        citations, seen = [], set()
        for c in near:
            if c.chunk.id in seen or reason in ("off-topic", "other-place") and c.score < 0.3:
                continue
            seen.add(c.chunk.id)
            citations.append(cite(self.docs[c.chunk.doc_id], c.chunk, c.start, c.end))
            if len(citations) == 3:
                break
        message = abstain_message(reason, p.script)
        if citations:
            related = "\n".join(f"- “{to_script(c.quote, p.script)}”（{to_script(c.section, p.script)}）"
                                if p.script != ENGLISH else f"- “{c.quote}” ({c.section})" for c in citations)
            head = "最相关的条款：" if p.script != ENGLISH else "Nearest related clauses:"
            message += "\n" + to_script(head, p.script) + "\n" + related
        return Answer(p.asked, False, message, citations, retrieved, p.searched, p.script,
                      reason=reason, notices=p.notices)


# ------------------------------------------------------------------ text

_TITLE_END = re.compile(r"[。；]")


def _title_span(c: Chunk) -> tuple[int, int]:
    line = c.text[: title_end(c) - c.start]
    m = _TITLE_END.search(line)
    return c.start, c.start + (m.start() if m else len(line))


_NUM_CN_SMALL = "零一二三四五六七八九"


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _answer_pieces(text: str | None) -> list[str]:
    """The quotable pieces of an earlier answer, longest first (its quotes, its clauses)."""
    return sorted((x for x in re.split(r"[“”\"：:\n（）()]", text or "") if len(x) >= 6), key=len, reverse=True)


def _named_without_figure(q_s: str, pool: list[Clause], best_v: Clause) -> Clause | None:
    """The one candidate clause that names the question's indicator (a term of four or more
    characters ending in 比/率/指数) when it states no figure and the figure's clause does not
    name that indicator."""
    for size in range(8, 3, -1):
        for i in range(len(q_s) - size + 1):
            term = q_s[i:i + size]
            if not _CJK_RUN.fullmatch(term) or not term.endswith(("比", "率", "指数")) \
                    or term in best_v.simplified:
                continue
            naming = {c.simplified: c for c in pool if term in c.simplified}
            if len(naming) == 1:
                clause = next(iter(naming.values()))
                return None if clause.figure else clause
    return None


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _named_by_heading(c: "Clause") -> bool:
    """Whether the clause sits under a heading that names a project, system or plan."""
    return any(re.search(r"(工程|体系|行动|计划|平台|系统|机制|专栏)$", to_simplified(part).rstrip("。"))
               for part in c.chunk.section_path)


def _defines(term: str, text_s: str) -> bool:
    """Whether a clause spells a term out: 所称“县市新城”包括…, “X”是指…, X：…, or the term
    followed by the quoted items it stands for (“五绿润城”行动…“绿心”、…“绿肺”)."""
    at = text_s.find(term)
    if at < 0:
        return False
    rest = text_s[at + len(term):]
    before = re.split(r"[，,。；;：:]", text_s[:at])[-1]
    return bool(re.match(r"[”\"」』]?\s*(是指|指|即|包括|包含|分别是|：|:|（|\()", rest[:4])) \
        or "所称" in text_s[:at] or len(re.findall(r"“[^”]{1,12}”", rest)) >= 2 or before.count("、") >= 2 \
        or text_s.count(term) >= 3  # “有无熟人一个样、大小企业一个样、…”

_CN_VALUE = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _bare_title(c: Chunk) -> str:
    """A heading's title without its number and full stop: 生活成本竞争力提升工程."""
    title = to_simplified(_title_text(c)).strip()
    return re.sub(r"^(第[一二三四五六七八九十百]+[章条]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])\s*",
                  "", title).rstrip("。.；;:：？?")


def _distinct_name(doc: Document, q_s: str) -> bool:
    """Whether a question names a related document by a word of its title (优租, 急需紧缺)."""
    title = to_simplified(doc.title).removeprefix("成都市")
    return any(title[i:i + 4] in q_s for i in range(len(title) - 3))


def _title_text(c: Chunk) -> str:
    s, e = _title_span(c)
    return c.text[: e - s]


def _with_sources(body: str, citations: list[Citation], script: str) -> str:
    if not citations:
        return body
    if script == ENGLISH:
        src = "; ".join(f"{c.section}" for c in citations[:3])
        return f"{body}\n(Source: {src})"
    src = "；".join(to_script(c.section, script) for c in citations[:3])
    return f"{body}\n（出处：{src}）" if script == SIMPLIFIED else f"{body}\n（出處：{src}）"


_UNIT_GLOSS = [("折", lambda v: f" (you pay {float(v[:-1]) * 10:g}% of the price)"),
               ("天", lambda v: " (days)"), ("分钟", lambda v: " (minutes)"),
               ("万", lambda v: " (万 = 10,000)"), ("公里", lambda v: " (km)")]


def _english_lead(ask: Ask, value: str | None, c: Citation) -> str:
    if value:
        gloss = ""
        for unit, fn in _UNIT_GLOSS:
            if unit in value:
                try:
                    gloss = fn(value)
                except ValueError:
                    gloss = ""
                break
        return f"The policy states {value}{gloss} — see the quoted clause ({c.section})."
    return f"The policy addresses this in {c.section}; the clause reads:"
