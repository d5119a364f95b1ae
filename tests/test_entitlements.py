"""Entitlements register: rows derived from the shipped corpus, checked against its text."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.entitlements import (  # noqa: E402
    ALL_RESIDENTS,
    CATEGORIES,
    CSV_FIELDS,
    ENTITLEMENT,
    TARGET,
    build_register,
    coverage,
    filter_rows,
    from_json,
    main_table,
    persona_rows,
    to_csv,
    to_json,
)
from assistant.ingest import Document, load_documents  # noqa: E402

MAIN = "corpus/chengdu-ten-projects.txt"
GRADUATE = "青年人才/高校毕业生"


@pytest.fixture(scope="module")
def docs():
    return load_documents(ROOT / "corpus")


@pytest.fixture(scope="module")
def rows(docs):
    return build_register(docs)


def one(rows, **match):
    found = [r for r in rows if all(getattr(r, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, [r.id for r in found])
    return found[0]


# --- every row cites the source verbatim ----------------------------------------------------


def test_every_quote_is_the_source_text(docs, rows):
    texts = {d.source: d.text for d in docs}
    assert rows
    for r in rows:
        assert r.source in texts
        assert texts[r.source][r.start:r.end] == r.quote, r.id
        assert r.quote.strip() == r.quote and r.quote


def test_ids_are_unique_and_stable(docs, rows):
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    assert [r.id for r in build_register(docs)] == ids
    assert all(":" in i and "#" in i for i in ids)  # chunk id + ordinal


def test_rows_are_well_formed(rows):
    assert {r.kind for r in rows} == {ENTITLEMENT, TARGET}
    for r in rows:
        assert r.category in CATEGORIES
        assert r.beneficiaries, r.id
        assert r.section and r.code is not None
        if r.value:
            assert r.value in r.quote.replace("：", ":"), r.id
    # a target with no group named is for everyone
    assert any(r.kind == TARGET and r.beneficiaries == (ALL_RESIDENTS,) for r in rows)


# --- known rows ---------------------------------------------------------------------------------


def test_talent_apartment_discount(rows):
    r = one(rows, value="8.5", unit="折")
    assert r.kind == ENTITLEMENT
    assert r.code == "二(八)4"
    assert r.source == MAIN
    assert r.condition == "符合条件的来蓉青年"
    assert r.quote == "符合條件的來蓉青年購買人才公寓可享受政策面積8.5折優惠"
    assert "人才公寓" in r.what and "8.5折" in r.what
    assert r.category == "housing"
    assert GRADUATE in r.beneficiaries
    assert r.section == "二、主要任務 > (八)青年創新創業就業筑夢工程 > 4.情感有歸屬"


def test_free_seven_day_stay(rows):
    r = one(rows, value="7", unit="天")
    assert r.kind == ENTITLEMENT
    assert r.code == "二(八)4"
    assert r.quote == "升級“蓉漂”青年人才驛站,“免費入住7天”即來即享"
    assert "免费入住7天" in r.what and "驿站" in r.what
    assert r.category == "housing"
    assert GRADUATE in r.beneficiaries


def test_elderly_care_beds(rows):
    # the file says 新增普惠性養老床位10000張
    r = one(rows, value="10000", unit="张")
    assert r.kind == TARGET
    assert r.code == "二(十)2"
    assert r.quote == "新增普惠性養老床位10000張"
    assert r.what == "新增普惠性养老床位"
    assert "新增" in r.qualifier
    assert r.category == "care"
    assert r.beneficiaries == ("老年人",)


def test_urban_rural_income_ratio(rows):
    # the file says 城鄉收入比縮小到1.8:1以內
    r = one(rows, value="1.8:1")
    assert r.kind == TARGET
    assert r.code == "二(一)4"
    assert r.unit == ""
    assert r.quote == "城鄉收入比縮小到1.8:1以內"
    assert r.what == "城乡收入比"
    assert "以内" in r.qualifier
    assert r.period == "十四五末期"  # 到“十四五”末期 opens the project
    assert r.category == "income"
    assert {"城镇居民", "农村居民"} <= set(r.beneficiaries)


def test_other_known_figures(rows):
    r = one(rows, value="99.9", unit="%")
    assert r.what == "中心城区用户年度供电可靠率" and r.qualifier == "达"
    r = one(rows, value="70000", unit="元")
    assert r.qualifier == "力争、突破" and r.what == "城镇居民人均可支配收入"
    assert r.quote == "城鎮居民人均可支配收入年均增幅7.5%,力爭突破70000元"  # widened to its subject
    r = one(rows, value="30", unit="万个")
    assert r.what == "新增学位" and r.category == "education"
    r = one(rows, value="15", unit="年")
    assert r.kind == ENTITLEMENT and "免费教育" in r.what and "残疾人" in r.beneficiaries


def test_respectively_lists_are_split(rows):
    # 城鄉居民工資性收入年均增幅分別達7%、9%
    pair = [r for r in rows if r.code == "二(一)1"]
    assert [(r.value, r.what) for r in pair] == [
        ("7", "城镇居民工资性收入年均增幅"), ("9", "农村居民工资性收入年均增幅")]
    # related rules: A、B、C类人才分别为每人10万元、5万元、3万元
    per_class = [(r.value, r.what) for r in rows if r.code == "第二章第七条" and "类人才" in r.what]
    assert per_class == [("10", "补贴标准：A类人才为每人10万元"), ("5", "补贴标准：B类人才为每人5万元"),
                         ("3", "补贴标准：C类人才为每人3万元")]


def test_related_rules_conditions_and_periods(rows):
    r = one(rows, value="3000", unit="元/人·月")
    assert r.kind == ENTITLEMENT
    assert r.period == "从引进的次月起3年内"
    assert r.condition.startswith("满足成都市人才分类目录A、B、C类条件之一")
    r = one(rows, code="四", value="", kind=ENTITLEMENT)
    assert "年满18周岁" in r.condition and "18周岁" in r.quote


# --- coverage -----------------------------------------------------------------------------------


def test_coverage_of_main_policy(docs, rows):
    main = [d for d in docs if d.source == MAIN]
    cov = coverage(main, rows)
    assert cov.total > 100
    assert cov.ratio >= 0.95, cov.report()
    assert str(cov).startswith(f"{cov.captured} / {cov.total}")


def test_coverage_lists_what_is_missed(docs, rows):
    cov = coverage(docs, rows)
    assert cov.total == len(cov.occurrences) and cov.captured <= cov.total
    for o in cov.missed:
        assert o.context and o.text in o.context and o.reason
    # worked examples in the Q&A are not entitlements
    assert any(o.reason == "worked example" for o in cov.missed)
    assert "not captured" in cov.report()


# --- persona questions --------------------------------------------------------------------------


def test_graduate_persona(rows):
    ans = persona_rows("我是刚毕业来成都的大学生，能享受什么？", rows)
    assert ans is not None
    assert GRADUATE in ans.personas
    ids = {r.id for r in ans.rows}
    assert one(rows, value="8.5", unit="折").id in ids
    assert one(rows, value="7", unit="天").id in ids
    assert list(ans.by_category)[0] == "housing"
    housing = ans.by_category["housing"]
    assert {r.unit for r in housing[:2]} == {"折", "天"}  # entitlements before targets
    assert all(GRADUATE in r.beneficiaries for r in ans.rows)


def test_elderly_persona_either_script(rows):
    beds = one(rows, value="10000", unit="张")
    for q in ("老人有什么福利", "老人有什麼福利", "我爸妈退休了有哪些优惠？"):
        ans = persona_rows(q, rows)
        assert ans is not None and "老年人" in ans.personas, q
        assert beds.id in {r.id for r in ans.rows}
        assert set(ans.by_category) <= set(CATEGORIES)


def test_other_personas(rows):
    ans = persona_rows("我是残疾人能享受什么政策", rows)
    assert ans and "残疾人" in ans.personas
    assert any(r.value == "15" and r.unit == "年" for r in ans.rows)
    ans = persona_rows("小微企业有什么支持", rows)
    assert ans and "中小微企业" in ans.personas
    assert any(r.value == "300" and r.unit == "亿元" for r in ans.rows)
    ans = persona_rows("What benefits can a graduate get in Chengdu?", rows)
    assert ans and GRADUATE in ans.personas


def test_not_a_persona_question(rows):
    for q in ("城乡收入比的目标是多少？", "人才公寓打几折？", "what is the income ratio target"):
        assert persona_rows(q, rows) is None


# --- filtering and output ------------------------------------------------------------------------


def test_filter_rows(rows):
    discount = one(rows, value="8.5", unit="折")
    for who in ("青年人才", "高校毕业生", "graduate", "大学生"):
        assert discount in filter_rows(rows, for_=who), who
    disabled = filter_rows(rows, for_="殘疾人")  # Traditional
    assert disabled and all("残疾人" in r.beneficiaries for r in disabled)
    eight = filter_rows(rows, section="二(八)")
    assert eight and all(r.code.startswith("二(八)") for r in eight)
    assert filter_rows(rows, section="二（八）") == eight
    assert discount in filter_rows(rows, section="二(八)4", category="housing")
    assert all(r.category == "care" for r in filter_rows(rows, category="care"))
    old = filter_rows(rows, for_="老年人", section="二(十)")
    assert old and all("老年人" in r.beneficiaries and r.code.startswith("二(十)") for r in old)


def test_json_and_csv(rows):
    data = json.loads(to_json(rows))
    assert len(data) == len(rows) and data[0]["id"] == rows[0].id
    assert isinstance(data[0]["beneficiaries"], list)
    assert from_json(to_json(rows)) == rows
    text = to_csv(rows)
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == CSV_FIELDS
    assert len(parsed) == len(rows) + 1
    r = one(rows, value="8.5", unit="折")
    line = next(p for p in parsed if p[0] == r.id)
    assert line[CSV_FIELDS.index("quote")] == r.quote


def test_main_table(rows):
    table = main_table(filter_rows(rows, section="二(八)4"))
    assert "二(八)4" in table and "8.5折" in table and "7天" in table
    assert table.splitlines()[0].startswith("section")


# --- beyond the shipped text --------------------------------------------------------------------

SYNTHETIC = """關于支持青年就業創業的若干措施
一、住房保障
(一)人才安居。符合條件的高校畢業生可申請人才公寓,租金按市場價的7折收取,免費入住15天。
(二)租房補貼。對來本市就業的應屆畢業生,每月給予1500元租房補貼,最長發放24個月。
二、養老服務
1.新增養老床位3000張,社區養老服務覆蓋率達到95%以上。
2.為80周歲以上老年人提供免費體檢。
3.到2025年,城鄉居民收入比縮小到2:1以內。
"""


@pytest.fixture(scope="module")
def synthetic():
    doc = Document(id="synthetic", source="corpus/synthetic.txt", title="关于支持青年就业创业的若干措施",
                   text=SYNTHETIC)
    return doc, build_register([doc])


def test_synthetic_document(synthetic):
    doc, rows = synthetic
    for r in rows:
        assert doc.text[r.start:r.end] == r.quote
        assert r.source == "corpus/synthetic.txt"
    r = one(rows, value="7", unit="折")
    assert r.kind == ENTITLEMENT and r.code == "一(一)" and r.category == "housing"
    assert r.condition == "符合条件的高校毕业生"
    assert GRADUATE in r.beneficiaries
    r = one(rows, value="15", unit="天")
    assert r.kind == ENTITLEMENT and "免费入住" in r.what
    r = one(rows, value="1500", unit="元")
    assert r.kind == ENTITLEMENT and r.period == "每月" and r.category == "housing"
    assert r.condition == "来本市就业的应届毕业生"
    r = one(rows, value="24", unit="个月")
    assert "最长" in r.qualifier
    r = one(rows, value="3000", unit="张")
    assert r.kind == TARGET and r.code == "二1" and "新增" in r.qualifier and "老年人" in r.beneficiaries
    r = one(rows, value="95", unit="%")
    assert r.qualifier == "达到、以上" and r.category == "care"
    r = one(rows, value="2:1")
    assert "以内" in r.qualifier and r.period == "2025年" and r.category == "income"
    cov = coverage([doc], rows)
    assert cov.ratio == 1.0 and cov.total == 8  # 2025年 is a date, not a figure


def test_synthetic_persona(synthetic):
    _, rows = synthetic
    ans = persona_rows("应届毕业生可以享受哪些住房补贴？", rows)
    assert ans is not None
    assert {r.unit for r in ans.by_category["housing"]} >= {"折", "天", "元"}
    assert persona_rows("租金按市场价几折？", rows) is None
