"""`python -m evcards` does what the `evcards` command does."""

import sys

from evcards.cli.launch import main

sys.exit(main())
