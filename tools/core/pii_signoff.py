"""Names a message ends on: a sign-off ("Regards, Priya S.", "signed, Tom", "-- Ahmed", "Kind
regards,\nMaria Santos") and a bare introduction with nothing after it ("I am Maria", "I'm
Maria :)"). tools/core/pii_intro.py takes "I am X" only when words after it say a person is
speaking ("from", "here"), because "I am" mostly goes on with a description; at the very end of
a message nothing goes on, and a capitalised word there that is no description is a name.

Both ask for capitals (a name as people write one, an initial allowed after the first word:
"Priya S."), and no word of the name may be one that describes or addresses a group: "regards,
the team", "Regards, Customer Services", "I am Very unhappy", "I am Done", "I'm Gutted" stay.
Only the end of the message counts: "Regards, Tom" in the middle of a thread is not a sign-off
this can tell from a greeting.
"""

from __future__ import annotations

import re

from tools.core.pii_intro import NOT_NAMES, PARTICLES, describes
from tools.core.pii_names import NAME_TOKEN

# "Maria", "O'Neill", "Reed-Smith"; an initial after the first word ("Priya S."), or before it
# with its dot ("J. Smith")
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ]?[a-zà-ÿ'’]+)*"
_INITIAL = r"[A-ZÀ-Þ](?![\w'’-])"
_NAME = (rf"(?P<name>(?:[A-ZÀ-Þ]\.[ \t]*)?{_NAME_WORD}"
         rf"(?:[ \t]+(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+)*(?:{_NAME_WORD}|{_INITIAL})){{0,2}})")
_END = r"[^\w]*\Z"
# Cues are matched in any case ("REGARDS", "Signed"); the name keeps its capitals.
SIGNOFF_CUES = (r"signed|(?:kind|best|warm|warmest|many) regards|regards|(?:yours )?(?:sincerely|faithfully|truly)|"
                r"best wishes|all the best|"
                # Portuguese (Olist's reviews end "Att,\r\nAdnailde"): att(enciosamente), cordially, grateful
                r"att|atenciosamente|cordialmente|grat[oa]|abra[çc]os")
# A dash signs off when doubled, long (–, —) or a tilde, or single at the start of a line: "great -
# Would Recommend" is a sentence going on.
_DASHES = r"(?:(?:^|\s)(?:--|—|–|~)|(?:^|\n)[ \t]*-)"
_SIGNOFF = re.compile(rf"(?:(?i:\b(?:{SIGNOFF_CUES}))[ \t]*[,:;.\-–—]?\s*|{_DASHES}[ \t]*){_NAME}{_END}")
# Which texts may hold one, for the screens of tools/core/pii.py (Python, and DuckDB's RE2).
SCREEN = rf"(?i:{SIGNOFF_CUES}|--|—|–|~|\n[ \t]*-|\bi am|\bi'm|\bi’m)"
SQL_SCREEN = rf"(?i:{SIGNOFF_CUES}|--|—|–|~|\n[ \t]*-|i am|i'm|i’m)"
_BARE = re.compile(rf"(?i:\b(?:i am|i'm|i’m))[ \t]+{_NAME}{_END}")
# Words that end a message after "I am" or a sign-off and are no one's name.
_NOT_SIGNED = frozenset("""
team staff customer customers service services support management family everyone all us store shop
out off in on over through gone leaving finished home alright sick broke tired bored lost stuck hungry scared
worried confused unhappy disappointed fuming gutted annoyed frustrated pregnant vegan vegetarian sold impressed
english british irish scottish welsh american canadian australian french german spanish italian brazilian
indian thanks thank cheers hi hello hey dear sir madam anonymous five stars star recommend recommended job well
equipe loja atendimento cliente clientes obrigado obrigada todos senhores vendedor
""".split())


def _is_name(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in PARTICLES and not w.endswith(".")]
    return not any(w.lower() in NOT_NAMES or w.lower() in _NOT_SIGNED or describes(w) for w in words)


def signed_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the name a message ends on, after a sign-off or a bare "I am": at most
    one of each."""
    out = []
    for pattern in (_SIGNOFF, _BARE):
        m = pattern.search(text)
        if m is not None and _is_name(m.group("name")):
            out.append(m.span("name"))
    return out


def redact_signed(text: str) -> str:
    """The text with the name it ends on, after a sign-off or a bare "I am", replaced by [name]."""
    spans = sorted(signed_spans(text))
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out += [text[last:start], NAME_TOKEN]
        last = end
    return "".join(out) + text[last:] if out else text
