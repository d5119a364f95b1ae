"""Corpus management: add (one batch with good and bad files), list and remove documents.

Every test works in a fresh project home under tmp_path with its own corpus/ and catalog.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import corpus as corpus_mod
from assistant.chunk import chunk_document
from assistant.corpus import add_documents, list_documents, make_id, remove_document
from assistant.errors import CorpusError
from assistant.ingest import Catalog
from assistant.settings import Settings


from cjk_font import CJK_FONT, needs_cjk_font  # noqa: E402

PAGE1 = ["成都市人民政府办公厅关于促进青年就业创业的实施意见", "成办发〔2021〕12号", "一、总体要求",
         "（一）指导思想。坚持以人民为中心的发展思想，全面落实就业优先政策，促进青年高质量充分就业，"
         "不断增强青年的获得感、幸福感和安全感，为建设践行新发展理念的公园城市示范区提供有力支撑。"]
PAGE2 = ["二、主要任务", "（一）拓宽就业渠道",
         "1.稳定岗位供给。支持企业吸纳高校毕业生就业，对招用毕业年度高校毕业生并签订一年以上劳动合同"
         "的中小微企业，按每人1000元的标准给予一次性吸纳就业补贴。",
         "成都市人民政府办公厅", "2021年6月30日"]
PDF_TEXT = "\n".join(PAGE1) + "\n" + "\n".join(PAGE2)
GBK_TEXT = "成都市引进急需紧缺人才实施办法\n第一章 总则\n第一条 为加快建设国家吸引集聚人才平台，制定本办法。\n"


def make_pdf(path: Path, pages: list[list[str]] | None = None, *, password: str | None = None,
             no_text: bool = False) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if no_text:
        pdf.add_page()
        pdf.rect(20, 20, 120, 80, style="F")  # a "scan": drawing only, no text layer
    else:
        pdf.add_font("cjk", fname=CJK_FONT)
        pdf.set_font("cjk", size=12)
        for paragraphs in pages or [PAGE1, PAGE2]:
            pdf.add_page()
            for para in paragraphs:
                pdf.multi_cell(0, 8, para, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    if password is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(path))
        writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
        with open(path, "wb") as f:
            writer.write(f)
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


@pytest.fixture
def settings(tmp_path) -> Settings:
    home = tmp_path / "home"
    (home / "corpus").mkdir(parents=True)
    (home / "corpus" / "catalog.json").write_text('{"version": 1, "documents": []}\n', encoding="utf-8")
    return Settings(home=home)


@pytest.fixture
def inbox(tmp_path) -> Path:
    d = tmp_path / "inbox"
    d.mkdir()
    return d


def catalog_json(settings: Settings) -> dict:
    return json.loads((settings.corpus_dir / "catalog.json").read_text(encoding="utf-8"))


def leftovers(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.corpus_dir.rglob(".*"))


# --------------------------------------------------------------------------- one mixed batch

@needs_cjk_font
def test_one_batch_good_and_bad_files(settings, inbox):
    good_pdf = make_pdf(inbox / "Youth_Policy 2021.pdf")
    gbk = inbox / "人才办法.txt"
    gbk.write_bytes(GBK_TEXT.encode("gbk"))
    docx_file = make_docx(inbox / "rent.docx", ["成都市人才优租行动实施细则", "一、适用对象",
                                                "（一）在本市工作的A、B、C类人才。"])
    html = inbox / "consumption.html"
    html.write_text("<html><head><title>t</title><script>x()</script></head><body>"
                    "<h1>成都市促进消费若干措施</h1><p>一、总体要求</p><p>（一）扩大消费。</p></body></html>",
                    encoding="utf-8")
    locked = make_pdf(inbox / "locked.pdf", password="secret")
    scan = make_pdf(inbox / "scan.pdf", no_text=True)
    data = make_pdf(inbox / "whole.pdf").read_bytes()
    cut = inbox / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    empty = inbox / "empty.txt"
    empty.write_bytes(b"")
    binary = inbox / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    dup = inbox / "copy-utf8.txt"  # the GBK file's text again, in UTF-8
    dup.write_text(GBK_TEXT, encoding="utf-8")
    sheet = inbox / "budget.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0")
    missing = inbox / "missing.txt"

    batch = [good_pdf, locked, gbk, scan, cut, empty, docx_file, binary, dup, sheet, missing, html]
    report = add_documents(settings, batch, kind="policy", provenance="test batch", progress=False)

    gbk_id = "doc-" + corpus_mod._sha256(GBK_TEXT)[:10]
    assert [e["id"] for e in report.added] == ["youth-policy-2021", gbk_id, "rent", "consumption"]
    failed = dict(report.failed)
    assert list(failed) == [str(p) for p in (locked, scan, cut, empty, binary, dup, sheet, missing)]
    assert "encrypted" in failed[str(locked)]
    assert failed[str(scan)] == "no text layer (scanned PDF?): run OCR first"
    assert failed[str(cut)].startswith("not a readable PDF")
    assert failed[str(empty)] == "empty file"
    assert failed[str(binary)] == "binary data, not text"
    assert failed[str(dup)] == f"already in the corpus as {gbk_id}"
    assert failed[str(sheet)] == "unsupported file type .xls (supported: .txt .md .pdf .docx .html)"
    assert failed[str(missing)] == "no such file"

    # the catalog is valid JSON and lists exactly the good files
    data = catalog_json(settings)
    assert [e["id"] for e in data["documents"]] == [e["id"] for e in report.added]
    pdf_entry = data["documents"][0]
    assert pdf_entry == {
        "id": "youth-policy-2021", "path": "corpus/youth-policy-2021.txt",
        "title": "成都市人民政府办公厅关于促进青年就业创业的实施意见", "issuer": "成都市人民政府办公厅",
        "doc_number": "成办发〔2021〕12号", "date": "2021-06-30", "kind": "policy",
        "provenance": "test batch", "verified": True,
        "original": "corpus/originals/youth-policy-2021.pdf",
        "pages": [0, len("\n".join(PAGE1)) + 1],
    }
    corpus_dir = settings.corpus_dir
    assert (corpus_dir / "originals" / "youth-policy-2021.pdf").read_bytes() == good_pdf.read_bytes()
    assert (corpus_dir / "originals" / "rent.docx").is_file()
    assert (corpus_dir / "originals" / "consumption.html").is_file()
    assert not (corpus_dir / "originals" / f"{gbk_id}.txt").exists()  # text is stored, not copied
    assert (corpus_dir / f"{gbk_id}.txt").read_bytes() == GBK_TEXT.encode("utf-8")
    assert sorted(p.name for p in corpus_dir.glob("*.txt")) == sorted(
        f"{e['id']}.txt" for e in report.added)
    assert leftovers(settings) == []

    # the stored documents load, and every chunk is a verifiable span with its page
    docs = {d.id: d for d in Catalog.load(corpus_dir).documents()}
    pdf_doc = docs["youth-policy-2021"]
    assert pdf_doc.text == PDF_TEXT
    assert pdf_doc.original == "corpus/originals/youth-policy-2021.pdf"
    for doc in docs.values():
        for c in chunk_document(doc):
            assert doc.text[c.start:c.end] == c.text
    chunks = [c for c in chunk_document(pdf_doc) if c.kind == "text"]
    jobs = next(c for c in chunks if c.text.startswith("1.稳定岗位供给"))
    assert jobs.section_path == ("二、主要任务", "（一）拓宽就业渠道", "1.稳定岗位供给")
    assert jobs.page == 2
    guide = next(c for c in chunks if c.text.startswith("（一）指导思想"))
    assert guide.section_path == ("一、总体要求", "（一）指导思想") and guide.page == 1
    assert docs["rent"].text == "成都市人才优租行动实施细则\n一、适用对象\n（一）在本市工作的A、B、C类人才。"
    assert docs["consumption"].text == "成都市促进消费若干措施\n一、总体要求\n（一）扩大消费。"


# --------------------------------------------------------------------------- encodings

def test_gbk_text_is_stored_as_utf8(settings, inbox):
    src = inbox / "urgent-talent.txt"
    src.write_bytes(GBK_TEXT.replace("\n", "\r\n").encode("gbk"))
    report = add_documents(settings, [src], progress=False)
    assert report.failed == []
    entry = report.added[0]
    assert entry["id"] == "urgent-talent" and entry["path"] == "corpus/urgent-talent.txt"
    assert "original" not in entry and "pages" not in entry
    stored = settings.corpus_dir / "urgent-talent.txt"
    assert stored.read_bytes().decode("utf-8") == GBK_TEXT  # UTF-8, \n newlines
    assert entry["title"] == "成都市引进急需紧缺人才实施办法"
    (doc,) = Catalog.load(settings.corpus_dir).documents()
    assert doc.text == GBK_TEXT
    art = next(c for c in chunk_document(doc) if c.kind == "text" and c.text.startswith("第一条"))
    assert art.section_path[0] == "第一章 总则" and art.section_path[1].startswith("第一条")


def test_utf8_bom_is_dropped(settings, inbox):
    src = inbox / "notes.md"
    src.write_bytes("\ufeff成都市人才政策问答\n一、谁可以申请？\n".encode("utf-8"))
    report = add_documents(settings, [src], progress=False)
    assert [e["id"] for e in report.added] == ["notes"]
    assert (settings.corpus_dir / "notes.txt").read_bytes() == "成都市人才政策问答\n一、谁可以申请？\n".encode()


# --------------------------------------------------------------------------- ids, duplicates, overrides

def test_ids_are_slugs_and_unique(settings, inbox):
    (inbox / "a").mkdir()
    first = inbox / "My Policy (2021).TXT"
    first.write_text("第一份文件。", encoding="utf-8")
    second = inbox / "a" / "My Policy (2021).txt"
    second.write_text("第二份文件。", encoding="utf-8")
    report = add_documents(settings, [first, second], progress=False)
    assert [e["id"] for e in report.added] == ["my-policy-2021", "my-policy-2021-2"]
    assert make_id(Path("政策.txt"), "ab" * 32, set()) == "doc-" + ("ab" * 5)
    assert make_id(Path("---.txt"), "cd" * 32, set()) == "doc-" + ("cd" * 5)


def test_duplicate_in_a_later_batch(settings, inbox):
    src = inbox / "policy.txt"
    src.write_text("关于实施幸福美好生活十大工程的意见\n一、总体要求\n", encoding="utf-8")
    assert [e["id"] for e in add_documents(settings, [src], progress=False).added] == ["policy"]
    other = inbox / "policy-copy.txt"
    other.write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
    report = add_documents(settings, [src, other], progress=False)
    assert report.added == []
    assert report.failed == [(str(src), "already in the corpus as policy"),
                             (str(other), "already in the corpus as policy")]
    assert len(catalog_json(settings)["documents"]) == 1


def test_given_metadata_overrides_found_metadata(settings, inbox):
    src = inbox / "notice.txt"
    src.write_text("成都市人民政府关于印发若干措施的通知\n成府发〔2020〕3号\n正文。\n", encoding="utf-8")
    report = add_documents(settings, [src], title="若干措施", doc_number="成府发〔2020〕4号",
                           date="2020-03-05", kind="related", provenance="unverified copy",
                           verified=False, progress=False)
    e = report.added[0]
    assert (e["title"], e["doc_number"], e["date"]) == ("若干措施", "成府发〔2020〕4号", "2020-03-05")
    assert e["issuer"] == "成都市人民政府"  # found in the title, not overridden
    assert (e["kind"], e["provenance"], e["verified"]) == ("related", "unverified copy", False)


def test_folder_stands_for_its_supported_files(settings, inbox):
    (inbox / "a.txt").write_text("甲文件。", encoding="utf-8")
    (inbox / "b.md").write_text("乙文件。", encoding="utf-8")
    (inbox / "c.xls").write_bytes(b"x")
    (inbox / ".hidden.txt").write_text("隐藏。", encoding="utf-8")
    report = add_documents(settings, [inbox], progress=False)
    assert [e["id"] for e in report.added] == ["a", "b"] and report.failed == []


def test_progress_bar_on_stderr(settings, inbox, capsys):
    files = []
    for i in range(3):
        files.append(inbox / f"f{i}.txt")
        files[-1].write_text(f"第{i}份文件。", encoding="utf-8")
    add_documents(settings, files)
    assert "adding" in capsys.readouterr().err
    (inbox / "one.txt").write_text("单个文件。", encoding="utf-8")
    add_documents(settings, [inbox / "one.txt"])
    assert capsys.readouterr().err == ""  # no bar for a single file


def test_failed_write_leaves_nothing_half_added(settings, inbox, monkeypatch):
    for name in ("first", "second"):
        (inbox / f"{name}.html").write_text(f"<p>{name}：正文。</p>", encoding="utf-8")
    real_save = Catalog.save
    calls = []

    def failing_save(self):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real_save(self)

    monkeypatch.setattr(Catalog, "save", failing_save)
    report = add_documents(settings, [inbox / "first.html", inbox / "second.html"], progress=False)
    assert report.failed == [(str(inbox / "first.html"),
                              f"could not write to {settings.corpus_dir}: No space left on device")]
    assert [e["id"] for e in report.added] == ["second"]
    assert [e["id"] for e in catalog_json(settings)["documents"]] == ["second"]
    assert not (settings.corpus_dir / "first.txt").exists()
    assert not (settings.corpus_dir / "originals" / "first.html").exists()
    assert leftovers(settings) == []


def test_bare_folder_corpus_gets_a_catalog(tmp_path, inbox):
    home = tmp_path / "bare"
    (home / "corpus").mkdir(parents=True)
    (home / "corpus" / "old.txt").write_text("旧文件。", encoding="utf-8")
    (inbox / "new.txt").write_text("新文件。", encoding="utf-8")
    (inbox / "old-copy.txt").write_text("旧文件。", encoding="utf-8")
    settings = Settings(home=home)
    report = add_documents(settings, [inbox / "new.txt", inbox / "old-copy.txt"], progress=False)
    assert [e["id"] for e in report.added] == ["new"]
    assert report.failed == [(str(inbox / "old-copy.txt"), "already in the corpus as old")]
    assert [e["id"] for e in catalog_json(settings)["documents"]] == ["old", "new"]


# --------------------------------------------------------------------------- list and remove

def test_list_and_remove(settings, inbox):
    (inbox / "keep.txt").write_text("保留的文件。", encoding="utf-8")
    (inbox / "drop.html").write_text("<p>要删除的文件。</p>", encoding="utf-8")
    add_documents(settings, [inbox / "keep.txt", inbox / "drop.html"], provenance="来源:测试",
                  progress=False)
    rows = list_documents(settings)
    assert [r["id"] for r in rows] == ["keep", "drop"]
    keep = rows[0]
    assert keep["chars"] == len("保留的文件。") and keep["kind"] == "policy"
    assert keep["path"] == "corpus/keep.txt" and keep["verified"] is True
    assert keep["provenance"] == "来源:测试" and keep["status"] == "ok"
    assert keep["sha256"] == corpus_mod._sha256("保留的文件。")[:12]

    removed = remove_document(settings, "drop")
    assert removed["id"] == "drop"
    assert sorted(removed["removed_files"]) == ["corpus/drop.txt", "corpus/originals/drop.html"]
    assert not (settings.corpus_dir / "drop.txt").exists()
    assert not (settings.corpus_dir / "originals" / "drop.html").exists()
    assert [e["id"] for e in catalog_json(settings)["documents"]] == ["keep"]

    with pytest.raises(CorpusError, match="known ids: keep"):
        remove_document(settings, "drop")

    (settings.corpus_dir / "keep.txt").unlink()
    assert list_documents(settings)[0]["status"] == "missing"
    assert remove_document(settings, "keep")["removed_files"] == []
    assert catalog_json(settings)["documents"] == []
