"""Sizes as people write them: `20MB`, `512 kB`, `1.5GB`, or a plain number of bytes."""

from __future__ import annotations

import re

DEFAULT_MAX_BYTES = 20_000_000

_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes in a size such as `20MB`; raises ValueError with the accepted forms."""
    match = _SIZE.match(text)
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _UNITS:
        raise ValueError(f"{text!r} is not a size; write it like 20MB, 500KB or 1GB")
    return int(float(match.group(1)) * _UNITS[unit])


def format_size(n: int) -> str:
    """`20 MB`, `1.5 kB`: the form used in error messages."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"
