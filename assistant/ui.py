"""Web interface (Gradio 6 Blocks): chat for residents, rule lookup for service-hall staff,
"what can I get" (entitlements) and an evaluators' tab.

Every piece of corpus text and user text that goes into HTML passes through `html.escape`;
chat messages are rendered as sanitised HTML with markdown off, so a question such as
``<script>alert(1)</script>`` is shown literally and never runs.

The chat is also an API endpoint ``/chat`` (the `chat` function in `build_app`)::

    from gradio_client import Client
    client = Client("http://127.0.0.1:7860/")
    answer, rendered = client.predict("人才公寓打几折？", "[]", api_name="/chat")
    # answer: the dict of `python -m assistant ask --json`; rendered: the answer as HTML
"""

from __future__ import annotations

import glob
import html
import json
import logging
import os
import re
import tempfile
import threading
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import gradio as gr

from .errors import AssistantError
from .script import ENGLISH, TRADITIONAL, to_script, to_simplified
from .settings import Settings

log = logging.getLogger("assistant.ui")

EXAMPLES = [
    "人才公寓打几折？",
    "蓉漂驿站能免费住几天？",
    "创业有哪些支持？",
    "要新增多少养老床位？",
    "平均通勤时间目标是多少？",
    "15分钟生活圈是怎么规定的？",
]
LOADING = "正在加载索引…"
NOT_READY = "索引仍在加载，请稍候几秒再试。"
INTERNAL_ERROR = "内部错误，请稍后重试（详细信息已记录在服务器日志中）。"
ORIGINAL_LABEL = "显示原文（繁体）"
ALL = "（全部）"
CN_NUMERALS = "一二三四五六七八九十百零〇两"


# ------------------------------------------------------------------ loading the assistant

class Loader:
    """Builds/loads the Assistant in a background thread; the page shows its status."""

    def __init__(self, settings: Settings | None = None, assistant=None):
        self.settings = settings or getattr(assistant, "settings", None)
        self.assistant = assistant
        self.error: str | None = None
        self.messages: list[str] = []
        self.lock = threading.Lock()  # one question at a time through the retriever/encoder
        self._thread: threading.Thread | None = None
        self._register = None
        self._register_error: str | None = None
        self._register_lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self.assistant is not None

    def start(self) -> "Loader":
        if self.assistant is None and self._thread is None:
            self._thread = threading.Thread(target=self._load, name="assistant-loader", daemon=True)
            self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self.ready

    def _log(self, msg: str) -> None:
        self.messages.append(str(msg))
        log.info("%s", msg)

    def _load(self) -> None:
        from .pipeline import Assistant, warm_up

        try:
            settings = self.settings
            if settings is None:
                settings = Settings.load()
                if not os.environ.get("ASSISTANT_THREADS"):
                    # Concurrent requests: one BLAS thread per question keeps the encoder from
                    # oversubscribing the cores (measured: ~4x less CPU per request under load,
                    # and no slower for a single question).
                    settings = settings.with_(threads=1)
            self.settings = settings
            self._log(LOADING)
            assistant = Assistant(settings, log=self._log)
            self._log("正在预热分词与向量模型…")
            warm_up(assistant)
            self.assistant = assistant
            self._log(self.status_text())
        except AssistantError as e:
            self.error = str(e)
            log.error("loading the assistant failed: %s", e)
        except Exception:  # noqa: BLE001 - shown as a message, logged with its traceback
            self.error = INTERNAL_ERROR
            log.error("loading the assistant failed:\n%s", traceback.format_exc())

    def status_text(self) -> str:
        if self.ready:
            a = self.assistant
            return f"已就绪: {len(a.documents)} 个文档, {len(a.index.chunks)} 个条款"
        if self.error:
            return f"加载失败：{self.error}"
        last = self.messages[-1] if self.messages else ""
        return LOADING + (f"（{last}）" if last and last != LOADING else "")

    def status_html(self) -> str:
        state = "ready" if self.ready else ("error" if self.error else "loading")
        return (f'<div class="pa-status pa-status-{state}" id="pa-status" data-state="{state}">'
                f"{html.escape(self.status_text())}</div>")

    def max_chars(self) -> int:
        return (self.settings or Settings.load()).max_question_chars

    def ask(self, question: str, history=None):
        with self.lock:
            return self.assistant.ask(question, history)

    def search(self, query: str, k: int):
        with self.lock:
            return self.assistant.search(query, k=k)

    def register(self):
        """The entitlements register, built once (None with an error message when unavailable)."""
        with self._register_lock:
            if self._register is None and self._register_error is None:
                try:
                    from . import entitlements
                except ImportError as e:
                    self._register_error = f"“我能享受什么”模块暂不可用（assistant.entitlements 未安装：{e}）。"
                    return None
                try:
                    self._register = (entitlements, entitlements.build_register(self.assistant.documents))
                except AssistantError as e:
                    self._register_error = str(e)
                except Exception:  # noqa: BLE001
                    log.error("building the entitlements register failed:\n%s", traceback.format_exc())
                    self._register_error = INTERNAL_ERROR
            return self._register

    @property
    def register_error(self) -> str | None:
        return self._register_error


# ------------------------------------------------------------------ text helpers

def esc(text) -> str:
    """HTML-escape any text (corpus or user) before it goes into markup."""
    return html.escape("" if text is None else str(text), quote=True)


def esc_lines(text: str) -> str:
    return "<br>".join(esc(line) for line in str(text).split("\n"))


def highlight_terms(question: str, extra: list[str] | None = None) -> list[str]:
    """Words of a question worth highlighting in quotes (Simplified; longest first)."""
    from .lexical import content_words

    terms: list[str] = []
    try:
        words = content_words(to_simplified(question or ""))
    except Exception:  # noqa: BLE001 - highlighting is cosmetic
        words = []
    for w in words + list(extra or []):
        w = to_simplified(w.strip().strip("“”。，,"))
        if not w:
            continue
        if len(w) >= 2 or w.isdigit():
            terms.append(w)
    return sorted(set(terms), key=len, reverse=True)


def mark_html(shown: str, terms: list[str], match_in: str | None = None) -> str:
    """`shown` escaped, with every occurrence of a term wrapped in <mark>.

    Matching runs on `match_in` (default: the Simplified form of `shown`), which must be the
    same length as `shown`; Simplified/Traditional conversion here keeps lengths.
    """
    if match_in is None or len(match_in) != len(shown):
        match_in = to_simplified(shown)
        if len(match_in) != len(shown):
            match_in = shown
    spans: list[tuple[int, int]] = []
    for t in terms:
        if not t:
            continue
        for m in re.finditer(re.escape(t), match_in):
            spans.append((m.start(), m.end()))
    if not spans:
        return esc(shown)
    spans.sort()
    merged = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(esc(shown[pos:a]))
        out.append(f'<mark class="pa-hit">{esc(shown[a:b])}</mark>')
        pos = b
    out.append(esc(shown[pos:]))
    return "".join(out)


def pretty_code(code: str) -> str:
    """二(八)4 → 二、(八)4; 第二章第五条 stays; '' → （序言）."""
    if not code:
        return "（序言）"
    return re.sub(rf"^([{CN_NUMERALS}]+)(?=[(（—\d]|$)", r"\1、", code)


def under(code: str, prefix: str) -> bool:
    """Whether a section code lies within `prefix` (二 contains 二(八)4 but 十 not 十一)."""
    if not prefix:
        return True
    if code == prefix:
        return True
    return code.startswith(prefix) and code[len(prefix)] not in CN_NUMERALS


def paragraph_bounds(text: str, start: int, end: int, limit: int = 1600) -> tuple[int, int]:
    """The line(s) of `text` around [start, end), at most about `limit` characters."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > limit:
        room = max(0, (limit - (end - start)) // 2)
        a, b = max(a, start - room), min(b, end + room)
    return a, b


def citation_string(title: str, code: str, quote: str, source: str, start: int, end: int,
                    verified: bool = True) -> str:
    """《关于实施幸福美好生活十大工程的意见》二、(八)4 “…quote…” (corpus/…:start-end)."""
    s = f"《{title}》{pretty_code(code)} “{quote}” ({source}:{start}-{end})"
    if not verified:
        s += " [unverified public copy]"
    return s


def _chunk_code(assistant, chunk_id: str) -> str:
    c = _chunk_by_id(assistant).get(chunk_id)
    return c.code if c is not None else ""


def _chunk_by_id(assistant) -> dict:
    return assistant.chunks_by_id


def _doc_by_source(assistant) -> dict:
    return {d.source: d for d in assistant.documents}


UNVERIFIED_BADGE = ('<span class="pa-badge pa-unverified" title="相关规则的公开文本，未与官方发布版本核对">'
                    "unverified public copy · 未核实公开文本</span>")


# ------------------------------------------------------------------ rendering answers

_SOURCES_LINE = re.compile(r"^(（出处：|（出處：|\(Source: ).*$")


def _answer_lines(answer) -> list[str]:
    lines = [ln for ln in answer.answer.split("\n") if ln.strip()]
    return [ln for ln in lines if not _SOURCES_LINE.match(ln)]


def _ui(text: str, script: str) -> str:
    """Interface wording in the reader's script (Traditional readers get Traditional)."""
    return to_script(text, TRADITIONAL) if script == TRADITIONAL else text


def render_citation_card(n: int, c, answer, assistant, show_original: bool, terms: list[str]) -> str:
    """One numbered citation card: section path, highlighted quote, clause in context."""
    script = answer.script
    convert = (lambda s: s) if (show_original or script == ENGLISH) else (lambda s: to_script(s, script))
    doc = _doc_by_source(assistant).get(c.source)
    quote_shown = convert(c.quote)
    quote_html = mark_html(quote_shown, terms, to_simplified(c.quote))
    section = convert(c.section)
    badge = "" if c.verified else UNVERIFIED_BADGE
    page = f"（第{c.page}页）" if c.page is not None else ""
    code = _chunk_code(assistant, c.chunk_id)
    context = ""
    if doc is not None:
        a, b = paragraph_bounds(doc.text, c.start, c.end)
        para = doc.text[a:b]
        shown = convert(para)
        before, inner, after = shown[: c.start - a], shown[c.start - a: c.end - a], shown[c.end - a:]
        simp = to_simplified(para)
        context = (
            f'<details class="pa-context"><summary>{_ui("查看条款上下文", script)}</summary>'
            f'<div class="pa-context-path">《{esc(c.title)}》 {esc(section)}</div>'
            '<div class="pa-context-text">'
            f"{mark_html(before, terms, simp[: c.start - a])}"
            f'<mark class="pa-quote-mark">{mark_html(inner, terms, simp[c.start - a: c.end - a])}</mark>'
            f"{mark_html(after, terms, simp[c.end - a:])}</div>"
            f'<div class="pa-src">{esc(c.source)}:{c.start}-{c.end}</div></details>')
    original_note = f'<span class="pa-note">{_ui("原文", script)}</span>' if show_original else ""
    code_html = f' <span class="pa-code">{esc(pretty_code(code))}</span>' if code else ""
    return (
        f'<div class="pa-card" data-chunk="{esc(c.chunk_id)}">'
        f'<div class="pa-card-head"><span class="pa-num">[{n}]</span> '
        f'<span class="pa-section">{esc(section)}</span>'
        f'{code_html} {badge}</div>'
        f'<blockquote class="pa-quote">“{quote_html}”{original_note}</blockquote>'
        f'<div class="pa-src">《{esc(c.title)}》{esc(page)} · {esc(c.source)}:{c.start}-{c.end}</div>'
        f"{context}</div>")


def render_answer_html(answer, assistant, show_original: bool = False) -> str:
    """The answer as HTML: the direct answer first, then numbered citation cards."""
    value_terms = [answer.lead] if answer.lead and len(answer.lead) <= 16 else []
    terms = highlight_terms(answer.searched, value_terms)
    parts = ['<div class="pa-answer %s">' % ("pa-answered" if answer.answered else "pa-uncovered")]
    if answer.searched and answer.searched != answer.question:
        parts.append(f'<div class="pa-searched">{_ui("实际检索：", answer.script)}{esc(answer.searched)}</div>')
    for notice in answer.notices:
        parts.append(f'<div class="pa-notice">{_ui("注意：", answer.script)}{esc(notice)}</div>')
    lines = _answer_lines(answer)
    if answer.answered:
        body = []
        for i, ln in enumerate(lines):
            cls = "pa-lead" if i == 0 and answer.lead and ln.startswith(answer.lead) and len(answer.lead) <= 40 \
                else "pa-line"
            body.append(f'<div class="{cls}">{esc(ln)}</div>')
        parts.append('<div class="pa-direct">' + "".join(body) + "</div>")
        title = _ui("引用条款", answer.script) if answer.script != ENGLISH else "Citations"
    else:
        head = _ui("政策原文未涉及", answer.script) if answer.script != ENGLISH else "Not covered by the policy text"
        msg = []
        for ln in lines:
            if ln.startswith("- ") or ln.rstrip("：:") in ("最相关的条款", "最相關的條款", "Nearest related clauses"):
                break
            msg.append(ln)
        parts.append('<div class="pa-uncovered-box"><div class="pa-uncovered-title">⚠ '
                     f'{esc(head)}</div><div class="pa-uncovered-msg">{esc_lines(chr(10).join(msg))}</div></div>')
        title = _ui("最相关的条款（仅供参考，未回答您的问题）", answer.script) if answer.script != ENGLISH else \
            "Nearest related clauses (for reference; they do not answer the question)"
    if answer.citations:
        parts.append(f'<div class="pa-cards"><div class="pa-cards-title">{esc(title)}</div>')
        for n, c in enumerate(answer.citations, 1):
            parts.append(render_citation_card(n, c, answer, assistant, show_original, terms))
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def render_user_html(question: str, limit: int = 600) -> str:
    shown = question if len(question) <= limit else question[:limit] + f"…（共 {len(question)} 个字符）"
    return f'<div class="pa-question">{esc_lines(shown)}</div>'


def message_html(message: str) -> str:
    """A status message (may quote file or user text) as escaped HTML."""
    return f'<div class="pa-msg">{esc_lines(message)}</div>' if message else ""


def render_error_html(message: str) -> str:
    return f'<div class="pa-error"><strong>无法回答：</strong>{esc_lines(message)}</div>'


# ------------------------------------------------------------------ chat

@dataclass
class ChatTurn:
    question: str
    answer: object | None = None  # assistant.answer.Answer
    error: str | None = None
    meta: dict = field(default_factory=dict)


def history_for(turns: list[ChatTurn]) -> list[dict]:
    """The conversation as the library takes it: [{role, content}], answered turns only."""
    out = []
    for t in turns:
        if t.answer is None:
            continue
        out.append({"role": "user", "content": t.question})
        out.append({"role": "assistant", "content": t.answer.answer})
    return out


def render_chat(turns: list[ChatTurn], loader: Loader, show_original: bool) -> list[dict]:
    messages = []
    for t in turns:
        messages.append({"role": "user", "content": render_user_html(t.question)})
        if t.answer is not None:
            content = render_answer_html(t.answer, loader.assistant, show_original)
        else:
            content = render_error_html(t.error or INTERNAL_ERROR)
        messages.append({"role": "assistant", "content": content})
    return messages


def answer_turn(loader: Loader, question: str, history) -> ChatTurn:
    """Ask one question with the UI's rules: refuse over-long input, errors become messages."""
    question = "" if question is None else str(question)
    if not loader.ready:
        return ChatTurn(question, error=loader.status_text() if loader.error else NOT_READY)
    limit = loader.max_chars()
    if len(question) > limit:
        return ChatTurn(question, error=f"问题太长（{len(question)} 个字符），请缩短到 {limit} 个字符以内再提问。")
    try:
        return ChatTurn(question, answer=loader.ask(question, history))
    except AssistantError as e:
        return ChatTurn(question, error=str(e))
    except Exception:  # noqa: BLE001 - never show a traceback
        log.error("answering %r failed:\n%s", question[:200], traceback.format_exc())
        return ChatTurn(question, error=INTERNAL_ERROR)


# ------------------------------------------------------------------ rule lookup

def doc_choices(loader: Loader) -> list[tuple[str, str]]:
    if not loader.ready:
        return [(ALL, "")]
    return [(ALL, "")] + [(d.title + ("" if d.verified else "（未核实公开文本）"), d.id)
                          for d in loader.assistant.documents]


def part_choices(loader: Loader, doc_id: str) -> list[tuple[str, str]]:
    """Parts and projects (一、 / 二(一) / 第一章 …) of one document or of all."""
    out = [(ALL, "")]
    if not loader.ready:
        return out
    titles = {d.id: d.title for d in loader.assistant.documents}
    seen = set()
    for c in loader.assistant.index.chunks:
        if doc_id and c.doc_id != doc_id:
            continue
        if not c.code or len(c.section_path) > 2:
            continue
        key = f"{c.doc_id}|{c.code}"
        if key in seen:
            continue
        seen.add(key)
        label = f"{pretty_code(c.code)} {_strip_marker(c.section_path[-1])}"
        if not doc_id:
            label += f" —《{titles.get(c.doc_id, c.doc_id)}》"
        out.append((to_simplified(label), key))
    return out


def _strip_marker(title: str) -> str:
    return re.sub(rf"^([{CN_NUMERALS}]+、|[(（][{CN_NUMERALS}]+[)）]|第[{CN_NUMERALS}\d]+[章条]\s*)", "", title)


def _in_filter(c, doc_id: str, part: str) -> bool:
    if doc_id and c.doc_id != doc_id:
        return False
    if part:
        pdoc, _, pcode = part.partition("|")
        if c.doc_id != pdoc or not under(c.code, pcode):
            return False
    return True


def clause_choices(loader: Loader, doc_id: str, part: str) -> list[tuple[str, str]]:
    if not loader.ready:
        return []
    out = []
    for c in loader.assistant.index.chunks:
        if not _in_filter(c, doc_id, part):
            continue
        text = to_simplified(c.text)
        label = f"{pretty_code(c.code)} {text[:28]}{'…' if len(text) > 28 else ''}"
        out.append((label, c.id))
    return out


SEARCH_HEADERS = ["排名", "得分", "条款", "章节路径", "文档", "条文"]


def search_rows(loader: Loader, query: str, doc_id: str, part: str, k: int = 10):
    """(table rows, chunk ids, message) for the staff's rule lookup."""
    query = (query or "").strip()
    if not loader.ready:
        return [], [], NOT_READY
    if not query:
        return [], [], "请输入要查找的关键词或条款号，例如：人才公寓、养老床位、二(八)4。"
    if len(query) > loader.max_chars():
        return [], [], f"查询太长（{len(query)} 个字符），请缩短到 {loader.max_chars()} 个字符以内。"
    total = len(loader.assistant.index.chunks)
    try:
        hits = loader.search(query, k=total if (doc_id or part) else max(1, int(k)))
    except AssistantError as e:
        return [], [], str(e)
    titles = {d.id: d.title for d in loader.assistant.documents}
    rows, ids = [], []
    for h in hits:
        c = h.chunk
        if not _in_filter(c, doc_id, part):
            continue
        text = to_simplified(c.text)
        rows.append([len(rows) + 1, round(float(h.score), 3), pretty_code(c.code), to_simplified(c.section),
                     titles.get(c.doc_id, c.doc_id), text if len(text) <= 90 else text[:90] + "…"])
        ids.append(c.id)
        if len(rows) >= int(k):
            break
    msg = f"找到 {len(rows)} 条相关条款（按相关度排序），点击表格中的一行查看全文和引用格式。" if rows else \
        "没有找到相关条款。"
    return rows, ids, msg


def clause_detail(loader: Loader, chunk_id: str, show_original: bool = False,
                  query: str = "") -> tuple[str, str]:
    """(HTML of a clause in full context, ready-to-copy citation string)."""
    if not loader.ready or not chunk_id:
        return '<div class="pa-muted">选择一个条款查看全文。</div>', ""
    a = loader.assistant
    c = _chunk_by_id(a).get(chunk_id)
    if c is None:
        return render_error_html("没有这个条款。"), ""
    doc = a.by_id[c.doc_id]
    convert = (lambda s: s) if show_original else to_simplified
    terms = highlight_terms(query) if query else []
    same = [x for x in a.index.chunks if x.doc_id == c.doc_id and x.code == c.code]
    s0, e0 = min(x.start for x in same), max(x.end for x in same)
    block = doc.text[s0:e0]
    shown, simp = convert(block), to_simplified(block)
    i, j = c.start - s0, c.end - s0
    if len(same) > 1:  # the chosen piece within its whole clause
        full = (mark_html(shown[:i], terms, simp[:i])
                + f'<mark class="pa-quote-mark">{mark_html(shown[i:j], terms, simp[i:j])}</mark>'
                + mark_html(shown[j:], terms, simp[j:]))
    else:
        full = mark_html(shown, terms, simp)
    badge = "" if doc.verified else " " + UNVERIFIED_BADGE
    detail = (
        f'<div class="pa-clause-detail" data-chunk="{esc(c.id)}">'
        f'<div class="pa-card-head"><span class="pa-code">{esc(pretty_code(c.code))}</span> '
        f'<span class="pa-section">{esc(convert(c.section))}</span>{badge}</div>'
        f'<div class="pa-doc">《{esc(doc.title)}》{esc(doc.issuer)}</div>'
        f'<div class="pa-clause-text">{full.replace(chr(10), "<br>")}</div>'
        f'<div class="pa-src">{esc(c.source)}:{c.start}-{c.end}'
        f'{"（第" + str(c.page) + "页）" if c.page is not None else ""}</div></div>')
    cite = citation_string(doc.title, c.code, doc.text[c.start:c.end], c.source, c.start, c.end,
                           doc.verified)
    return detail, cite


def policy_tree_html(loader: Loader, doc_id: str = "", part: str = "", show_original: bool = False) -> str:
    """The policies as nested <details>: 一、 → (一) → 1., each clause with its text."""
    if not loader.ready:
        return f'<div class="pa-muted">{esc(LOADING)}</div>'
    a = loader.assistant
    convert = (lambda s: s) if show_original else to_simplified
    out = ['<div class="pa-tree">']
    for d in a.documents:
        if doc_id and d.id != doc_id:
            continue
        chunks = [c for c in a.index.chunks if c.doc_id == d.id and _in_filter(c, doc_id, part)]
        if not chunks:
            continue
        badge = "" if d.verified else " " + UNVERIFIED_BADGE
        out.append(f'<details class="pa-tree-doc" open><summary>《{esc(d.title)}》{badge}</summary>')
        stack: list[str] = []
        for c in chunks:
            path = list(c.section_path)
            if path == [d.title]:
                path = []
            common = 0
            while common < min(len(stack), len(path)) and stack[common] == path[common]:
                common += 1
            while len(stack) > common:
                out.append("</div></details>")
                stack.pop()
            for title in path[common:]:
                opened = " open" if part else ""
                out.append(f'<details class="pa-tree-node"{opened}><summary>{esc(convert(title))}</summary>'
                           '<div class="pa-tree-children">')
                stack.append(title)
            if c.kind == "heading":
                continue
            out.append(f'<div class="pa-tree-clause" data-chunk="{esc(c.id)}">'
                       f'<span class="pa-code">{esc(pretty_code(c.code))}</span> {esc(convert(c.text))}</div>')
        while stack:
            out.append("</div></details>")
            stack.pop()
        out.append("</details>")
    out.append("</div>")
    return "".join(out)


# ------------------------------------------------------------------ entitlements

ENT_HEADERS = ["对象", "类型", "内容", "数值", "期限", "条款", "条文（简体）", "出处"]
ENT_KINDS = [(ALL, ""), ("待遇/福利", "entitlement"), ("目标/指标", "target")]


def beneficiary_choices(loader: Loader) -> tuple[list[tuple[str, str]], str | None]:
    if not loader.ready:
        return [(ALL, "")], NOT_READY
    reg = loader.register()
    if reg is None:
        return [(ALL, "")], loader.register_error
    _, rows = reg
    counts: dict[str, int] = {}
    for r in rows:
        for b in _beneficiaries(r):
            counts[b] = counts.get(b, 0) + 1
    ordered = sorted(counts, key=lambda b: (-counts[b], b))
    return [(ALL, "")] + [(f"{b}（{counts[b]} 项）", b) for b in ordered], None


def _beneficiaries(row) -> list[str]:
    d = row.to_json()
    b = d.get("beneficiaries") or []
    return [b] if isinstance(b, str) else [str(x) for x in b]


def entitlement_rows(loader: Loader, who: str, kind: str = ""):
    """(table rows, the register rows, message) for a beneficiary."""
    if not loader.ready:
        return [], [], NOT_READY
    reg = loader.register()
    if reg is None:
        return [], [], loader.register_error
    module, rows = reg
    try:
        chosen = module.filter_rows(rows, for_=who or None)
    except AssistantError as e:
        return [], [], str(e)
    if kind:
        chosen = [r for r in chosen if r.to_json().get("kind") == kind]
    table = []
    for r in chosen:
        d = r.to_json()
        value = f"{d.get('value', '')}{d.get('unit', '')}"
        if d.get("qualifier"):
            value = f"{value}（{d['qualifier']}）" if value else d["qualifier"]
        table.append(["、".join(_beneficiaries(r)),
                      "待遇" if d.get("kind") == "entitlement" else ("目标" if d.get("kind") == "target" else d.get("kind", "")),
                      d.get("what", ""), value, d.get("period", ""),
                      f"{pretty_code(d.get('code', ''))} {_last_title(d.get('section', ''))}".strip(),
                      to_simplified(d.get("quote", "")),
                      f"{d.get('source', '')}:{d.get('start', '')}-{d.get('end', '')}"])
    who_label = who or ALL
    msg = f"{who_label}：共 {len(table)} 项（条文为原文的简体转写；导出的 CSV 保留原文和字符位置，可逐字核对）。"
    return table, chosen, msg


def _last_title(section: str) -> str:
    return _strip_marker(to_simplified(section).split(" > ")[-1]) if section else ""


def entitlements_csv(loader: Loader, chosen, who: str) -> str | None:
    reg = loader.register()
    if reg is None:
        return None
    module, _ = reg
    text = module.to_csv(chosen)
    folder = tempfile.mkdtemp(prefix="entitlements-")
    safe = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", who or "all").strip("_") or "all"
    path = os.path.join(folder, f"entitlements-{safe}.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # BOM: opens cleanly in Excel
        f.write(text)
    return path


# ------------------------------------------------------------------ evaluators

def eval_set_choices(loader: Loader) -> list[str]:
    settings = loader.settings or Settings.load()
    folder = Path(settings.home) / "evals" / "sets"
    return sorted(str(Path(p).relative_to(settings.home)) for p in glob.glob(str(folder / "*.jsonl")))


def _read_jsonl(path: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise AssistantError(f"第 {lineno} 行不是有效的 JSON：{e}") from e
            if not isinstance(obj, dict):
                raise AssistantError(f"第 {lineno} 行不是 JSON 对象")
            rows.append(obj)
    return rows


def _flatten(d, prefix: str = "") -> list[list[str]]:
    out = []
    if isinstance(d, dict):
        for k, v in d.items():
            key = f"{prefix}.{k}" if prefix else str(k)
            if isinstance(v, dict):
                out.extend(_flatten(v, key))
            elif isinstance(v, (list, tuple)) and v and isinstance(v[0], dict):
                continue
            else:
                out.append([key, _fmt(v)])
    else:
        out.append([prefix or "value", _fmt(d)])
    return out


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, (list, tuple)):
        return ", ".join(_fmt(x) for x in v)
    return str(v)


def summary_table(report: dict, module=None) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the metric table: the evals module's own rows when it has them."""
    if module is not None and hasattr(module, "summary_rows") and "pipelines" in report:
        try:
            head = ["指标"] + list(module.summary_header(report))
            return head, [[m] + list(cells) for m, cells in module.summary_rows(report)]
        except (KeyError, TypeError, AttributeError):
            pass
    pipelines = report.get("pipelines")
    if isinstance(pipelines, dict) and pipelines:
        first = next(iter(pipelines.values()))
        return ["指标", "值"], _flatten(first.get("summary", first))
    return ["指标", "值"], _flatten(report.get("summary", report))


def verdict_table(report: dict) -> tuple[list[str], list[list]]:
    """(headers, rows) of per-question verdicts."""
    items = report.get("questions")
    if isinstance(items, list) and items and isinstance(items[0], dict) and "assistant" in items[0]:
        head = ["id", "问题", "应回答", "已回答", "判定", "回答", "耗时(ms)"]
        rows = []
        for q in items:
            row = q.get("row") or {}
            run = q.get("assistant") or {}
            ans = run.get("answer") or {}
            v = run.get("verdicts") or {}
            failed = run.get("failed") or []
            rows.append([q.get("id", ""), str(row.get("question", ""))[:200],
                         "是" if row.get("answerable") else "否",
                         "是" if v.get("answered") else "否",
                         "通过" if not failed else "未通过：" + "、".join(map(str, failed)),
                         str(ans.get("answer", "") or v.get("error") or "")[:200],
                         _fmt(round(run.get("latency_ms") or 0.0, 1))])
        return head, rows
    if not isinstance(items, list) or not items or not isinstance(items[0], dict):
        items = next((v for v in report.values() if isinstance(v, list) and v and isinstance(v[0], dict)), [])
    if not items:
        return ["结果"], []
    keys: list[str] = []
    for it in items:
        for k, v in it.items():
            if k not in keys and not isinstance(v, (dict, list)):
                keys.append(k)
    keys = keys[:10]
    return keys, [[_fmt(it.get(k))[:300] for k in keys] for it in items]


def zip_folder(folder: str) -> str:
    target = os.path.join(tempfile.mkdtemp(prefix="eval-zip-"), "eval-report.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(folder):
            for name in files:
                p = os.path.join(root, name)
                z.write(p, os.path.relpath(p, folder))
    return target


def _load_rows(path: str, module) -> tuple[list[dict], list[str]]:
    """Rows of a set file, validated by evals.check; raises AssistantError with the problems."""
    if hasattr(module, "load_set"):
        try:
            rows, warnings = module.load_set(path)
            return rows, list(warnings)
        except FileNotFoundError as e:
            raise AssistantError(f"找不到评测集文件：{e}") from e
        except getattr(module, "SetError", ()) as e:
            problems = getattr(e, "messages", [str(e)])
            shown = "\n".join(f"- {m}" for m in problems[:20])
            raise AssistantError(f"评测集校验未通过（{len(problems)} 个问题）：\n{shown}") from e
    try:
        from evals.check import check_set
    except ImportError:
        check_set = None
    if check_set is not None:
        result = check_set(path)
        if not getattr(result, "ok", True):
            errors = list(getattr(result, "errors", []))
            shown = "\n".join(f"- {e}" for e in errors[:20])
            raise AssistantError(f"评测集校验未通过（{len(errors)} 个错误）：\n{shown}")
    return _read_jsonl(path), []


def run_evaluation(loader: Loader, set_path: str | None, uploaded: str | None, limit: int, progress):
    """(message, summary headers, summary rows, verdict headers, verdict rows, files)."""
    empty = ("", ["指标", "值"], [], ["结果"], [], None)

    def fail(msg):
        return (msg,) + empty[1:]

    if not loader.ready:
        return fail(loader.status_text() if loader.error else NOT_READY)
    try:
        from evals import run as module
        run_eval = module.run_eval
    except (ImportError, AttributeError) as e:
        return fail(f"评测模块暂不可用（evals/run.py 未就绪：{e}）。")
    home = Path((loader.settings or Settings.load()).home)
    path = uploaded or (str(home / set_path) if set_path else None)
    if not path:
        return fail("请选择一个评测集或上传 .jsonl 文件。")
    try:
        rows, warnings = _load_rows(path, module)
    except AssistantError as e:
        return fail(str(e))
    except (OSError, ValueError) as e:
        return fail(f"无法读取评测集：{e}")
    if limit and int(limit) > 0:
        rows = rows[: int(limit)]
    if not rows:
        return fail("评测集中没有题目。")
    out_dir = os.path.join(tempfile.mkdtemp(prefix="eval-"), "report")
    progress(0, desc=f"开始评测 {len(rows)} 题…")
    started = time.time()
    assistant = _LockedAssistant(loader, total=len(rows), progress=progress)
    try:
        report = run_eval(rows, assistant, progress=False, out_dir=out_dir, set_path=path)
    except AssistantError as e:
        return fail(str(e))
    except Exception:  # noqa: BLE001
        log.error("evaluation failed:\n%s", traceback.format_exc())
        return fail(INTERNAL_ERROR)
    if not isinstance(report, dict):
        report = {"summary": report}
    s_head, s_rows = summary_table(report, module)
    v_head, v_rows = verdict_table(report)
    if not os.path.isdir(out_dir) or not os.listdir(out_dir):
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, "report.json"), "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2, default=str)
    files = [zip_folder(out_dir)]
    html_report = os.path.join(out_dir, "report.html")
    if os.path.exists(html_report):
        files.append(html_report)
    failed = sum(1 for r in v_rows if len(r) > 4 and str(r[4]).startswith("未通过"))
    msg = f"完成：{len(rows)} 题，用时 {time.time() - started:.1f} 秒"
    msg += f"，{failed} 题未通过。" if v_head and v_head[0] == "id" else "。"
    if warnings:
        msg += f"（评测集有 {len(warnings)} 条警告）"
    return msg, s_head, s_rows, v_head, v_rows, files


class _LockedAssistant:
    """The assistant with `ask`/`search` behind the UI's lock, reporting progress per question."""

    def __init__(self, loader: Loader, total: int = 0, progress=None):
        self._loader = loader
        self._total = total
        self._progress = progress
        self._done = -1  # run_eval asks one warm-up question first

    def __getattr__(self, name):
        return getattr(self._loader.assistant, name)

    def ask(self, question, history=None):
        try:
            return self._loader.ask(question, history)
        finally:
            self._done += 1
            if self._progress is not None and self._total and self._done > 0:
                try:
                    done = min(self._done, self._total)
                    self._progress((done, self._total), desc=f"评测中 {done}/{self._total}")
                except Exception as e:  # noqa: BLE001 - progress display must not break the run
                    log.debug("progress update failed: %s", e)

    def search(self, query, k=10):
        return self._loader.search(query, k)


# ------------------------------------------------------------------ the API

def chat_api_result(loader: Loader, question: str, history_json: str = "[]") -> tuple[dict, str]:
    """The /chat endpoint's work: (JSON contract of `ask --json`, rendered HTML)."""
    try:
        history = json.loads(history_json) if history_json and str(history_json).strip() else []
        if not isinstance(history, list):
            raise ValueError("not a list")
    except ValueError as e:
        msg = (f"history_json 不是有效的对话记录（{e}）：应为 JSON 列表，如 "
               '[{"role": "user", "content": "人才公寓打几折"}]')
        return {"question": question, "error": msg}, render_error_html(msg)
    turn = answer_turn(loader, question, history)
    if turn.answer is None:
        return {"question": question, "error": turn.error}, render_error_html(turn.error or INTERNAL_ERROR)
    return turn.answer.to_json(), render_answer_html(turn.answer, loader.assistant)


# ------------------------------------------------------------------ layout

# After an answer arrives: scroll the chat so the latest question and the start of its answer
# are in view (a long answer would otherwise be shown from its end).
SCROLL_TO_LAST_QUESTION = """() => {
  setTimeout(() => {
    const qs = document.querySelectorAll('#pa-chatbot .pa-question');
    if (!qs.length) return;
    const el = qs[qs.length - 1];
    let p = el.parentElement;
    while (p && !(p.scrollHeight > p.clientHeight + 4 && /auto|scroll/.test(getComputedStyle(p).overflowY))) {
      p = p.parentElement;
    }
    if (p && p !== document.documentElement && p !== document.body) {
      p.scrollTop += el.getBoundingClientRect().top - p.getBoundingClientRect().top - 12;
    }
  }, 50);
}"""

CSS = """
.pa-status {padding: 6px 12px; border-radius: 6px; font-weight: 600; display: inline-block;}
.pa-status-loading {background: #fff4d6; color: #7a5200;}
.pa-status-ready {background: #e3f6e8; color: #17602f;}
.pa-status-error {background: #fde2e1; color: #8a1c17;}
.pa-answer {line-height: 1.6;}
.pa-lead {font-size: 1.25em; font-weight: 700; margin-bottom: 4px;}
.pa-line {margin: 2px 0;}
.pa-searched, .pa-notice {font-size: 0.85em; color: var(--body-text-color-subdued); margin-bottom: 6px;}
.pa-uncovered-box {border: 2px dashed #d97706; background: #fff7ed; color: #7c2d12;
  border-radius: 8px; padding: 10px 12px; margin-bottom: 8px;}
.pa-uncovered-title {font-weight: 700; font-size: 1.1em;}
.pa-uncovered .pa-card {border-left-color: #9ca3af;}
.pa-cards {margin-top: 10px;}
.pa-cards-title {font-size: 0.85em; font-weight: 600; color: var(--body-text-color-subdued); margin-bottom: 4px;}
.pa-card, .pa-clause-detail {border: 1px solid var(--border-color-primary); border-left: 4px solid #c2410c;
  border-radius: 6px; padding: 8px 10px; margin: 6px 0; background: var(--background-fill-secondary);
  color: var(--body-text-color);}
.pa-card-head {font-size: 0.9em; font-weight: 600;}
.pa-num {color: #c2410c;}
.pa-code {font-family: monospace; background: #eef2f7; color: #1f2937; border-radius: 4px; padding: 0 4px;}
.pa-quote {margin: 6px 0; padding-left: 8px; border-left: 3px solid var(--border-color-primary);}
.pa-src, .pa-doc, .pa-note, .pa-muted {font-size: 0.8em; color: var(--body-text-color-subdued);}
.pa-note {margin-left: 6px;}
.pa-badge {font-size: 0.75em; border-radius: 10px; padding: 1px 8px; margin-left: 6px; white-space: nowrap;}
.pa-unverified {background: #fee2e2; color: #991b1b; border: 1px solid #fca5a5;}
mark.pa-hit {background: #fde047; color: #111; padding: 0 1px; border-radius: 2px;}
mark.pa-quote-mark {background: #dbeafe; color: #111;}
.pa-context summary, .pa-tree summary {cursor: pointer; color: var(--link-text-color, #1d4ed8);}
.pa-context-text {margin-top: 4px; padding: 6px; background: var(--background-fill-primary); border-radius: 4px;}
.pa-question {white-space: pre-wrap; word-break: break-word;}
.pa-error {border: 1px solid #f87171; background: #fef2f2; color: #7f1d1d; border-radius: 6px; padding: 8px;}
.pa-tree {max-height: 640px; overflow-y: auto;}
.pa-tree-children {margin-left: 16px;}
.pa-tree-clause {margin: 4px 0 4px 16px; font-size: 0.92em;}
"""


def build_app(settings: Settings | None = None, assistant=None, start: bool = True) -> gr.Blocks:
    """The Blocks app. Loads the assistant in the background unless one is given."""
    loader = Loader(settings, assistant)
    if start:
        loader.start()

    with gr.Blocks(title="成都政策问答助手", analytics_enabled=False) as demo:
        demo.loader = loader  # for tests and launchers
        gr.Markdown("## 成都政策问答助手\n依据政策原文回答，并给出可核对的逐字引用。")
        status = gr.HTML(loader.status_html(), elem_id="pa-status-box")
        timer = gr.Timer(0.5, active=True)

        with gr.Tabs():
            # ---------------------------------------------------------------- chat
            with gr.Tab("问答", id="chat"):
                turns = gr.State([])
                chatbot = gr.Chatbot(label="对话", elem_id="pa-chatbot", height=560,
                                     render_markdown=False, sanitize_html=True, allow_tags=False, layout="panel",
                                     autoscroll=False,
                                     buttons=[], feedback_options=None, latex_delimiters=[],
                                     placeholder="请输入关于成都“幸福美好生活十大工程”等政策的问题，"
                                                 "或点击下方示例。")
                with gr.Row():
                    question = gr.Textbox(label="您的问题", placeholder="例如：人才公寓打几折？",
                                          lines=1, max_lines=6, scale=6, elem_id="pa-question")
                    send = gr.Button("发送", variant="primary", scale=1, elem_id="pa-send")
                with gr.Row():
                    show_original = gr.Checkbox(label=ORIGINAL_LABEL, value=False, elem_id="pa-original")
                    clear = gr.Button("清空对话", size="sm", scale=0)
                gr.Markdown("**示例问题**（点击直接提问）：")
                with gr.Row(elem_classes="pa-examples"):
                    example_buttons = [gr.Button(q, size="sm", variant="secondary") for q in EXAMPLES]

                def respond(q, ts, original):
                    ts = list(ts or [])
                    if q is None or not str(q).strip():
                        return gr.update(), ts, gr.update()
                    turn = answer_turn(loader, str(q), history_for(ts))
                    ts.append(turn)
                    return render_chat(ts, loader, bool(original)), ts, ""

                def rerender(ts, original):
                    return render_chat(list(ts or []), loader, bool(original))

                chat_io = dict(inputs=[question, turns, show_original], outputs=[chatbot, turns, question],
                               api_visibility="private")
                send.click(respond, **chat_io).then(None, js=SCROLL_TO_LAST_QUESTION)
                question.submit(respond, **chat_io).then(None, js=SCROLL_TO_LAST_QUESTION)
                show_original.change(rerender, [turns, show_original], chatbot, api_visibility="private")
                clear.click(lambda: ([], []), None, [chatbot, turns], api_visibility="private")
                chatbot.clear(lambda: [], None, turns, api_visibility="private")
                for b, q in zip(example_buttons, EXAMPLES):
                    b.click(lambda ts, original, _q=q: respond(_q, ts, original)[:2],
                            [turns, show_original], [chatbot, turns], api_visibility="private"
                            ).then(None, js=SCROLL_TO_LAST_QUESTION)

            # ---------------------------------------------------------------- rule lookup
            with gr.Tab("条款查询", id="lookup"):
                gr.Markdown("按关键词或条款号查找条款（按相关度排序）；也可按文档、部分/工程浏览全文。")
                with gr.Row():
                    lk_query = gr.Textbox(label="查找", placeholder="例如：人才公寓、养老床位、二(八)4",
                                          scale=4, elem_id="pa-lookup-query")
                    lk_doc = gr.Dropdown(choices=doc_choices(loader), value="", label="文档", scale=2,
                                         elem_id="pa-doc-filter")
                    lk_part = gr.Dropdown(choices=part_choices(loader, ""), value="", label="部分 / 工程",
                                          scale=2, elem_id="pa-part-filter")
                    lk_k = gr.Number(value=10, label="条数", precision=0, minimum=1, maximum=50, scale=1)
                    lk_go = gr.Button("查找", variant="primary", scale=1, elem_id="pa-lookup-go")
                lk_msg = gr.HTML("", elem_id="pa-lookup-msg")
                lk_ids = gr.State([])
                lk_table = gr.Dataframe(headers=SEARCH_HEADERS, value=[], interactive=False, wrap=True,
                                        column_widths=["6%", "7%", "10%", "25%", "17%", "35%"],
                                        elem_id="pa-lookup-results", max_height=420)
                with gr.Row():
                    with gr.Column(scale=3):
                        lk_clause = gr.Dropdown(choices=clause_choices(loader, "", ""), value=None,
                                                label="选择条款（可输入筛选）", elem_id="pa-clause-pick")
                        lk_original = gr.Checkbox(label=ORIGINAL_LABEL, value=False)
                        lk_detail = gr.HTML('<div class="pa-muted">选择一个条款查看全文。</div>',
                                            elem_id="pa-clause-detail")
                        lk_cite = gr.Textbox(label="引用格式（原文逐字，可复制）", buttons=["copy"],
                                             interactive=False, lines=3, elem_id="pa-citation")
                    with gr.Column(scale=2):
                        gr.Markdown("**全文条款树**（一、→(一)→1.）")
                        lk_tree = gr.HTML(policy_tree_html(loader), elem_id="pa-tree")

                def do_search(q, doc_id, part, k):
                    rows, ids, msg = search_rows(loader, q, doc_id or "", part or "", int(k or 10))
                    return rows, ids, message_html(msg)

                for trig in (lk_go.click, lk_query.submit):
                    trig(do_search, [lk_query, lk_doc, lk_part, lk_k], [lk_table, lk_ids, lk_msg],
                         api_visibility="private")

                def pick_row(ids, q, original, evt: gr.SelectData):
                    row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
                    if row is None or row >= len(ids or []):
                        return gr.update(), gr.update(), gr.update()
                    detail, cite = clause_detail(loader, ids[row], bool(original), q or "")
                    return detail, cite, gr.update(value=ids[row])

                lk_table.select(pick_row, [lk_ids, lk_query, lk_original], [lk_detail, lk_cite, lk_clause],
                                api_visibility="private")

                def pick_clause(cid, original, q):
                    return clause_detail(loader, cid or "", bool(original), q or "")

                lk_clause.change(pick_clause, [lk_clause, lk_original, lk_query], [lk_detail, lk_cite],
                                 api_visibility="private")
                lk_original.change(
                    lambda cid, original, q, d, p: (*clause_detail(loader, cid or "", bool(original), q or ""),
                                                    policy_tree_html(loader, d or "", p or "", bool(original))),
                    [lk_clause, lk_original, lk_query, lk_doc, lk_part], [lk_detail, lk_cite, lk_tree],
                    api_visibility="private")

                def on_doc(doc_id, original):
                    return (gr.update(choices=part_choices(loader, doc_id or ""), value=""),
                            gr.update(choices=clause_choices(loader, doc_id or "", ""), value=None),
                            policy_tree_html(loader, doc_id or "", "", bool(original)))

                search_io = dict(inputs=[lk_query, lk_doc, lk_part, lk_k], outputs=[lk_table, lk_ids, lk_msg],
                                 api_visibility="private")
                lk_doc.input(on_doc, [lk_doc, lk_original], [lk_part, lk_clause, lk_tree],
                             api_visibility="private").then(do_search, **search_io)

                def on_part(doc_id, part, original):
                    return (gr.update(choices=clause_choices(loader, doc_id or "", part or ""), value=None),
                            policy_tree_html(loader, doc_id or "", part or "", bool(original)))

                lk_part.input(on_part, [lk_doc, lk_part, lk_original], [lk_clause, lk_tree],
                              api_visibility="private").then(do_search, **search_io)

            # ---------------------------------------------------------------- entitlements
            with gr.Tab("我能享受什么", id="entitlements"):
                gr.Markdown("选择您的身份，查看政策原文中写明的待遇和目标（每项都附原文出处）。")
                with gr.Row():
                    ent_who = gr.Dropdown(choices=[(ALL, "")], value=None, label="我是…",
                                          elem_id="pa-ent-who", scale=3)
                    ent_kind = gr.Dropdown(choices=ENT_KINDS, value="", label="类型", scale=2)
                    ent_go = gr.Button("查看", variant="primary", scale=1, elem_id="pa-ent-go")
                ent_msg = gr.HTML("", elem_id="pa-ent-msg")
                ent_table = gr.Dataframe(headers=ENT_HEADERS, value=[], interactive=False, wrap=True,
                                         column_widths=["11%", "6%", "17%", "10%", "8%", "14%", "22%", "12%"],
                                         elem_id="pa-ent-table", max_height=520)
                ent_file = gr.File(label="导出 CSV", interactive=False, elem_id="pa-ent-csv")

                def show_entitlements(who, kind):
                    table, chosen, msg = entitlement_rows(loader, who or "", kind or "")
                    path = entitlements_csv(loader, chosen, who or "") if table else None
                    return table, message_html(msg), path

                for trig in (ent_go.click, ent_who.input, ent_kind.input):
                    trig(show_entitlements, [ent_who, ent_kind], [ent_table, ent_msg, ent_file],
                         api_visibility="private")

            # ---------------------------------------------------------------- evaluators
            with gr.Tab("评测", id="evals"):
                gr.Markdown("选择项目自带的评测集（evals/sets/*.jsonl）或上传一个，运行后查看指标和逐题判定。")
                with gr.Row():
                    ev_set = gr.Dropdown(choices=eval_set_choices(loader), value=None, label="评测集",
                                         scale=3, elem_id="pa-eval-set")
                    ev_upload = gr.File(label="或上传 .jsonl", file_types=[".jsonl"], type="filepath", scale=2,
                                        height=130, elem_id="pa-eval-upload")
                    ev_limit = gr.Number(value=0, precision=0, minimum=0, label="只跑前 N 题（0 = 全部）",
                                         scale=1, elem_id="pa-eval-limit")
                    ev_go = gr.Button("运行评测", variant="primary", scale=1, elem_id="pa-eval-go")
                ev_msg = gr.HTML("", elem_id="pa-eval-msg")
                ev_summary = gr.Dataframe(headers=["指标", "值"], value=[], interactive=False,
                                          label="指标", elem_id="pa-eval-summary")
                ev_verdicts = gr.Dataframe(headers=["结果"], value=[], interactive=False, wrap=True,
                                           label="逐题判定", elem_id="pa-eval-verdicts", max_height=480)
                ev_files = gr.File(label="下载报告", file_count="multiple", interactive=False,
                                   elem_id="pa-eval-files")

                def do_eval(set_path, uploaded, limit, progress=gr.Progress()):
                    msg, s_head, s_rows, v_head, v_rows, files = run_evaluation(
                        loader, set_path, uploaded, int(limit or 0), progress)
                    return (message_html(msg), gr.update(value={"headers": s_head, "data": s_rows}),
                            gr.update(value={"headers": v_head, "data": v_rows}), files)

                ev_go.click(do_eval, [ev_set, ev_upload, ev_limit], [ev_msg, ev_summary, ev_verdicts, ev_files],
                            api_visibility="private", concurrency_limit=1, concurrency_id="eval")

        # ---------------------------------------------------------------- status polling
        def poll():
            ready = loader.ready or loader.error is not None
            outs = [loader.status_html(), gr.Timer(active=not ready)]
            if loader.ready:
                who, _ = beneficiary_choices(loader)
                outs += [gr.update(choices=doc_choices(loader)), gr.update(choices=part_choices(loader, "")),
                         gr.update(choices=clause_choices(loader, "", "")), policy_tree_html(loader),
                         gr.update(choices=who), gr.update(choices=eval_set_choices(loader))]
            else:
                outs += [gr.update()] * 6
            return outs

        poll_outputs = [status, timer, lk_doc, lk_part, lk_clause, lk_tree, ent_who, ev_set]
        timer.tick(poll, None, poll_outputs, api_visibility="private", queue=False)
        demo.load(poll, None, poll_outputs, api_visibility="private", queue=False)

        # ---------------------------------------------------------------- API
        def chat(question: str, history_json: str = "[]") -> tuple[dict, str]:
            """Answer one question with checkable citations.

            Args:
                question: the question (Simplified or Traditional Chinese, or English).
                history_json: earlier turns as a JSON list [{"role": "user"|"assistant", "content": "..."}], or "[]".

            Returns:
                (answer, rendered): `answer` is the JSON contract of `python -m assistant ask --json`
                (question, answered, answer, citations[source, section, quote, start, end, chunk_id,
                document, provenance?], retrieved, searched, script, notices), or
                {"question", "error"} when the question is refused (empty, over-long) or fails;
                `rendered` is the same answer as HTML.

            Example:
                from gradio_client import Client
                client = Client("http://127.0.0.1:7860/")
                answer, rendered = client.predict("人才公寓打几折？", "[]", api_name="/chat")
            """
            return chat_api_result(loader, question, history_json)

        gr.api(chat, api_name="chat", concurrency_limit=8, concurrency_id="chat-api")

    return demo


def theme() -> gr.themes.Base:
    """System fonts only: the page loads nothing from outside the server."""
    return gr.themes.Default(
        primary_hue="orange",
        font=["system-ui", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"])


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, **kwargs):
    """Queue and launch with the app's theme and CSS (Gradio 6 takes them at launch)."""
    demo.queue(default_concurrency_limit=4, max_size=256)
    return demo.launch(server_name=host, server_port=port, theme=theme(), css=CSS, ssr_mode=False,
                       show_error=False, **kwargs)
