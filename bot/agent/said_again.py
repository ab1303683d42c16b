"""A period said, then taken back: "for the spring... i mean since september", "in may, sorry,
june", "last week - no wait, this week". The owner corrects themself mid-sentence; the period
said after the correction is the one meant, so the one taken back is dropped before any period is
read (read first, it won, and the answer covered the wrong months).
"""

from __future__ import annotations

import re

from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAYS_WEEKS_MONTHS

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# the heads a period ends on ("the spring", "last week", "q3", "the past 30 days", "2025")
_HEAD = (rf"(?:{_MONTH}|spring|summer|autumn|fall|winter|christmas|easter|q[1-4]|yesterday|today|weekend|"
         rf"(?:day|week|fortnight|month|quarter|year|term|season)s?|\d{{4}}|(?:\d+|[a-z]+) {DAYS_WEEKS_MONTHS})")
_PREP = r"(?:for|in|over|during|since|from|across|through|throughout|until|till|before|after|of)"
_MARK = r"(?:i mean|i meant|sorry|no wait|wait|or rather|make that|scratch that|correction|actually no)"
_TAKEN_BACK = lazy(
    rf"(?:\b(?P<prep>{_PREP}) )?(?:(?:the|this|last|past|previous|next|that|early|late|mid|whole|entire|first|second|half|of|\d+) ){{0,4}}{_HEAD}\b"
    rf"\s*(?:\.{{2,}}|…|,|;|\s-+|\s–)\s*{_MARK}\b[,:]?\s*(?=(?P<next>{_PREP}\b)?)")


def _kept(m: re.Match[str]) -> str:
    # "for the spring... i mean since september": the correction brings its own preposition
    return "" if m.group("next") or not m.group("prep") else m.group("prep") + " "


def without_taken_back(t: str) -> str:
    """The lower-cased question without a period the owner took back ("may, sorry, june": june)."""
    return _TAKEN_BACK.sub(_kept, t)
