"""``python -m sync …``: station commands, or ``python -m sync hub …`` for the hub."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["hub"]:
        from sync.hub.cli import main as hub_main

        return hub_main(args[1:])
    from sync.client.cli import main as station_main

    return station_main(args)


if __name__ == "__main__":
    sys.exit(main())
