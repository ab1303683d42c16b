"""A question of the acceptance suite: the plain words a shop owner types, the command that
asks the same thing, where the number sits in the JSON, and the test's own computation of it
from the raw files (pandas, written here, never journeybot's code)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass(frozen=True)
class Question:
    id: str
    ask: str  # plain words, for `journeybot ask --json`
    cli: tuple[str, ...]  # the command asking the same, run with --json
    pick: Callable[[Any], Any]  # the number, from either JSON
    expected: Callable[[Path], Any]  # from the raw files
    tol: float = 1e-6  # relative (counts are exact)

    def check(self, got: Any, raw: Path) -> None:
        want = self.expected(raw)
        if isinstance(want, str):
            assert str(got) == want, f"{self.id}: got {got!r}, the raw files say {want!r}"
        else:
            assert got == pytest.approx(want, rel=self.tol, abs=self.tol), \
                f"{self.id}: got {got!r}, the raw files say {want!r}"


def cached(fn: Callable[[Path], Any]) -> Callable[[Path], Any]:
    """Raw files are read once per path, however many questions use them."""
    return functools.lru_cache(maxsize=None)(fn)



def cases(questions: list[Question], known: dict[str, str]) -> list[Any]:
    """The questions as test cases; those another piece of work still answers wrongly are
    expected to fail, with the reason, and strictly: once fixed, the mark must go."""
    return [pytest.param(q, id=q.id, marks=pytest.mark.xfail(reason=known[q.id], strict=True))
            if q.id in known else pytest.param(q, id=q.id) for q in questions]
