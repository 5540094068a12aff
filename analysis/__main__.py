"""``python -m analysis``: the command line, :mod:`analysis.app.cli`."""

import sys

from .app.cli import main

if __name__ == "__main__":
    sys.exit(main())
