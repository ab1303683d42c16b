"""What text a regular expression cannot match without: the literal pieces of which every match
holds at least one, read from the pattern's source without compiling it.

`needs(r"\\b(?:takings|revenue) (?:last|this) month")` is {"takings", "revenue"} (or the other
required piece, whichever has the longer shortest string): a text holding none of them cannot
match, so bot/agent/patterns.py need not compile the pattern for it. Only what is certain counts:
optional parts, repeats that may be absent, lookarounds, classes and escapes of letters
(\\w, \\b, \\x41) add nothing; an alternation needs something from every branch or nothing.
Anything unusual (inline flags, conditionals, named backreferences, comments, a pattern this
reader does not take in whole) gives None: no pre-check, the pattern is always compiled.
"""

from __future__ import annotations

import re

_LIT = r"[^\\\[\](){}|*+?.^$]"
# One token a match, no groups (findall then hands back plain strings, in C); what a token is
# shows in its first character.
_TOKEN = re.compile(rf"""
  [^\\\[()|*+?{{.^$]+                                   # literal text (the commonest first)
 |[)|.^$]
 |(?:[*+?]|\{{(?:\d+(?:,\d*)?|,\d*)\}})[?+]?
 |\\(?:[^A-Za-z0-9]|x[0-9a-fA-F]{{2}}|u[0-9a-fA-F]{{4}}|U[0-9a-fA-F]{{8}}|N\{{[^}}]*\}}|\d+|[A-Za-z])
 |\((?:\?:)?{_LIT}+(?:\|{_LIT}+)+\)(?![*+?{{])   # (?:a|b|c), the common group, in one token
 |\((?!\?)|\(\?(?:P<\w+>|[:=!]|<[=!])|\(\?
 |\[\^?\]?(?:\\.|[^\]\\])*\]
 |\{{
""", re.X | re.S)
_LOOK = frozenset(("(?=", "(?!", "(?<=", "(?<!"))
_AT_LEAST_ONE = re.compile(r"\+|\{0*[1-9]")

Need = tuple[int, frozenset[str]]  # (length of its shortest string, the strings)


def _better(a: Need | None, b: Need | None) -> Need | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a[0] >= b[0] else b


def _one(text: str) -> Need:
    return len(text), frozenset((text,))


def _either(branches: list[Need | None]) -> Need | None:
    if len(branches) == 1:
        return branches[0]
    if any(b is None for b in branches):
        return None
    return min(b[0] for b in branches), frozenset().union(*(b[1] for b in branches))  # type: ignore[index]


def needs(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of `pattern` (compiled without flags) contains one; None
    when nothing is certain."""
    toks = _TOKEN.findall(pattern)
    if sum(map(len, toks)) != len(pattern):  # something this reader does not know
        return None
    n, i = len(toks), 0
    stack: list[tuple[list[Need | None], Need | None, str, str]] = []
    branches: list[Need | None] = []
    best: Need | None = None
    run, opener = "", ""  # run: literal text every match holds in one piece, up to here
    while i < n:
        t = toks[i]
        i += 1
        c = t[0]
        atom: Need | None = None
        lit: str | None = None
        if c == "|":
            branches.append(_better(best, _one(run)) if run else best)
            best, run = None, ""
            continue
        if c == "(":
            if t[-1] == ")":  # a group of literal alternatives
                words = frozenset((t[3:-1] if t.startswith("(?:") else t[1:-1]).split("|"))
                atom = min(map(len, words)), words
            elif t == "(?":  # inline flags, conditionals, (?P=name), comments: re's to judge
                return None
            elif t in _LOOK:  # a lookaround needs nothing of the text: only find its end
                depth = 1
                while depth and i < n:
                    c = toks[i][0]
                    if c == ")":
                        depth -= 1
                    elif c == "(" and toks[i][-1] != ")":
                        if toks[i] == "(?":
                            return None
                        depth += 1
                    i += 1
                if depth:
                    return None
            else:
                stack.append((branches, best, run, opener))
                branches, best, run, opener = [], None, "", t
                continue
        elif c == ")":
            if not stack:
                return None
            branches.append(_better(best, _one(run)) if run else best)
            atom = _either(branches)
            branches, best, run, opener = stack.pop()
        elif c == "\\":
            lit = None if t[1].isalnum() else t[1]
        elif c in "*+?" or (c == "{" and len(t) > 1):  # a quantifier on nothing
            return None
        elif c not in "[.^$":
            lit = t
        if i < n and ((q := toks[i])[0] in "*+?" or (q[0] == "{" and len(q) > 1)):
            i += 1
            if lit is not None and len(lit) > 1:  # the quantifier takes the last character only
                run += lit[:-1]
                lit = lit[-1]
            if _AT_LEAST_ONE.match(q) is None:  # may be absent
                lit = atom = None
            elif lit is not None:
                run += lit  # its first repeat follows what came before
                lit = None
            if run:
                best = _better(best, _one(run))
            run = ""  # what follows a repeat is at no known place
            best = _better(best, atom)
            continue
        if lit is not None:
            run += lit
            continue
        if run:
            best = _better(best, _one(run))
        run = ""
        best = _better(best, atom)
    if stack:
        return None
    branches.append(_better(best, _one(run)) if run else best)
    out = _either(branches)
    return None if out is None else out[1]
