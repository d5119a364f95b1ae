"""Eval metrics: exact definitions, per question (``judge``) and aggregated (``summarize``).

Everything here is a pure function of its arguments: no file, clock or model access. Source
texts are passed in as a mapping ``{source: text}`` where ``source`` is the path relative to
the repo root exactly as rows and answers spell it (``"corpus/x.txt"``) and ``text`` is the
file read as UTF-8. A source missing from the mapping is an unknown source.

Definitions (``row`` is one eval-set line, ``ans`` the answer JSON of the pipeline):

evidence span
    For each evidence string ``e`` of the row: ``(s, s + len(e))`` where ``s`` is the offset of
    ``e`` in the row's source text (``evals.check`` guarantees it occurs exactly once). When an
    evidence string is not found, the row has no evidence spans and every evidence-based
    verdict of the row is false.

span containment
    ``[a, b)`` contains ``[s, e)`` when ``a <= s`` and ``e <= b``.

retrieval hit rank (answerable rows)
    The 1-based position, in ``ans["retrieved"]``, of the first chunk whose ``source`` equals
    the row's ``source`` and whose span ``[start, end)`` contains *every* evidence span of the
    row; ``None`` when no retrieved chunk does.
    ``recall@k`` = share of answerable rows with hit rank <= k.
    ``mrr@10`` = mean over answerable rows of ``1 / rank`` (0 when rank > 10 or no hit).

answer accuracy (answerable rows)
    Correct when ``ans["answered"]`` is true and the answer text contains one of the row's
    ``answers``, after removing all whitespace (``str.isspace``) from both, or failing that
    after also converting both to Simplified Chinese with ``assistant.script.to_simplified``.
    ``answer_acc`` = correct answerable rows / answerable rows.

citation validity (all rows, answered or not)
    A citation is valid when its ``source`` is a known source, ``start`` and ``end`` are
    integers with ``0 <= start <= end <= len(text)``, and ``text[start:end] == quote``.
    ``citation_validity`` = valid citations / all citations over all rows (``None`` when
    there are no citations); per row: valid / citations of that row.

citation support (answerable rows)
    Supported when the row is answered and every evidence span is contained in the span
    ``[start, end)`` of some *valid* citation whose ``source`` equals the row's ``source``
    (different evidence strings may be covered by different citations). A citation whose
    quote is not the text at its offsets supports nothing: the reader would not see the
    evidence. ``citation_support`` = supported rows / answerable rows.

abstention (positive class = abstained, i.e. ``answered`` is false)
    ``abstain_precision`` = abstained out-of-scope rows / abstained rows (``None`` when the
    pipeline never abstains).
    ``abstain_recall`` = abstained out-of-scope rows / out-of-scope rows (``None`` when the
    set has no out-of-scope rows).
    ``false_refusal_rate`` = abstained answerable rows / answerable rows.
    A row is out of scope when ``answerable`` is false.

latency
    Wall-clock milliseconds of one ``ask`` call. ``latency_p50_ms`` / ``latency_p95_ms`` are
    percentiles with linear interpolation between closest ranks (numpy's default method):
    for sorted values ``v[0..n-1]``, position ``p/100 * (n-1)``.

errors
    A question whose ``ask`` raised (or whose answer is not a JSON object) counts as not
    answered, with no citations and no retrieved chunks; it is listed in ``errors``.

A rate whose denominator is zero is ``None`` (shown as "n/a"), never 0 or 1.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from assistant.script import to_simplified

# Metrics that ``--min NAME=VALUE`` can gate on (higher is better for all of them).
GATE_METRICS = (
    "recall@1", "recall@5", "mrr@10", "answer_acc", "citation_validity", "citation_support",
    "abstain_precision", "abstain_recall",
)
# Quality metrics in display order, then the others shown in summary tables.
QUALITY_METRICS = GATE_METRICS + ("false_refusal_rate",)
LATENCY_METRICS = ("latency_p50_ms", "latency_p95_ms")
TAG_KEYS = ("section", "persona", "script", "kind")

# The JSON contract of one answer: field -> accepted types.
_ANSWER_FIELDS = {
    "question": (str,), "answered": (bool,), "answer": (str,), "citations": (list,),
    "retrieved": (list,), "searched": (str,), "script": (str,), "notices": (list,),
}
_CITATION_FIELDS = {"source": (str,), "section": (str,), "quote": (str,), "start": (int,),
                    "end": (int,)}
_RETRIEVED_FIELDS = {"source": (str,), "section": (str,), "start": (int,), "end": (int,),
                     "score": (int, float), "chunk_id": (str,)}

_SPACE = re.compile(r"\s+")


# ------------------------------------------------------------------ building blocks

def normalize(text: str) -> str:
    """``text`` with every whitespace character removed."""
    return _SPACE.sub("", text)


def evidence_spans(text: str | None, evidence: Sequence[str]) -> list[tuple[int, int]] | None:
    """``[(start, end)]`` of each evidence string (first occurrence) in ``text``;
    ``None`` when the text is unknown or some evidence string does not occur in it."""
    if text is None:
        return None
    spans = []
    for e in evidence:
        s = text.find(e)
        if s < 0 or not e:
            return None
        spans.append((s, s + len(e)))
    return spans


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """True when the span ``[outer)`` contains the span ``[inner)``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _span(obj) -> tuple[int, int] | None:
    if not isinstance(obj, Mapping):
        return None
    s, e = obj.get("start"), obj.get("end")
    if type(s) is not int or type(e) is not int:  # bool is not an offset
        return None
    return s, e


def hit_rank(retrieved: Sequence, source: str, spans: Sequence[tuple[int, int]] | None) -> int | None:
    """1-based rank of the first retrieved chunk of ``source`` containing every span."""
    if not spans:
        return None
    for rank, chunk in enumerate(retrieved, start=1):
        span = _span(chunk)
        if span is None or chunk.get("source") != source:
            continue
        if all(contains(span, sp) for sp in spans):
            return rank
    return None


def answer_match(answer: str, answers: Sequence[str]) -> str | None:
    """The first of ``answers`` contained in ``answer`` (whitespace removed; then also both
    converted to Simplified), or ``None``."""
    if not isinstance(answer, str):
        return None
    got = normalize(answer)
    got_s = None
    for want in answers:
        w = normalize(want)
        if not w:
            continue
        if w in got:
            return want
        if got_s is None:
            got_s = to_simplified(got)
        if to_simplified(w) in got_s:
            return want
    return None


def citation_problem(citation, texts: Mapping[str, str]) -> str | None:
    """Why a citation is invalid, or ``None`` when ``text[start:end] == quote``."""
    if not isinstance(citation, Mapping):
        return f"citation is a {type(citation).__name__}, not an object"
    source = citation.get("source")
    if not isinstance(source, str) or source not in texts:
        return f"unknown source {source!r}"
    span = _span(citation)
    if span is None:
        return f"start/end are not integers ({citation.get('start')!r}, {citation.get('end')!r})"
    text = texts[source]
    s, e = span
    if not 0 <= s <= e <= len(text):
        return f"offsets {s}:{e} outside the text (length {len(text)})"
    quote = citation.get("quote")
    if not isinstance(quote, str):
        return "quote is not a string"
    if text[s:e] != quote:
        return f"quote differs from {source}[{s}:{e}] = {text[s:e][:60]!r}"
    return None


def is_supported(citations: Sequence, source: str, spans: Sequence[tuple[int, int]] | None,
                 texts: Mapping[str, str]) -> bool:
    """Every span is contained in some valid citation of ``source``."""
    if not spans:
        return False
    cited = [_span(c) for c in citations
             if isinstance(c, Mapping) and c.get("source") == source
             and citation_problem(c, texts) is None]
    return all(any(contains(c, sp) for c in cited) for sp in spans)


def percentile(values: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0..100), linear interpolation between closest ranks."""
    if not values:
        return None
    v = sorted(values)
    pos = p / 100 * (len(v) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def rate(num: int | float, den: int | float) -> float | None:
    """``num / den``, or ``None`` when ``den`` is 0."""
    return num / den if den else None


def ratio(a: float | None, b: float | None) -> float | None:
    """``a / b``; ``None`` when either is undefined or ``b`` is 0."""
    if a is None or b is None or b == 0:
        return None
    return a / b


def contract_problems(ans) -> list[str]:
    """Ways an answer breaks the JSON contract (empty when it keeps it)."""
    if not isinstance(ans, Mapping):
        return [f"answer is a {type(ans).__name__}, not a JSON object"]
    out = []
    for name, types in _ANSWER_FIELDS.items():
        if name not in ans:
            out.append(f"missing field '{name}'")
        elif not isinstance(ans[name], types) or (bool not in types and isinstance(ans[name], bool)):
            out.append(f"field '{name}' is a {type(ans[name]).__name__}")
    for key, fields in (("citations", _CITATION_FIELDS), ("retrieved", _RETRIEVED_FIELDS)):
        items = ans.get(key)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, Mapping):
                out.append(f"{key}[{i}] is a {type(item).__name__}, not an object")
                continue
            for name, types in fields.items():
                if name not in item:
                    out.append(f"{key}[{i}] missing '{name}'")
                elif not isinstance(item[name], types) or isinstance(item[name], bool):
                    out.append(f"{key}[{i}].{name} is a {type(item[name]).__name__}")
            src = item.get("source")
            if isinstance(src, str) and (src.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", src)
                                         or ".." in src.replace("\\", "/").split("/")):
                out.append(f"{key}[{i}].source {src!r} is not relative to the repo root")
            span = _span(item)
            if span and span[0] > span[1]:
                out.append(f"{key}[{i}] has start {span[0]} > end {span[1]}")
    return out


# ------------------------------------------------------------------ one question

def judge(row: Mapping, ans, latency_ms: float | None, texts: Mapping[str, str],
          error: str | None = None) -> dict:
    """Verdicts of one answer to one eval row (see the module docstring).

    ``ans`` is the answer JSON (``Answer.to_json()``), or ``None`` when ``ask`` failed with
    ``error``. Verdicts that do not apply to the row (e.g. answer accuracy for an
    out-of-scope row) are ``None``.
    """
    problems = contract_problems(ans) if error is None else []
    if not isinstance(ans, Mapping):
        if error is None:
            error = problems[0]
        ans = {}
    answerable = bool(row.get("answerable"))
    answered = ans.get("answered") is True and error is None
    citations = ans.get("citations") if isinstance(ans.get("citations"), list) else []
    retrieved = ans.get("retrieved") if isinstance(ans.get("retrieved"), list) else []
    source = row.get("source")

    invalid = []
    for i, c in enumerate(citations):
        why = citation_problem(c, texts)
        if why is not None:
            invalid.append({"index": i, "reason": why})
    n_cit = len(citations)

    v = {
        "answerable": answerable,
        "answered": answered,
        "abstained": not answered,
        "abstention_correct": (not answered) == (not answerable),
        "error": error,
        "contract_problems": problems,
        "latency_ms": latency_ms,
        "citations": n_cit,
        "citations_valid": n_cit - len(invalid),
        "citation_validity": rate(n_cit - len(invalid), n_cit),
        "invalid_citations": invalid,
        "evidence_spans": None,
        "hit_rank": None, "hit@1": None, "hit@5": None, "rr@10": None,
        "answer_correct": None, "matched_answer": None,
        "supported": None,
    }
    if answerable:
        spans = evidence_spans(texts.get(source) if isinstance(source, str) else None,
                               row.get("evidence") or [])
        rank = hit_rank(retrieved, source, spans)
        match = answer_match(ans.get("answer", ""), row.get("answers") or []) if answered else None
        v.update({
            "evidence_spans": [list(s) for s in spans] if spans is not None else None,
            "hit_rank": rank,
            "hit@1": rank is not None and rank <= 1,
            "hit@5": rank is not None and rank <= 5,
            "rr@10": 1.0 / rank if rank is not None and rank <= 10 else 0.0,
            "answer_correct": match is not None,
            "matched_answer": match,
            "supported": answered and is_supported(citations, source, spans, texts),
        })
    return v


def failed_checks(v: Mapping) -> list[str]:
    """Names of the verdicts a question failed (empty when it passed everything)."""
    out = []
    if v.get("error"):
        out.append("error")
    if v.get("contract_problems"):
        out.append("contract")
    if v["answerable"]:
        if not v["hit@5"]:
            out.append("retrieval@5")
        if not v["answered"]:
            out.append("false refusal")
        elif not v["answer_correct"]:
            out.append("answer")
        if v["answered"] and not v["supported"]:
            out.append("support")
    elif v["answered"]:
        out.append("answered out-of-scope")
    if v["citations_valid"] < v["citations"]:
        out.append("invalid citation")
    return out


# ------------------------------------------------------------------ aggregates

def summarize(verdicts: Sequence[Mapping]) -> dict:
    """Aggregate metrics over a list of ``judge`` verdicts."""
    ans_rows = [v for v in verdicts if v["answerable"]]
    oos_rows = [v for v in verdicts if not v["answerable"]]
    abstained = [v for v in verdicts if v["abstained"]]
    n_a = len(ans_rows)
    n_cit = sum(v["citations"] for v in verdicts)
    n_valid = sum(v["citations_valid"] for v in verdicts)
    lat = [v["latency_ms"] for v in verdicts if v.get("latency_ms") is not None and not v.get("error")]
    return {
        "questions": len(verdicts),
        "answerable": n_a,
        "out_of_scope": len(oos_rows),
        "answered": sum(1 for v in verdicts if v["answered"]),
        "abstained": len(abstained),
        "errors": sum(1 for v in verdicts if v.get("error")),
        "contract_violations": sum(1 for v in verdicts if v.get("contract_problems")),
        "recall@1": rate(sum(1 for v in ans_rows if v["hit@1"]), n_a),
        "recall@5": rate(sum(1 for v in ans_rows if v["hit@5"]), n_a),
        "mrr@10": rate(sum(v["rr@10"] for v in ans_rows), n_a),
        "answer_acc": rate(sum(1 for v in ans_rows if v["answer_correct"]), n_a),
        "citations": n_cit,
        "citations_valid": n_valid,
        "citation_validity": rate(n_valid, n_cit),
        "citation_support": rate(sum(1 for v in ans_rows if v["supported"]), n_a),
        "abstain_precision": rate(sum(1 for v in oos_rows if v["abstained"]), len(abstained)),
        "abstain_recall": rate(sum(1 for v in oos_rows if v["abstained"]), len(oos_rows)),
        "false_refusal_rate": rate(sum(1 for v in ans_rows if v["abstained"]), n_a),
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
        "latency_mean_ms": sum(lat) / len(lat) if lat else None,
    }


def group_keys(row: Mapping) -> list[tuple[str, str]]:
    """The (dimension, value) groups a row belongs to: each tag, and its source."""
    tags = row.get("tags") if isinstance(row.get("tags"), Mapping) else {}
    out = [(k, str(tags.get(k, "?"))) for k in TAG_KEYS]
    out.append(("source", str(row.get("source", "?"))))
    return out


def breakdowns(rows: Sequence[Mapping], verdicts: Sequence[Mapping]) -> dict:
    """``{dimension: {value: summarize(rows of that value)}}`` for each tag key and source,
    values in order of first appearance in ``rows`` (sets follow the document's order)."""
    groups: dict[str, dict[str, list]] = {k: {} for k in (*TAG_KEYS, "source")}
    for row, v in zip(rows, verdicts):
        for dim, value in group_keys(row):
            groups[dim].setdefault(value, []).append(v)
    return {dim: {value: summarize(vs) for value, vs in by.items()}
            for dim, by in groups.items()}


def gate(summary: Mapping, minimums: Mapping[str, float]) -> list[dict]:
    """``--min`` checks: one ``{name, min, value, passed}`` each; an undefined value fails."""
    out = []
    for name, want in minimums.items():
        value = summary.get(name)
        out.append({"name": name, "min": want, "value": value,
                    "passed": value is not None and value >= want})
    return out
