"""Readers: real PDFs (made here with fpdf2 and a CJK font), DOCX, HTML and text encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunk import chunk_document
from assistant.errors import IngestError
from assistant.ingest import Document
from assistant.readers import Extracted, clean_pdf_page, decode_text, extract_meta, read_file


# --------------------------------------------------------------------------- helpers

from cjk_font import CJK_FONT, needs_cjk_font  # noqa: E402


def make_pdf(path: Path, pages: list[list[str]], *, page_numbers: bool = True) -> Path:
    """A real PDF with a text layer: one list of paragraphs per page, `- N -` in the footer."""
    from fpdf import FPDF

    class PolicyPDF(FPDF):
        def footer(self):
            if page_numbers:
                self.set_y(-15)
                self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = PolicyPDF()
    pdf.add_font("cjk", fname=CJK_FONT)
    pdf.set_font("cjk", size=12)
    for paragraphs in pages:
        pdf.add_page()
        for para in paragraphs:
            pdf.multi_cell(0, 8, para, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


PAGE1 = [
    "成都市人民政府办公厅关于促进青年就业创业的实施意见",
    "成办发〔2021〕12号",
    "各区（市）县人民政府，市政府各部门：",
    "为深入贯彻落实就业优先战略，进一步促进青年就业创业，结合我市实际，现提出如下实施意见。",
    "一、总体要求",
    "（一）指导思想。坚持以人民为中心的发展思想，全面落实就业优先政策，促进青年高质量充分就业，"
    "不断增强青年的获得感、幸福感和安全感，为建设践行新发展理念的公园城市示范区提供有力支撑。",
    "（二）主要目标。到2025年，全市累计新增青年就业岗位50万个。",
]
PAGE2 = [
    "二、主要任务",
    "（一）拓宽就业渠道",
    "1.稳定岗位供给。支持企业吸纳高校毕业生就业，对招用毕业年度高校毕业生并签订一年以上劳动合同"
    "的中小微企业，按每人1000元的标准给予一次性吸纳就业补贴。",
    "2.鼓励创业带动就业。对首次创办小微企业的青年给予一次性创业补贴。",
    "（二）强化服务保障",
    "1.加强就业指导。",
    "成都市人民政府办公厅",
    "2021年6月30日",
]
POLICY_TEXT = "\n".join(PAGE1) + "\n" + "\n".join(PAGE2)


def as_document(ex: Extracted, doc_id: str = "youth") -> Document:
    return Document(id=doc_id, source=f"corpus/{doc_id}.txt", title=ex.meta.get("title", doc_id),
                    text=ex.text, pages=ex.pages)


# --------------------------------------------------------------------------- PDF

@needs_cjk_font
def test_pdf_text_pages_and_metadata(tmp_path):
    pdf = make_pdf(tmp_path / "youth.pdf", [PAGE1, PAGE2])
    ex = read_file(pdf)
    assert ex.fmt == "pdf"
    # lines broken by the page width are joined back, the `- N -` footers are gone
    assert ex.text == POLICY_TEXT
    page1 = "\n".join(PAGE1)
    assert ex.pages == (0, len(page1) + 1)
    assert ex.text[ex.pages[1]:].startswith("二、主要任务")
    assert ex.meta == {"title": "成都市人民政府办公厅关于促进青年就业创业的实施意见",
                       "doc_number": "成办发〔2021〕12号", "issuer": "成都市人民政府办公厅",
                       "date": "2021-06-30"}


@needs_cjk_font
def test_pdf_chunks_follow_headings_and_pages(tmp_path):
    ex = read_file(make_pdf(tmp_path / "youth.pdf", [PAGE1, PAGE2]))
    doc = as_document(ex)
    chunks = chunk_document(doc)
    assert chunks
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert c.page == (1 if c.start < ex.pages[1] else 2)
    # paragraphs (kind "text"); heading and section chunks span more and may start alike
    text_chunks = [c for c in chunks if c.kind == "text"]
    guide = next(c for c in text_chunks if c.text.startswith("（一）指导思想"))
    assert guide.section_path == ("一、总体要求", "（一）指导思想")
    assert guide.page == 1
    assert guide.text.endswith("提供有力支撑。")  # one paragraph again, not three lines
    jobs = next(c for c in text_chunks if c.text.startswith("1.稳定岗位供给"))
    assert jobs.section_path == ("二、主要任务", "（一）拓宽就业渠道", "1.稳定岗位供给")
    assert jobs.page == 2
    assert jobs.code == "二(一)1"
    guidance = next(c for c in chunks if c.text.startswith("1.加强就业指导"))
    assert guidance.section_path == ("二、主要任务", "（二）强化服务保障", "1.加强就业指导")
    assert guidance.page == 2
    part2 = next(c for c in chunks if c.kind == "heading" and c.section_path == ("二、主要任务",))
    assert part2.text.startswith("二、主要任务\n") and part2.page == 2
    assert part2.outline == ("（一）拓宽就业渠道", "（二）强化服务保障")
    assert "- 1 -" not in doc.text


@needs_cjk_font
def test_pdf_encrypted_with_empty_password_opens(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [PAGE1, PAGE2])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    with open(tmp_path / "restricted.pdf", "wb") as f:
        writer.write(f)
    assert read_file(tmp_path / "restricted.pdf").text == POLICY_TEXT


@needs_cjk_font
def test_pdf_encrypted_with_password_fails(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [PAGE1])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    with open(tmp_path / "locked.pdf", "wb") as f:
        writer.write(f)
    with pytest.raises(IngestError, match="encrypted"):
        read_file(tmp_path / "locked.pdf")


def test_pdf_without_text_layer_fails(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(IngestError, match=r"no text layer \(scanned PDF\?\): run OCR first"):
        read_file(tmp_path / "scan.pdf")


def test_pdf_corrupt_fails(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Policy text")
    data = bytes(pdf.output())
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_file(tmp_path / "cut.pdf")
    (tmp_path / "fake.pdf").write_bytes("这不是PDF文件".encode("utf-8"))
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_file(tmp_path / "fake.pdf")


def test_clean_pdf_page_is_conservative():
    # a heading after a full line stays on its own line
    full = "为深入贯彻落实就业优先战略进一步促进青年就业创业结合我市实际现提出如下实施"
    page = "\n".join([full, full, "二、主要任务", "第3页"])
    assert clean_pdf_page(page, 3) == "\n".join([full + full, "二、主要任务"])
    # a short line without closing punctuation is not joined to the next one
    assert clean_pdf_page("成都市人民政府办公厅\n2021年6月30日\n3", 3) == "成都市人民政府办公厅\n2021年6月30日"
    # punctuation that cannot start a line belongs to the line before
    assert clean_pdf_page("促进青年就业\n，不断增强", 1) == "促进青年就业，不断增强"
    # a bare number is only dropped when it is this page's number; spaced-out titles close up
    assert clean_pdf_page("成 都 市 人 民 政 府 文 件\n正文。\n12", 3) == "成都市人民政府文件\n正文。\n12"
    # Kangxi radicals some PDF fonts produce map back to the usual characters
    assert clean_pdf_page("\u2f00、总体要求", 1) == "一、总体要求"


# --------------------------------------------------------------------------- text files

def test_txt_gbk_round_trip(tmp_path):
    text = "成都市引进急需紧缺人才实施办法\n第一条 为加快建设国家吸引集聚人才平台，制定本办法。\n"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    ex = read_file(tmp_path / "gbk.txt")
    assert ex.text == text and ex.fmt == "txt" and ex.encoding == "gb18030"
    assert ex.meta["title"] == "成都市引进急需紧缺人才实施办法"


def test_txt_utf8_bom_and_crlf(tmp_path):
    (tmp_path / "bom.md").write_bytes("\ufeff标题\r\n第一行\r第二行\r\n".encode("utf-8"))
    ex = read_file(tmp_path / "bom.md")
    assert ex.text == "标题\n第一行\n第二行\n"
    assert ex.fmt == "md" and ex.encoding == "utf-8-sig" and ex.pages == ()


def test_txt_gb18030_only_characters(tmp_path):
    text = "人才公寓位于𠀾街道。\n"  # 𠀾 is outside GBK: a four-byte GB18030 sequence
    (tmp_path / "g.txt").write_bytes(text.encode("gb18030"))
    assert read_file(tmp_path / "g.txt").text == text


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(1, 32)) * 20,
])
def test_txt_binary_fails(tmp_path, data):
    (tmp_path / "image.txt").write_bytes(data)
    with pytest.raises(IngestError, match="binary data, not text"):
        read_file(tmp_path / "image.txt")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf\n"])
def test_txt_empty_fails(tmp_path, data):
    (tmp_path / "empty.txt").write_bytes(data)
    with pytest.raises(IngestError, match="empty file"):
        read_file(tmp_path / "empty.txt")


def test_unsupported_and_missing(tmp_path):
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(IngestError) as e:
        read_file(tmp_path / "sheet.xlsx")
    assert e.value.reason == "unsupported file type .xlsx (supported: .txt .md .pdf .docx .html)"
    with pytest.raises(IngestError) as e:
        read_file(tmp_path / "nope.txt")
    assert e.value.reason == "no such file" and e.value.path.endswith("nope.txt")


def test_decode_text_prefers_utf8():
    text = "关于实施幸福美好生活十大工程的意见"
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")
    assert decode_text(text.encode("gbk")) == (text, "gb18030")


# --------------------------------------------------------------------------- DOCX and HTML

def test_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("成都市人才优租行动实施细则")
    d.add_paragraph("成人社发〔2022〕7号")
    d.add_paragraph("一、适用对象")
    d.add_paragraph("（一）在本市工作的A、B、C类人才。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "类别", "补贴标准"
    table.cell(1, 0).text, table.cell(1, 1).text = "A类", "每月3000元"
    d.add_paragraph("二、申请程序")
    d.save(str(tmp_path / "rent.docx"))
    ex = read_file(tmp_path / "rent.docx")
    assert ex.fmt == "docx" and ex.pages == ()
    assert ex.text == ("成都市人才优租行动实施细则\n成人社发〔2022〕7号\n一、适用对象\n"
                       "（一）在本市工作的A、B、C类人才。\n类别\t补贴标准\nA类\t每月3000元\n二、申请程序")
    assert ex.meta["title"] == "成都市人才优租行动实施细则"
    assert ex.meta["doc_number"] == "成人社发〔2022〕7号"
    chunks = chunk_document(as_document(ex, "rent"))
    item = next(c for c in chunks if c.text.startswith("（一）"))
    assert item.section_path == ("一、适用对象", "（一）在本市工作的A、B、C类人才")
    assert item.page is None


def test_docx_not_a_zip_fails(tmp_path):
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(IngestError, match="not a readable .docx"):
        read_file(tmp_path / "old.docx")


HTML = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>站点名称_成都市人民政府</title>
<style>p { color: red }</style><script>var x = "不要这段";</script></head>
<body>
<div class="nav"><a href="/">首页</a></div>
<h1>成都市人民政府关于印发
成都市促进消费若干措施的通知</h1>
<p class="num">成府发〔2020〕3号</p>
<p>各区（市）县政府，市政府各部门：<br>现将《若干措施》印发给你们，请认真贯彻执行。</p>
<div style="display:none">隐藏的文字</div>
<p>一、<b>总体要求</b></p>
<p>（一）扩大消费。支持<span>商贸企业</span>开展促销活动。</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>补贴</td><td>100万元</td></tr></table>
<p style="text-align:right">成都市人民政府</p>
<p style="text-align:right">2020年3月5日</p>
<!-- 注释 -->
</body></html>
"""


def test_html(tmp_path):
    (tmp_path / "notice.html").write_bytes(HTML.encode("gb18030"))
    ex = read_file(tmp_path / "notice.html")
    assert ex.fmt == "html"
    assert ex.text == "\n".join([
        "首页",
        "成都市人民政府关于印发成都市促进消费若干措施的通知",
        "成府发〔2020〕3号",
        "各区（市）县政府，市政府各部门：",
        "现将《若干措施》印发给你们，请认真贯彻执行。",
        "一、总体要求",
        "（一）扩大消费。支持商贸企业开展促销活动。",
        "项目\t金额",
        "补贴\t100万元",
        "成都市人民政府",
        "2020年3月5日",
    ])
    assert ex.meta["doc_number"] == "成府发〔2020〕3号"
    assert ex.meta["date"] == "2020-03-05"
    assert ex.meta["issuer"] == "成都市人民政府"


def test_htm_utf8_without_declaration(tmp_path):
    (tmp_path / "page.htm").write_text("<p>第一条 本办法自发布之日起施行。</p><p>第二条 由市人社局解释。</p>",
                                       encoding="utf-8")
    ex = read_file(tmp_path / "page.htm")
    assert ex.text == "第一条 本办法自发布之日起施行。\n第二条 由市人社局解释。"
    assert ex.fmt == "html"


# --------------------------------------------------------------------------- metadata

def test_meta_letterhead_and_signature():
    text = ("成都市人民政府文件\n成府发〔2020〕3号\n成都市人民政府\n关于印发成都市促进消费若干措施的通知\n"
            "各区（市）县政府：\n现将《若干措施》（成办发〔2019〕8号）印发给你们。\n成都市人民政府\n二〇二〇年三月五日\n")
    meta = extract_meta(text, "stem")
    assert meta["doc_number"] == "成府发〔2020〕3号"
    assert meta["issuer"] == "成都市人民政府"
    assert meta["date"] == "2020-03-05"
    assert meta["title"] == "成都市人民政府关于印发成都市促进消费若干措施的通知"


def test_meta_falls_back_to_stem():
    meta = extract_meta("一、政策主要惠及哪些人才？\n1.在成都市租住保障性租赁住房的人才。", "rent-faq")
    assert meta == {"title": "rent-faq"}
    meta = extract_meta("根据《通知》（成办发〔2021〕12号）要求，现将有关事项通知如下：补贴标准见附件。", "x")
    assert "doc_number" not in meta  # a 文号 cited in a sentence is not this document's
