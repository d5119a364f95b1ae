"""The command line as scripts and evaluators use it (real default encoder)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    import os

    e = dict(os.environ)
    e["ASSISTANT_INDEX_DIR"] = str(tmp_path_factory.mktemp("cli-index"))
    e["ASSISTANT_HOME"] = str(REPO)
    return e


def run(args, env, stdin=None):
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, env=env,
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_index_build_then_ask_json(env):
    built = run(["index", "build"], env)
    assert built.returncode == 0, built.stderr
    assert "index built: 3 documents" in built.stdout
    out = run(["ask", "--json", "蓉漂驿站能免费住几天？"], env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["answered"] and data["answer"].startswith("7天")
    text = (REPO / data["citations"][0]["source"]).read_text(encoding="utf-8")
    c = data["citations"][0]
    assert text[c["start"]:c["end"]] == c["quote"]
    assert len(data["retrieved"]) >= 5


def test_readable_answer_with_citations(env):
    out = run(["ask", "人才公寓打几折"], env)
    assert out.returncode == 0
    assert out.stdout.startswith("8.5折")
    assert "corpus/chengdu-ten-projects.txt:" in out.stdout and "4.情感有歸屬" in out.stdout


def test_stdin_batch_one_json_line_per_question_in_order(env):
    questions = ["人才公寓打几折", "上海的人才公寓打几折？", "", "第九项工程叫什么",
                 "How many days can young talents stay for free at the Rongpiao station?"]
    out = run(["ask", "--json", "-"], env, stdin="\n".join(questions) + "\n")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["question"] for x in lines] == [q for q in questions if q]
    assert [x["answered"] for x in lines] == [True, False, True, True]
    assert "7" in lines[3]["answer"]


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_2_with_a_message(env, question):
    out = run(["ask", question], env)
    assert out.returncode == 2
    assert "empty" in out.stderr and "Traceback" not in out.stderr


def test_follow_up_history_flag(env):
    history = json.dumps([{"role": "user", "content": "人才公寓打几折"}], ensure_ascii=False)
    out = run(["ask", "--json", "--history", history, "那驿站能住几天?"], env)
    data = json.loads(out.stdout)
    assert data["answered"] and "7天" in data["answer"] and "人才公寓" in data["searched"]


def test_corrupt_index_gives_the_fix_not_a_traceback(env, tmp_path):
    import os
    import shutil

    e = dict(env)
    e["ASSISTANT_INDEX_DIR"] = str(tmp_path / "index")
    shutil.copytree(env["ASSISTANT_INDEX_DIR"], tmp_path / "index")
    gen = (tmp_path / "index" / "CURRENT").read_text().strip()
    (tmp_path / "index" / gen / "dense.faiss").write_bytes(b"garbage")
    strict = run(["ask", "--no-build", "人才公寓打几折"], e)
    assert strict.returncode == 1
    assert "python -m assistant index build" in strict.stderr and "Traceback" not in strict.stderr
    healed = run(["ask", "人才公寓打几折"], e)  # default: rebuilds and answers
    assert healed.returncode == 0 and healed.stdout.startswith("8.5折")
    assert "building it now" in healed.stderr
    assert os.path.exists(tmp_path / "index" / "CURRENT")


def test_help_teaches(env):
    out = run(["--help"], env)
    assert out.returncode == 0 and "examples:" in out.stdout and "ASSISTANT_ENCODER" in out.stdout
    ask = run(["ask", "--help"], env)
    assert "--json" in ask.stdout and "stdin" in ask.stdout


def test_entitlements_register_for_a_persona(env):
    out = run(["entitlements", "--for", "青年人才", "--json"], env)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    discount = [r for r in rows if r["value"] == "8.5" and r["unit"] == "折"]
    assert len(discount) == 1 and discount[0]["code"] == "二(八)4"
    text = (REPO / discount[0]["source"]).read_text(encoding="utf-8")
    assert text[discount[0]["start"]:discount[0]["end"]] == discount[0]["quote"]
    csv_out = run(["entitlements", "--section", "二(十)", "--csv"], env)
    assert csv_out.stdout.splitlines()[0].startswith("id,kind,category,beneficiaries")
    assert "10000" in csv_out.stdout
