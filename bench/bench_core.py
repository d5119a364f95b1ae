"""Speed and memory of the core pipeline, side by side with the textbook LangChain RAG.

Prints: warm answer latency p50/p95, cold `ask` to first answer, index build time of the
shipped corpus, and one batch of questions run by each pipeline in its own process (wall time
including imports and model loading, peak memory) with the ratios.

    python bench/bench_core.py [--set evals/sets/core.jsonl] [--limit N] [--no-baseline]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def questions(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def worker(kind: str, set_path: Path, limit: int | None, index_dir: str) -> None:
    """Run the whole batch in this process and print one JSON line of figures."""
    t0 = time.perf_counter()
    rows = questions(set_path, limit)
    if kind == "assistant":
        from assistant.pipeline import Assistant
        from assistant.settings import Settings

        pipe = Assistant(Settings.load(index_dir=Path(index_dir)), log=lambda m: None)
    else:
        from evals.baseline import Baseline

        pipe = Baseline(REPO, threads=min(2, os.cpu_count() or 1))
    latencies = []
    if kind == "assistant":
        # the way a batch is run (`ask --json -`): encoded a block at a time
        items = [(r["question"], r.get("history") or None) for r in rows]
        for at in range(0, len(items), 32):
            t = time.perf_counter()
            block = pipe.ask_many(items[at:at + 32])
            latencies += [(time.perf_counter() - t) * 1000 / len(block)] * len(block)
    else:
        for r in rows:
            t = time.perf_counter()
            pipe.ask(r["question"], r.get("history") or None)
            latencies.append((time.perf_counter() - t) * 1000)
    wall = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall_s": wall, "peak_mib": peak_mib, "latencies_ms": latencies}))


def run_worker(kind: str, args, index_dir: str) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, "--set", str(args.set), "--index", index_dir]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=REPO / "evals" / "sets" / "core.jsonl")
    parser.add_argument("--limit", type=int, help="first N questions only")
    parser.add_argument("--no-baseline", action="store_true", help="skip the textbook pipeline")
    parser.add_argument("--worker", choices=["assistant", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.set, args.limit, args.index)
        return

    from assistant.index import build_index
    from assistant.pipeline import Assistant
    from assistant.settings import Settings

    tmp = tempfile.mkdtemp(prefix="bench-index-")
    settings = Settings.load(index_dir=Path(tmp))
    build = build_index(settings, progress=False, log=lambda m: None)
    print(f"index build (shipped corpus, nothing cached): {build['seconds']:.2f} s "
          f"({build['chunks']} chunks, {build['units']} sentences)")

    env = dict(os.environ, ASSISTANT_INDEX_DIR=tmp)
    colds = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", "人才公寓打几折？"], cwd=REPO, env=env,
                       capture_output=True, check=True)
        colds.append(time.perf_counter() - t)
    print(f"cold `python -m assistant ask` to first answer: median {statistics.median(colds):.2f} s "
          f"(runs: {', '.join(f'{c:.2f}' for c in colds)})")

    rows = questions(args.set, args.limit)
    assistant = Assistant(settings, log=lambda m: None)
    for r in rows[:20]:
        assistant.ask(r["question"], r.get("history") or None)
    lat = []
    for _ in range(3):
        for r in rows:
            t = time.perf_counter()
            assistant.ask(r["question"], r.get("history") or None)
            lat.append((time.perf_counter() - t) * 1000)
    print(f"warm answer latency over {len(lat)} asks: p50 {pct(lat, 0.5):.1f} ms, p95 {pct(lat, 0.95):.1f} ms, "
          f"max {max(lat):.1f} ms")

    ours = run_worker("assistant", args, tmp)
    print(f"\nbatch of {len(rows)} questions, one process each (imports + loading included; ours runs "
          f"them as `ask --json -` does, encoded 32 at a time, so its ms are per question in a block):")
    print(f"  {'pipeline':32} {'wall s':>8} {'peak MiB':>9} {'p50 ms':>8} {'p95 ms':>8}")
    print(f"  {'policy-assistant':32} {ours['wall_s']:8.2f} {ours['peak_mib']:9.0f} "
          f"{pct(ours['latencies_ms'], .5):8.1f} {pct(ours['latencies_ms'], .95):8.1f}")
    if not args.no_baseline:
        base = run_worker("baseline", args, tmp)
        print(f"  {'textbook RAG (MiniLM, 500/50)':32} {base['wall_s']:8.2f} {base['peak_mib']:9.0f} "
              f"{pct(base['latencies_ms'], .5):8.1f} {pct(base['latencies_ms'], .95):8.1f}")
        print(f"  ratio (ours / textbook): wall {ours['wall_s'] / base['wall_s']:.2f}×, "
              f"peak memory {ours['peak_mib'] / base['peak_mib']:.2f}×")


if __name__ == "__main__":
    main()
