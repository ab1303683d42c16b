"""A customer dimension's groups named in the plural with no "by": "how satisfied are our
segments?", "how are the regions doing?" ask about each group, so they read as a breakdown. So do
the groups said with "-wise" ("town wise takings", "segment-wise orders"), Indian English's "by"."""

from __future__ import annotations

from bot.agent.patterns import rx

# Only the plural: "how is our segment doing" (one group, named) is not a split.
_PLURALS = (
    (r"segments|customer groups|tiers", "segment"),
    (r"regions|counties|districts|provinces", "region"),
    (r"channels|platforms|marketing channels|traffic sources", "channel"),
    (r"cities|towns|locations", "city"),
    (r"age bands|age groups|age brackets", "age_band"),
)
# "town wise", "channel-wise", "age group wise": each group's own figure, whatever the KPI
_WISE_DIMS = (("segment", "segment"), ("tier", "segment"), ("region", "region"), ("county", "region"),
              ("channel", "channel"), ("platform", "channel"), ("source", "channel"), ("city", "city"), ("town", "city"),
              ("suburb", "city"), ("area", "region"), ("location", "city"), ("age", "age_band"))
_WISE = r"\b(segment|tier|region|county|channel|platform|source|city|town|suburb|area|location|age(?: band| group| bracket)?)[- ]?wise\b"
_OWNER = r"(?:all\s+)?(?:the|our|my|your|these|those)\s+(?:customer\s+|marketing\s+)?"


def plural_groups(t: str) -> tuple[int, str] | None:
    """Where and which dimension a "how ... are our <groups> ..." or "<group>-wise" question splits by."""
    wise = rx.search(_WISE, t)
    if wise:
        return wise.start(), next(dim for name, dim in _WISE_DIMS if wise.group(1).startswith(name))
    if not rx.search(r"\bhow\b", t):
        return None
    for words, dim in _PLURALS:
        m = rx.search(rf"\bhow\b[^.?!]*?\b(?:are|were|is|was|do|did|have|has|'re)\s+{_OWNER}(?:{words})\b", t)
        if m:
            return m.start(), dim
    return None
