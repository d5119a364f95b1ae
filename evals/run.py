"""Run an eval set through a pipeline and write a report: ``python -m evals run SET.jsonl``.

``run_eval(rows, assistant, baseline=..., out_dir=...)`` asks every question through
``pipeline.ask(question, history)`` (the same call the CLI and UI make), judges each answer
with :mod:`evals.metrics`, and returns the report object; with ``out_dir`` it also writes
``report.json``, ``report.md`` and a self-contained ``report.html`` there, atomically (into a
temporary folder beside it, renamed at the end).

Exit status of the command: 0 done (and every ``--min`` met), 1 some ``--min`` not met,
2 bad input (unknown metric name, a set that fails ``evals.check``, an existing ``--out``),
130 interrupted (no report is written).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import html
import json
import math
import os
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from . import metrics
from .check import check_set, source_candidates

REPORTS_DIR = Path(__file__).resolve().parent / "reports"
WARM_UP_QUESTION = "人才公寓"
REPORT_FILES = ("report.json", "report.md", "report.html")
SCHEMA_VERSION = 1


class SetError(Exception):
    """The eval set cannot be run (messages name file, line and ids)."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


# ------------------------------------------------------------------ input

def load_set(path: str | Path) -> tuple[list[dict], list[str]]:
    """Rows of a set that passes ``evals.check``, and its warnings.

    Raises SetError listing every problem (malformed lines with their line number, evidence
    not found in its source with the ids...), FileNotFoundError when the file is missing.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    result = check_set(path)
    if result.errors:
        raise SetError(result.errors)
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i == 0:
            line = line.lstrip("\ufeff")
        if line.strip():
            rows.append(json.loads(line))
    return rows, list(result.warnings)


def _safe_read(home: Path, source: str) -> str | None:
    """The UTF-8 text of ``home/source`` when ``source`` is a relative path inside home."""
    p = Path(source)
    if p.is_absolute() or not source:
        return None
    root = home.resolve()
    full = (root / p).resolve()
    if full != root and root not in full.parents:
        return None
    try:
        return full.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def source_texts(rows: list[dict], answers: list, home: Path, set_path: Path | None = None) -> dict:
    """``{source: text}`` for every row source and every cited source that can be read.

    Cited sources are resolved against ``home`` (the assistant's repo root) only; a row's
    source also as ``evals.check`` resolves it from the set's location.
    """
    texts: dict[str, str] = {}
    for row in rows:
        src = row.get("source")
        if not isinstance(src, str) or src in texts:
            continue
        text = _safe_read(home, src)
        if text is None and set_path is not None:
            for cand in source_candidates(src, set_path):
                if cand.is_file():
                    text = cand.read_text(encoding="utf-8")
                    break
        if text is not None:
            texts[src] = text
    for ans in answers:
        if not isinstance(ans, dict) or not isinstance(ans.get("citations"), list):
            continue
        for c in ans["citations"]:
            src = c.get("source") if isinstance(c, dict) else None
            if isinstance(src, str) and src not in texts:
                text = _safe_read(home, src)
                if text is not None:
                    texts[src] = text
    return texts


# ------------------------------------------------------------------ running

def _as_json(ans):
    if hasattr(ans, "to_json"):
        return ans.to_json()
    return ans


def ask_all(pipeline, rows: list[dict], *, name: str = "assistant", progress: bool = True) -> dict:
    """Ask every row's question; returns answers, latencies (ms), errors, warm-up and wall time.

    One untimed warm-up call first, so that lazy loading (tokenizer dictionaries, models)
    is not charged to the first question.
    """
    from tqdm import tqdm

    t0 = time.perf_counter()
    try:
        pipeline.ask(WARM_UP_QUESTION, [])
    except Exception as exc:  # noqa: BLE001 - the real questions will show the error too
        print(f"warning: {name} failed the warm-up question: {type(exc).__name__}: {exc}", file=sys.stderr)
    warm = (time.perf_counter() - t0) * 1000
    answers, latencies, errors = [], [], []
    start = time.perf_counter()
    bar = tqdm(rows, desc=name, unit="q", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    for row in bar:
        t = time.perf_counter()
        try:
            ans = pipeline.ask(row["question"], row.get("history") or [])
            ms = (time.perf_counter() - t) * 1000
            answers.append(_as_json(ans))
            latencies.append(ms)
            errors.append(None)
        except Exception as exc:  # noqa: BLE001 - recorded per question
            latencies.append((time.perf_counter() - t) * 1000)
            answers.append(None)
            errors.append(f"{type(exc).__name__}: {exc}")
    bar.close()
    return {"answers": answers, "latencies": latencies, "errors": errors, "warmup_ms": warm,
            "seconds": time.perf_counter() - start}


def _rel(path, home: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(home.resolve()).as_posix()
    except ValueError:
        return str(p)


def describe_assistant(assistant, home: Path) -> dict:
    """Settings, encoder and index manifest of an Assistant (whatever of them it has)."""
    out: dict = {"name": "policy-assistant"}
    settings = getattr(assistant, "settings", None)
    if settings is not None and dataclasses.is_dataclass(settings):
        s = {}
        for f in dataclasses.fields(settings):
            value = getattr(settings, f.name)
            s[f.name] = _rel(value, home) if isinstance(value, Path) else value
        out["settings"] = s
    encoder = getattr(assistant, "encoder", None)
    if encoder is not None:
        out["encoder"] = getattr(encoder, "name", type(encoder).__name__)
    index = getattr(assistant, "index", None)
    manifest = getattr(index, "manifest", None)
    if isinstance(manifest, dict):
        out["index"] = {k: manifest.get(k) for k in
                        ("encoder", "dim", "corpus_hash", "chunker_version", "built_at", "counts",
                         "format_version")}
        path = getattr(index, "path", None)
        if path is not None:
            out["index"]["generation"] = Path(path).name
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_eval(rows: list[dict], assistant, *, baseline=None, progress: bool = True,
             out_dir: str | Path | None = None, set_path: str | Path | None = None,
             minimums: dict | None = None, home: str | Path | None = None,
             command: list[str] | None = None) -> dict:
    """Run ``rows`` through ``assistant`` (and ``baseline``); return the report object.

    Args:
        rows: eval-set rows (see evals/README.md), already validated.
        assistant: anything with ``ask(question, history)`` returning an object with
            ``to_json()`` or the JSON dict itself.
        baseline: a second pipeline of the same shape, run on the same rows.
        progress: show a tqdm bar on stderr.
        out_dir: when given, write the report files there (atomically; the folder must not
            exist or be empty).
        set_path: the set file, recorded with its sha256.
        minimums: ``{metric: min}`` gates checked on the assistant's summary.
        home: the repo root sources are relative to (default: ``assistant.settings.home``,
            else the current directory).
        command: the command line, recorded in the report.
    """
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    if home is None:
        settings = getattr(assistant, "settings", None)
        home = getattr(settings, "home", None) or Path.cwd()
    home = Path(home)
    set_path = Path(set_path) if set_path is not None else None
    rows = list(rows)

    pipelines = [("assistant", assistant)] + ([("baseline", baseline)] if baseline is not None else [])
    runs = {name: ask_all(p, rows, name=name, progress=progress) for name, p in pipelines}
    texts = source_texts(rows, [a for r in runs.values() for a in r["answers"]], home, set_path)

    report: dict = {
        "schema": SCHEMA_VERSION,
        "created": started.isoformat(timespec="seconds"),
        "command": command,
        "set": None,
        "pipelines": {},
        "questions": [],
    }
    if set_path is not None:
        report["set"] = {"path": _rel(set_path, home), "sha256": _sha256(set_path),
                         "questions": len(rows)}
    else:
        report["set"] = {"path": None, "sha256": None, "questions": len(rows)}
    report["set"]["ids"] = [r.get("id") for r in rows]
    report["sources"] = {src: hashlib.sha256(t.encode("utf-8")).hexdigest()
                         for src, t in sorted(texts.items())}

    verdicts_by: dict[str, list[dict]] = {}
    for name, p in pipelines:
        run = runs[name]
        verdicts = [metrics.judge(row, ans, lat, texts, err) for row, ans, lat, err in
                    zip(rows, run["answers"], run["latencies"], run["errors"])]
        verdicts_by[name] = verdicts
        info = describe_assistant(p, home) if name == "assistant" else (
            p.describe() if hasattr(p, "describe") else {"name": type(p).__name__})
        report["pipelines"][name] = {
            "info": info,
            "warmup_ms": round(run["warmup_ms"], 3),
            "seconds": round(run["seconds"], 3),
            "summary": metrics.summarize(verdicts),
            "breakdowns": metrics.breakdowns(rows, verdicts),
        }

    for i, row in enumerate(rows):
        q = {"id": row.get("id"), "row": row}
        for name, _ in pipelines:
            v = verdicts_by[name][i]
            q[name] = {"answer": runs[name]["answers"][i], "latency_ms": v["latency_ms"],
                       "verdicts": v, "failed": metrics.failed_checks(v)}
        report["questions"].append(q)

    if baseline is not None:
        a, b = report["pipelines"]["assistant"]["summary"], report["pipelines"]["baseline"]["summary"]
        report["comparison"] = {m: {"assistant": a.get(m), "baseline": b.get(m),
                                    "ratio": metrics.ratio(a.get(m), b.get(m))}
                                for m in metrics.QUALITY_METRICS + metrics.LATENCY_METRICS}
    report["gates"] = metrics.gate(report["pipelines"]["assistant"]["summary"], minimums or {})
    report["passed"] = all(g["passed"] for g in report["gates"])
    report["seconds"] = round(time.perf_counter() - t0, 3)
    if out_dir is not None:
        report["out_dir"] = _rel(out_dir, home)
        write_report(report, out_dir)
    return report


# ------------------------------------------------------------------ writing

def write_report(report: dict, out_dir: str | Path) -> Path:
    """Write report.json/.md/.html into ``out_dir`` atomically; return ``out_dir``.

    The files are written into a temporary folder beside ``out_dir`` which is then renamed;
    an interruption leaves no ``out_dir`` (and removes the temporary folder).
    """
    final = Path(out_dir)
    if final.exists() and (not final.is_dir() or any(final.iterdir())):
        raise FileExistsError(f"{final} already exists and is not an empty folder")
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent))
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; a report folder is not
        (tmp / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
        (tmp / "report.md").write_text(render_md(report), encoding="utf-8")
        (tmp / "report.html").write_text(render_html(report), encoding="utf-8")
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def default_out_dir() -> Path:
    """evals/reports/<UTC timestamp> (with a -N suffix if that folder exists)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    out = REPORTS_DIR / stamp
    n = 2
    while out.exists():
        out = REPORTS_DIR / f"{stamp}-{n}"
        n += 1
    return out


# ------------------------------------------------------------------ rendering helpers

LABELS = {
    "recall@1": "Recall@1", "recall@5": "Recall@5", "mrr@10": "MRR@10", "answer_acc": "answer accuracy",
    "citation_validity": "citation validity", "citation_support": "citation support",
    "abstain_precision": "abstention precision", "abstain_recall": "abstention recall",
    "false_refusal_rate": "false refusal rate (lower is better)",
    "latency_p50_ms": "latency p50 (ms)", "latency_p95_ms": "latency p95 (ms)",
}
COUNTS = ("questions", "answerable", "out_of_scope", "answered", "abstained", "errors",
          "contract_violations", "citations")


def fmt(value, metric: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if metric.endswith("_ms"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def fmt_ratio(value) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def summary_rows(report: dict) -> list[tuple[str, list[str]]]:
    """(label, [assistant, baseline?, ratio?]) lines of the summary table."""
    names = list(report["pipelines"])
    out = []
    for m in metrics.QUALITY_METRICS + metrics.LATENCY_METRICS:
        cells = [fmt(report["pipelines"][n]["summary"].get(m), m) for n in names]
        if "comparison" in report:
            cells.append(fmt_ratio(report["comparison"][m]["ratio"]))
        out.append((m, cells))
    for c in COUNTS:
        cells = [fmt(report["pipelines"][n]["summary"].get(c)) for n in names]
        if "comparison" in report:
            cells.append("")
        out.append((c, cells))
    return out


def summary_header(report: dict) -> list[str]:
    head = list(report["pipelines"])
    if "comparison" in report:
        head.append("ratio (assistant/baseline)")
    return head


def render_text_summary(report: dict) -> str:
    """The summary table printed on stdout."""
    head = ["metric"] + summary_header(report)
    body = [[m] + cells for m, cells in summary_rows(report)]
    widths = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
    lines = ["  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(head))]
    lines.append("  ".join("-" * w for w in widths))
    for r in body:
        lines.append("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    s = report["set"]
    info = [f"set: {s['path']} ({s['questions']} questions, sha256 {str(s['sha256'])[:12]})"]
    for name, p in report["pipelines"].items():
        setup = p["info"].get("setup_seconds")
        info.append(f"{name}: {p['seconds']:.1f} s for the questions (+{p['warmup_ms'] / 1000:.1f} s warm-up"
                    + (f", {setup:.1f} s setup" if setup is not None else "") + ")")
    for g in report["gates"]:
        info.append(f"--min {g['name']}={g['min']}: {fmt(g['value'])} "
                    f"{'ok' if g['passed'] else 'FAILED'}")
    return "\n".join(info + [""] + lines)


def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ⏎ ")


def _short(text: str, n: int = 160) -> str:
    text = str(text)
    return text if len(text) <= n else text[:n] + "…"


def _cited(ans) -> list[dict]:
    if not isinstance(ans, dict) or not isinstance(ans.get("citations"), list):
        return []
    return [c for c in ans["citations"] if isinstance(c, dict)]


def render_md(report: dict) -> str:
    s = report["set"]
    out = [f"# Eval report: {s['path']}", "",
           f"- created: {report['created']} (total {report['seconds']:.1f} s)",
           f"- set: `{s['path']}`, {s['questions']} questions, sha256 `{s['sha256']}`"]
    for name, p in report["pipelines"].items():
        info = p["info"]
        desc = info.get("name", name)
        if "index" in info:
            desc += (f"; encoder `{info.get('encoder')}`; index encoder `{info['index'].get('encoder')}`, "
                     f"corpus hash `{str(info['index'].get('corpus_hash'))[:16]}`")
        elif "encoder" in info:
            desc += f"; encoder `{info['encoder']}`"
        out.append(f"- {name}: {desc}; {p['seconds']:.1f} s (+{p['warmup_ms'] / 1000:.1f} s warm-up)")
    out += ["", "Definitions of every metric: `evals/metrics.py` (module docstring).", "", "## Summary", ""]
    head = ["metric"] + summary_header(report)
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for m, cells in summary_rows(report):
        out.append("| " + " | ".join([LABELS.get(m, m)] + cells) + " |")
    if report["gates"]:
        out += ["", "## Gates", ""]
        for g in report["gates"]:
            out.append(f"- `{g['name']}` ≥ {g['min']}: {fmt(g['value'])} — {'ok' if g['passed'] else '**FAILED**'}")
    out += ["", "## By tag and source", ""]
    names = list(report["pipelines"])
    shown = ("recall@5", "mrr@10", "answer_acc", "citation_support", "citation_validity", "abstain_recall")
    for dim in (*metrics.TAG_KEYS, "source"):
        out += [f"### {dim}", ""]
        head = [dim, "n"] + [f"{m} ({n})" if len(names) > 1 else m for m in shown for n in names]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for value in report["pipelines"]["assistant"]["breakdowns"][dim]:
            cells = [_md(value), str(report["pipelines"]["assistant"]["breakdowns"][dim][value]["questions"])]
            for m in shown:
                for n in names:
                    cells.append(fmt(report["pipelines"][n]["breakdowns"][dim][value].get(m)))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    for name in names:
        failed = [q for q in report["questions"] if q[name]["failed"]]
        out += [f"## Failures: {name} ({len(failed)} of {len(report['questions'])})", ""]
        if not failed:
            out += ["none", ""]
            continue
        out.append("| id | tags | question | failed | expected evidence / answers | cited | answer |")
        out.append("|---|---|---|---|---|---|---|")
        for q in failed:
            row, res = q["row"], q[name]
            tags = row.get("tags", {})
            cited = "; ".join(
                f"{c.get('source')}:{c.get('start')}-{c.get('end')} “{_short(c.get('quote', ''), 80)}”"
                for c in _cited(res["answer"])) or "—"
            expected = "; ".join(f"“{e}”" for e in row.get("evidence", [])) or "(out of scope)"
            if row.get("answers"):
                expected += " / " + ", ".join(row["answers"])
            answer = (res["answer"] or {}).get("answer", "") if isinstance(res["answer"], dict) else ""
            out.append("| " + " | ".join(_md(x) for x in (
                q["id"], f"{tags.get('kind')}/{tags.get('script')}/{tags.get('section')}",
                row.get("question"), ", ".join(res["failed"]), expected, cited,
                _short(res["verdicts"].get("error") or answer))) + " |")
        out.append("")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ HTML

COLORS = {"assistant": "#2b6cb0", "baseline": "#dd8c2b"}
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1a202c;max-width:1400px}
table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #cbd5e0;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#edf2f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
.fail td{font-size:13px}.fail td:nth-child(3){min-width:140px}.fail td:nth-child(5){min-width:200px}.fail td:nth-child(6){min-width:260px}.bad{color:#c53030;font-weight:600}.ok{color:#2f855a;font-weight:600}
.ev{background:#fefcbf}.quote{background:#ebf8ff}.invalid{background:#fed7d7}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}pre{background:#f7fafc;padding:8px;overflow:auto}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
svg text{font-family:inherit}
"""


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _text_width(s: str, size: float = 12) -> float:
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in s)


def svg_by_group(report: dict, dim: str, shown: tuple[str, ...]) -> str:
    """Bar chart: one row per value of ``dim``, one column per metric, a bar per pipeline."""
    names = list(report["pipelines"])
    groups = report["pipelines"]["assistant"]["breakdowns"][dim]
    values = list(groups)
    label_w = min(380, max(60, max(_text_width(f"{v} (n={groups[v]['questions']})") for v in values) + 12))
    col_w, bar_h, gap = 130, 9, 3
    row_h = len(names) * (bar_h + gap) + 10
    top = 28
    width = label_w + col_w * len(shown) + 10
    height = top + row_h * len(values) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
             f'viewBox="0 0 {width:.0f} {height}" role="img" aria-label="metrics by {_e(dim)}">']
    for j, m in enumerate(shown):
        x = label_w + j * col_w
        parts.append(f'<text x="{x + 2}" y="16" font-size="12" font-weight="600">{_e(m)}</text>')
        parts.append(f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{height}" stroke="#e2e8f0"/>')
    for i, v in enumerate(values):
        y = top + i * row_h
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{y - 2}" width="{width:.0f}" height="{row_h}" fill="#f7fafc"/>')
        parts.append(f'<text x="4" y="{y + row_h / 2 + 2:.1f}" font-size="12">'
                     f'{_e(v)} <tspan fill="#718096">(n={groups[v]["questions"]})</tspan></text>')
        for j, m in enumerate(shown):
            x = label_w + j * col_w + 4
            for k, n in enumerate(names):
                val = report["pipelines"][n]["breakdowns"][dim][v].get(m)
                by = y + k * (bar_h + gap) + 2
                if val is None:
                    parts.append(f'<text x="{x}" y="{by + bar_h - 1}" font-size="10" fill="#a0aec0">n/a</text>')
                    continue
                w = max(0.0, min(1.0, val)) * (col_w - 44)
                parts.append(f'<rect x="{x}" y="{by}" width="{w:.1f}" height="{bar_h}" fill="{COLORS.get(n, "#718096")}">'
                             f'<title>{_e(n)} {_e(m)} {_e(v)}: {val:.3f}</title></rect>')
                parts.append(f'<text x="{x + w + 3:.1f}" y="{by + bar_h - 1}" font-size="10">{val:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_latency(report: dict, bins: int = 24) -> str:
    """Histogram of per-question latency (log-spaced bins), one colour per pipeline."""
    names = list(report["pipelines"])
    lat = {n: [q[n]["latency_ms"] for q in report["questions"]
               if q[n]["latency_ms"] is not None and not q[n]["verdicts"].get("error")] for n in names}
    allv = [x for v in lat.values() for x in v if x > 0]
    if not allv:
        return "<p>no latencies</p>"
    lo, hi = math.log10(min(allv)), math.log10(max(allv))
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    edges = [lo + (hi - lo) * i / bins for i in range(bins + 1)]
    counts = {n: [0] * bins for n in names}
    for n, vs in lat.items():
        for x in vs:
            b = min(bins - 1, int((math.log10(max(x, 1e-9)) - lo) / (hi - lo) * bins)) if x > 0 else 0
            counts[n][max(b, 0)] += 1
    peak = max(max(c) for c in counts.values()) or 1
    left, top, plot_w, plot_h = 44, 12, 720, 200
    width, height = left + plot_w + 20, top + plot_h + 44
    bw = plot_w / bins
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="latency histogram">']
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#4a5568"/>')
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#4a5568"/>')
    for t in range(5):
        c = round(peak * t / 4)
        y = top + plot_h - plot_h * c / peak
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{c}</text>')
    for k, n in enumerate(names):
        sub = bw / len(names)
        for b, c in enumerate(counts[n]):
            if not c:
                continue
            h = plot_h * c / peak
            x = left + b * bw + k * sub
            parts.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{max(sub - 1, 1):.1f}" '
                         f'height="{h:.1f}" fill="{COLORS.get(n, "#718096")}"><title>{_e(n)}: {c} questions, '
                         f'{10 ** edges[b]:.1f}–{10 ** edges[b + 1]:.1f} ms</title></rect>')
    for i in range(0, bins + 1, max(1, bins // 6)):
        x = left + i * bw
        ms = 10 ** edges[i]
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle">'
                     f'{ms:.3g}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{top + plot_h + 32}" font-size="11" text-anchor="middle">'
                 f'latency per question, ms (log scale); bar height = number of questions</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(names) -> str:
    return '<p class="legend">' + "".join(
        f'<span style="background:{COLORS.get(n, "#718096")}"></span>{_e(n)}' for n in names) + "</p>"


def _failures_html(report: dict, name: str) -> str:
    failed = [q for q in report["questions"] if q[name]["failed"]]
    if not failed:
        return "<p>none</p>"
    rows = ['<table class="fail"><tr><th>id</th><th>tags</th><th>question</th><th>failed</th>'
            '<th>expected evidence (offsets in source) / answers</th><th>cited (source:start–end)</th>'
            '<th>answer</th></tr>']
    for q in failed:
        row, res = q["row"], q[name]
        v = res["verdicts"]
        tags = row.get("tags", {})
        spans = v.get("evidence_spans") or []
        ev = []
        for i, e in enumerate(row.get("evidence", [])):
            where = f" [{spans[i][0]}–{spans[i][1]}]" if i < len(spans) else ""
            ev.append(f'<div><span class="ev">{_e(e)}</span><code>{_e(where)}</code></div>')
        if not ev:
            ev.append("<div><em>out of scope: should abstain</em></div>")
        if row.get("answers"):
            ev.append(f"<div>answers: {_e(' | '.join(row['answers']))}</div>")
        invalid = {c["index"]: c["reason"] for c in v.get("invalid_citations", [])}
        cited = []
        for i, c in enumerate(_cited(res["answer"])):
            cls = "invalid" if i in invalid else "quote"
            why = f'<div class="bad">invalid: {_e(invalid[i])}</div>' if i in invalid else ""
            cited.append(f'<div><code>{_e(c.get("source"))}:{_e(c.get("start"))}–{_e(c.get("end"))}</code> '
                         f'<span class="{cls}">{_e(c.get("quote", ""))}</span>{why}</div>')
        rank = v.get("hit_rank")
        if row.get("answerable"):
            cited.append(f"<div><em>retrieval hit rank: {_e(rank if rank is not None else 'none')}</em></div>")
        ans = res["answer"] if isinstance(res["answer"], dict) else {}
        answer = v.get("error") or ans.get("answer", "")
        state = "answered" if v.get("answered") else "abstained"
        hist = f"<div><em>after {len(row.get('history') or [])} earlier turns</em></div>" if row.get("history") else ""
        rows.append(
            f"<tr><td><code>{_e(q['id'])}</code></td>"
            f"<td>{_e(tags.get('kind'))}<br>{_e(tags.get('script'))}<br>{_e(tags.get('persona'))}<br>{_e(tags.get('section'))}</td>"
            f"<td>{_e(row.get('question'))}{hist}</td>"
            f"<td class=\"bad\">{_e(', '.join(res['failed']))}</td>"
            f"<td>{''.join(ev)}</td><td>{''.join(cited) or '—'}</td>"
            f"<td><em>{state}</em><div style=\"white-space:pre-wrap\">{_e(answer)}</div></td></tr>")
    rows.append("</table>")
    return "".join(rows)


def render_html(report: dict) -> str:
    """A self-contained page: inline CSS and SVG, no scripts, no external URLs."""
    s = report["set"]
    names = list(report["pipelines"])
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           f"<title>Eval report — {_e(s['path'])}</title><style>{CSS}</style></head><body>",
           f"<h1>Eval report: <code>{_e(s['path'])}</code></h1>",
           f"<p>created {_e(report['created'])}; {_e(s['questions'])} questions; set sha256 "
           f"<code>{_e(s['sha256'])}</code>; total {report['seconds']:.1f} s. "
           "Every metric is defined in <code>evals/metrics.py</code>.</p>"]
    out.append("<ul>")
    for n, p in report["pipelines"].items():
        info = p["info"]
        extra = ""
        if "index" in info:
            extra = (f"; encoder <code>{_e(info.get('encoder'))}</code>; index encoder "
                     f"<code>{_e(info['index'].get('encoder'))}</code>, corpus hash "
                     f"<code>{_e(info['index'].get('corpus_hash'))}</code>")
        elif "encoder" in info:
            extra = f"; encoder <code>{_e(info['encoder'])}</code>"
        out.append(f"<li><b>{_e(n)}</b>: {_e(info.get('name', n))}{extra}; {p['seconds']:.1f} s "
                   f"(+{p['warmup_ms'] / 1000:.1f} s warm-up)</li>")
    out.append("</ul>")
    if report["gates"]:
        verdict = '<span class="ok">PASSED</span>' if report["passed"] else '<span class="bad">FAILED</span>'
        out.append(f"<h2>Gates: {verdict}</h2><ul>")
        for g in report["gates"]:
            cls = "ok" if g["passed"] else "bad"
            out.append(f'<li><code>{_e(g["name"])}</code> ≥ {_e(g["min"])}: '
                       f'<span class="{cls}">{_e(fmt(g["value"]))}</span></li>')
        out.append("</ul>")
    out.append("<h2>Summary</h2><table><tr><th>metric</th>" +
               "".join(f"<th>{_e(h)}</th>" for h in summary_header(report)) + "</tr>")
    for m, cells in summary_rows(report):
        out.append(f"<tr><td>{_e(LABELS.get(m, m))}</td>" +
                   "".join(f'<td class="num">{_e(c)}</td>' for c in cells) + "</tr>")
    out.append("</table>")
    shown = ("recall@5", "mrr@10", "answer_acc", "citation_support", "citation_validity",
             "abstain_recall", "false_refusal_rate")
    out.append("<h2>Metrics by tag and source</h2>" + _legend(names))
    for dim in (*metrics.TAG_KEYS, "source"):
        out.append(f"<h3>{_e(dim)}</h3>{svg_by_group(report, dim, shown)}")
    out.append("<h2>Latency</h2>" + _legend(names) + svg_latency(report))
    for n in names:
        failed = sum(1 for q in report["questions"] if q[n]["failed"])
        body = _failures_html(report, n)
        title = f"Failures: {_e(n)} ({failed} of {len(report['questions'])})"
        if n == "assistant":
            out.append(f"<h2>{title}</h2>{body}")
        else:
            out.append(f"<details><summary><b>{title}</b></summary>{body}</details>")
    run_info = {n: p["info"] for n, p in report["pipelines"].items()}
    out.append("<h2>Run details</h2><pre>" + _e(json.dumps(
        {"command": report.get("command"), "set": {k: v for k, v in s.items() if k != "ids"},
         "sources": report.get("sources"), "pipelines": run_info}, ensure_ascii=False, indent=1)) + "</pre>")
    out.append("</body></html>\n")
    return "\n".join(out)


# ------------------------------------------------------------------ command line

def parse_minimums(items: list[str] | None) -> dict[str, float]:
    """``["recall@5=0.95", ...]`` -> ``{"recall@5": 0.95}``; ValueError naming the problem."""
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep:
            raise ValueError(f"--min {item!r}: expected NAME=VALUE")
        if name not in metrics.GATE_METRICS:
            raise ValueError(f"--min {item!r}: unknown metric {name!r}; known: "
                             + ", ".join(metrics.GATE_METRICS))
        try:
            out[name] = float(value)
        except ValueError:
            raise ValueError(f"--min {item!r}: {value!r} is not a number") from None
    return out


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of the ``run`` subcommand; sets ``run`` as its handler."""
    parser.description = ("Ask every question of an eval set through the assistant (the same "
                          "pipeline as the CLI and UI), judge the answers and write a report.")
    parser.add_argument("set", metavar="SET.jsonl", help="eval set (see evals/README.md)")
    parser.add_argument("--baseline", action="store_true",
                        help="also run the naive split+MiniLM+faiss pipeline (evals/baseline.py) and compare")
    parser.add_argument("--min", action="append", metavar="NAME=VALUE", default=[],
                        help="exit 1 when the assistant's metric is below VALUE (repeatable); names: "
                             + ", ".join(metrics.GATE_METRICS))
    parser.add_argument("--out", metavar="DIR",
                        help="report folder (default: evals/reports/<UTC timestamp>); must not exist or be empty")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N questions")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.set_defaults(handler=run)


def _command(args: argparse.Namespace) -> list[str]:
    cmd = ["python", "-m", "evals", "run", args.set]
    if args.baseline:
        cmd.append("--baseline")
    for m in args.min:
        cmd += ["--min", m]
    if args.out:
        cmd += ["--out", args.out]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    return cmd


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Handler of ``python -m evals run``."""
    try:
        minimums = parse_minimums(args.min)
    except ValueError as exc:
        _err(f"error: {exc}")
        return 2
    if args.limit is not None and args.limit < 1:
        _err("error: --limit must be at least 1")
        return 2
    set_path = Path(args.set)
    try:
        rows, warnings = load_set(set_path)
    except FileNotFoundError:
        _err(f"error: no such file: {set_path}")
        return 2
    except SetError as exc:
        for m in exc.messages:
            _err(f"error: {m}")
        _err(f"error: {set_path} is not a valid eval set (see `python -m evals check {set_path}`)")
        return 2
    for w in warnings:
        _err(f"warning: {w}")
    if args.limit is not None:
        rows = rows[: args.limit]
    out_dir = Path(args.out) if args.out else default_out_dir()
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        _err(f"error: {out_dir} already exists and is not an empty folder")
        return 2

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.errors import AssistantError
    from assistant.pipeline import Assistant

    try:
        assistant = Assistant(log=_err)
        baseline = None
        if args.baseline:
            from .baseline import Baseline

            _err("baseline: splitting and embedding the corpus ...")
            baseline = Baseline(assistant.settings.home, assistant.settings.corpus_dir,
                                threads=assistant.settings.threads)
        report = run_eval(rows, assistant, baseline=baseline, progress=not args.no_progress,
                          out_dir=out_dir, set_path=set_path, minimums=minimums,
                          command=_command(args))
    except KeyboardInterrupt:
        _err("interrupted: no report written")
        return 130
    except AssistantError as exc:
        _err(f"error: {exc}")
        return 2
    except FileExistsError as exc:
        _err(f"error: {exc}")
        return 2

    print(render_text_summary(report))
    shown = Path(os.path.relpath(out_dir)) if not str(os.path.relpath(out_dir)).startswith("..") else out_dir
    print(f"\nreport: {shown / 'report.html'} (also report.md, report.json)")
    if not report["passed"]:
        failed = [g for g in report["gates"] if not g["passed"]]
        _err("below minimum: " + ", ".join(f"{g['name']}={fmt(g['value'])} < {g['min']}" for g in failed))
        return 1
    return 0
