"""``python -m lcc.cli``: the same as the ``lcc`` command."""

from __future__ import annotations

import sys

from lcc.cli import main

sys.exit(main())
