"""``python -m devices``: see devices.cli."""

import sys

from devices.cli import main

sys.exit(main())
