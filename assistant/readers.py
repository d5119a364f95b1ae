"""Readers: turn one input file (.txt .md .pdf .docx .html) into plain text plus metadata.

The text a reader returns is what gets stored as `corpus/<id>.txt` and what citations index
into, so readers never invent content: they decode, drop layout noise (page numbers, lines
broken by the page width) and keep the heading lines (一、 / （一） / 1. / 第X条) on lines of
their own so the chunker sees the document's structure.

Every failure is an `IngestError(path, reason)` whose reason says what to do about it.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .chunk import classify
from .errors import IngestError

SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
_SUPPORTED_SHOWN = ".txt .md .pdf .docx .html"


@dataclass(frozen=True)
class Extracted:
    """What a reader found in one file."""

    text: str
    pages: tuple[int, ...] = ()  # start offset of each page in `text` (PDF only)
    fmt: str = ""  # "txt", "md", "pdf", "docx" or "html"
    meta: dict = field(default_factory=dict)  # title / issuer / doc_number / date when found
    encoding: str = ""  # how a text file was decoded ("utf-8", "utf-8-sig", "gb18030", ...)


def read_file(path) -> Extracted:
    """Read one file into an `Extracted`; raises `IngestError` when it cannot be used."""
    path = Path(path)
    if not path.exists():
        raise IngestError(path, "no such file")
    if path.is_dir():
        raise IngestError(path, "is a folder, not a file: pass the files in it")
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        shown = ext or "(none)"
        raise IngestError(path, f"unsupported file type {shown} (supported: {_SUPPORTED_SHOWN})")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(path, f"cannot read the file: {e.strerror or e}") from e
    if not data.strip():
        raise IngestError(path, "empty file")

    encoding = ""
    if ext in (".txt", ".md"):
        text, encoding = decode_text(data, path)
        pages: tuple[int, ...] = ()
        fmt = ext[1:]
    elif ext == ".pdf":
        text, pages = _read_pdf(data, path)
        fmt = "pdf"
    elif ext == ".docx":
        text, pages = _read_docx(data, path), ()
        fmt = "docx"
    else:
        text, pages = _read_html(data, path), ()
        fmt = "html"

    if not text.strip():
        if fmt in ("txt", "md"):
            raise IngestError(path, "empty file")
        raise IngestError(path, f"no text found in this .{fmt} file")
    return Extracted(text=text, pages=pages, fmt=fmt, meta=extract_meta(text, path.stem),
                     encoding=encoding)


# --------------------------------------------------------------------------- plain text

_BINARY_HINT = "binary data, not text"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, path="<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file: (text with \\n newlines, encoding used).

    UTF-8 (a BOM is dropped), then GB18030 (a superset of GBK and GB2312), both strictly;
    charset-normalizer only when neither fits. Binary data raises `IngestError`.
    """
    text = None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise IngestError(path, _BINARY_HINT + " (starts with a UTF-8 mark but is not UTF-8)")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows Notepad's "Unicode": UTF-16 with its byte order mark
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise IngestError(path, _BINARY_HINT) from None
    else:
        if b"\x00" in data:
            raise IngestError(path, _BINARY_HINT)
        for encoding in ("utf-8", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            text, encoding = _guess_encoding(data, path)
    if _looks_binary(text):
        raise IngestError(path, _BINARY_HINT)
    return normalize_newlines(text), encoding


def _guess_encoding(data: bytes, path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(path, _BINARY_HINT)
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise IngestError(path, _BINARY_HINT) from None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls > max(2, len(text) // 200)


# --------------------------------------------------------------------------- PDF

_PAGE_NUMBER = [
    re.compile(r"[-－—–~～\s]*\d{1,4}[-－—–~～\s]*"),  # - 1 -   —2—   (bare digits checked apart)
    re.compile(r"第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"),
    re.compile(r"\d{1,4}\s*/\s*\d{1,4}"),
    re.compile(r"(?i)page\s*\d{1,4}(\s*of\s*\d{1,4})?"),
]
_CJK_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LETTER_SPACED = re.compile(rf"(?:[{_CJK_CHAR}][ \u3000\xa0]+){{3,}}[{_CJK_CHAR}]")
# A line never starts with these in Chinese typesetting: a line starting with one of them
# is the rest of the line before it.
_NO_LINE_START = "，。、；：！？）》」』”’〕】,.;:!?)%"
_PARAGRAPH_END = re.compile(r"[。！？；：!?;:…][”’」』）)]*$")


@contextmanager
def _quiet_pypdf():
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, path) -> tuple[str, tuple[int, ...]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a readable PDF (no %PDF header): is it really a PDF?")
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        raise IngestError(path, "not a readable PDF (truncated or damaged: no %%EOF marker); "
                                "download or export it again")
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
        except Exception as e:  # pypdf raises many kinds of errors on damaged files
            raise IngestError(path, f"not a readable PDF ({type(e).__name__}: {e})") from e
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as e:
                raise IngestError(path, f"encrypted PDF that cannot be opened here ({e}); "
                                        "save an unprotected copy and add that") from e
            except Exception as e:
                raise IngestError(path, f"encrypted PDF that cannot be opened ({e})") from e
            if not opened:
                raise IngestError(path, "encrypted PDF (password-protected): save an unprotected "
                                        "copy (print to PDF, or `qpdf --decrypt`) and add that")
        try:
            raw_pages = [page.extract_text() or "" for page in reader.pages]
        except FileNotDecryptedError as e:
            raise IngestError(path, "encrypted PDF (password-protected): save an unprotected "
                                    "copy and add that") from e
        except Exception as e:  # PdfReadError and the many errors of damaged content streams
            raise IngestError(path, f"not a readable PDF ({type(e).__name__}: {e})") from e
    if not raw_pages:
        raise IngestError(path, "not a readable PDF (it has no pages)")
    if not any(p.strip() for p in raw_pages):
        raise IngestError(path, "no text layer (scanned PDF?): run OCR first")
    page_lines = [_page_lines(p, number) for number, p in enumerate(raw_pages, 1)]
    width = _text_width(page_lines)
    cleaned = ["\n".join(_join_broken_lines(lines, width)) for lines in page_lines]
    starts, pos = [], 0
    for p in cleaned:
        starts.append(pos)
        pos += len(p) + 1
    return "\n".join(cleaned), tuple(starts)


def _fix_chars(text: str) -> str:
    """Kangxi radicals / compatibility ideographs some PDF fonts map to → the usual characters
    (⼀ U+2F00 → 一), control characters dropped."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0x2E80 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF:
            ch = unicodedata.normalize("NFKC", ch)
        elif ch in "\u00ad\ufeff" or (o < 32 and ch not in "\n\t") or o == 0x7F:
            continue
        out.append(ch)
    return "".join(out)


def _is_page_number(line: str, page_number: int) -> bool:
    s = line.strip()
    if not s:
        return False
    if s.isdigit():
        return int(s) == page_number
    if s.replace(" ", "").isdigit():
        return False
    return any(p.fullmatch(s) for p in _PAGE_NUMBER) and any(c.isdigit() for c in s)


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _is_heading(line: str) -> bool:
    return classify(line.lstrip(" \t\u3000")) is not None


def clean_pdf_page(raw: str, page_number: int = 0, text_width: int | None = None) -> str:
    """Conservative clean-up of one page of extracted PDF text.

    - newlines normalised, trailing spaces dropped, Kangxi-radical look-alikes mapped back;
    - a page-number line (`- 3 -`, `第3页`, `3/10`, or the page's own number) at the top or
      bottom of the page is dropped;
    - a line whose characters are all spaced out (`成 都 市 人 民 政 府`) is closed up;
    - a line broken by the page width is joined to its continuation only when that is safe:
      the continuation starts with punctuation no line can start with, or the line fills the
      text width (`text_width`, measured over the whole document by `_text_width`), ends
      without closing punctuation and the next line is not a heading.
    """
    lines = _page_lines(raw, page_number)
    if text_width is None:
        text_width = _text_width([lines])
    return "\n".join(_join_broken_lines(lines, text_width))


def _page_lines(raw: str, page_number: int) -> list[str]:
    text = _fix_chars(normalize_newlines(raw))
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    for _ in range(2):  # a page number and a stray blank, at most
        if lines and _is_page_number(lines[-1], page_number):
            lines.pop()
        if lines and _is_page_number(lines[0], page_number):
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
    return [_close_letter_spacing(ln) for ln in lines]


def _text_width(pages: list[list[str]]) -> int:
    """The width of a full line of text, when several lines reach it; else 0 (unknown)."""
    widths = [_width(ln.strip()) for lines in pages for ln in lines]
    full = max(widths, default=0)
    if full >= 30 and sum(w >= 0.9 * full for w in widths) >= 2:
        return full
    return 0


def _close_letter_spacing(line: str) -> str:
    s = line.strip()
    if _LETTER_SPACED.fullmatch(s):
        indent = line[: len(line) - len(line.lstrip())]
        return indent + re.sub(r"[ \u3000\xa0]+", "", s)
    return line


def _join_broken_lines(lines: list[str], full: int) -> list[str]:
    out: list[str] = []
    prev_width = 0  # width of the physical line before, not of what it was joined into
    for line in lines:
        width = _width(line.strip())
        if out and out[-1].strip() and line.strip() and _continues(out[-1], line, prev_width, full):
            prev = out[-1]
            nxt = line.lstrip()
            sep = " " if (prev[-1:].isascii() and prev[-1:].isalnum()
                          and nxt[:1].isascii() and nxt[:1].isalnum()) else ""
            out[-1] = prev + sep + nxt
        else:
            out.append(line)
        prev_width = width
    return out


def _continues(prev: str, line: str, prev_width: int, full: int) -> bool:
    nxt = line.lstrip(" \t\u3000")
    if _is_heading(nxt):
        return False
    if nxt[0] in _NO_LINE_START:
        return True
    if _PARAGRAPH_END.search(prev):
        return False
    return full > 0 and prev_width >= 0.9 * full


# --------------------------------------------------------------------------- DOCX

def _read_docx(data: bytes, path) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as e:  # pragma: no cover - python-docx is a dependency
        raise IngestError(path, "reading .docx needs python-docx: pip install python-docx") from e
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # BadZipFile, KeyError (no word/document.xml), lxml errors...
        hint = ""
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            hint = ": it is an old .doc or a password-protected file; save it as .docx first"
        raise IngestError(path, f"not a readable .docx file{hint or f' ({type(e).__name__})'}") from e
    parts: list[str] = []

    def walk(container) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                parts.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells, seen = [], set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # a merged cell repeats
                            continue
                        seen.add(id(cell._tc))
                        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                    parts.append("\t".join(cells))
            elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
                walk(child)  # content controls and tracked insertions hold paragraphs too

    walk(document.element.body)
    text = normalize_newlines("\n".join(parts))
    text = "\n".join(ln.rstrip() for ln in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# --------------------------------------------------------------------------- HTML

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
}
_CELL_TAGS = {"td", "th"}
_DROP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
              "canvas", "iframe", "object", "embed", "select", "button", "input", "textarea"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BREAK = "\n"


def _decode_html(data: bytes, path) -> str:
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii").lower() if m else ""
    if declared in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            pass
    elif declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)[0]


def _hidden(tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _read_html(data: bytes, path) -> str:
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    html = _decode_html(data, path)
    soup = BeautifulSoup(html, "html.parser")
    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    # iterative walk: ("open", node) / ("close", tag)
    stack: list[tuple[str, object, bool]] = [("open", soup, False)]
    while stack:
        action, node, in_pre = stack.pop()
        if action == "close":
            out.append(_BREAK if node.name in _BLOCK_TAGS else "\t")
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, skip_strings):
                continue
            s = str(node)
            if not in_pre:
                # source line breaks between Chinese characters are formatting, not spaces
                s = re.sub(rf"(?<=[{_CJK_CHAR}])\s*\n\s*(?=[{_CJK_CHAR}])", "", s)
                s = re.sub(r"[ \t\n\r\f\v\xa0]+", " ", s)
            out.append(s)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in _DROP_TAGS or (node is not soup and _hidden(node)):
            continue
        if name == "br":
            out.append(_BREAK)
            continue
        if name in _BLOCK_TAGS:
            out.append(_BREAK)
        if name in _BLOCK_TAGS or name in _CELL_TAGS:
            stack.append(("close", node, in_pre))
        child_pre = in_pre or name == "pre"
        for child in reversed(list(node.children)):
            stack.append(("open", child, child_pre))
    text = normalize_newlines("".join(out))
    lines = []
    for ln in text.split("\n"):
        ln = re.sub(r"[ \t]*\t[ \t]*", "\t", ln).strip(" \t\xa0\u3000")
        if ln:
            lines.append(ln)
    return "\n".join(lines)


# --------------------------------------------------------------------------- metadata

_DOC_NUMBER = re.compile(
    rf"[{_CJK_CHAR}A-Za-z]{{1,16}}\s*[〔\[［【(（]\s*((?:19|20)\d{{2}})\s*[〕\]］】)）]\s*(\d{{1,5}})\s*号")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十]{1,3})\s*日")
_ISSUER_END = ("人民政府办公厅", "人民政府辦公廳", "人民政府办公室", "人民政府辦公室", "人民政府", "政府",
               "办公厅", "辦公廳", "办公室", "辦公室", "委员会", "委員會", "市委", "县委", "區委", "区委",
               "局", "厅", "廳")
_ISSUER_WORD = re.compile(r"(市委|县委|区委|區委|政府|办公厅|辦公廳|办公室|辦公室|委员会|委員會|局|厅|廳)")
_ABOUT = re.compile(r"关于|關于|關於")
_DOC_TYPES = ("通知", "意见", "意見", "办法", "辦法", "细则", "細則", "规定", "規定", "方案", "决定",
              "決定", "条例", "條例", "规划", "規劃", "措施", "公告", "通告", "批复", "批覆", "函",
              "纲要", "綱要", "指引", "计划", "計劃", "报告", "報告", "标准", "標準")
_LETTERHEAD = re.compile(r"^(.{2,40}?)\s*文\s*件$")


def _cn_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(s, 0)


def _iso_date(y: int, m: int, d: int) -> str:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return ""


def _dates_in(line: str) -> list[str]:
    found = []
    for m in _DATE.finditer(line):
        found.append(_iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _CN_DATE.finditer(line):
        y = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        found.append(_iso_date(y, _cn_number(m.group(2)), _cn_number(m.group(3))))
    return [d for d in found if d]


def _is_date_line(line: str) -> bool:
    s = re.sub(r"[\s()（）]", "", line)
    return bool(_DATE.fullmatch(s) or _CN_DATE.fullmatch(s))


def _clean_issuer(s: str) -> str:
    s = re.sub(r"\s+", " ", s.strip(" \t\u3000（()）:：,，、"))
    if re.search(r"[：:，,。；;《》“”]|^(抄送|主送|印发|联系|附件|来源|來源)", s):
        return ""
    return s if 2 <= len(s) <= 40 and s.endswith(_ISSUER_END) else ""


def extract_meta(text: str, stem: str = "") -> dict:
    """Best-effort title, issuer, 文号 (doc_number) and date (YYYY-MM-DD) found in `text`.

    Only what is found is returned (title falls back to `stem`). Conservative: the 文号 must
    stand near the top on a short line, the date must be a line of its own (a signature
    date) or stand right under the title, the issuer must end like an issuing body
    (…人民政府, …办公厅, …局, …市委) in a letterhead, the title or the signature block.
    """
    lines = [ln.strip(" \t\u3000\xa0") for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    head, tail = lines[:20], lines[-8:]
    meta: dict = {}

    for ln in head:
        m = _DOC_NUMBER.search(ln)
        if m and len(ln) <= 40 and "《" not in ln:
            meta["doc_number"] = re.sub(r"\s+", "", m.group(0))
            break

    title, title_index = "", -1
    for i, ln in enumerate(head):
        if _is_heading(ln):  # the text starts before any title line
            break
        if (len(ln) > 60 or _DOC_NUMBER.search(ln) and len(ln) <= 40 or _is_date_line(ln)
                or _LETTERHEAD.match(ln) or _is_page_number(ln, 1)
                or re.fullmatch(r"[\d\W_]+", ln)
                or re.match(r"(签发人|簽發人|密级|密級|特急|加急|平急|公开|公開|主送|抄送)", ln)):
            continue
        title, title_index = ln, i
        # a title set on two lines: 成都市人民政府关于印发 / …的通知
        if i + 1 < len(head):
            nxt = head[i + 1]
            # or on an issuer line and a 关于… line: 成都市人民政府 / 关于印发…的通知
            if len(title) + len(nxt) <= 80 and not _PARAGRAPH_END.search(title + nxt) and (
                    (not title.endswith(_DOC_TYPES) and _ABOUT.search(title) and nxt.endswith(_DOC_TYPES))
                    or (_clean_issuer(title) and _ABOUT.match(nxt) and nxt.endswith(_DOC_TYPES))):
                title = title + nxt
        break
    if title and not _PARAGRAPH_END.search(title) and title.count("，") + title.count(",") < 2:
        meta["title"] = title
    elif stem:
        meta["title"] = stem
        title = ""

    issuer = ""
    for ln in head[:5]:
        m = _LETTERHEAD.match(ln)
        if m and _ISSUER_WORD.search(m.group(1)):
            issuer = _clean_issuer(m.group(1))
            if issuer:
                break
    if not issuer and title:
        m = _ABOUT.search(title)
        if m and m.start() > 0:
            issuer = _clean_issuer(title[: m.start()])
    if not issuer:
        for ln in reversed(tail):
            if len(ln) <= 30 and not _DATE.search(ln) and _ISSUER_WORD.search(ln):
                issuer = _clean_issuer(ln)
                if issuer:
                    break
    if issuer:
        meta["issuer"] = issuer

    date = ""
    for ln in reversed(tail):  # signature date at the end
        if _is_date_line(ln):
            date = _dates_in(ln)[0]
            break
    if not date and title_index >= 0:  # (2021年6月30日) right under the title
        for ln in head[title_index + 1: title_index + 4]:
            if _is_date_line(ln):
                date = _dates_in(ln)[0]
                break
    if date:
        meta["date"] = date
    return meta
