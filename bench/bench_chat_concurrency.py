"""Concurrent load on the web app's /chat API: N gradio_client clients, a bounded number of requests.

    python bench/bench_chat_concurrency.py                    # starts app.py on a free port
    python bench/bench_chat_concurrency.py --url http://127.0.0.1:7860/ --clients 20 --requests 200

Prints the error count (must be 0) and latency percentiles (p50/p95/max) of the requests as a
client sees them (queueing included); exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from assistant.ui import EXAMPLES  # noqa: E402  (the app's own example questions)

QUESTIONS = EXAMPLES + [
    "人才租金补贴怎么申请？",
    "第九项工程叫什么？",
    "北京的老旧小区改造有补贴吗",
    "How many days can I stay free at the talent station?",
]
NOT_READY = "索引仍在加载"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, log_path: Path) -> subprocess.Popen:
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1")
    log = open(log_path, "w", encoding="utf-8")
    return subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], cwd=ROOT,
                            env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(url: str, proc: subprocess.Popen | None, timeout: float = 180) -> None:
    from gradio_client import Client

    deadline = time.time() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if time.time() > deadline:
                raise SystemExit(f"{url} did not answer within {timeout} s")
            time.sleep(0.3)
    client = Client(url, verbose=False)
    while True:
        answer, _ = client.predict("人才公寓打几折", "[]", api_name="/chat")
        if NOT_READY not in str(answer.get("error", "")):
            return
        if time.time() > deadline:
            raise SystemExit("the index did not finish loading")
        time.sleep(0.5)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def run(url: str, clients: int, requests: int) -> dict:
    from gradio_client import Client

    counter = itertools.count()
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    barrier = threading.Barrier(clients)

    def worker(n: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as e:  # noqa: BLE001 - counted
            with lock:
                errors.append(f"client {n}: {type(e).__name__}: {e}")
            barrier.abort()
            return
        try:
            barrier.wait(60)
        except threading.BrokenBarrierError:
            pass
        while True:
            i = next(counter)
            if i >= requests:
                return
            q = QUESTIONS[i % len(QUESTIONS)]
            t = time.perf_counter()
            try:
                answer, rendered = client.predict(q, "[]", api_name="/chat")
                ms = (time.perf_counter() - t) * 1000
                problem = None
                if not isinstance(answer, dict) or "error" in answer:
                    problem = f"{q}: {answer.get('error') if isinstance(answer, dict) else answer!r}"
                elif not isinstance(answer.get("answered"), bool) or not isinstance(rendered, str):
                    problem = f"{q}: malformed result"
            except Exception as e:  # noqa: BLE001 - counted
                ms = (time.perf_counter() - t) * 1000
                problem = f"{q}: {type(e).__name__}: {e}"
            with lock:
                latencies.append(ms)
                if problem:
                    errors.append(problem)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"requests": len(latencies), "clients": clients, "errors": len(errors), "error_samples": errors[:5],
            "p50_ms": percentile(latencies, 50), "p95_ms": percentile(latencies, 95),
            "max_ms": max(latencies) if latencies else float("nan"),
            "mean_ms": statistics.fmean(latencies) if latencies else float("nan"),
            "wall_s": wall, "throughput_rps": len(latencies) / wall if wall else float("nan")}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", help="a running app (default: start app.py on a free port)")
    p.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    p.add_argument("--requests", type=int, default=200, help="total requests (default 200)")
    args = p.parse_args(argv)
    if args.clients < 1 or args.requests < 1:
        p.error("--clients and --requests must be at least 1")

    proc = None
    url = args.url
    if url is None:
        port = _free_port()
        log_dir = ROOT / "test-artifacts"
        log_dir.mkdir(exist_ok=True)
        proc = start_app(port, log_dir / "app-bench.log")
        url = f"http://127.0.0.1:{port}/"
    try:
        wait_ready(url, proc)
        r = run(url, args.clients, args.requests)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    print(f"url: {url}")
    print(f"clients: {r['clients']}  requests: {r['requests']}  wall: {r['wall_s']:.2f} s  "
          f"throughput: {r['throughput_rps']:.1f} req/s")
    print(f"errors: {r['errors']}")
    for e in r["error_samples"]:
        print(f"  {e}")
    print(f"latency p50: {r['p50_ms']:.1f} ms  p95: {r['p95_ms']:.1f} ms  max: {r['max_ms']:.1f} ms  "
          f"mean: {r['mean_ms']:.1f} ms")
    return 1 if r["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
