"""What identifies one customer, as strings to look for in stores and files during erasure.

The customer id, their full names and emails from the CRM columns (any case), each as a whole
token (forgetting C100 must not touch C1000, nor a@x.com aa@x.com), and the texts only they
wrote (exactly). Each string
is also looked for in its JSON-escaped form, because stores keep JSON written with
`ensure_ascii` ("Kr\\u00fcger").
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.data.people import Identifiers

_CHUNK = 8 << 20
# Names and emails are matched in any case ("ANA@Example.com"); ids and texts as written.
_EXTENSIONS = "(?:csv|tsv|txt|json|jsonl|ndjson|parquet|xlsx|xls|pdf|png|md)"
_FLAGS = {"id": 0, "text": 0, "name": re.IGNORECASE, "email": re.IGNORECASE}


@dataclass(frozen=True)
class Needles:
    customer_id: str
    strings: tuple[tuple[str, str], ...]  # (what, text): ("id", "C1"), ("name", ...), ("email", ...), ("text", ...)
    # Other customers' ids, emails and names that hold one of the strings (C1000 holds C100,
    # aa@x.com holds a@x.com): in raw bytes an occurrence inside one of them is theirs.
    shadows: tuple[str, ...] = ()
    # Their survey answers and tickets as cards and exports cite them ("survey S123"): after
    # their words become [erased], the citation beside it would still point at them. Scrubbed
    # from notes and exports with their words; not searched in raw bytes, where ids and kinds
    # are stored apart.
    records: tuple[str, ...] = ()

    @classmethod
    def of(cls, ident: Identifiers, documents: Iterable[str] = (), shadows: Iterable[str] = ()) -> Needles:
        """From the journey store's identifiers and the feedback store's chunk texts; a chunk
        counts when it is part of one of the customer's own texts (or comes from a text file
        the journey store does not know)."""
        strings: list[tuple[str, str]] = [("id", ident.customer_id)]
        strings += [("name", n) for n in ident.names if len(n.split()) >= 2]
        strings += [("email", e) for e in ident.emails if "@" in e]
        strings += [("text", t) for t in ident.texts]
        for doc in documents:
            if len(doc.strip()) >= 20 and (not ident.texts or any(doc in t or t in doc for t in ident.texts)):
                strings.append(("text", doc))
        return cls(ident.customer_id, tuple(dict.fromkeys((w, s.strip()) for w, s in strings if s.strip())),
                   tuple(dict.fromkeys(s for s in shadows if s)),
                   tuple(dict.fromkeys(f"{k} {i}" for k, i in ident.records if str(i).strip())))

    @staticmethod
    def _pattern(what: str, text: str, raw: bool = False) -> str:
        """The regex of one needle. Every identifier counts only as a whole token: erasing C100
        must not touch C1000, nor a@x.com touch aa@x.com, nor "Ann Lee" touch "Joann Leeds".
        `raw`: searching the bytes of a store's file, where values sit back to back."""
        body = re.escape(text)
        if what == "text" or (raw and what == "email"):
            # Texts: whole sentences, theirs alone. In raw bytes values sit back to back
            # ("emailana@x.com"), so any occurrence of an address counts, unless it lies inside
            # another customer's longer one (`shadows`, see find_in_file).
            return body
        if what == "email":
            # An address is part of a longer one when a local-part character precedes it, or a
            # domain character (or a dot and more domain: a@x.com.au) follows it; a file
            # extension is no domain ("orders for a@x.com.csv").
            return r"(?<![A-Za-z0-9._%+\-])" + body + r"(?![A-Za-z0-9_\-]|\.(?!" + _EXTENSIONS + r"\b)[A-Za-z0-9])"
        if what == "name":  # a full name with a space: not back to back with a letter, even in bytes
            return r"(?<!\w)" + body + r"(?!\w)"
        if len(text) < 4:
            # Two or three characters turn up by chance in binary data (vectors, compressed
            # pages) and as words and numbers in text ("the last 7 days"): a short id counts
            # only in quotes, as JSON and CSV hold it.
            return r"(?<=[\"'])" + body + r"(?=[\"'])"
        if not raw:
            return r"(?<![0-9A-Za-z_])" + body + r"(?![0-9A-Za-z_])"
        # In a file's bytes stores write values back to back ("customer_idC00042"), so a letter
        # before an id that starts with a letter is allowed; the digit after C100 in C1000 is not.
        left = r"(?<![0-9])" if text[0].isdigit() else ""
        right = r"(?![0-9])" if text[-1].isdigit() else r"(?![A-Za-z])"
        return left + body + right

    def variants(self) -> list[tuple[str, str]]:
        """Each string and, when different, its JSON-escaped form."""
        out = []
        for what, text in self.strings:
            out.append((what, text))
            escaped = json.dumps(text)[1:-1]
            if escaped != text:
                out.append((what, escaped))
        return out

    def _bytes_regex(self) -> tuple[re.Pattern[bytes], list[str]]:
        variants = self.variants()
        parts = []
        for i, (what, text) in enumerate(variants):
            body = self._pattern(what, text, raw=True).encode("utf-8")
            flags = b"(?i:" if what in ("name", "email") else b"(?:"
            parts.append(b"(?P<g%d>" % i + flags + body + b"))")
        return re.compile(b"|".join(parts)), [w for w, _ in variants]

    def in_text(self, text: str | None) -> bool:
        return bool(text) and any(self._found(text))

    def _found(self, text: str) -> list[str]:
        return [what for what, needle in self.variants()
                if re.search(self._pattern(what, needle), text, _FLAGS[what])]

    def scrub(self, text: str, token: str = "[erased]") -> str:
        """The text with every needle, and every citation of their records, replaced by `token`."""
        for what, needle in sorted(self.variants(), key=lambda v: -len(v[1])):
            text = re.sub(self._pattern(what, needle), token, text, flags=_FLAGS[what])
        for record in self.records:
            text = re.sub(self._pattern("id", record), token, text)
        return text

    def cites_record(self, text: str | None) -> bool:
        """Whether the text cites one of their survey answers or tickets ("survey S123")."""
        return bool(text) and any(re.search(self._pattern("id", r), text) for r in self.records)

    def find_in_file(self, path: Path) -> set[str]:
        """Which kinds of needle (id, name, email, text) the file's raw bytes hold."""
        regex, kinds = self._bytes_regex()
        strings = [t for _, t in self.variants()] + list(self.shadows)
        overlap = max((len(t.encode("utf-8")) * 6 for t in strings), default=0) + 16
        shadows = (re.compile(b"|".join(re.escape(s.encode("utf-8")) for s in self.shadows), re.IGNORECASE)
                   if self.shadows else None)
        found: set[str] = set()
        with open(path, "rb") as fh:
            tail, block = b"", fh.read(_CHUNK)
            while block:
                following = fh.read(_CHUNK)
                data = tail + block
                # A match that reaches into the last `overlap` bytes of a block is judged with
                # the next one ("C100" at a block's end may be the start of "C1000"); the tail
                # carried over holds it whole, and any longer identifier around it.
                edge = len(data) - overlap if following else len(data) + 1
                spans = _spans(shadows, data)
                for m in regex.finditer(data):
                    if m.end() <= edge and not _inside(spans, m.start(), m.end()):
                        found.add(kinds[int(m.lastgroup[1:])])  # type: ignore[index]
                tail, block = data[-3 * overlap:], following
        return found


    def blank_in_file(self, path: Path) -> int:
        """Overwrite, in place and at the same length, every needle in a binary file that holds no
        text by design (a vector index); returns how many were blanked. Such bytes can only be
        leftovers of memory the index library reserved without clearing, copied to disk with it."""
        regex, _ = self._bytes_regex()
        data = path.read_bytes()
        shadows = (re.compile(b"|".join(re.escape(s.encode("utf-8")) for s in self.shadows), re.IGNORECASE)
                   if self.shadows else None)
        spans = _spans(shadows, data)
        hits = [m.span() for m in regex.finditer(data) if not _inside(spans, m.start(), m.end())]
        if hits:
            with open(path, "r+b") as fh:
                for start, end in hits:
                    fh.seek(start)
                    fh.write(bytes(end - start))
                fh.flush()
                os.fsync(fh.fileno())
        return len(hits)


def _spans(regex: re.Pattern[bytes] | None, data: bytes) -> list[tuple[int, int]]:
    """Where other customers' identifiers are, overlapping ones included (C1000 and C10000)."""
    if regex is None:
        return []
    spans, pos = [], 0
    while (m := regex.search(data, pos)) is not None:
        spans.append(m.span())
        pos = m.start() + 1
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    # Spans are in order of start; only the few starting just before `start` can cover it
    # (identifiers are short, so at most a handful overlap one place).
    i = bisect.bisect_right(spans, (start, 1 << 62))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 8):i])
