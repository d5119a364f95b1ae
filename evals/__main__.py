"""Command line: ``python -m evals COMMAND ...`` (commands: check, run)."""

from __future__ import annotations

import argparse
import sys

from . import check, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="policy-assistant eval tools")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # Each subcommand module configures its own parser and sets `handler`.
    check.configure_parser(subparsers.add_parser("check", help="validate eval sets (JSONL)"))
    run.configure_parser(subparsers.add_parser(
        "run", help="run an eval set through the assistant (and --baseline) and write a report"))

    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
