"""Eval metrics (evals/metrics.py) on tiny hand-made cases with exact expected values."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from evals import metrics as M  # noqa: E402

SRC = "corpus/doc.txt"
OTHER = "corpus/other.txt"
# offsets:    0         1         2         3
#             0123456789012345678901234567890123456789
TEXT = "一、總則。居民收入年均增長7.5%。二、住房。人才公寓租金打7折。三、交通。通勤時間35分鐘。"
TEXTS = {SRC: TEXT, OTHER: "別的文件。人才公寓租金打7折。"}


def span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def row(qid="q", answerable=True, evidence=("年均增長7.5%",), answers=("7.5%",), kind="fact",
        script="simplified", source=SRC) -> dict:
    return {"id": qid, "question": "?", "answerable": answerable,
            "evidence": list(evidence) if answerable else [], "answers": list(answers) if answerable else [],
            "source": source, "history": [],
            "tags": {"section": "一", "persona": "resident", "script": script,
                     "kind": kind if answerable else "out-of-scope"}}


def chunk(s: int, e: int, source=SRC) -> dict:
    return {"source": source, "section": "", "start": s, "end": e, "score": 0.5, "chunk_id": f"c{s}"}


def cite(s: int, e: int, source=SRC, quote=None) -> dict:
    text = TEXTS[source]
    return {"source": source, "section": "", "quote": text[s:e] if quote is None else quote,
            "start": s, "end": e}


def answer(answered=True, text="", citations=(), retrieved=()) -> dict:
    return {"question": "?", "answered": answered, "answer": text, "citations": list(citations),
            "retrieved": list(retrieved), "searched": "?", "script": "simplified", "notices": []}


# ------------------------------------------------------------------ building blocks

def test_evidence_spans_and_containment():
    assert M.evidence_spans(TEXT, ["年均增長7.5%"]) == [(9, 17)]
    assert TEXT[9:17] == "年均增長7.5%"
    assert M.evidence_spans(TEXT, ["年均增長7.5%", "打7折"]) == [(9, 17), span("打7折")]
    assert M.evidence_spans(TEXT, ["不存在"]) is None
    assert M.evidence_spans(None, ["打7折"]) is None
    assert M.contains((9, 17), (9, 17))
    assert M.contains((0, 20), (9, 17))
    assert not M.contains((10, 20), (9, 17))  # starts one character late
    assert not M.contains((0, 16), (9, 17))  # ends one character early


def test_hit_rank_needs_same_source_and_every_evidence_inside_one_chunk():
    spans = [(9, 17), span("打7折")]
    retrieved = [chunk(0, 18), chunk(0, 40, OTHER), chunk(18, 40), chunk(0, 40)]
    # rank 1 holds only the first span, rank 2 is another file, rank 3 only the second span
    assert M.hit_rank(retrieved, SRC, spans) == 4
    assert M.hit_rank(retrieved, SRC, spans[:1]) == 1
    assert M.hit_rank(retrieved, SRC, spans[1:]) == 3
    assert M.hit_rank(retrieved, SRC, None) is None
    assert M.hit_rank([chunk(0, 8)], SRC, spans[:1]) is None


def test_answer_match_ignores_spaces_and_script():
    assert M.answer_match("租金打 7 折。", ["7折"]) == "7折"
    assert M.answer_match("通勤時間35分鐘", ["35分钟"]) == "35分钟"  # Traditional answer, Simplified key
    assert M.answer_match("通勤时间35分钟", ["35分鐘"]) == "35分鐘"  # and the other way round
    assert M.answer_match("通勤時間\u300035 分鐘", ["35分钟"]) == "35分钟"  # ideographic space too
    assert M.answer_match("通勤时间30分钟", ["35分钟", "35分鐘"]) is None


def test_citation_problem_reasons():
    assert M.citation_problem(cite(9, 17), TEXTS) is None
    assert "differs" in M.citation_problem(cite(9, 17, quote="年均增長8%"), TEXTS)
    assert "unknown source" in M.citation_problem(cite(9, 17) | {"source": "corpus/x.txt"}, TEXTS)
    assert "outside" in M.citation_problem(cite(9, 17) | {"end": 999}, TEXTS)
    assert "not integers" in M.citation_problem(cite(9, 17) | {"start": "9"}, TEXTS)


def test_percentile_linear_interpolation():
    assert M.percentile([4, 1, 3, 2], 50) == 2.5
    assert M.percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert M.percentile([7], 95) == 7
    assert M.percentile([], 50) is None


# ------------------------------------------------------------------ verdicts and aggregates

def test_mrr_recall_hits_at_rank_1_and_rank_3():
    a, b = row("a"), row("b", evidence=["打7折"], answers=["7折"])
    ev_b = span("打7折")
    ans_a = answer(retrieved=[chunk(0, 20), chunk(20, 40)])
    ans_b = answer(retrieved=[chunk(0, 10), chunk(0, 5, OTHER), chunk(ev_b[0] - 2, ev_b[1] + 1)])
    va, vb = M.judge(a, ans_a, 1.0, TEXTS), M.judge(b, ans_b, 1.0, TEXTS)
    assert (va["hit_rank"], va["rr@10"]) == (1, 1.0)
    assert (vb["hit_rank"], vb["hit@1"], vb["hit@5"]) == (3, False, True)
    assert vb["rr@10"] == pytest.approx(1 / 3)
    s = M.summarize([va, vb])
    assert s["recall@1"] == 0.5
    assert s["recall@5"] == 1.0
    assert s["mrr@10"] == pytest.approx((1 + 1 / 3) / 2)


def test_hit_beyond_rank_10_counts_zero():
    far = [chunk(30, 40)] * 10 + [chunk(0, 40)]
    v = M.judge(row(), answer(retrieved=far), 1.0, TEXTS)
    assert (v["hit_rank"], v["hit@5"], v["rr@10"]) == (11, False, 0.0)


def test_citation_validity_with_a_quote_that_does_not_match_its_offsets():
    good, bad = cite(9, 17), cite(9, 17, quote="年均增長8.0%")
    v1 = M.judge(row("a"), answer(text="7.5%", citations=[good, bad]), 1.0, TEXTS)
    v2 = M.judge(row("b"), answer(text="7.5%", citations=[cite(0, 5), cite(5, 18)]), 1.0, TEXTS)
    assert (v1["citations"], v1["citations_valid"], v1["citation_validity"]) == (2, 1, 0.5)
    assert [c["index"] for c in v1["invalid_citations"]] == [1]
    assert v2["citation_validity"] == 1.0
    s = M.summarize([v1, v2])
    assert (s["citations"], s["citations_valid"], s["citation_validity"]) == (4, 3, 0.75)
    assert "invalid citation" in M.failed_checks(v1)


def test_citation_support():
    ev = span("年均增長7.5%")
    r = row()
    # a valid citation containing the evidence supports it
    assert M.judge(r, answer(text="7.5%", citations=[cite(5, 18)]), 1, TEXTS)["supported"] is True
    # only part of the evidence cited
    assert M.judge(r, answer(text="7.5%", citations=[cite(ev[0] + 1, 18)]), 1, TEXTS)["supported"] is False
    # the right offsets but a wrong quote supports nothing
    wrong = cite(5, 18, quote="居民收入年均增長9.9%。")
    assert M.judge(r, answer(text="7.5%", citations=[wrong]), 1, TEXTS)["supported"] is False
    # same offsets in another file
    assert M.judge(r, answer(text="7.5%", citations=[cite(0, 15, OTHER)]), 1, TEXTS)["supported"] is False
    # abstained: not supported even when citing the evidence
    assert M.judge(r, answer(False, citations=[cite(5, 18)]), 1, TEXTS)["supported"] is False
    # two evidence strings covered by two different citations
    r2 = row(evidence=["年均增長7.5%", "打7折"])
    two = [cite(5, 18), cite(*span("人才公寓租金打7折"))]
    assert M.judge(r2, answer(text="7.5%", citations=two), 1, TEXTS)["supported"] is True
    assert M.judge(r2, answer(text="7.5%", citations=two[:1]), 1, TEXTS)["supported"] is False


def test_answer_accuracy_and_abstention_exact():
    rows = [row("a1"), row("a2", evidence=["打7折"], answers=["7折"]),
            row("a3", evidence=["通勤時間35分鐘"], answers=["35分钟"]),
            row("o1", answerable=False), row("o2", answerable=False)]
    answers = [
        answer(text="年均增長 7.5%", citations=[cite(5, 18)]),  # correct
        answer(False, text="打7折"),  # abstained on an answerable row: false refusal, not correct
        answer(text="通勤時間30分鐘"),  # answered, wrong figure
        answer(False, text="不在范围内"),  # out of scope, abstained: right
        answer(text="人才公寓租金打7折"),  # out of scope, answered anyway
    ]
    vs = [M.judge(r, a, 10.0 * (i + 1), TEXTS) for i, (r, a) in enumerate(zip(rows, answers))]
    assert [v["answer_correct"] for v in vs] == [True, False, False, None, None]
    assert [v["abstention_correct"] for v in vs] == [True, False, True, True, False]
    s = M.summarize(vs)
    assert s["answer_acc"] == pytest.approx(1 / 3)
    assert s["abstain_precision"] == 0.5  # abstained: a2, o1 -> 1 of 2 out of scope
    assert s["abstain_recall"] == 0.5  # out of scope: o1, o2 -> 1 of 2 abstained
    assert s["false_refusal_rate"] == pytest.approx(1 / 3)
    assert s["citation_support"] == pytest.approx(1 / 3)
    assert (s["latency_p50_ms"], s["latency_p95_ms"]) == (30.0, pytest.approx(48.0))
    assert (s["questions"], s["answerable"], s["out_of_scope"], s["abstained"]) == (5, 3, 2, 2)
    assert M.failed_checks(vs[4]) == ["answered out-of-scope"]
    assert M.failed_checks(vs[1]) == ["retrieval@5", "false refusal"]

    by = M.breakdowns(rows, vs)
    assert set(by) == {"section", "persona", "script", "kind", "source"}
    assert list(by["kind"]) == ["fact", "out-of-scope"]
    assert by["kind"]["out-of-scope"]["abstain_recall"] == 0.5
    assert by["kind"]["out-of-scope"]["answer_acc"] is None  # no answerable rows: undefined
    assert by["kind"]["fact"]["answer_acc"] == pytest.approx(1 / 3)
    assert by["source"][SRC]["questions"] == 5


def test_never_abstaining_pipeline_has_undefined_precision():
    vs = [M.judge(row("o", answerable=False), answer(text="x"), 1.0, TEXTS)]
    s = M.summarize(vs)
    assert s["abstain_precision"] is None and s["abstain_recall"] == 0.0
    assert M.gate(s, {"abstain_precision": 0.1}) == [
        {"name": "abstain_precision", "min": 0.1, "value": None, "passed": False}]


def test_error_counts_as_unanswered():
    v = M.judge(row(), None, 5.0, TEXTS, error="RuntimeError: boom")
    assert v["answered"] is False and v["error"] == "RuntimeError: boom"
    s = M.summarize([v])
    assert (s["errors"], s["answer_acc"], s["false_refusal_rate"]) == (1, 0.0, 1.0)
    assert s["latency_p50_ms"] is None  # failed calls are not timed


def test_contract_problems():
    assert M.contract_problems(answer()) == []
    bad = answer(citations=[{"source": "/abs/corpus/doc.txt", "section": "", "quote": "", "start": 3, "end": 1}])
    del bad["searched"]
    problems = M.contract_problems(bad)
    assert "missing field 'searched'" in problems
    assert any("not relative" in p for p in problems)
    assert any("start 3 > end 1" in p for p in problems)
    assert M.contract_problems("text") == ["answer is a str, not a JSON object"]
    assert M.contract_problems(answer() | {"answered": 1}) == ["field 'answered' is a int"]


def test_gate_and_ratio():
    s = {"recall@5": 0.9, "answer_acc": 0.95}
    assert [g["passed"] for g in M.gate(s, {"recall@5": 0.95, "answer_acc": 0.9})] == [False, True]
    assert M.ratio(0.9, 0.3) == pytest.approx(3.0)
    assert M.ratio(0.9, 0.0) is None and M.ratio(None, 1.0) is None
