"""What a question turns down after a comma: "by channel, not segment", "orders, not revenue",
"per first-touch channel then, not late vs on time". The words after "not" name what the owner
does NOT want, so they are no KPI, group or period to read."""

from __future__ import annotations

from bot.agent.patterns import lazy

# ", not <a few words>" closing the question or its clause; not "not counting refunds", "not just
# online", "not yet", "not sure", which qualify what is asked rather than turn something down
_TURNED_DOWN = lazy(r",\s*not (?!(?:counting|including|incl|excluding|just|only|even|yet|sure|that|so|too|much|many|"
                          r"bad|great|good|long|all|every|one|any|quite|really|as)\b)(?:the |our |by |per |for )?"
                          r"[\w%-]+(?: [\w%-]+){0,5}\s*(?=[?.!]*$|[,;])")
# "by crm segment instead of category", "per month rather than per week": the split turned down
# at the close of the question
_IN_PLACE_OF = lazy(r"\s+(?:instead of|rather than|in place of) (?:the |our |by |per )?[\w%-]+(?: [\w%-]+){0,2}\s*(?=[?.!]*$)")


def without_turned_down(t: str) -> str:
    """The lower-cased question without the closing ", not ..." it turns down."""
    return _TURNED_DOWN.sub("", t)


def without_split_in_place_of(t: str) -> str:
    """The question without the split it turns down at its close ("by segment instead of
    category"), for a tool that reads one split from the words (the slots keep the words: "stage
    by stage rather than touchpoint by touchpoint" still says what kind of answer is wanted)."""
    return _IN_PLACE_OF.sub("", without_turned_down(t))
