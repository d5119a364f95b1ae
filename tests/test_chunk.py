"""Chunking follows the policy's own structure and keeps exact offsets."""

from pathlib import Path

import pytest

from assistant.chunk import MAX_CHARS, chunk_document, split_sentences
from assistant.ingest import Document, load_documents

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs():
    return load_documents(REPO / "corpus")


@pytest.fixture(scope="module")
def chunks(docs):
    return {d.id: chunk_document(d) for d in docs}


def test_every_chunk_is_a_verbatim_span_of_its_source(docs, chunks):
    for d in docs:
        assert chunks[d.id], d.id
        for c in chunks[d.id]:
            assert d.text[c.start:c.end] == c.text
            assert c.source == d.source


def test_chunk_ids_are_unique_and_stable(docs, chunks):
    ids = [c.id for cs in chunks.values() for c in cs]
    assert len(ids) == len(set(ids))
    again = [c.id for d in docs for c in chunk_document(d)]
    assert ids == again


def test_known_clause_has_its_section_path(chunks):
    by_id = {c.id: c for c in chunks["chengdu-ten-projects"]}
    c = by_id["chengdu-ten-projects#二(八)4"]
    assert c.section_path == ("二、主要任務", "(八)青年創新創業就業筑夢工程", "4.情感有歸屬")
    assert c.section == "二、主要任務 > (八)青年創新創業就業筑夢工程 > 4.情感有歸屬"
    assert "8.5折" in c.text and c.text.startswith("4.情感有歸屬。")


def test_headings_are_findable_and_list_their_items(chunks):
    by_id = {c.id: c for c in chunks["chengdu-ten-projects"]}
    ninth = by_id["chengdu-ten-projects#二(九)"]
    assert ninth.kind == "heading"
    assert ninth.text.startswith("(九)智慧韌性安全城市建設工程")
    assert ninth.outline == ("1.城市管理智能便捷", "2.災害防治高效及時", "3.安全防線牢固堅韌",
                             "4.社會環境穩定有序")
    bullets = [c for c in chunks["chengdu-ten-projects"] if c.code.startswith("一(三)—")]
    assert len(bullets) == 4
    assert bullets[0].section_path[-1] == "——人人都擁有盡展其才、夢想成真的發展機會"


def test_article_rules_nest_items_under_articles(chunks):
    by_id = {c.id: c for c in chunks["chengdu-urgent-talent"]}
    fifth = by_id["chengdu-urgent-talent#第二章第五条"]
    assert fifth.section_path == ("第二章 补贴项目", "第五条 新引进人才安家补贴")
    item = by_id["chengdu-urgent-talent#第一章第二条(三)"]
    assert item.section_path[1] == "第二条 本办法所称急需紧缺人才"
    assert item.text == "（三）全日制博士毕业生；"


def test_question_headings_of_qa_rules_are_titles(chunks):
    first = chunks["chengdu-talent-rent-subsidy"][0]
    assert first.section_path == ("一、政策主要惠及哪些人才？",)


def test_long_paragraph_is_cut_at_sentence_ends_without_losing_offsets():
    sentence = "符合條件的來蓉青年購買人才公寓可享受政策面積8.5折優惠。"
    body = "1.情感有歸屬。" + sentence * 40
    text = "一、總體要求\n(一)重大意義\n" + body + "\n2.第二項。短句。"
    doc = Document(id="t", source="corpus/t.txt", title="t", text=text)
    cs = chunk_document(doc)
    pieces = [c for c in cs if c.code == "一(一)1"]
    assert len(pieces) > 1
    assert all(len(c.text) <= MAX_CHARS for c in pieces)
    assert all(c.text.endswith("。") for c in pieces)
    assert "".join(c.text for c in pieces) == body
    assert [c.id for c in pieces] == [f"t#一(一)1~{i}" for i in range(1, len(pieces) + 1)]
    for c in cs:
        assert text[c.start:c.end] == c.text


def test_full_width_markers_and_sub_items():
    text = "一、总则\n（一）适用范围。本办法适用于全市。\n（1）第一种情形；\n（2）第二种情形。\n二、附则\n"
    doc = Document(id="x", source="corpus/x.txt", title="x", text=text)
    by_code = {c.code: c for c in chunk_document(doc) if c.kind != "section"}
    assert by_code["一(一)(1)"].section_path == ("一、总则", "（一）适用范围", "（1）第一种情形")
    assert by_code["一(一)(1)"].text == "（1）第一种情形；"
    assert by_code["二"].section_path == ("二、附则",)


def test_sentences_keep_closing_quotes():
    text = "升級“蓉漂”青年人才驛站,“免費入住7天”即來即享。優化布局人才公寓。"
    spans = split_sentences(text, 100)
    assert [text[s.start - 100:s.end - 100] for s in spans] == [
        "升級“蓉漂”青年人才驛站,“免費入住7天”即來即享。", "優化布局人才公寓。"]
