"""Adding documents end to end: a PDF becomes citable with its page; builds are atomic."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.corpus import add_documents
from assistant.pipeline import Assistant
from cjk_font import needs_cjk_font
from test_corpus_add import make_pdf

REPO = Path(__file__).resolve().parent.parent

PAGE1 = ["成都市青年人才就业创业补贴实施细则", "一、总体要求",
         "（一）适用范围。本细则适用于在成都市创业就业的青年人才。"]
PAGE2 = ["二、补贴项目", "（一）创业补贴",
         "1.一次性创业补贴。对首次创办小微企业的高校毕业生，给予一次性创业补贴12000元。",
         "2.场租补贴。入驻孵化载体的初创企业，三年内每年给予场租补贴最高6000元。"]


@pytest.fixture
def home(tmp_path, fake_encoder):
    import shutil

    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    return tmp_path


@needs_cjk_font
def test_added_pdf_is_answered_and_cited_with_its_page(home, fake_encoder, tmp_path):
    from assistant.settings import Settings

    pdf = make_pdf(tmp_path / "youth-subsidy.pdf", [PAGE1, PAGE2])
    settings = Settings(home=home, encoder=fake_encoder.name)
    report = add_documents(settings, [pdf], kind="policy", progress=False)
    assert not report.failed and len(report.added) == 1
    entry = report.added[0]
    assert entry["path"].endswith(".txt") and entry["original"].endswith(".pdf")
    assistant = Assistant(settings, encoder=fake_encoder, log=lambda m: None)
    ans = assistant.ask("首次创办小微企业的高校毕业生，一次性创业补贴给多少钱？")
    assert ans.answered and ans.answer.startswith("12000元"), ans.answer
    c = ans.citations[0]
    assert c.source == entry["path"] and c.page == 2
    assert (home / c.source).read_text(encoding="utf-8")[c.start:c.end] == c.quote
    assert c.section.startswith("二、补贴项目 > （一）创业补贴 > 1.一次性创业补贴")
    assert "（第2页）" in c.label()


def test_cli_corpus_add_list_remove(home, tmp_path):
    env = dict(os.environ, ASSISTANT_HOME=str(home), ASSISTANT_INDEX_DIR=str(tmp_path / "index"))
    note = tmp_path / "notice.txt"
    note.write_bytes("关于人才驿站的补充通知\n一、入住天数\n蓉漂人才驿站入住期限延长为14天。\n".encode("gbk"))
    bad = tmp_path / "scan.exe"
    bad.write_bytes(b"MZ\x00\x00")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "assistant", *args], env=env, cwd=REPO,
                              capture_output=True, text=True, timeout=120)

    added = run("corpus", "add", str(note), str(bad), str(tmp_path / "missing.pdf"))
    assert added.returncode == 3  # some added, some failed
    assert "added " in added.stdout
    assert "unsupported file type .exe" in added.stderr and "no such file" in added.stderr
    listing = run("corpus", "list")
    assert "关于人才驿站的补充通知" in listing.stdout and "[unverified public copy]" in listing.stdout
    doc_id = added.stdout.split("added ")[1].split(":")[0]
    stored = json.loads((home / "corpus" / "catalog.json").read_text(encoding="utf-8"))
    assert any(d["id"] == doc_id for d in stored["documents"])
    removed = run("corpus", "remove", doc_id)
    assert removed.returncode == 0
    assert doc_id not in run("corpus", "list").stdout


def test_killed_build_leaves_the_old_index_answering(home, tmp_path):
    env = dict(os.environ, ASSISTANT_HOME=str(home), ASSISTANT_INDEX_DIR=str(tmp_path / "index"))
    first = subprocess.run([sys.executable, "-m", "assistant", "index", "build", "--quiet"], env=env,
                           cwd=REPO, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    current = (tmp_path / "index" / "CURRENT").read_text()
    # a much larger corpus makes the second build long enough to kill mid-way
    big = home / "corpus" / "big.txt"
    big.write_text("\n".join(f"{i}、第{i}项\n（一）内容。这是第{i}项的说明文字，用于延长构建时间。" * 3
                             for i in range(1, 400)), encoding="utf-8")
    catalog = json.loads((home / "corpus" / "catalog.json").read_text(encoding="utf-8"))
    catalog["documents"].append({"id": "big", "path": "corpus/big.txt", "title": "big"})
    (home / "corpus" / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "index", "build", "--quiet"], env=env,
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not list((tmp_path / "index").glob(".tmp-gen-*")):
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (tmp_path / "index" / "CURRENT").read_text() == current
    catalog["documents"] = [d for d in catalog["documents"] if d["id"] != "big"]
    (home / "corpus" / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "--no-build", "人才公寓打几折"], env=env,
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("8.5折")
