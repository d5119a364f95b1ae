"""Knowledge-base scale: 200 generated policy documents added, indexed, one changed, re-indexed.

Prints build time, incremental rebuild time after changing one document, and peak memory of
each build (each build runs in its own process).

    python bench/bench_kb.py [--docs 200] [--encoder use-multilingual]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOPICS = ["就业创业", "住房保障", "养老服务", "义务教育", "医疗卫生", "交通出行", "生态环境", "营商环境",
          "社区治理", "文化体育"]
GROUPS = ["高校毕业生", "老年人", "残疾人", "农村居民", "中小微企业", "新市民", "青年人才", "低收入群体"]


def make_document(i: int, rng: random.Random) -> str:
    topic = TOPICS[i % len(TOPICS)]
    lines = [f"成都市{topic}若干措施（第{i}号）", "一、总体要求",
             f"（一）目标。到2025年，{topic}服务覆盖率达{rng.randint(60, 99)}%以上。"]
    for part, name in (("二", "主要任务"), ("三", "保障措施")):
        lines.append(f"{part}、{name}")
        for j, cn in enumerate("一二三四", 1):
            lines.append(f"（{cn}）{topic}第{j}方面")
            for k in range(1, 4):
                group = rng.choice(GROUPS)
                lines.append(f"{k}.支持{group}。对符合条件的{group}给予补贴{rng.randint(1, 50) * 100}元，"
                             f"新增服务点{rng.randint(10, 500)}个，办理时限压缩到{rng.randint(1, 15)}个工作日。")
    return "\n".join(lines) + "\n"


def build(home: Path, index: Path, encoder: str) -> dict:
    code = ("import json,resource,sys; from pathlib import Path; from assistant.settings import Settings; "
            "from assistant.index import build_index; "
            f"f=build_index(Settings(home=Path({str(home)!r}), index_dir=Path({str(index)!r}), encoder={encoder!r}), "
            "progress=False, log=lambda m: None); "
            "f['peak_mib']=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024; print(json.dumps(f))")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_s"] = time.perf_counter() - t
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--encoder", default="use-multilingual")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from assistant.corpus import add_documents
    from assistant.settings import Settings

    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp(prefix="bench-kb-"))
    home, inbox, index = tmp / "home", tmp / "inbox", tmp / "index"
    shutil.copytree(REPO / "corpus", home / "corpus")
    inbox.mkdir()
    files = []
    for i in range(args.docs):
        path = inbox / f"measure-{i:03d}.txt"
        path.write_text(make_document(i, rng), encoding="utf-8")
        files.append(path)
    t = time.perf_counter()
    report = add_documents(Settings(home=home), files, progress=False)
    added_s = time.perf_counter() - t
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    print(f"added {len(report.added)} documents ({chars} characters) in {added_s:.2f} s; "
          f"{len(report.failed)} failed")

    full = build(home, index, args.encoder)
    print(f"full build:        {full['seconds']:7.2f} s  ({full['documents']} documents, {full['chunks']} chunks, "
          f"{full['units']} sentences embedded)  peak {full['peak_mib']:.0f} MiB")
    changed = home / report.added[0]["path"]
    changed.write_text(changed.read_text(encoding="utf-8") + "4.新增条款。补贴标准提高到每人8000元。\n",
                       encoding="utf-8")
    again = build(home, index, args.encoder)
    print(f"after changing one: {again['seconds']:6.2f} s  (re-embedded {again['embedded_documents']}, "
          f"reused {again['reused_documents']})  peak {again['peak_mib']:.0f} MiB")
    same = build(home, index, args.encoder)
    print(f"nothing changed:   {same['seconds']:7.2f} s  (re-embedded {same['embedded_documents']})")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
