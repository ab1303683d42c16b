"""What identifies one customer, as strings to look for in stores and files during erasure.

The customer id (not inside a longer id: forgetting C1 must not touch C10), their full names and
emails from the CRM columns (any case), and the texts only they wrote (exactly). Each string
is also looked for in its JSON-escaped form, because stores keep JSON written with
`ensure_ascii` ("Kr\\u00fcger").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tools.data.people import Identifiers

_CHUNK = 8 << 20


@dataclass(frozen=True)
class Needles:
    customer_id: str
    strings: tuple[tuple[str, str], ...]  # (what, text): ("id", "C1"), ("name", ...), ("email", ...), ("text", ...)

    @classmethod
    def of(cls, ident: Identifiers, documents: Iterable[str] = ()) -> Needles:
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
        return cls(ident.customer_id, tuple(dict.fromkeys((w, s.strip()) for w, s in strings if s.strip())))

    def _pattern(self, what: str, text: str) -> str:
        if what != "id":
            return re.escape(text)
        if len(text) < 4:
            # Two or three characters turn up by chance in binary data (vectors, compressed
            # pages): a short id counts only in quotes, as JSON and CSV hold it.
            return r"(?<=[\"'])" + re.escape(text) + r"(?=[\"'])"
        # Forgetting C1 must not match C10: the neighbour of a digit is no digit, of a letter no
        # letter. Stores write values back to back ("customer_idC00042"), so a letter before an
        # id that starts with a letter is allowed.
        left = r"(?<![0-9])" if text[0].isdigit() else ""
        right = r"(?![0-9])" if text[-1].isdigit() else r"(?![A-Za-z])"
        return left + re.escape(text) + right

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
            body = self._pattern(what, text).encode("utf-8")
            flags = b"(?i:" if what in ("name", "email") else b"(?:"
            parts.append(b"(?P<g%d>" % i + flags + body + b"))")
        return re.compile(b"|".join(parts)), [w for w, _ in variants]

    def in_text(self, text: str | None) -> bool:
        return bool(text) and any(self._found(text))

    def _found(self, text: str) -> list[str]:
        out = []
        for what, needle in self.variants():
            if what == "id":
                if re.search(self._pattern(what, needle), text):
                    out.append(what)
            elif (needle.lower() in text.lower()) if what in ("name", "email") else (needle in text):
                out.append(what)
        return out

    def scrub(self, text: str, token: str = "[erased]") -> str:
        """The text with every needle replaced by `token`."""
        for what, needle in sorted(self.variants(), key=lambda v: -len(v[1])):
            flags = re.IGNORECASE if what in ("name", "email") else 0
            text = re.sub(self._pattern(what, needle), token, text, flags=flags)
        return text

    def find_in_file(self, path: Path) -> set[str]:
        """Which kinds of needle (id, name, email, text) the file's raw bytes hold."""
        regex, kinds = self._bytes_regex()
        overlap = max((len(t.encode("utf-8")) * 6 for _, t in self.variants()), default=0) + 16
        found: set[str] = set()
        with open(path, "rb") as fh:
            tail = b""
            while True:
                block = fh.read(_CHUNK)
                if not block:
                    break
                data = tail + block
                for m in regex.finditer(data):
                    found.add(kinds[int(m.lastgroup[1:])])  # type: ignore[index]
                tail = data[-overlap:]
        return found
