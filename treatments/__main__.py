"""``python -m treatments``: see :mod:`treatments.cli`."""

from __future__ import annotations

import sys

from treatments.cli import main

sys.exit(main())
