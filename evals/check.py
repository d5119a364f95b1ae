"""Validate eval sets (JSONL, one question per line); see evals/README.md for the format.

``check_set(path)`` returns a :class:`CheckResult`; ``run(args)`` is the handler of
``python -m evals check SET.jsonl [SET2 ...]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# field name -> (accepted Python types, human-readable type name)
REQUIRED_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str,), "string"),
    "question": ((str,), "string"),
    "answerable": ((bool,), "boolean"),
    "evidence": ((list,), "list of strings"),
    "answers": ((list,), "list of strings"),
    "source": ((str,), "string"),
    "tags": ((dict,), "object"),
    "history": ((list,), "list of {role, content}"),
}

TAG_VALUES: dict[str, frozenset[str] | None] = {
    "section": None,  # free text, e.g. "一", "二(三)"
    "persona": frozenset({"resident", "staff"}),
    "script": frozenset({"simplified", "traditional", "english"}),
    "kind": frozenset({"fact", "list", "section", "follow-up", "out-of-scope"}),
}

HISTORY_ROLES = frozenset({"user", "assistant"})


@dataclass
class CheckResult:
    """Outcome of checking one set file."""

    path: Path
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    n_questions: int = 0
    n_answerable: int = 0
    by_script: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    by_persona: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def n_out_of_scope(self) -> int:
        return self.n_questions - self.n_answerable

    def summary(self) -> str:
        """One line: status and counts by tag."""

        def fmt(counter: Counter) -> str:
            return " ".join(f"{k}={v}" for k, v in sorted(counter.items())) or "-"

        status = "OK" if self.ok else f"INVALID ({len(self.errors)} errors)"
        return (
            f"{self.path}: {status}: {self.n_questions} questions, "
            f"{self.n_answerable} answerable, {self.n_out_of_scope} out-of-scope; "
            f"script: {fmt(self.by_script)}; kind: {fmt(self.by_kind)}; "
            f"persona: {fmt(self.by_persona)}; {len(self.warnings)} warnings"
        )


def count_occurrences(text: str, sub: str) -> int:
    """Occurrences of ``sub`` in ``text``, overlapping ones included."""
    count, start = 0, 0
    while True:
        i = text.find(sub, start)
        if i < 0:
            return count
        count += 1
        start = i + 1


def source_candidates(source: str, set_path: Path) -> list[Path]:
    """Where a ``source`` value may point: as given (relative to the current
    directory), then relative to the repo root, taken to be the set file's
    grandparent's parent (``<repo>/evals/sets/x.jsonl`` -> ``<repo>``)."""
    p = Path(source)
    if p.is_absolute():
        return [p]
    out = [Path.cwd() / p]
    parents = set_path.resolve().parents
    if len(parents) > 2:
        out.append(parents[2] / p)
    return out


def _check_types(obj: dict, where: str, result: CheckResult) -> bool:
    """Check required fields and their types; return True when all usable."""
    good = True
    for name, (types, tname) in REQUIRED_FIELDS.items():
        if name not in obj:
            result.errors.append(f"{where}: missing required field '{name}'")
            good = False
            continue
        value = obj[name]
        # bool is a subclass of int, but no field accepts int, so isinstance is fine.
        if not isinstance(value, types):
            result.errors.append(
                f"{where}: field '{name}' must be a {tname}, got {type(value).__name__}"
            )
            good = False
    for name in obj:
        if name not in REQUIRED_FIELDS:
            result.warnings.append(f"{where}: unknown field '{name}' (ignored)")

    for name in ("id", "question", "source"):
        if isinstance(obj.get(name), str) and not obj[name].strip():
            result.errors.append(f"{where}: field '{name}' must not be empty")
            good = False
    for name in ("evidence", "answers"):
        value = obj.get(name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                if not isinstance(item, str):
                    result.errors.append(
                        f"{where}: {name}[{i}] must be a string, got {type(item).__name__}"
                    )
                    good = False
                elif not item.strip():
                    result.errors.append(f"{where}: {name}[{i}] must not be empty")
                    good = False

    tags = obj.get("tags")
    if isinstance(tags, dict):
        for key, allowed in TAG_VALUES.items():
            if key not in tags:
                result.errors.append(f"{where}: tags missing '{key}'")
                good = False
            elif not isinstance(tags[key], str):
                result.errors.append(
                    f"{where}: tags.{key} must be a string, got {type(tags[key]).__name__}"
                )
                good = False
            elif allowed is not None and tags[key] not in allowed:
                result.errors.append(
                    f"{where}: tags.{key} is {tags[key]!r}, expected one of {sorted(allowed)}"
                )
                good = False
        for key in tags:
            if key not in TAG_VALUES:
                result.warnings.append(f"{where}: unknown tag '{key}' (ignored)")

    history = obj.get("history")
    if isinstance(history, list):
        for i, turn in enumerate(history):
            if not isinstance(turn, dict):
                result.errors.append(
                    f"{where}: history[{i}] must be an object {{role, content}}, "
                    f"got {type(turn).__name__}"
                )
                good = False
                continue
            role, content = turn.get("role"), turn.get("content")
            if role not in HISTORY_ROLES:
                result.errors.append(
                    f"{where}: history[{i}].role must be 'user' or 'assistant', got {role!r}"
                )
                good = False
            if not isinstance(content, str):
                result.errors.append(f"{where}: history[{i}].content must be a string")
                good = False
            extra = sorted(set(turn) - {"role", "content"})
            if extra:
                result.warnings.append(f"{where}: history[{i}] has unknown keys {extra}")
    return good


def _check_consistency(obj: dict, where: str, result: CheckResult) -> None:
    answerable, evidence, answers = obj["answerable"], obj["evidence"], obj["answers"]
    kind = obj["tags"]["kind"]
    if answerable and not evidence:
        result.errors.append(f"{where}: answerable=true but evidence is empty")
    if answerable and not answers:
        result.warnings.append(f"{where}: answerable=true but answers is empty")
    if not answerable and (evidence or answers):
        result.warnings.append(
            f"{where}: answerable=false but evidence/answers are not empty"
        )
    if (kind == "out-of-scope") == bool(answerable):
        result.warnings.append(
            f"{where}: tags.kind={kind!r} does not match answerable={answerable}"
        )
    if kind == "follow-up" and not obj["history"]:
        result.warnings.append(f"{where}: tags.kind='follow-up' but history is empty")


def check_set(path: str | Path) -> CheckResult:
    """Check one JSONL eval set. Raises FileNotFoundError when ``path`` is missing."""
    path = Path(path)
    result = CheckResult(path=path)
    raw = path.read_bytes()  # FileNotFoundError / IsADirectoryError propagate

    seen_ids: dict[str, int] = {}
    # (id, line, evidence, source) for the evidence check at the end
    evidence_refs: list[tuple[str, int, str, str]] = []

    for lineno, raw_line in enumerate(raw.splitlines(), start=1):
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            result.errors.append(f"{path}:{lineno}: not valid UTF-8 ({exc.reason})")
            continue
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(f"{path}:{lineno}: malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            result.errors.append(
                f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}"
            )
            continue

        result.n_questions += 1
        qid = obj.get("id") if isinstance(obj.get("id"), str) and obj.get("id") else None
        where = f"{path}:{lineno}: id {qid!r}" if qid else f"{path}:{lineno}: <no id>"

        if qid is not None:
            if qid in seen_ids:
                result.errors.append(
                    f"{where}: duplicate id (first used on line {seen_ids[qid]})"
                )
            else:
                seen_ids[qid] = lineno

        good = _check_types(obj, where, result)

        # counts by tag, from whatever is usable
        if obj.get("answerable") is True:
            result.n_answerable += 1
        tags = obj.get("tags") if isinstance(obj.get("tags"), dict) else {}
        for key, counter in (
            ("script", result.by_script),
            ("kind", result.by_kind),
            ("persona", result.by_persona),
        ):
            value = tags.get(key)
            counter[value if isinstance(value, str) else "?"] += 1

        if not good:
            continue
        _check_consistency(obj, where, result)
        for ev in obj["evidence"]:
            evidence_refs.append((qid or "<no id>", lineno, ev, obj["source"]))

    if result.n_questions == 0 and not result.errors:
        result.errors.append(f"{path}: no questions in file")

    _check_evidence(path, evidence_refs, result)
    return result


def _check_evidence(
    path: Path, refs: list[tuple[str, int, str, str]], result: CheckResult
) -> None:
    """Each evidence string must occur exactly once in its source file."""
    texts: dict[str, str | None] = {}
    missing: dict[str, list[str]] = {}
    bad: list[tuple[str, int, str, str, int]] = []
    for qid, lineno, ev, source in refs:
        if source not in texts:
            texts[source] = None
            for cand in source_candidates(source, path):
                if cand.is_file():
                    texts[source] = cand.read_text(encoding="utf-8-sig")
                    break
        text = texts[source]
        if text is None:
            ids = missing.setdefault(source, [])
            if qid not in ids:
                ids.append(qid)
            continue
        n = count_occurrences(text, ev)
        if n != 1:
            bad.append((qid, lineno, ev, source, n))

    for source, ids in missing.items():
        tried = ", ".join(str(c) for c in source_candidates(source, path))
        result.errors.append(
            f"{path}: source file {source!r} not found (tried {tried}); ids: {', '.join(ids)}"
        )
    if bad:
        ids = list(dict.fromkeys(b[0] for b in bad))
        lines = [
            f"{path}: evidence must occur exactly once in its source; "
            f"failing ids: {', '.join(ids)}"
        ]
        for qid, lineno, ev, source, n in bad:
            lines.append(f"    id {qid!r} (line {lineno}): {ev!r} occurs {n} times in {source}")
        result.errors.append("\n".join(lines))


# --- command line ------------------------------------------------------------


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Arguments of the ``check`` subcommand; sets ``run`` as its handler."""
    parser.add_argument("sets", nargs="+", metavar="SET.jsonl", help="eval set file(s) to check")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handler of ``python -m evals check``: 0 valid, 1 invalid, 2 usage error."""
    paths = [Path(p) for p in args.sets]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        for p in missing:
            print(f"error: no such file: {p}", file=sys.stderr)
        return 2

    results = [check_set(p) for p in paths]
    for r in results:
        for e in r.errors:
            print(f"ERROR {e}")
        for w in r.warnings:
            print(f"warning {w}")
    for r in results:
        print(r.summary())
    if len(results) > 1:
        total_q = sum(r.n_questions for r in results)
        total_e = sum(len(r.errors) for r in results)
        print(f"total: {len(results)} sets, {total_q} questions, {total_e} errors")
    return 0 if all(r.ok for r in results) else 1
