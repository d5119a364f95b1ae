"""The web app in a real browser (Debian's chromium driven by playwright).

Starts `python app.py` on a free port, then drives every tab. Every request the page makes
is recorded; any that would leave 127.0.0.1/localhost is aborted and fails the test.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest
from app_server import ARTIFACTS, running_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")


@pytest.fixture(scope="module")
def app_url():
    with running_app("app-browser.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    def __init__(self):
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture
def page(browser, app_url):
    watch = Watch()
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")

    def route(r):
        url = r.request.url
        watch.requests.append(url)
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            watch.outside.append(url)
            r.abort()

    context.route("**/*", route)
    pg = context.new_page()

    def on_dialog(d):
        watch.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("request", lambda req: None if urlparse(req.url).hostname in LOCAL_HOSTS or
          req.url.startswith(("data:", "blob:")) else watch.outside.append(req.url))
    pg.watch = watch
    pg.goto(app_url)
    pg.wait_for_selector("#pa-status[data-state=ready]", timeout=120_000)
    yield pg
    context.close()
    assert not watch.outside, f"the page requested addresses outside localhost: {watch.outside}"
    assert not watch.dialogs, f"a dialog fired: {watch.dialogs}"
    assert watch.requests, "no request was recorded: the route hook did not run"


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ask(pg, question: str, timeout: float = 30_000):
    """Type a question in the chat tab, send it, wait for its answer; returns the last answer."""
    answers = pg.locator("#pa-chatbot .pa-answer, #pa-chatbot .pa-error")
    before = answers.count()
    pg.fill("#pa-question textarea", question)
    pg.click("#pa-send")
    pg.wait_for_function(
        "([n]) => document.querySelectorAll('#pa-chatbot .pa-answer, #pa-chatbot .pa-error').length > n",
        arg=[before], timeout=timeout)
    return answers.nth(answers.count() - 1)


def choose(pg, elem_id: str, option_text: str) -> None:
    """Pick an option of a gr.Dropdown by its visible text, typed first to filter a long list
    (a hundred eval sets: the option sought may be far below the visible ones)."""
    field = pg.locator(f"#{elem_id} input")
    field.click()
    pg.wait_for_selector("[role=option]")
    option = pg.locator("[role=option]", has_text=option_text).first
    if not option.is_visible():
        field.press_sequentially(option_text)
    option.click()


# ------------------------------------------------------------------ chat

def test_chat_answer_with_citation_card(page):
    pg = page
    assert "已就绪" in pg.inner_text("#pa-status")
    last = ask(pg, "人才公寓打几折")
    assert "8.5折" in last.inner_text()
    card = last.locator(".pa-card").first
    card.wait_for()
    section = card.locator(".pa-section").inner_text()
    assert "(八)青年创新创业就业筑梦工程" in section and "4.情感有归属" in section
    assert card.locator("mark.pa-hit").count() > 0  # the question's words are highlighted
    card.locator("details.pa-context summary").click()
    context = card.locator(".pa-context-text")
    context.wait_for(state="visible")
    assert "蓉漂" in context.inner_text()  # the surrounding paragraph
    assert "8.5折" in context.locator("mark.pa-quote-mark").inner_text()
    shot(pg, "chat-answer")

    # the toggle shows the original Traditional quote
    pg.click("#pa-original input")
    pg.wait_for_function(
        "() => [...document.querySelectorAll('#pa-chatbot .pa-quote')].some(q => q.innerText.includes('優化布局'))")
    shot(pg, "chat-original-traditional")


def test_chat_examples_follow_up_not_covered_unverified(page):
    pg = page
    n = pg.locator("#pa-chatbot .pa-answer").count()
    pg.get_by_role("button", name="蓉漂驿站能免费住几天？").click()
    pg.wait_for_function("([n]) => document.querySelectorAll('#pa-chatbot .pa-answer').length > n", arg=[n])
    assert "7天" in pg.locator("#pa-chatbot .pa-answer").last.inner_text()

    ask(pg, "人才公寓打几折")
    follow = ask(pg, "那驿站能住几天呢？")
    assert "实际检索：" in follow.inner_text()
    assert "7天" in follow.inner_text()

    uncovered = ask(pg, "北京的老旧小区改造有补贴吗")
    box = uncovered.locator(".pa-uncovered-box")
    assert box.count() == 1 and "政策原文未涉及" in box.inner_text()
    assert uncovered.locator(".pa-card").count() >= 1  # nearest related clauses
    shot(pg, "chat-not-covered")

    related = ask(pg, "人才租金补贴怎么申请？")
    assert related.locator(".pa-unverified").count() >= 1
    assert "unverified public copy" in related.locator(".pa-unverified").first.inner_text()
    shot(pg, "chat-unverified")


def test_injection_probes_are_shown_literally(page):
    pg = page
    for probe in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"):
        ask(pg, probe)
    pg.wait_for_timeout(1000)  # give any injected handler time to fire
    assert pg.watch.dialogs == []
    chat = pg.inner_text("#pa-chatbot")
    assert "<script>alert(1)</script>" in chat
    assert "<img src=x onerror=alert(1)>" in chat
    pg.get_by_text("<script>alert(1)</script>").first.wait_for(state="visible")
    assert pg.locator("#pa-chatbot img[src=x]").count() == 0
    assert pg.locator("#pa-chatbot script").count() == 0
    shot(pg, "chat-injection")


def test_overlong_question_is_refused_and_app_stays_up(page):
    pg = page
    refused = ask(pg, "人才公寓" * 501)  # 2004 characters
    assert "问题太长" in refused.inner_text()
    assert "8.5折" in ask(pg, "人才公寓打几折").inner_text()


# ------------------------------------------------------------------ rule lookup

def test_rule_lookup_search_tree_and_citation(page):
    pg = page
    pg.get_by_role("tab", name="条款查询").click()
    pg.fill("#pa-lookup-query textarea", "人才公寓")
    pg.click("#pa-lookup-go")
    cell = pg.locator("#pa-lookup-results [data-testid=cell-0-2]")  # rank 1, column 条款
    pg.wait_for_function(
        "() => (document.querySelector('#pa-lookup-results [data-testid=cell-0-2]')?.innerText || '')"
        ".includes('二、(八)4')")
    assert pg.inner_text("#pa-lookup-results [data-testid=cell-0-0]").strip() == "1"
    assert float(pg.inner_text("#pa-lookup-results [data-testid=cell-0-1]")) > 0  # a score
    assert pg.locator("#pa-lookup-results [role=row].virtual-row").count() > 1
    cell.click()
    pg.wait_for_function(
        "() => (document.querySelector('#pa-citation textarea')?.value || '').includes('二、(八)4')")
    cite = pg.input_value("#pa-citation textarea")
    assert cite.startswith("《关于实施幸福美好生活十大工程的意见》二、(八)4 “")
    assert "(corpus/chengdu-ten-projects.txt:" in cite
    assert "8.5折" in pg.inner_text("#pa-clause-detail")
    # the tree is browsable: 一、 → (一) → 1.
    tree = pg.locator("#pa-tree")
    assert "二、主要任务" in tree.inner_text()
    shot(pg, "lookup-search")

    # filter by part: only 二(八) stays in the tree and the clause list
    choose(pg, "pa-part-filter", "二、(八)")
    pg.wait_for_function("() => !document.querySelector('#pa-tree').innerText.includes('一、总体要求')")
    pg.wait_for_function(  # the search re-ran within the part
        "() => { const c = [...document.querySelectorAll('#pa-lookup-results [role=gridcell][data-col=\"2\"]')];"
        " return c.length > 0 && c.every(x => x.innerText.startsWith('二、(八)')); }")
    choose(pg, "pa-clause-pick", "二、(八)4")
    pg.wait_for_function(
        "() => (document.querySelector('#pa-citation textarea')?.value || '').includes('二、(八)4')")
    shot(pg, "lookup-tree-filtered")


# ------------------------------------------------------------------ entitlements

def test_entitlements_for_a_persona(page):
    pg = page
    pg.get_by_role("tab", name="我能享受什么").click()
    choose(pg, "pa-ent-who", "老年人")
    pg.wait_for_function(
        "() => (document.querySelector('#pa-ent-table [data-testid=cell-0-0]')?.innerText || '').includes('老年人')")
    assert "养老床位" in pg.inner_text("#pa-ent-table")
    pg.wait_for_function("() => (document.querySelector('#pa-ent-csv')?.innerText || '').includes('.csv')")
    link = pg.locator("#pa-ent-csv a[href]").first
    href = link.get_attribute("href")
    assert urlparse(pg.url).hostname == (urlparse(href).hostname or urlparse(pg.url).hostname)
    csv_text = pg.request.get(href if urlparse(href).scheme else pg.url.rstrip("/") + "/" + href.lstrip("/")).text()
    assert csv_text.lstrip("\ufeff").startswith("id,") and "beneficiaries" in csv_text.splitlines()[0]
    assert "老年人" in csv_text
    shot(pg, "entitlements")


# ------------------------------------------------------------------ evaluators

def test_evaluators_tab_runs_a_tiny_set(page):
    pg = page
    pg.get_by_role("tab", name="评测").click()
    choose(pg, "pa-eval-set", "evals/sets/related.jsonl")
    pg.fill("#pa-eval-limit input", "3")
    pg.click("#pa-eval-go")
    pg.wait_for_function(
        "() => /完成|不可用|未通过校验|校验未通过/.test(document.querySelector('#pa-eval-msg')?.innerText || '')",
        timeout=120_000)
    msg = pg.inner_text("#pa-eval-msg")
    shot(pg, "evaluators")
    if "不可用" in msg:
        pytest.skip(f"evals/run.py is not available: {msg}")
    assert "完成：3 题" in msg
    assert pg.locator("#pa-eval-verdicts [role=row].virtual-row").count() == 3
    assert "answer_acc" in pg.inner_text("#pa-eval-summary") or "recall" in pg.inner_text("#pa-eval-summary")
    pg.wait_for_function(
        "() => (document.querySelector('#pa-eval-files')?.innerText || '').includes('eval-report')")
    names = pg.inner_text("#pa-eval-files").replace("\n", "")
    assert "eval-report.zip" in names and "report.html" in names, names


def test_evaluators_tab_upload_is_shown_literally(page, tmp_path):
    import json

    probe = "<img src=x onerror=alert(1)>"
    row = {"id": "up-001", "question": probe, "answerable": False, "evidence": [], "answers": [],
           "source": "corpus/chengdu-ten-projects.txt",
           "tags": {"section": "none", "persona": "resident", "script": "english", "kind": "out-of-scope"},
           "history": []}
    path = tmp_path / "uploaded.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    pg = page
    pg.get_by_role("tab", name="评测").click()
    pg.set_input_files("#pa-eval-upload input[type=file]", str(path))
    pg.wait_for_function("() => (document.querySelector('#pa-eval-upload')?.innerText || '').includes('uploaded')")
    pg.click("#pa-eval-go")
    pg.wait_for_function(
        "() => /完成|不可用|校验未通过/.test(document.querySelector('#pa-eval-msg')?.innerText || '')",
        timeout=120_000)
    msg = pg.inner_text("#pa-eval-msg")
    if "不可用" in msg:
        pytest.skip(f"evals/run.py is not available: {msg}")
    assert "完成：1 题" in msg, msg
    pg.wait_for_timeout(500)
    assert probe in pg.inner_text("#pa-eval-verdicts")
    assert pg.locator("#pa-eval-verdicts img[src=x]").count() == 0
    shot(pg, "evaluators-upload")
