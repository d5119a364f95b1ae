"""Command line: ``python -m evals COMMAND ...`` (commands: check)."""

from __future__ import annotations

import argparse
import sys

from . import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="policy-assistant eval tools")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # Each subcommand module configures its own parser and sets `handler`.
    check.configure_parser(subparsers.add_parser("check", help="validate eval sets (JSONL)"))

    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
