"""The analysis just shown, asked for again with one thing changed: "hut funnel again, broken out
by the channel folk first came in on", "owl map - just the checkout step in detail", "kulfi: only
the bad-news themes" (lane tune35, blind23's follow-up misses). The words name the same analysis
as the last answer (so the ranker's best tool is the last one) and say it is that one again or
narrowed ("again", "just", "only"), with no period of their own: the thread's period and filters
are kept and the one change made, not a fresh question over the default span."""

from __future__ import annotations

from bot.agent.patterns import lazy

# "again" anywhere; "just"/"only" narrowing what is shown ("just the checkout step", "only the
# bad-news themes", "only the ones that came by email"), not "only just", "just how many"
_AGAIN = lazy(r"\b(?:again|once more)\b|\b(?:just|only)\b(?! (?:just|how|about|started|opened|begun|began)\b)")
_SHORT = 12  # words: a longer message is a question of its own, whatever its "just"


def same_analysis_again(text: str, best_tool: str | None, prev_tool: str, has_period: bool) -> bool:
    """Whether `text` asks for the last analysis (`prev_tool`) again, narrowed or re-cut."""
    if has_period or best_tool != prev_tool:
        return False
    return len(text.split()) <= _SHORT and bool(_AGAIN.search(text))
