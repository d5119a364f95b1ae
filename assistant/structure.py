"""Structure: answers read off the documents' own structure, not chosen among clauses.

A section named by number or title (二(八)4 原文, 第九项工程叫什么, (八)有哪几条), the items a
quoted prefix begins (“人人都……”), where a phrase appears, the sentence after the last quote, the
document's title/issuers/period/source lines, and the entitlements for a kind of person. Each
answer method returns None when the question is not of its kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .chunk import Chunk, split_sentences, title_end
from .cite import Citation, cite
from .figures import figures_left_out, find_figure
from .index import Index
from .ingest import Document
from .expand import COLLOQUIAL, expand_query
from .lexical import content_words
from .question import ORDINAL_EN, ADJACENT, Ask, Parsed, locate_phrase
from .reply import Answer, with_sources
from .retrieve import Hit
from .scope import NEED_EVIDENCE, PERSON_NEEDS
from .script import ENGLISH, to_script, to_simplified


CATEGORY_LABELS = {
    "housing": ("住房", "Housing"), "work": ("就业", "Work"), "start-up": ("创业", "Start-up"),
    "education": ("教育", "Education"), "health": ("医疗健康", "Health"), "care": ("照护养老", "Care"),
    "transport": ("交通出行", "Transport"), "environment": ("生态环境", "Environment"),
    "services": ("生活服务", "Services"), "income": ("收入", "Income"), "other": ("其他", "Other"),
}


# What a section shown whole must state when the question asks for it (an amount, a place...)
CHECKED_NEEDS = frozenset({"money", "place", "time", "hours", "materials", "contact", "phone", "processing", "operator", "appeal", "person", "department", "payday",
                           "interest", "collateral", "batch", "concession", "penalty", "sanction", "budget", "funder", "tax", "districts", "docno", "sport", "former", "rank", "deadline", "address", "education"}) | PERSON_NEEDS


class Structure:
    """Section, item and sentence lookups over the indexed chunks of the corpus."""

    def __init__(self, index: Index, docs: dict[str, Document], doc_s: dict[str, str], top_k: int = 8):
        """Args: `doc_s` is each document's text in Simplified characters (same offsets)."""
        self.index = index
        self.docs = docs
        self.top_k = top_k
        self._doc_s = doc_s
        self._register = None
        self._all_text: str | None = None
        self.chunk_s = [doc_s[c.doc_id][c.start:c.end] if c.doc_id in doc_s else to_simplified(c.text)
                        for c in index.chunks]
        self.position = {c.id: i for i, c in enumerate(index.chunks)}
        self._by_code: dict[str, list[int]] = {}
        for i, c in enumerate(index.chunks):
            self._by_code.setdefault(c.code, []).append(i)

    def pinned(self, positions: list[int], hits: list[Hit]) -> list[Hit]:
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

    def positions_of(self, citations: list[Citation]) -> list[int]:
        return [self.position[c.chunk_id] for c in citations if c.chunk_id in self.position]

    def _section_chunks(self, code: str) -> list[int]:
        if code.startswith("第") and code.endswith("条"):
            return [i for i, c in enumerate(self.index.chunks) if c.code.endswith(code) or
                    re.search(re.escape(code) + r"(?![十一二三四五六七八九])", c.code)
                    and not re.search(re.escape(code) + r"[(（]", c.code)]
        return list(self._by_code.get(code, []))

    def missing(self, code: str) -> bool:
        """Whether a section code a question names ("二(六)6", "第三十条") is not in the corpus."""
        return bool(re.fullmatch(r"[一二三](\([一二三四五六七八九十]+\))?\d*|第[一二三四五六七八九十百零]+条", code)) \
            and not self._section_chunks(code)

    def _children(self, head: Chunk) -> list[Chunk]:
        """The first chunk of each direct sub-section of a heading, in order."""
        depth = len(head.section_path)
        return [c for c in self.index.chunks
                if c.doc_id == head.doc_id and len(c.section_path) == depth + 1
                and c.section_path[:depth] == head.section_path
                and (c.id == f"{c.doc_id}#{c.code}" or c.id == f"{c.doc_id}#{c.code}~1")]

    def _named_heading(self, q_s: str, partial: bool = False) -> Chunk | None:
        """The heading whose title the question names (the longest); with `partial`, also by the
        first four characters of a project's name ("生态惠民那部分")."""
        named = [c for c in self.index.chunks if c.kind == "heading" and len(_bare_title(c)) >= 4
                 and _bare_title(c) in q_s]
        if not named and partial:
            # "生态惠民那部分" (its first words), "营商环境建设工程" (its last words)
            named = [c for c in self.index.chunks if c.kind == "heading" and len(_bare_title(c)) >= 6
                     and (_bare_title(c)[:4] in q_s or len(_bare_title(c)) >= 10 and _bare_title(c)[-8:] in q_s)]
            if not named:
                named = self._project_by_shorthand(q_s)
            if len({c.code for c in named}) != 1:
                return None
        return max(named, key=lambda c: len(_bare_title(c))) if named else None

    def _project_by_shorthand(self, q_s: str) -> list[Chunk]:
        """"青年工程", "通勤工程": a project named by a word of its title and 工程."""
        for m in re.finditer(r"([\u4e00-\u9fff]{2,4})工程", q_s):
            for size in (4, 3, 2):
                word = m.group(1)[-size:]
                named = [c for c in self.index.chunks if c.kind == "heading" and _bare_title(c).endswith("工程")
                         and word in _bare_title(c)]
                if len(named) == 1:
                    return named
            # "收入提升工程": the title's words in order, with some left out (居民收入水平提升工程)
            gaps = ".*".join(map(re.escape, m.group(1)))
            named = [c for c in self.index.chunks if c.kind == "heading" and _bare_title(c).endswith("工程")
                     and len(m.group(1)) >= 3 and re.search(gaps, _bare_title(c))]
            if len(named) == 1:
                return named
        return []

    def name_section(self, p: Parsed) -> Parsed:
        """A heading named by its title: "生活成本竞争力提升工程第1条" (then an item number, also
        after "努力方向有几条？" → "第二条呢"), "城市通勤效率提升工程一共几项，各叫什么" (its items)."""
        q_s = to_simplified(p.asked)
        if re.fullmatch(r"二\([一二三四五六七八九十]+\)", p.ask.section):
            # "（一）重大意义里说…": a bare (一) is read as a project; its title says which part
            number = p.ask.section[1:]
            named = [c for c in self.index.chunks if c.code in (f"一{number}", f"三{number}")
                     and len(title := _item_title(c)) >= 4 and title in q_s]
            if named:
                p = replace(p, ask=Ask(p.ask.kind, p.ask.value, named[0].code, p.ask.needs))
        m = re.search(r"第\s*([一二三四五六七八九十]+|\d{1,2})\s*(?:条|项|点|小项)", q_s)
        if not m and p.script == ENGLISH and not p.ask.section:
            return self._english_item(p)
        if not m:
            if p.ask.section or not re.search(r"一共几|(?<!第)几项|(?<!第)几条|各叫|分别叫|分别是什么|哪几条|哪几项|还有哪几个|还有哪些|"
                                              r"[一二三四五六七八九十两\d]\s*(条|项)(任务)?(的)?(标题|名称|是啥|是什么|分别|都是|叫)|"
                                              r"(有|分|包括|包含|从)哪[一二三四五六七八九十几]+(项|个|块|条|点|类|部分|方面)", q_s):
                return p
            head = self._named_heading(q_s, partial=True)
            if head is None or not self._children(head):
                return p
            return replace(p, ask=Ask("list", section=head.code, needs=p.ask.needs))
        if p.ask.section and not re.fullmatch(r"第.+条", p.ask.section):
            return p
        head = (self._named_heading(q_s) or self._named_heading(q_s, partial=True)
                or (self._named_heading(to_simplified(p.leans_on)) if p.leans_on else None))
        if head is None:
            return p
        n = m.group(1)
        n = int(n) if n.isdigit() else _CN_VALUE.get(n, 0)
        children = self._children(head)
        if not 1 <= n <= len(children):
            return p
        kind = p.ask.kind if p.ask.kind in ("name", "list", "value") else "section"
        return replace(p, ask=Ask(kind, p.ask.value, children[n - 1].code, p.ask.needs))

    def _english_item(self, p: Parsed) -> Parsed:
        """"the heading of task 4 under the youth innovation … project": an item of a project
        named in English (through the glossary's words for its title)."""
        low = p.asked.lower()
        m = re.search(r"\b(?:task|item|point|sub-?item)\s+(?:no\.?\s*|number\s+)?(\d{1,2})\b", low)
        n = int(m.group(1)) if m else 0
        if not m:
            m = re.search(r"\b(first|second|third|fourth|fifth|sixth)\s+(?:task|item|point)\b", low)
            n = ORDINAL_EN[m.group(1)] if m else 0
        if not n and not re.search(r"\b(what are|list|name)\b.{0,30}\b(items|tasks|parts|sub-?items|points)\b", low):
            return p
        named = self._project_by_shorthand(to_simplified(expand_query(low)).replace(" ", ""))
        if not n:
            # "What are the four numbered items of the youth … project?": its items
            return replace(p, ask=Ask("list", section=named[0].code, needs=p.ask.needs)) if named else p
        children = self._children(named[0]) if named else []
        if not 1 <= n <= len(children):
            return p
        kind = p.ask.kind if p.ask.kind in ("name", "list", "value") else "section"
        if re.search(r"\b(heading|title|called|name)\b", low):
            kind = "name"
        return replace(p, ask=Ask(kind, p.ask.value, children[n - 1].code, p.ask.needs))

    def answer_section(self, p: Parsed, hits: list[Hit], positions: list[int] | None = None
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
            counted = _COUNT_ASKED.search(to_simplified(p.asked))
            if counted:  # "保障措施一共有几条": the count first
                n = len(citations)
                text_body = (f"{n} items. " if p.script == ENGLISH
                             else to_script(f"共{n}{counted.group(1) or '项'}。", p.script)) + text_body
        else:
            if head.kind == "heading":  # a project: its name, then its opening paragraph
                s, e = _title_span(head)
                citations.append(cite(doc, head, s, e))
            for c in body:
                citations.append(cite(self.docs[c.doc_id], c, c.start, c.end))
            text_body = "\n".join(to_script(c.quote, p.script) for c in citations)
            if wants == "value":
                kind = "money" if "money" in p.ask.needs else p.ask.value
                q_s = to_simplified(p.asked)
                figure = find_figure(kind, to_simplified(text_body), [],
                                     figures_left_out(q_s))
                # "二(一)里城乡收入比要缩小到多少": not the intro's 7.5% when the ratio sits in an item
                value = figure.text if figure and figure.exact else None
                if not value:
                    # "二(八)2 的补贴各档标准是多少", "二(五)1改造6100个，其中2022年完成多少",
                    # "第二十三条…那市级博士后资助标准是多少": the clauses decide, or abstain
                    return None
                if value:
                    lead = to_script(value, p.script)
                    text_body = lead + "。" + text_body
        if wants in ("section", "value") and any(
                need in CHECKED_NEEDS and not NEED_EVIDENCE[need].search(to_simplified(text_body))
                for need in p.ask.needs):
            return None  # "二(九)2的避难场所分别位于哪些区": the section does not say; the clauses decide
        # the whole section first (it holds every sub-section), then what was cited
        wide = [i for i, c in enumerate(self.index.chunks)
                if c.doc_id == head.doc_id and c.code == head.code and c.kind in ("heading", "section")]
        retrieved = self.pinned(wide + positions + self.positions_of(citations), hits)
        text = with_sources(text_body, citations, p.script)
        return Answer(p.asked, True, text, citations, retrieved, p.searched, p.script, lead=lead,
                      notices=p.notices)

    def answer_list(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"生态惠民示范工程有哪几条": the best heading among the top hits, with its sub-sections."""
        for h in hits[:3]:
            if h.chunk.kind in ("heading", "section") and h.chunk.outline:
                return self.answer_section(replace(p, ask=Ask("list", section=h.chunk.code)), hits,
                                            positions=[h.position])
        return None

    def following_items(self, c: Chunk) -> list[Chunk]:
        """The items right after a chunk that announces them (…指符合以下条件之一者：)."""
        start = self.position[c.id]
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

    def answer_prefixed(self, p: Parsed, hits: list[Hit]) -> Answer | None:
        """"那几个“人人都……”分别是什么": every item whose title starts with the quoted words."""
        m = re.search(r"[“\"「]([^”\"」…]{1,10})(?:……|…|\.\.\.)[”\"」]|[“\"「]([^”\"」…]{1,10})[”\"」]\s*(?:分别|都是|是哪|有哪)"
                      r"|几个([\u4e00-\u9fff]{2,4}?)(?:都|分别)?(?:是啥|是什么|是哪些)",  # "那几个人人都是啥"
                      to_simplified(p.asked))
        if not m:
            return None
        prefix = m.group(1) or m.group(2) or m.group(3)
        items = [c for c in self.index.chunks if c.kind != "section" and c.section_path
                 and to_simplified(c.section_path[-1]).lstrip("—").startswith(prefix)
                 and c.start == min(x.start for x in self.index.chunks if x.id.split("~")[0] == c.id.split("~")[0])]
        if len(items) < 2:  # "生态惠民工程那几个“更”": the items of one section whose titles hold it
            holding = [c for c in self.index.chunks if c.kind != "section" and c.section_path
                       and c.id == f"{c.doc_id}#{c.code}" and prefix in _item_title(c) and len(_item_title(c)) <= 12]
            groups: dict[tuple, list[Chunk]] = {}
            for c in holding:
                groups.setdefault(tuple(c.section_path[:-1]), []).append(c)
            ranked = sorted(groups.values(), key=len, reverse=True)
            if ranked and (len(ranked) == 1 or len(ranked[0]) > len(ranked[1])):
                items = ranked[0]  # the section most of them share (天更蓝…景更美, not 收入分配更加…)
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
        return Answer(p.asked, True, with_sources(body, citations, p.script), citations,
                      self.pinned(parent + self.positions_of(citations), hits), p.searched, p.script,
                      lead=citations[0].quote, notices=p.notices)

    def answer_document(self, p: Parsed, hits: list[Hit]) -> Answer | None:
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
        return Answer(p.asked, True, with_sources(body, [citation], p.script), [citation],
                      self.pinned([self.position[chunk.id]], hits), p.searched, p.script, lead=lead,
                      notices=p.notices)

    def _compose_span(self, p: Parsed, hits: list[Hit], doc: Document, chunk: Chunk, start: int, end: int,
                      lead: str) -> Answer:
        """An answer that states a short finding, then quotes the one sentence that holds it."""
        citation = cite(doc, chunk, start, end)
        quote = citation.quote if p.script == ENGLISH else to_script(citation.quote, p.script)
        lead = lead if p.script == ENGLISH else to_script(lead, p.script)
        body = f"{lead}。\n“{quote}”" if p.script != ENGLISH else f"{lead}\n“{quote}”"
        return Answer(p.asked, True, with_sources(body, [citation], p.script), [citation],
                      self.pinned([self.position[chunk.id]], hits), p.searched, p.script, lead=lead,
                      notices=p.notices)

    def document_period(self, p: Parsed, item: Citation, retrieved: list[Hit]) -> Answer | None:
        """When an item (`item`, the clause found) names no date, the period its whole document
        runs for (十四五时期)."""
        doc = self.docs[item.doc_id]
        for c in self.index.chunks:
            if c.doc_id != doc.id or len(c.section_path) != 1 or c.section_path[0] != doc.title:
                continue  # only the preamble, before the first heading
            for sp in split_sentences(c.text, c.start):
                sentence = doc.text[sp.start:sp.end]
                m = re.search(r"“?十[一二三四五六七八九]五”?时期|\d{4}\s*年?\s*[-—至到]\s*\d{4}\s*年",
                              to_simplified(sentence))
                if m:
                    return self._compose_period(p, item, c, sp.start, sp.end, m.group(0), retrieved)
        return None

    def _compose_period(self, p: Parsed, item: Citation, c: Chunk, start: int, end: int, period: str,
                        retrieved: list[Hit]) -> Answer:
        citations = [cite(self.docs[c.doc_id], c, start, end), item]
        if p.script == ENGLISH:
            lead = f"The item itself names no date; the whole policy runs in the {period} period."
            body = lead + "\n" + "\n".join(f"“{x.quote}”" for x in citations)
        else:
            lead = to_script(f"该项没有单独写明完成时间；整个文件在{period}实施。", p.script)
            body = lead + "\n" + "\n".join(f"“{to_script(x.quote, p.script)}”" for x in citations)
        return Answer(p.asked, True, with_sources(body, citations, p.script), citations,
                      self.pinned(self.positions_of(citations), retrieved), p.searched, p.script,
                      lead=lead, notices=p.notices)

    @property
    def corpus_s(self) -> str:
        if self._all_text is None:
            self._all_text = "\n".join(self._doc_s.values())
        return self._all_text

    def quoted_before(self, p: Parsed) -> str:
        """The longest piece of the last answer that the corpus holds verbatim."""
        whole = next((x for x in _answer_pieces(p.previous_answer)
                      if to_simplified(x).strip("。； ") in self.corpus_s), "")
        if whole or not p.previous_answer:
            return whole
        # a reply in its own words ("意见提出实现300米见绿、500米见园"): its longest stretch
        # the corpus holds verbatim, if that is long enough to point at one place
        text = to_simplified(p.previous_answer)
        for size in range(min(len(text), 40), 5, -1):
            for i in range(len(text) - size + 1):
                piece = text[i:i + size]
                if len(_CJK.findall(piece)) >= 4 and piece in self.corpus_s:
                    return piece
        return ""

    def answer_locate(self, p: Parsed, hits: list[Hit], phrase: str = "") -> Answer | None:
        """"“6100个”出自哪一条": the sections whose text holds the quoted words."""
        phrase = to_simplified(phrase or locate_phrase(p.asked)).replace(" ", "").strip("。；")
        if not phrase:
            return None
        within = p.ask.section
        citations, positions = ([], []) if re.search(r"第几章|哪一?章", to_simplified(p.asked)) \
            else self._verbatim(phrase, within)  # "讲经费保障的是第几章": a chapter is found by its heading
        spaced = _spaced(phrase)
        if not citations:  # "讲经费保障的是第几章": a phrase that only a heading holds
            for i, c in enumerate(self.index.chunks):
                if c.kind in ("heading", "section") and (not within or c.code.startswith(within)):
                    s0, e0 = _title_span(c)
                    if spaced.search(to_simplified(c.text[: e0 - s0])):
                        citations.append(cite(self.docs[c.doc_id], c, s0, e0))
                        positions.append(i)
                        break
        if not citations:
            citations, positions = self._loosely_located(phrase, within, hits)
        if not citations:  # "“五个一样”是哪个工程提出来的": the policy's own words for it (一个样)
            for term in COLLOQUIAL.get(phrase, "").split():
                citations, positions = self._verbatim(term, within)
                if citations:
                    break
        if not citations:
            return None
        where = "；".join(to_script(c.section, p.script) for c in citations)
        lead = where
        # "“城市大脑”属于哪个工程": the heading of each place found is part of the answer
        positions = positions + [i for x in positions for i in self._headings_above(self.index.chunks[x])]
        body = (f"“{to_script(phrase, p.script)}”出自：{where}" if p.script != ENGLISH
                else f"“{phrase}” appears in: {where}")
        body += "\n" + "\n".join(f"“{to_script(c.quote, p.script)}”" for c in citations)
        return Answer(p.asked, True, with_sources(body, citations, p.script), citations,
                      self.pinned(positions, hits), p.searched, p.script, lead=lead, notices=p.notices)

    def _verbatim(self, phrase: str, within: str) -> tuple[list[Citation], list[int]]:
        """The sentences (up to 3) holding a phrase verbatim: the clause defining it first, then
        one titled by it ("第七条 企业引才补贴"), then the rest in document order."""
        spaced = _spaced(phrase)
        citations, positions = [], []
        order = sorted(range(len(self.index.chunks)),
                       key=lambda i: (not defines(phrase, self.chunk_s[i]),
                                      phrase not in to_simplified(self.index.chunks[i].section_path[-1]
                                                                  if self.index.chunks[i].section_path else "")))
        for i in order:
            c = self.index.chunks[i]
            if c.kind != "text" or within and not c.code.startswith(within):
                continue
            found = spaced.search(self.chunk_s[i])
            if found is None:
                continue
            at = c.start + found.start()
            sentence = next((sp for sp in split_sentences(c.text, c.start) if sp.start <= at < sp.end), None)
            s0, e0 = (sentence.start, sentence.end) if sentence else (c.start, c.end)
            citations.append(cite(self.docs[c.doc_id], c, s0, e0))
            positions.append(i)
            if len(citations) == 3:
                break
        return citations, positions

    def _headings_above(self, c: Chunk) -> list[int]:
        """The first chunk of each section a chunk sits under (its heading), nearest first,
        without the document's parts."""
        return [i for i, h in sorted(((i, h) for i, h in enumerate(self.index.chunks)
                                      if h.kind in ("heading", "text") and h.doc_id == c.doc_id and h.id != c.id
                                      and h.id == f"{h.doc_id}#{h.code}" and 2 <= len(h.section_path) < len(c.section_path)
                                      and c.section_path[:len(h.section_path)] == h.section_path),
                                     key=lambda x: -len(x[1].section_path))]

    def _loosely_located(self, phrase: str, within: str, hits: list[Hit]) -> tuple[list[Citation], list[int]]:
        """For a phrase the text does not hold verbatim, the chunks holding all its words (up to
        3, best-ranked first), each cited by its sentence holding most of them ("15分钟社区生活圈":
        城市社区15分钟步行生活圈; "电梯年检、消防队站": the item that has both)."""
        words = [w for w in content_words(phrase) if len(w) >= 2]
        if len(words) < 2:
            return [], []
        ranked = [h.position for h in hits] + list(range(len(self.index.chunks)))
        citations, positions = [], []
        for i in dict.fromkeys(ranked):
            c = self.index.chunks[i]
            if c.kind != "text" or within and not c.code.startswith(within):
                continue
            if not all(_held(w, self.chunk_s[i]) for w in words):
                continue
            sentences = split_sentences(c.text, c.start)
            held = [sum(_held(w, self._doc_s[c.doc_id][sp.start:sp.end]) for w in words) for sp in sentences]
            if held:  # the sentence holding all the words, or else most of them
                sp = sentences[held.index(max(held))]
                citations.append(cite(self.docs[c.doc_id], c, sp.start, sp.end))
                positions.append(i)
            if len(citations) == 3:
                break
        return citations, positions

    def answer_adjacent(self, p: Parsed, hits: list[Hit]) -> Answer | None:
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
                return Answer(p.asked, True, with_sources(body, [citation], p.script), [citation],
                              self.pinned([self.position[chunk.id]], hits), p.searched, p.script,
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

    @property
    def register(self):
        """The entitlements register, derived from the corpus on first use."""
        if self._register is None:
            from .entitlements import build_register

            self._register = build_register(list(self.docs.values()))
        return self._register

    def answer_benefits(self, p: Parsed, hits: list[Hit]) -> Answer | None:
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
        if who:
            head = (f"按原文，与{who}相关的权益和服务：" if p.script != ENGLISH
                    else f"What the policy offers for {who} (quoted clauses below):")
        else:  # the topic matched, but no kind of person was named
            head = "按原文，相关的权益和服务：" if p.script != ENGLISH else "What the policy offers (quoted clauses below):"
        body = to_script(head, p.script) + "\n" + "\n".join(lines)
        return Answer(p.asked, True, with_sources(body, citations, p.script), citations,
                      self.pinned(self.positions_of(citations), hits), p.searched, p.script,
                      lead=to_script(head, p.script), notices=p.notices)


# ------------------------------------------------------------------ text

_TITLE_END = re.compile(r"[。；]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _title_span(c: Chunk) -> tuple[int, int]:
    line = c.text[: title_end(c) - c.start]
    m = _TITLE_END.search(line)
    return c.start, c.start + (m.start() if m else len(line))


def _answer_pieces(text: str | None) -> list[str]:
    """The quotable pieces of an earlier answer, longest first (its quotes, its clauses)."""
    return sorted((x for x in re.split(r"[“”\"：:\n（）()]", text or "") if len(x) >= 6), key=len, reverse=True)


def defines(term: str, text_s: str) -> bool:
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


def _held(word: str, text_s: str) -> bool:
    """Whether a text holds a word or one of the policy's terms for it (打折 → 折)."""
    return word in text_s or any(term in text_s for term in COLLOQUIAL.get(word, "").split())


def _spaced(phrase: str) -> re.Pattern:
    """A phrase as found in the text, which may space a Latin word off ("跨境電商 O2O")."""
    return re.compile(r"\s*".join(map(re.escape, phrase)))


# "一共有几条", "how many tasks": a list question that also asks for the count
_COUNT_ASKED = re.compile(r"(?:几|多少)(项|条|个|点|块|部分|方面|类)|\bhow many\b", re.I)


def _item_title(c: Chunk) -> str:
    """The last heading on a chunk's path without its number: 重大意义 for "(一)重大意义"."""
    return re.sub(r"^[(（][一二三四五六七八九十]+[)）]", "", to_simplified(c.section_path[-1])).strip("。 ") \
        if c.section_path else ""


def _title_text(c: Chunk) -> str:
    s, e = _title_span(c)
    return c.text[: e - s]
