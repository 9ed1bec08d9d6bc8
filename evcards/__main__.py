"""`python -m evcards` does what the `evcards` command does."""

import sys

from evcards.cli.main import main

sys.exit(main())
