"""Names the writer introduces as a name: "my name is Charles Martin", "meu nome correto é
Maria Faraildes Santos" (an Olist review), "je m'appelle ...", and names said as whose
something is ("sent in the name of Vinicius Silva"). Names are otherwise redacted only
when the store knows them (tools/core/pii_names.py), and an export without a name column
(Olist, a tweet log) knows none; here the words before them say they are a name, so no list is
needed and no product or place is taken for one.

After the cue, up to four words joined by single spaces are the name, stopping at the first
word that says the sentence goes on instead ("my name is on the order", "meu nome e no meu
endereço", "my name is spelt wrong"; written with a capital, such a word is a name, "Al",
unless it starts sentences, "The") or at punctuation, a digit or a line break. A particle (da,
van, von) between two name words belongs to the name; a name begun with a capital ends at the
first word without one. Nothing after the cue: unchanged.
"""

from __future__ import annotations

import re

from tools.core.pii_names import NAME_TOKEN

CUES = (r"my (?:full |real |correct |first |last |sur)?name is|my name's|i'm called|i am called|"
        r"meu nome(?: completo| correto| verdadeiro)? (?:é|e)|me chamo|mi nombre(?: completo)? es|me llamo|"
        r"je m'appelle|je m’appelle|mon nom(?: complet)? est|mein name ist|ich hei(?:ß|ss)e|mi chiamo|"
        r"il mio nome è|mijn naam is|ik heet|"
        # "sent in the name of Vinicius Silva" (an Olist review): someone else's name, said as one
        r"in the name of|em nome de|a nombre de|au nom de|a nome di")
SCREEN = rf"(?i)\b(?:{CUES})\b"
# The same screen for DuckDB (RE2: \b is ASCII-only, so "é\b" would never match; a screen may
# let through more than it must).
SQL_SCREEN = rf"(?i)(?:{CUES})"
_CUE = re.compile(rf"(?i)\b(?:{CUES}) +")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARTICLES = frozenset({"da", "das", "de", "del", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "y"})
# Words that carry the sentence on rather than name someone, in the cue languages.
_ON = frozenset("""
a about actually already also an and another are as at attached below but by correct correctly different
down for from here in incorrect incorrectly is it listed mentioned misspelled misspelt missing not now
on other printed same shown someone somebody spelled spelt still that the there this under used was written
wrong yet
ao aqui as com como do e é em errado está estava foi incompleto incorreto mas na nas no não nao nos
o os outra outras outro outros para pelo quem que se sem também um uma alguém
al con en es está estaba mal mi no otra otro pero por que sin también un una
avec dans est et mais ne pas sur un une
auf falsch im in ist nicht noch und
è e non sono
niet en
""".split())
_LEADS = frozenset({"a", "an", "and", "but", "i", "in", "is", "it", "not", "on", "that", "the", "this", "was",
                    "o", "e", "el", "la", "le", "es", "est", "ist", "und", "no", "não", "nao"})
_MAX_WORDS = 4


def _name_end(text: str, at: int) -> int:
    """Where the name starting at `at` ends (== at when no name starts there)."""
    end, taken, pos, capital = at, 0, at, False
    while taken < _MAX_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group(0)
        low = word.lower()
        if low in _PARTICLES and taken:
            # "de la Tour": particles belong to the name only when a name word follows them
            nxt = m
            while nxt is not None and nxt.group(0).lower() in _PARTICLES and text[nxt.end():nxt.end() + 1] == " ":
                nxt = _WORD.match(text, nxt.end() + 1)
            if nxt is None or nxt.group(0).lower() in _ON | _PARTICLES:
                break
            pos = nxt.start()
            continue
        # a capital says name ("Al", "Van"), except on the words that start a sentence
        if (low in _ON and not (word[0].isupper() and low not in _LEADS)) or low in _PARTICLES:
            break
        if taken and capital and not word[0].isupper():
            break  # "Vinicius Silva pela loja": a name written with capitals ends at a small word
        capital = capital or (not taken and word[0].isupper())
        end, taken = m.end(), taken + 1
        if text[end:end + 1] != " ":
            break
        pos = end + 1
    return end


def redact_introduced(text: str) -> str:
    """The text with each introduced name replaced by [name]."""
    out, last = [], 0
    for cue in _CUE.finditer(text):
        if cue.start() < last:
            continue
        end = _name_end(text, cue.end())
        if end > cue.end():
            out += [text[last:cue.end()], NAME_TOKEN]
            last = end
    return "".join(out) + text[last:] if out else text
