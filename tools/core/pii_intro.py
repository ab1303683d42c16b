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

"This is Maria from the bakery", "I'm Tom Reed here": weaker cues, because "this is" and "I am"
mostly go on with what something is ("this is Terrible", "I am Very unhappy"). After them a name
is only taken when it is written with capitals (not all capitals, not a word shaped like a
description, a long word in -ly, -ed, -ing, -ful, -ous, -ible, -able, -ive, -less, nor a word
of feeling) and the words after it say a person is speaking: "from", "here", "speaking",
"calling", "of".
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
_WEAK_CUES = r"this is|it is|it's|it’s|i am|i'm|i’m"
SCREEN = rf"(?i)\b(?:{CUES}|{_WEAK_CUES})\b"
# The same screen for DuckDB (RE2: \b is ASCII-only, so "é\b" would never match; a screen may
# let through more than it must).
SQL_SCREEN = rf"(?i)(?:{CUES}|{_WEAK_CUES})"
_CUE = re.compile(rf"(?i)\b(?:{CUES}) +")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
PARTICLES = frozenset({"da", "das", "de", "del", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "y"})
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
_WEAK_CUE = re.compile(r"(?i)\b(?:this is|it is|it's|it’s|i am|i'm|i’m|hi,? i'm|hello,? i'm) +")
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
_WEAK_NAME = re.compile(rf"{_NAME_WORD}(?:(?: (?:{'|'.join(sorted(PARTICLES))}))* {_NAME_WORD}){{0,2}}")
_SPEAKING = re.compile(r"(?:,? (?:from|here|speaking|calling|of)\b)")
# long enough that names do not end so ("Emily", "Clive", "Fred", "Mohammed" stay names)
_DESCRIBING = re.compile(r"(?i)^(?:\w{5,}(?:ly|ing|ful|ous|ible|able|ive|less)|\w{5,}(?<!mm)ed)$")
NOT_NAMES = frozenset("""
very really so not just still also now here back done sure happy sad angry upset good bad great fine okay
ok sorry glad excellent amazing awesome horrible awful poor worst best never always again absolutely
totally extremely quite pretty too super far the a an this that it my your our their his her its what
why how when where who which no yes all one some any every new old first last same other ridiculous
unacceptable terrible wonderful delighted disgusted furious livid shocked mad crazy insane rubbish
""".split())


def describes(word: str) -> bool:
    """A word shaped like a description (a long word in -ly, -ing, -ful, -ous, -ed...)."""
    return _DESCRIBING.match(word) is not None


def _name_end(text: str, at: int) -> int:
    """Where the name starting at `at` ends (== at when no name starts there)."""
    end, taken, pos, capital = at, 0, at, False
    while taken < _MAX_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group(0)
        low = word.lower()
        if low in PARTICLES and taken:
            # "de la Tour": particles belong to the name only when a name word follows them
            nxt = m
            while nxt is not None and nxt.group(0).lower() in PARTICLES and text[nxt.end():nxt.end() + 1] == " ":
                nxt = _WORD.match(text, nxt.end() + 1)
            if nxt is None or nxt.group(0).lower() in _ON | PARTICLES:
                break
            pos = nxt.start()
            continue
        # a capital says name ("Al", "Van"), except on the words that start a sentence
        if (low in _ON and not (word[0].isupper() and low not in _LEADS)) or low in PARTICLES:
            break
        if taken and capital and not word[0].isupper():
            break  # "Vinicius Silva pela loja": a name written with capitals ends at a small word
        capital = capital or (not taken and word[0].isupper())
        end, taken = m.end(), taken + 1
        if text[end:end + 1] != " ":
            break
        pos = end + 1
    return end


def _weak_name_end(text: str, at: int) -> int:
    """Where a name after "this is" / "I'm" ends (== at when none starts there)."""
    m = _WEAK_NAME.match(text, at)
    if m is None or not _SPEAKING.match(text, m.end()):
        return at
    words = [w for w in m.group(0).split(" ") if w not in PARTICLES]
    if any(w.lower() in NOT_NAMES or describes(w) for w in words):
        return at
    return m.end()


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each introduced name, by either kind of cue, in order."""
    found = [(c.end(), _name_end(text, c.end())) for c in _CUE.finditer(text)]
    found += [(c.end(), _weak_name_end(text, c.end())) for c in _WEAK_CUE.finditer(text)]
    return sorted((a, b) for a, b in found if b > a)


def redact_introduced(text: str) -> str:
    """The text with each introduced name replaced by [name]."""
    out, last = [], 0
    for start, end in _spans(text):
        if start < last:
            continue
        out += [text[last:start], NAME_TOKEN]
        last = end
    return "".join(out) + text[last:] if out else text
