""""What alerts have I told you to watch for", "which numbers did we ask you to keep an eye
on": a question about the rules already set, answered by listing them. Its words ("watch
for", "keep an eye on", "flag") are those of an order, so it must never be read as one: a
question must not propose a new rule."""

from __future__ import annotations

# A what/which question about what the owner told, asked or set the bot to do, with no
# condition of its own ("what should I tell you to watch for if sales dip" is advice, not this).
ASKED_RULES = (r"^(?:[\w' &-]{1,30}: )?(?:(?:ok|okay|so|and|right|quick one|remind me|can you remind me|"
               r"could you remind me|just checking|sorry),? )*(?:what|which)\b"
               r"(?:(?!\b(?:if|when|whenever|once|should)\b)[^.?!]){0,40}?"
               r"\b(?:(?:have|did|had|do) (?:i|we)|(?:i|we)'ve) (?:already |ever |previously )?"
               r"(?:told|tell|asked|ask|got|get|had|set|instructed|instruct)"
               r" (?:you|the bot|journeybot)\b(?!.*\b(?:if|when|whenever|once)\b)")
