import sys

from printing.cli import main

sys.exit(main())
