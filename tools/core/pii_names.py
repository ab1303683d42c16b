"""Names of the customers the store knows, found in customer text (used by tools/core/pii.py).

A name is only recognised when journeybot knows it: the customers table holds the CRM's
first, last and full names (tools/data/people.py reads them). Guessing names from capital
letters would blank out products and places ("Victoria sponge", "Bath"), so:

- a known customer's full name ("Marta Krüger", any case) is redacted in every text;
- a known surname after a title ("Mrs Krüger", "Dr. O'Connor") is redacted in every text;
- a customer's own first or last name on its own ("Thanks, Gemma") is redacted in that
  customer's texts, when written with a capital (so "rose" the flower stays in Rose's ticket).

Words must be joined by one space: a name never matches across a line break, a tab or a
table cell. Each match becomes [name].
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas loads when a column is redacted, not with `redact` on one text
    import pandas as pd

NAME_TOKEN = "[name]"
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "herr", "frau", "sr", "sra"})
_MAX_PARTS = 4  # longest full name looked for, in words


def _norm(word: str) -> str:
    """Lower case with one kind of apostrophe: O’Connor and o'connor are the same name."""
    return word.lower().replace("’", "'")


def _words(text: str) -> list[str]:
    return [_norm(w) for w in _WORD.findall(text or "")]


@dataclass(frozen=True)
class KnownNames:
    """Full names (as tuples of lower-case words), surnames, and each customer's own names."""

    full: frozenset[tuple[str, ...]] = frozenset()
    surnames: frozenset[str] = frozenset()
    own: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_people(cls, people: Iterable[tuple[str, str | None, str | None, str | None]]) -> KnownNames:
        """From (customer_id, first name, last name, full name) rows; any name may be missing."""
        full: set[tuple[str, ...]] = set()
        surnames: set[str] = set()
        own: dict[str, set[str]] = {}
        for cid, first, last, whole in people:
            parts = [p for p in (first, last) if p and p.strip()]
            for name in ((" ".join(parts) if len(parts) == 2 else None), whole):
                words = tuple(_words(name or ""))
                if 2 <= len(words) <= _MAX_PARTS:
                    full.add(words)
            last_words = _words(last or "") or (_words(whole or "")[-1:] if whole else [])
            if len(last_words) == 1 and len(last_words[0]) >= 2:
                surnames.add(last_words[0])
            mine = {w for name in (first, last, whole) for w in _words(name or "") if len(w) >= 2}
            if mine and cid:
                own.setdefault(str(cid), set()).update(mine)
        return cls(frozenset(full), frozenset(surnames), {k: frozenset(v) for k, v in own.items()})

    def merged(self, other: KnownNames) -> KnownNames:
        """Both sets of names (a load's own names added to the store's)."""
        return KnownNames(self.full | other.full, self.surnames | other.surnames, {**self.own, **other.own})

    def __bool__(self) -> bool:
        return bool(self.full or self.surnames or self.own)

    @property
    def words(self) -> frozenset[str]:
        """Every word that can start or be part of a name match (the screen for a column)."""
        out = {w for name in self.full for w in name} | set(self.surnames)
        for mine in self.own.values():
            out |= mine
        return frozenset(out)

    def redact(self, text: str, customer_id: str | None = None) -> str:
        if not text:
            return text
        mine = self.own.get(str(customer_id), frozenset()) if customer_id is not None else frozenset()
        words = list(_WORD.finditer(text))
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            end = self._match_at(text, words, i, mine)
            if end > i:
                spans.append((words[i].start(), words[end - 1].end()))
                i = end
            else:
                i += 1
        for start, stop in reversed(spans):
            text = text[:start] + NAME_TOKEN + text[stop:]
        return text

    def _match_at(self, text: str, words: list[re.Match[str]], i: int, mine: frozenset[str]) -> int:
        """The index after the name starting at word i, or i when none starts there."""
        # Full names, longest first, their words one space apart.
        for n in range(min(_MAX_PARTS, len(words) - i), 1, -1):
            run = words[i:i + n]
            if all(text[a.end():b.start()] == " " for a, b in zip(run, run[1:], strict=False)) \
                    and tuple(_norm(w.group(0)) for w in run) in self.full:
                return i + n
        word = words[i].group(0)
        # A surname after a title: the title stays, the surname goes.
        if i > 0 and _norm(word) in self.surnames and word[0].isupper():
            title = words[i - 1]
            gap = text[title.end():words[i].start()]
            if title.group(0).lower() in _TITLES and gap in (" ", ". "):
                return i + 1
        # The customer's own first or last name, written with a capital.
        if _norm(word) in mine and word[0].isupper():
            return i + 1
        return i

    def redact_series(self, texts: pd.Series, customer_ids: pd.Series | None = None) -> pd.Series:
        """`redact` over a column; only texts holding a known name word are looked at closely."""
        if not self or texts.empty:
            return texts
        import pandas as pd

        values = texts.to_numpy(dtype=object)
        as_text = pd.Series([v if isinstance(v, str) else None for v in values], dtype=object)
        found = as_text.str.lower().str.replace("’", "'").str.findall(_WORD.pattern).explode()
        rows = found.index[found.isin(self.words)].unique()
        if rows.empty:
            return texts
        ids = customer_ids.to_numpy(dtype=object) if customer_ids is not None else [None] * len(values)
        out = values.copy()
        for r in rows:  # only the texts with a known name in them
            cid = ids[r]
            out[r] = self.redact(values[r], None if cid is None or pd.isna(cid) else str(cid))
        return pd.Series(out, index=texts.index, name=texts.name, dtype=object)
