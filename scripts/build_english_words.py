"""Build bot/agent/english_words.txt, the offline planner's list of English words it never
"corrects" (a lace doily shop's "doily" is not "daily"), from pyspellchecker's English word list.

    .venv/bin/pip download --no-deps -d /tmp/pyspell pyspellchecker==0.9.1
    .venv/bin/python scripts/build_english_words.py /tmp/pyspell/pyspellchecker-0.9.1-py3-none-any.whl

Source: pyspellchecker 0.9.1 (PyPI), spellchecker/resources/en.json.gz, a word frequency list
built from OpenSubtitles word counts and filtered and extended with word lists by its author; MIT
licence (copyright Tyler Barrus), which allows redistribution in a commercial product with the
notice: it is kept beside the list as bot/agent/english_words.LICENSE.

Kept: every word of four letters or more made of a-z only (the speller never touches shorter
words; "doily's" and accented words are read by other means), 126,000 words in 1.2 MB. Left
out: the few entries the list carries as rare words or names that a shop owner types only as a
typo of one of the planner's words (MISSPELLINGS: "payed" is paid, "chanel" channel, "takins"
takings), found by `bench/speller_words.py`-style runs of one-edit typos of the planner's terms
against the list.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bot" / "agent" / "english_words.txt"
LICENSE = ROOT / "bot" / "agent" / "english_words.LICENSE"

# Entries of the list that are far more often a slip of the planner's words than meant: names
# ("chanel", "barth", "deon", "leda", "ryle", "sade", "cali", "olen"), archaic or technical words
# ("payed", "recept", "regin", "takins", "medan", "topis", "thees", "tabes", "tucket", "draff",
# "calk", "alar", "phons", "batt", "batu", "catt", "sars").
MISSPELLINGS = frozenset("""
alar barth batt batu cali calk catt chanel deon draff leda medan olen payed phons recept regin ryle
sade sars tabes takins thees topis tucket
""".split())

HEADER = """\
# English words the offline planner's speller never "corrects" (bot/agent/fuzzy.py), one a line.
# Built by scripts/build_english_words.py from pyspellchecker 0.9.1's English word list
# (spellchecker/resources/en.json.gz), MIT licence, copyright Tyler Barrus: see english_words.LICENSE.
"""


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        counts = json.loads(gzip.decompress(z.read("spellchecker/resources/en.json.gz")))
        licence = next(z.read(n) for n in z.namelist() if n.endswith("LICENSE"))
    kept = sorted(w for w in counts if len(w) >= 4 and w.isascii() and w.isalpha() and w.islower()
                  and w not in MISSPELLINGS)
    OUT.write_text(HEADER + "\n".join(kept) + "\n", encoding="ascii")
    LICENSE.write_bytes(licence)
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} words, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
