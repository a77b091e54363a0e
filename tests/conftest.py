"""Shared fixtures: a small council built in code, and an email factory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # tests/helpers importable as `helpers`
