"""The period before, said as a bare "last" with more of the sentence after it (lane probe18a):
"did we do better this month than last on takings", "more bookings this week than last, for the
vips". bot/agent/against_words.py reads a bare "last" at the end of the comparison; a word after
it was read as its unit ("than last year", "vs last friday"), so only the words that start the
rest of the sentence (a preposition, a conjunction, a comma) are allowed here.
"""

from __future__ import annotations

# "than last on venue hire", "vs last, for the vips", "than last for takings" (never "than last
# week", "vs last 30 days", "than last time", "than last christmas")
LAST_THEN_MORE = (r"\b(?:than|vs\.?|versus|against|compared (?:to|with)) (?:the )?(?:last|previous|prior)(?: one)?"
                  r"(?=\s*(?:[,;:!?)]|-|(?:on|for|in|at|across|among|amongst|with|and|but|or|when|by|from|re|regarding)\b))")
