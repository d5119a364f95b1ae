"""The eval runner (evals/run.py, python -m evals run) end to end with the real Assistant."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from evals import run as R  # noqa: E402
from evals.__main__ import main  # noqa: E402


def real_rows() -> list[dict]:
    """All rows of the repo's sets, first occurrence of each id."""
    rows: dict[str, dict] = {}
    for path in sorted((REPO / "evals" / "sets").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                rows.setdefault(obj["id"], obj)
    return list(rows.values())


def small_set(n_answerable: int = 5, n_oos: int = 2) -> list[dict]:
    """A few rows of the real sets: answerable ones from each source, and out-of-scope ones."""
    rows = real_rows()
    answerable = [r for r in rows if r["answerable"] and r["tags"]["kind"] in ("fact", "section")]
    by_source: dict[str, list[dict]] = {}
    for r in answerable:
        by_source.setdefault(r["source"], []).append(r)
    picked: list[dict] = []
    while len(picked) < n_answerable and any(by_source.values()):
        for src in list(by_source):
            if by_source[src] and len(picked) < n_answerable:
                picked.append(by_source[src].pop(0))
    picked += [r for r in rows if not r["answerable"]][:n_oos]
    return picked


def write_set(path: Path, rows: list, extra_field_on_first: bool = False) -> Path:
    lines = []
    for i, r in enumerate(rows):
        if isinstance(r, str):
            lines.append(r)
            continue
        if i == 0 and extra_field_on_first:
            r = dict(r, notes="written by hand")
        lines.append(json.dumps(r, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    # Sources in the sets are relative to the repo root; sets written to tmp_path resolve them
    # from the current directory (see evals/check.py).
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_run_writes_reports_with_verdicts(tmp_path, capsys):
    rows = small_set()
    assert 5 <= len(rows) <= 8
    set_path = write_set(tmp_path / "small.jsonl", rows, extra_field_on_first=True)
    out = tmp_path / "report"
    assert main(["run", str(set_path), "--out", str(out), "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert "recall@5" in captured.out and "answer_acc" in captured.out
    assert "unknown field 'notes'" in captured.err  # a warning, not an error

    for name in R.REPORT_FILES:
        assert (out / name).is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["set"]["questions"] == len(rows)
    assert len(report["set"]["sha256"]) == 64
    info = report["pipelines"]["assistant"]["info"]
    assert info["index"]["corpus_hash"] and info["index"]["encoder"] == info["encoder"]
    assert "settings" in info
    summary = report["pipelines"]["assistant"]["summary"]
    for name in ("recall@1", "recall@5", "mrr@10", "answer_acc", "citation_validity",
                 "citation_support", "abstain_precision", "abstain_recall", "latency_p50_ms"):
        assert name in summary
    assert summary["questions"] == len(rows)
    assert summary["contract_violations"] == 0
    assert summary["citation_validity"] == 1.0  # the assistant's quotes are verbatim
    assert set(report["pipelines"]["assistant"]["breakdowns"]) == {"section", "persona", "script", "kind", "source"}

    assert [q["id"] for q in report["questions"]] == [r["id"] for r in rows]
    for q in report["questions"]:
        res = q["assistant"]
        assert res["answer"]["question"]
        assert res["latency_ms"] > 0
        v = res["verdicts"]
        for key in ("answered", "hit_rank", "answer_correct", "supported", "citation_validity",
                    "abstention_correct"):
            assert key in v
        if q["row"]["answerable"]:
            assert isinstance(v["answer_correct"], bool) and v["evidence_spans"]
        else:
            assert v["answer_correct"] is None

    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Failures" in page
    low = page.lower()
    for external in ("<script", "<link", "src=", "href=", "@import", "url("):
        assert external not in low
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| Recall@5 |" in md


def test_min_above_one_exits_1(tmp_path, capsys):
    set_path = write_set(tmp_path / "s.jsonl", small_set(4, 1))
    out = tmp_path / "r"
    assert main(["run", str(set_path), "--out", str(out), "--no-progress",
                 "--min", "recall@5=1.01", "--min", "citation_validity=0.5"]) == 1
    assert "recall@5" in capsys.readouterr().err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["passed"] is False
    assert [g["passed"] for g in report["gates"]] == [False, True]


def test_unknown_metric_exits_2_listing_names(tmp_path, capsys):
    set_path = write_set(tmp_path / "s.jsonl", small_set(1, 0))
    assert main(["run", str(set_path), "--out", str(tmp_path / "r"), "--min", "accuracy=0.9"]) == 2
    err = capsys.readouterr().err
    assert "accuracy" in err and "recall@5" in err and "abstain_recall" in err
    assert not (tmp_path / "r").exists()


def test_malformed_line_exits_2_naming_the_line(tmp_path, capsys):
    rows = small_set(2, 0)
    set_path = write_set(tmp_path / "bad.jsonl", [rows[0], '{"id": "x", "question": ', rows[1]])
    assert main(["run", str(set_path), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert f"{set_path}:2:" in err and "malformed JSON" in err
    assert not (tmp_path / "r").exists()


def test_evidence_not_in_source_exits_2_listing_ids(tmp_path, capsys):
    rows = small_set(2, 0)
    rows[1] = dict(rows[1], id="bad-evidence-1", evidence=["这句话不在任何政策文件里"])
    set_path = write_set(tmp_path / "bad.jsonl", rows)
    assert main(["run", str(set_path), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "bad-evidence-1" in err and rows[0]["id"] not in err.split("failing ids:")[1].split("\n")[0]


def test_existing_out_dir_exits_2(tmp_path, capsys):
    set_path = write_set(tmp_path / "s.jsonl", small_set(1, 0))
    out = tmp_path / "r"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    assert main(["run", str(set_path), "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


class Flaky:
    """A pipeline that fails on one question and answers the rest with an empty abstention."""

    def ask(self, question, history=None):
        if "boom" in question:
            raise RuntimeError("boom")
        return {"question": question, "answered": False, "answer": "", "citations": [],
                "retrieved": [], "searched": question, "script": "simplified", "notices": []}


def test_run_eval_records_errors_and_writes_nothing_when_interrupted(tmp_path, monkeypatch):
    rows = small_set(2, 1)
    rows[0] = dict(rows[0], question="boom")
    report = R.run_eval(rows, Flaky(), progress=False, home=REPO)
    first = report["questions"][0]["assistant"]
    assert first["verdicts"]["error"] == "RuntimeError: boom" and first["answer"] is None
    assert report["pipelines"]["assistant"]["summary"]["errors"] == 1
    assert report["pipelines"]["assistant"]["summary"]["abstain_recall"] == 1.0

    def interrupted(_report):
        raise KeyboardInterrupt

    monkeypatch.setattr(R, "render_html", interrupted)
    out = tmp_path / "reports" / "run-1"
    with pytest.raises(KeyboardInterrupt):
        R.run_eval(rows, Flaky(), progress=False, home=REPO, out_dir=out)
    assert not out.exists()
    assert list((tmp_path / "reports").iterdir()) == []  # no temporary folder left behind


@pytest.mark.slow
def test_baseline_side_by_side(tmp_path, capsys):
    set_path = write_set(tmp_path / "s.jsonl", small_set(2, 1))
    out = tmp_path / "r"
    assert main(["run", str(set_path), "--baseline", "--out", str(out), "--no-progress"]) == 0
    stdout = capsys.readouterr().out
    assert "baseline" in stdout and "ratio" in stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    base = report["pipelines"]["baseline"]
    assert base["summary"]["questions"] == 3
    assert base["summary"]["abstained"] == 0  # the naive pipeline never abstains
    assert base["summary"]["citation_validity"] == 1.0  # splitter offsets are exact
    assert base["summary"]["contract_violations"] == 0
    assert "ratio" in report["comparison"]["recall@5"]
    for q in report["questions"]:
        assert len(q["baseline"]["answer"]["retrieved"]) == 4
    assert "baseline" in (out / "report.md").read_text(encoding="utf-8")
    assert "baseline" in (out / "report.html").read_text(encoding="utf-8")
