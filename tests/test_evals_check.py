"""Tests for the eval-set validator (evals/check.py, python -m evals check)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from evals.__main__ import main  # noqa: E402
from evals.check import check_set  # noqa: E402

SOURCE_TEXT = "第一條:城鎮居民收入年均增幅7.5%。\n第二條:每年增長7%。第三條:也增長7%。\n"


def item(qid: str = "q-1", **overrides) -> dict:
    obj = {
        "id": qid,
        "question": "城镇居民收入每年涨多少？",
        "answerable": True,
        "evidence": ["年均增幅7.5%"],
        "answers": ["7.5%"],
        "source": "corpus/doc.txt",
        "tags": {"section": "一", "persona": "resident", "script": "simplified", "kind": "fact"},
        "history": [],
    }
    obj.update(overrides)
    return obj


def oos(qid: str = "q-oos") -> dict:
    return item(
        qid,
        question="今天天气怎么样？",
        answerable=False,
        evidence=[],
        answers=[],
        tags={"section": "none", "persona": "resident", "script": "simplified", "kind": "out-of-scope"},
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A tiny repo: <tmp>/corpus/doc.txt and <tmp>/evals/sets/."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "doc.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    (tmp_path / "evals" / "sets").mkdir(parents=True)
    return tmp_path


def write_set(repo: Path, lines: list, name: str = "s.jsonl") -> Path:
    path = repo / "evals" / "sets" / name
    text = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_valid_set_passes(repo, capsys):
    follow = item(
        "q-2",
        question="那农村的呢？",
        tags={"section": "一", "persona": "resident", "script": "simplified", "kind": "follow-up"},
        history=[
            {"role": "user", "content": "城镇居民收入每年涨多少？"},
            {"role": "assistant", "content": "年均增幅7.5%。"},
        ],
    )
    path = write_set(repo, [item(), follow, oos()])
    result = check_set(path)
    assert result.ok, result.errors
    assert result.warnings == []
    assert (result.n_questions, result.n_answerable, result.n_out_of_scope) == (3, 2, 1)
    assert result.by_kind == {"fact": 1, "follow-up": 1, "out-of-scope": 1}

    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 questions" in out and "out-of-scope" in out


def test_source_resolved_from_set_location_not_cwd(repo, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert check_set(write_set(repo, [item()])).ok


def test_malformed_line_fails_with_line_number(repo, capsys):
    path = write_set(repo, [item("q-1"), '{"id": "q-2", "question": ', item("q-3")])
    result = check_set(path)
    assert not result.ok
    assert any(f"{path}:2:" in e and "malformed JSON" in e for e in result.errors)

    assert main(["check", str(path)]) == 1
    assert f"{path}:2:" in capsys.readouterr().out


def test_duplicate_id_fails(repo):
    result = check_set(write_set(repo, [item("q-1"), item("q-1")]))
    assert not result.ok
    assert any("duplicate id" in e and "'q-1'" in e for e in result.errors)


@pytest.mark.parametrize(
    "evidence, times",
    [("年均增幅9.9%", 0), ("增長7%", 2)],
    ids=["absent", "twice"],
)
def test_evidence_not_exactly_once_fails_listing_id(repo, capsys, evidence, times):
    path = write_set(repo, [item("ok-1"), item("bad-7", evidence=[evidence])])
    result = check_set(path)
    assert not result.ok
    errors = "\n".join(result.errors)
    assert "bad-7" in errors and f"occurs {times} times" in errors
    assert "ok-1" not in errors

    assert main(["check", str(path)]) == 1
    assert "bad-7" in capsys.readouterr().out


def test_unknown_field_only_warns(repo, capsys):
    path = write_set(repo, [item(notes="written by hand")])
    result = check_set(path)
    assert result.ok, result.errors
    assert any("unknown field 'notes'" in w for w in result.warnings)
    assert main(["check", str(path)]) == 0
    assert "notes" in capsys.readouterr().out


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"answerable": "yes"}, "field 'answerable' must be a boolean"),
        ({"evidence": "年均增幅7.5%"}, "field 'evidence' must be a list"),
        ({"answerable": True, "evidence": []}, "answerable=true but evidence is empty"),
        ({"history": [{"role": "user"}]}, "history[0].content must be a string"),
        ({"history": ["hi"]}, "history[0] must be an object"),
        ({"tags": {"section": "一", "persona": "resident", "script": "klingon", "kind": "fact"}}, "tags.script"),
    ],
)
def test_bad_items_fail_naming_id_and_line(repo, overrides, message):
    path = write_set(repo, [oos("q-0"), item("q-x", **overrides)])
    result = check_set(path)
    assert not result.ok
    assert any(message in e and f"{path}:2:" in e and "'q-x'" in e for e in result.errors), result.errors


def test_missing_field_fails(repo):
    obj = item("q-x")
    del obj["source"]
    result = check_set(write_set(repo, [obj]))
    assert any("missing required field 'source'" in e and "'q-x'" in e for e in result.errors)


def test_missing_source_file_fails(repo):
    result = check_set(write_set(repo, [item("q-x", source="corpus/nope.txt")]))
    assert any("corpus/nope.txt" in e and "q-x" in e for e in result.errors)


def test_missing_set_file_is_usage_error(repo, capsys):
    assert main(["check", str(repo / "evals" / "sets" / "absent.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_no_subcommand_is_usage_error():
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


REPO_SETS = sorted((REPO / "evals" / "sets").glob("*.jsonl"))


@pytest.mark.parametrize("path", REPO_SETS, ids=[p.name for p in REPO_SETS])
def test_repo_sets_are_valid(path):
    result = check_set(path)
    assert result.ok, "\n".join(result.errors)
    assert result.n_questions > 0


def test_repo_has_sets():
    assert REPO_SETS, "no evals/sets/*.jsonl found"
