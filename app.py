"""Web app for the policy assistant: `python app.py [--host HOST] [--port PORT]`.

Opens at once and loads (or builds) the index in the background; the page shows
"正在加载索引…" and then "已就绪: N 个文档, M 个条款". The chat is also an API::

    from gradio_client import Client
    client = Client("http://127.0.0.1:7860/")
    answer, rendered = client.predict("人才公寓打几折？", "[]", api_name="/chat")
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

# Nothing may leave this machine: no Gradio analytics or version checks.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python app.py",
        description="Web interface of the Chengdu policy assistant (chat, rule lookup, "
                    "entitlements, evaluation).",
        epilog="Settings (corpus, index, encoder) come from ASSISTANT_* environment variables, "
               "as for `python -m assistant`.")
    p.add_argument("--host", default=os.environ.get("ASSISTANT_HOST") or "127.0.0.1",
                   help="address to listen on (env ASSISTANT_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=int, default=int(os.environ.get("ASSISTANT_PORT") or 7860),
                   help="port to listen on (env ASSISTANT_PORT, default 7860)")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("assistant").setLevel(logging.INFO)
    from assistant.ui import build_app, launch

    demo = build_app()
    print(f"serving on http://{args.host}:{args.port}/ (index loading in the background)", flush=True)
    launch(demo, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
