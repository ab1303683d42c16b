"""Regular expressions for the planner, compiled once and kept.

The planner reads every question with a few thousand patterns, many built from word lists
and the data's own values (places, channels, segments, touchpoints). That is more than the
512 compiled patterns `re` keeps, and `re` then compiled most of them again on every
question (over half the planning time). `rx` has the same functions as `re` over a cache
big enough for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=16384)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


class _Cached:
    def search(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return compiled(pattern, flags).search(text)

    def match(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return compiled(pattern, flags).match(text)

    def fullmatch(self, pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        return compiled(pattern, flags).fullmatch(text)

    def finditer(self, pattern: str, text: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return compiled(pattern, flags).finditer(text)

    def findall(self, pattern: str, text: str, flags: int = 0) -> list[object]:
        return compiled(pattern, flags).findall(text)

    def split(self, pattern: str, text: str, flags: int = 0) -> list[str]:
        return compiled(pattern, flags).split(text)


rx = _Cached()
