"""The chat API of the web app, called the way a client would::

    from gradio_client import Client
    answer, rendered = Client(url).predict(question, history_json, api_name="/chat")

`answer` must be the JSON contract of `python -m assistant ask --json`, and every citation
must stand verbatim at its offsets in its source file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from app_server import ROOT, running_app

gradio_client = pytest.importorskip("gradio_client", reason="gradio_client is not installed")

NOT_READY = "索引仍在加载"
CONTRACT = {"question": str, "answered": bool, "answer": str, "citations": list, "retrieved": list,
            "searched": str, "script": str, "notices": list}
CITATION = {"source": str, "section": str, "quote": str, "start": int, "end": int, "chunk_id": str,
            "document": str}
RETRIEVED = {"source": str, "section": str, "start": int, "end": int, "score": float, "chunk_id": str}


@pytest.fixture(scope="module")
def client():
    with running_app("app-api.log") as url:
        deadline = time.time() + 120
        c = gradio_client.Client(url, verbose=False)
        while True:  # the index loads in the background: wait until it answers
            answer, _ = c.predict("人才公寓打几折", "[]", api_name="/chat")
            if NOT_READY not in str(answer.get("error", "")):
                break
            assert time.time() < deadline, "the index did not finish loading"
            time.sleep(0.5)
        yield c


def check_contract(answer: dict) -> None:
    assert set(answer) == set(CONTRACT), sorted(answer)
    for key, typ in CONTRACT.items():
        assert isinstance(answer[key], typ), (key, type(answer[key]))
    texts: dict[str, str] = {}
    for c in answer["citations"]:
        for key, typ in CITATION.items():
            assert isinstance(c[key], typ), (key, c)
        assert set(c) <= set(CITATION) | {"page", "provenance"}, sorted(c)
        if "provenance" in c:
            assert c["provenance"] == "unverified public copy"
        path = ROOT / c["source"]
        assert not Path(c["source"]).is_absolute() and path.is_file(), c["source"]
        text = texts.setdefault(c["source"], path.read_text(encoding="utf-8"))
        assert text[c["start"]:c["end"]] == c["quote"], c
    for r in answer["retrieved"]:
        for key, typ in RETRIEVED.items():
            assert isinstance(r[key], (int, float) if typ is float else typ), (key, r)


def test_chat_answers_with_checkable_citations(client):
    answer, rendered = client.predict("人才公寓打几折？", "[]", api_name="/chat")
    check_contract(answer)
    assert answer["answered"] is True
    assert "8.5折" in answer["answer"]
    assert answer["citations"] and "(八)" in answer["citations"][0]["section"]
    assert isinstance(rendered, str) and "8.5折" in rendered and 'class="pa-card"' in rendered


def test_chat_matches_the_cli_json(client):
    question = "蓉漂驿站能免费住几天？"
    answer, _ = client.predict(question, "[]", api_name="/chat")
    cli = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", question], cwd=ROOT,
                         capture_output=True, text=True, timeout=180,
                         env=dict(os.environ, GRADIO_ANALYTICS_ENABLED="False"))
    assert cli.returncode == 0, cli.stderr
    assert answer == json.loads(cli.stdout)


def test_follow_up_uses_the_history(client):
    first, _ = client.predict("人才公寓打几折", "[]", api_name="/chat")
    history = json.dumps([{"role": "user", "content": "人才公寓打几折"},
                          {"role": "assistant", "content": first["answer"]}], ensure_ascii=False)
    answer, rendered = client.predict("那驿站能住几天呢？", history, api_name="/chat")
    check_contract(answer)
    assert answer["searched"] != answer["question"]
    assert "7天" in answer["answer"]
    assert "实际检索：" in rendered


def test_not_covered_and_unverified(client):
    answer, rendered = client.predict("北京的老旧小区改造有补贴吗", "[]", api_name="/chat")
    check_contract(answer)
    assert answer["answered"] is False
    assert "政策原文未涉及" in rendered and "pa-uncovered-box" in rendered

    answer, rendered = client.predict("人才租金补贴怎么申请？", "[]", api_name="/chat")
    check_contract(answer)
    assert any(c.get("provenance") == "unverified public copy" for c in answer["citations"])
    assert "unverified public copy" in rendered


@pytest.mark.parametrize("probe", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_injection_is_escaped(client, probe):
    answer, rendered = client.predict(probe, "[]", api_name="/chat")
    check_contract(answer)
    assert answer["question"] == probe
    assert "<script" not in rendered and "<img" not in rendered


def test_refusals_are_messages(client):
    answer, rendered = client.predict("问" * 2001, "[]", api_name="/chat")
    assert set(answer) == {"question", "error"} and "2000" in answer["error"]
    assert "Traceback" not in rendered
    answer, _ = client.predict("人才公寓打几折", "not json", api_name="/chat")
    assert "history_json" in answer["error"]
    answer, _ = client.predict("   ", "[]", api_name="/chat")
    assert answer.get("error")  # the library's BadQuestionError, as a message
    answer, _ = client.predict("人才公寓打几折", "[]", api_name="/chat")  # still up
    assert answer["answered"] is True


# ------------------------------------------------------------------ in-process: the status line

def _slow_assistant(release, fail: Exception | None = None):
    from types import SimpleNamespace

    class SlowAssistant:
        def __init__(self, settings, log=None):
            log("building the index")
            release.wait(20)
            if fail is not None:
                raise fail
            self.documents = [SimpleNamespace(id=f"d{i}") for i in range(3)]
            self.index = SimpleNamespace(chunks=list(range(5)))

    return SlowAssistant


def test_status_line_while_loading_then_ready(monkeypatch):
    import threading

    from assistant import pipeline, ui
    from assistant.settings import Settings

    release = threading.Event()
    monkeypatch.setattr(pipeline, "Assistant", _slow_assistant(release))
    monkeypatch.setattr(pipeline, "warm_up", lambda a: None)
    loader = ui.Loader(Settings.load()).start()
    try:
        assert loader.status_text().startswith("正在加载索引…")
        assert 'data-state="loading"' in loader.status_html()
        answer, rendered = ui.chat_api_result(loader, "人才公寓打几折", "[]")
        assert NOT_READY in answer["error"] and NOT_READY in rendered
    finally:
        release.set()
    assert loader.wait(20)
    assert loader.status_text() == "已就绪: 3 个文档, 5 个条款"
    assert 'data-state="ready"' in loader.status_html()


def test_load_failure_is_a_message(monkeypatch):
    import threading

    from assistant import pipeline, ui
    from assistant.errors import IndexCorruptError
    from assistant.settings import Settings

    release = threading.Event()
    release.set()
    monkeypatch.setattr(pipeline, "Assistant", _slow_assistant(
        release, IndexCorruptError("index/CURRENT is unreadable: run `python -m assistant index build`")))
    loader = ui.Loader(Settings.load()).start()
    loader.wait(20)
    assert loader.status_text() == "加载失败：index/CURRENT is unreadable: run `python -m assistant index build`"
    answer, rendered = ui.chat_api_result(loader, "人才公寓打几折", "[]")
    assert "index build" in answer["error"] and "Traceback" not in rendered
