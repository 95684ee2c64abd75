"""``python -m sync …``: station commands (``sync.client.cli``), ``python -m sync hub …`` for
the hub (``sync.hub.cli``), ``python -m sync [--data-dir D] demo`` for the demo (``sync.demo``).

This is the one module that knows all three; ``sync.client`` and ``sync.hub`` never import
each other nor the demo (import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["hub"]:
        from sync.hub.cli import main as hub_main

        return hub_main(args[1:])
    demo = _demo_argv(args)
    if demo is not None:
        from sync.demo import main as demo_main

        return demo_main(demo)
    from sync.client.cli import main as station_main

    return station_main(args)


def _demo_argv(args: list[str]) -> list[str] | None:
    """``args`` without the command word if the command is ``demo``, else None. Only
    ``--data-dir D`` (or ``--data-dir=D``) may stand before it."""
    i = 0
    while i < len(args) and args[i].startswith("--data-dir"):
        i += 1 if "=" in args[i] else 2
    if i < len(args) and args[i] == "demo":
        return args[:i] + args[i + 1 :]
    return None


if __name__ == "__main__":
    sys.exit(main())
