"""Regular expressions for the planner, compiled on first need and kept.

The planner reads every question with a few thousand patterns (800,000 characters of them),
many built from word lists and the data's own values. Compiling them all is what made a
`journeybot ask` process take three seconds (re parses patterns in Python), and re's own
512-entry cache is too small for them, so `re.search(string, ...)` compiled most of them again
on every question.

`lazy(pattern)` stands for `re.compile(pattern)`: it compiles on first use, and before that it
answers "no match" without compiling when the text lacks every piece of literal text any match
must contain (bot/agent/pattern_needs.py works those out). Most patterns never match a given
question, so a question compiles a few hundred of them instead of every one. `rx` has re's
functions over the same cache. Readings are the same: a pattern is compiled and run whenever
its text could match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from bot.agent.pattern_needs import needs


@lru_cache(maxsize=16384)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_UNKNOWN: Any = object()


class Lazy:
    """re.Pattern's matching methods, compiling the pattern only when a text could match it."""

    __slots__ = ("_src", "_flags", "_p", "_needs")

    def __init__(self, pattern: str, flags: int = 0):
        self._src, self._flags, self._p, self._needs = pattern, flags, None, _UNKNOWN

    def _could(self, text: str) -> bool:
        need = self._needs
        if need is _UNKNOWN:
            # flags change what literal text means (IGNORECASE, VERBOSE): those just compile
            need = self._needs = needs(self._src) if not self._flags and isinstance(self._src, str) else None
        return need is None or not isinstance(text, str) or any(s in text for s in need)

    @property
    def compiled(self) -> re.Pattern[str]:
        p = self._p
        if p is None:
            p = self._p = compiled(self._src, self._flags)
        return p

    def search(self, text: str, *pos: int) -> re.Match[str] | None:
        p = self._p
        if p is None:
            if not self._could(text):
                return None
            p = self.compiled
        return p.search(text, *pos)

    def match(self, text: str, *pos: int) -> re.Match[str] | None:
        p = self._p
        if p is None:
            if not self._could(text):
                return None
            p = self.compiled
        return p.match(text, *pos)

    def fullmatch(self, text: str, *pos: int) -> re.Match[str] | None:
        p = self._p
        if p is None:
            if not self._could(text):
                return None
            p = self.compiled
        return p.fullmatch(text, *pos)

    def finditer(self, text: str, *pos: int) -> Iterator[re.Match[str]]:
        if self._p is None and not self._could(text):
            return iter(())
        return self.compiled.finditer(text, *pos)

    def findall(self, text: str, *pos: int) -> list[Any]:
        if self._p is None and not self._could(text):
            return []
        return self.compiled.findall(text, *pos)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        if self._p is None and not self._could(text):
            return text
        return self.compiled.sub(repl, text, count)

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        if self._p is None and not self._could(text):
            return text, 0
        return self.compiled.subn(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[Any]:
        if self._p is None and not self._could(text):
            return [text]
        return self.compiled.split(text, maxsplit)

    @property
    def pattern(self) -> str:
        return self._src

    @property
    def flags(self) -> int:
        return self.compiled.flags

    def __getattr__(self, name: str) -> Any:  # groups, groupindex, scanner: the compiled pattern's
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._src!r})"


@lru_cache(maxsize=16384)
def _lazy(pattern: str, flags: int) -> Lazy:
    return Lazy(pattern, flags)


def lazy(pattern: Any, flags: int = 0) -> Any:
    """`re.compile` on first need: the same pattern string gives the same object."""
    if isinstance(pattern, (Lazy, re.Pattern)):
        return pattern
    return _lazy(pattern, flags)


class _Cached:
    """re's functions over `lazy`'s cache (re.search(p, text) and rx.search(p, text) agree)."""

    def search(self, pattern: Any, text: str, flags: int = 0) -> re.Match[str] | None:
        return lazy(pattern, flags).search(text)

    def match(self, pattern: Any, text: str, flags: int = 0) -> re.Match[str] | None:
        return lazy(pattern, flags).match(text)

    def fullmatch(self, pattern: Any, text: str, flags: int = 0) -> re.Match[str] | None:
        return lazy(pattern, flags).fullmatch(text)

    def finditer(self, pattern: Any, text: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return lazy(pattern, flags).finditer(text)

    def findall(self, pattern: Any, text: str, flags: int = 0) -> list[Any]:
        return lazy(pattern, flags).findall(text)

    def split(self, pattern: Any, text: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return lazy(pattern, flags).split(text, maxsplit)

    def sub(self, pattern: Any, repl: Any, text: str, count: int = 0, flags: int = 0) -> str:
        return lazy(pattern, flags).sub(repl, text, count)

    def subn(self, pattern: Any, repl: Any, text: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
        return lazy(pattern, flags).subn(repl, text, count)


rx = _Cached()
