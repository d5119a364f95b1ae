"""Command line: `python -m assistant ask|index|corpus|entitlements ...`.

The only place (with the UI) that turns library errors into messages and exit codes.
"""

from __future__ import annotations

import argparse
import json
import sys

from .errors import AssistantError, BadQuestionError
from .settings import DEFAULT_ENCODER, Settings

EPILOG = """examples:
  python -m assistant ask "人才公寓打几折？"
  python -m assistant ask --json "How many days can I stay free at the talent station?"
  printf '人才公寓打几折\\n第九项工程叫什么\\n' | python -m assistant ask --json -
  python -m assistant index build
  python -m assistant index status
  python -m assistant corpus add notice.pdf rules.docx --title "…"

settings come from defaults, then ASSISTANT_* environment variables, then flags;
e.g. ASSISTANT_ENCODER=st:/models/bge-small-zh-v1.5 uses a local sentence-transformers model."""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", dest="corpus_dir", help="corpus folder (default: ./corpus)")
    p.add_argument("--index", dest="index_dir", help="index folder (default: ./index)")
    p.add_argument("--encoder", help=f"dense encoder: {DEFAULT_ENCODER} (default), "
                                     "st:<local model path or name>, or none")
    p.add_argument("--threads", type=int, help="CPU threads for the encoder (default: up to 2)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Answers questions about Chengdu policy with verbatim, checkable citations.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question (or one per line from stdin with '-')",
                         description="Answer a question from the corpus, citing the clauses used. "
                                     "With '-' read one question per line from stdin; each line is "
                                     "answered independently, in order, one JSON object per line with --json.",
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         epilog='examples:\n  python -m assistant ask "蓉漂驿站能免费住几天？"\n'
                                '  python -m assistant ask --json - < questions.txt')
    ask.add_argument("question", help="the question, or '-' to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print the JSON contract instead of text")
    ask.add_argument("--history", help="JSON list of earlier turns [{role, content}] for a follow-up")
    ask.add_argument("--no-build", action="store_true",
                     help="fail instead of building the index when it is missing or stale")
    _common(ask)

    index = sub.add_parser("index", help="build or inspect the retrieval index")
    isub = index.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = isub.add_parser("build", help="(re)build the index; unchanged documents are not re-embedded")
    b.add_argument("--quiet", action="store_true", help="no progress output")
    _common(b)
    st = isub.add_parser("status", help="show what the index was built from and whether it is current")
    _common(st)

    corpus = sub.add_parser("corpus", help="add, list or remove documents of the knowledge base")
    csub = corpus.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = csub.add_parser("add", help="add .txt/.md/.pdf/.docx/.html files (GBK is detected)")
    add.add_argument("files", nargs="+")
    add.add_argument("--title")
    add.add_argument("--issuer")
    add.add_argument("--doc-number", help="文号, e.g. 成办发〔2021〕12号")
    add.add_argument("--date")
    add.add_argument("--kind", choices=["policy", "related"], default="policy")
    add.add_argument("--provenance", default="", help="where the document comes from")
    _common(add)
    ls = csub.add_parser("list", help="list the documents")
    _common(ls)
    rm = csub.add_parser("remove", help="remove a document by id")
    rm.add_argument("id")
    _common(rm)

    ent = sub.add_parser("entitlements", help="what people and businesses can get, with citations")
    ent.add_argument("--for", dest="for_", metavar="WHO",
                     help="who benefits, either script: 青年人才, 高校毕业生, 老年人, 儿童, 残疾人, 中小微企业 ...")
    ent.add_argument("--section", help="section code prefix, e.g. 二(八)")
    fmt = ent.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    ent.add_argument("--coverage", action="store_true", help="print how many figures were captured")
    _common(ent)
    return parser


def _settings(args, **extra) -> Settings:
    return Settings.load(corpus_dir=getattr(args, "corpus_dir", None),
                         index_dir=getattr(args, "index_dir", None),
                         encoder=getattr(args, "encoder", None), threads=getattr(args, "threads", None),
                         **extra)


def _log(msg: str) -> None:
    print(msg, file=sys.stderr)


def render_text(ans) -> str:
    lines = [ans.answer]
    if ans.searched != ans.question:
        lines.append(f"[searched: {ans.searched}]")
    for n in ans.notices:
        lines.append(f"[notice: {n}]")
    if ans.citations:
        lines.append("")
        lines.append("引用 / citations:" if ans.answered else "相关条款 / related clauses:")
        for i, c in enumerate(ans.citations, 1):
            lines.append(f"[{i}] {c.label()}  {c.source}:{c.start}-{c.end}")
            lines.append(f"    “{c.quote}”")
    return "\n".join(lines)


def cmd_ask(args) -> int:
    from .pipeline import Assistant

    settings = _settings(args, auto_build=False if args.no_build else None)
    history = None
    if args.history:
        try:
            history = json.loads(args.history)
        except ValueError as e:
            raise BadQuestionError(f"--history is not valid JSON ({e}): give a list like "
                                   '[{"role": "user", "content": "人才公寓打几折"}]') from e
    if args.question == "-":
        assistant = Assistant(settings, log=_log)
        # questions piped in are encoded a block at a time; typed ones are answered at once
        block = 1 if sys.stdin.isatty() else 32
        pending: list[tuple[int, str]] = []

        def flush() -> None:
            answers = assistant.ask_many([q for _, q in pending])
            for (lineno, question), ans in zip(pending, answers):
                if isinstance(ans, BadQuestionError):
                    out = {"question": question, "error": str(ans), "line": lineno}
                    print(json.dumps(out, ensure_ascii=False) if args.json else f"line {lineno}: {ans}")
                else:
                    print(json.dumps(ans.to_json(), ensure_ascii=False) if args.json
                          else render_text(ans) + "\n")
            sys.stdout.flush()
            pending.clear()

        for lineno, line in enumerate(sys.stdin, 1):
            if line.strip():
                pending.append((lineno, line.rstrip("\n")))
            if len(pending) >= block:
                flush()
        flush()
        return 0
    from .question import clean_question

    clean_question(args.question, settings.max_question_chars)  # fail fast, before loading
    assistant = Assistant(settings, log=_log)
    ans = assistant.ask(args.question, history)
    print(json.dumps(ans.to_json(), ensure_ascii=False, indent=2) if args.json else render_text(ans))
    return 0


def cmd_index(args) -> int:
    from .index import build_index, check_fresh, read_manifest
    from .ingest import load_documents

    settings = _settings(args)
    if args.action == "build":
        figures = build_index(settings, progress=not args.quiet, log=_log)
        print(f"index built: {figures['documents']} documents, {figures['chunks']} chunks, "
              f"{figures['units']} sentences; embedded {figures['embedded_documents']} document(s), "
              f"reused {figures['reused_documents']}; encoder {figures['encoder']}; "
              f"{figures['seconds']:.2f} s → {figures['path']}")
        return 0
    manifest = read_manifest(settings.index_dir)
    docs = load_documents(settings.corpus_dir)
    print(json.dumps({k: manifest[k] for k in ("encoder", "dim", "chunker_version", "counts", "built_at")},
                     ensure_ascii=False, indent=2))
    check_fresh(manifest, settings, docs)
    print("index is current")
    return 0


def cmd_corpus(args) -> int:
    from . import corpus

    settings = _settings(args)
    if args.action == "add":
        report = corpus.add_documents(settings, args.files, title=args.title, issuer=args.issuer,
                                      doc_number=args.doc_number, date=args.date, kind=args.kind,
                                      provenance=args.provenance)
        for e in report.added:
            print(f"added {e['id']}: {e.get('title', '')} → {e['path']}")
        for path, reason in report.failed:
            print(f"failed {path}: {reason}", file=sys.stderr)
        if report.added:
            print("run `python -m assistant index build` to index the new documents")
        return 0 if not report.failed else (1 if not report.added else 3)
    if args.action == "list":
        for d in corpus.list_documents(settings):
            flag = "" if d.get("verified", True) else "  [unverified public copy]"
            print(f"{d['id']:32} {d['kind']:8} {d['chars']:>7} chars  {d['title']}{flag}")
        return 0
    removed = corpus.remove_document(settings, args.id)
    print(f"removed {removed['id']}; run `python -m assistant index build`")
    return 0


def cmd_entitlements(args) -> int:
    from . import entitlements
    from .ingest import load_documents

    settings = _settings(args)
    docs = load_documents(settings.corpus_dir)
    rows = entitlements.build_register(docs)
    if args.coverage:
        cov = entitlements.coverage(docs, rows)
        print(cov.summary() if hasattr(cov, "summary") else cov, file=sys.stderr)
    rows = entitlements.filter_rows(rows, for_=args.for_, section=args.section)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
    elif args.csv:
        sys.stdout.write(entitlements.to_csv(rows))
    else:
        print(entitlements.main_table(rows))
    return 0


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"ask": cmd_ask, "index": cmd_index, "corpus": cmd_corpus,
                "entitlements": cmd_entitlements}
    try:
        return handlers[args.command](args)
    except AssistantError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
