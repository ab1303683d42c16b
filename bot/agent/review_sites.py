"""Review sites named in a question ("amazon reviews against yelp", "what are people saying on
tripadvisor"). The feedback journeybot reads is the loaded surveys' and tickets' texts; a review
site is one only when an export of it was loaded (its name in a survey's source or channel).
Otherwise the answer says the site's reviews are not in the data, instead of answering about
the surveys as if they were the site's."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx

SITES = lazy(r"\b(yelp|trip ?advisor|trustpilot|feefo|reviews\.io|(?:google|amazon|facebook|airbnb|booking\.com|etsy|"
                   r"ebay|apple|app store|play store) (?=(?:reviews?|ratings?|stars?)\b))")


def sites_named(t: str) -> list[tuple[str, str]]:
    """("review_site", name) for each review site the (normalised) question names."""
    return [("review_site", m.group(1).strip()) for m in SITES.finditer(t)]


def not_loaded(store: Any, site: str) -> str | None:
    """What the answer says of a review site whose reviews the data does not hold (None: held)."""
    like = "%" + rx.sub(r"[^a-z0-9]+", "%", site.lower()) + "%"
    try:
        with store.connect() as con:
            held = con.execute("SELECT count(*) FROM surveys WHERE lower(coalesce(source, '')) LIKE ? "
                               "OR lower(coalesce(channel, '')) LIKE ?", [like, like]).fetchone()[0]
    except Exception:  # noqa: BLE001 - no surveys at all: nothing of the site either
        held = 0
    if held:
        return None
    return f"{site.title()}'s own reviews are not in the loaded data: this reads the loaded surveys and tickets"
