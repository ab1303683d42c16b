"""bot/agent/pattern_needs.py and patterns.lazy (lane askspeed): a pattern is skipped only for
texts it cannot match, so readings are the same as with every pattern compiled."""

from __future__ import annotations

import re

import pytest

from bot.agent.pattern_needs import needs
from bot.agent.patterns import lazy, rx


@pytest.mark.parametrize(("pattern", "want"), [
    (r"\b(?:takings|revenue)\b", {"takings", "revenue"}),
    (r"\b(?:takings|revenue) last month", {" last month"}),  # the piece with the longest shortest string
    (r"\bcustomers? (?:came|come) back", {"customer"}),  # the longest certain piece
    (r"abc?d", {"ab"}),  # the quantifier takes one character
    (r"(?:ab)+cd", {"ab"}),
    (r"x{2,3}yz", {"yz"}),
    (r"(?:fooo|ba\w+)baz", {"baz"}),
    (r"(?:foo|bar)\.com", {".com"}),  # an escaped sign is text
    (r"^(?!.*\bnot\b).*\bsold out\b", {"sold out"}),  # a lookahead needs nothing
    (r"foo|bar", {"foo", "bar"}),
])
def test_what_every_match_holds(pattern: str, want: set[str]) -> None:
    assert needs(pattern) == want


@pytest.mark.parametrize(("pattern", "want"), [
    (r"(?i)revenue", None),  # flags: re judges
    (r"(?:foo|)bar?", {"ba"}),  # a branch that needs nothing adds nothing
    (r"(?:foo)?", None),
    (r"a*", None),
    (r"\x41bc?", {"b"}),  # an escape of a letter is not the letter
    (r"(?P<x>a)(?P=x)?", None),
    (r"[abc]+", None),
    (r"(?:a|b", None),  # not a pattern re takes: no pre-check either
])
def test_only_what_is_certain(pattern: str, want: set[str] | None) -> None:
    assert needs(pattern) == want


@pytest.mark.parametrize("pattern", [
    r"\b(?:takings|revenue) last month", r"abc?d", r"(?:ab)+cd", r"x{2,3}yz", r"foo|bar",
    r"^(?!.*\bnot\b).*\bsold out\b", r"(a)\1", r"[)(|]+x", r"a{,2}b", r"\{x\}", r"{", r"a{}b",
])
@pytest.mark.parametrize("text", [
    "takings last month", "revenue last monthly", "abd", "abcd", "ababcd", "xxyz", "xyz", "bar",
    "sold out", "not sold out", "aa", "(|)x", "b", "aab", "{x}", "{", "a{}b", "",
])
def test_lazy_agrees_with_re(pattern: str, text: str) -> None:
    real, mine = re.compile(pattern), lazy(pattern)
    assert bool(mine.search(text)) == bool(real.search(text))
    assert mine.sub("#", text) == real.sub("#", text)
    assert mine.findall(text) == real.findall(text)
    assert rx.split(pattern, text) == re.split(pattern, text)


def test_lazy_compiles_only_when_a_text_could_match() -> None:
    p = lazy(r"\bgift cards? (?:sold|bought)\b")
    assert p.search("revenue last month") is None and p._p is None
    assert p.search("gift cards sold") is not None and p._p is not None
    assert lazy(p) is p and p.pattern == r"\bgift cards? (?:sold|bought)\b"
    assert lazy(p.pattern) is p  # the same string, the same object
