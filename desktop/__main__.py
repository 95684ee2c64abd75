"""``python -m desktop``: the WindowDesk window."""

import sys

from desktop.app import main

sys.exit(main())
