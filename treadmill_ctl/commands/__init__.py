"""Command-line subcommands. Each module exposes ``register(subparsers)`` which adds its parser
and sets ``func`` (args -> exit status) as the parser default."""

from __future__ import annotations

import argparse


def add_simulation_options(parser: argparse.ArgumentParser, *, simulate_help: str) -> None:
    """``--simulate`` and ``--sim-profile``, also accepted after the subcommand (same
    destinations as the global options, which keep their defaults when these are absent)."""
    parser.add_argument(
        "--simulate",
        action="store_true",
        default=argparse.SUPPRESS,
        help=simulate_help,
    )
    parser.add_argument(
        "--sim-profile",
        default=argparse.SUPPRESS,
        metavar="NAME|FILE",
        help="virtual treadmill profile (default: ideal)",
    )
