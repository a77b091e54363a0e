"""Checkpoints: the small text a source returns with each batch and is handed back at
the next poll (the runner stores it). Every source writes the same shape, versioned
compact JSON with sorted keys (``{"v":1,...}``), so an unchanged state gives the same
text and a format change is detected rather than misread.

A checkpoint that cannot be read (another version, a hand edit, a truncated write)
means reading the source again from the start. That is safe, because the core never
acts twice on one message or event; refusing to poll would stop the source for good.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

log = logging.getLogger(__name__)

VERSION = 1
T = TypeVar("T")


def encode(fields: Mapping[str, Any], version: int = VERSION) -> str:
    return json.dumps({"v": version, **fields}, separators=(",", ":"), sort_keys=True)


def decode(
    checkpoint: str | None,
    read: Callable[[dict[str, Any]], T],
    where: str,
    version: int = VERSION,
) -> T | None:
    """``read`` applied to the checkpoint's fields (without ``v``); None for no
    checkpoint or an unreadable one (logged, naming ``where``). ``read`` may raise
    ValueError, TypeError, KeyError, IndexError or AttributeError on a bad field."""
    if not checkpoint:
        return None
    try:
        data = json.loads(checkpoint)
        if not isinstance(data, dict) or data.pop("v", None) != version:
            raise ValueError("unknown checkpoint version")
        return read(data)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        log.warning("%s: unreadable checkpoint, reading everything again", where)
        return None


# -- per-folder sync states (EWS sync states, Graph delta links) --------------------


def load_states(checkpoint: str | None, where: str) -> dict[str, str | None]:
    """Folder -> sync state; {} (read from the start) when there is none."""
    states = decode(checkpoint, lambda d: {k: (str(v) if v else None) for k, v in d.items()}, where)
    return states or {}


def dump_states(states: Mapping[str, str | None]) -> str:
    return encode(states)
