"""Journey stages and the touchpoint -> stage map.

The six stages are fixed by the product; the touchpoint map is configuration. Exports from
web analytics or a CRM often carry only a touchpoint ("Add to cart", "In-store visit"), so
ingest looks the stage up here. Names are normalised (lower case, spaces and dashes to
underscores) so "In-Store Visit" and "instore-visit" are not two touchpoints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

STAGES: tuple[str, ...] = (
    "awareness",
    "consideration",
    "decision",
    "purchase",
    "post-purchase",
    "advocacy",
)
Stage = Literal["awareness", "consideration", "decision", "purchase", "post-purchase", "advocacy"]

STAGE_INDEX: dict[str, int] = {s: i for i, s in enumerate(STAGES)}

# Other names for the stages seen in marketing writing and exports; "action" is what the seeds
# call purchase.
STAGE_ALIASES: dict[str, str] = {
    "discovery": "awareness",
    "interest": "consideration",
    "evaluation": "consideration",
    "research": "consideration",
    "intent": "decision",
    "action": "purchase",
    "conversion": "purchase",
    "post_purchase": "post-purchase",
    "postpurchase": "post-purchase",
    "retention": "post-purchase",
    "loyalty": "post-purchase",
    "service": "post-purchase",
    "after_sales": "post-purchase",  # "after sales", "after-sales": the care after the sale
    "after-sales": "post-purchase",
    "referral": "advocacy",
}


@dataclass(frozen=True)
class TouchpointInfo:
    stage: str
    online: bool
    description: str = ""


# The default map covers the touchpoints of a small shop that sells online and in store, and
# the marketing sources the seeds list (email, social, ads, referrals). Config extends or
# overrides it under [touchpoints].
DEFAULT_TOUCHPOINTS: dict[str, TouchpointInfo] = {
    # awareness
    "ad_impression": TouchpointInfo("awareness", True, "saw a paid ad"),
    "ad_click": TouchpointInfo("awareness", True, "clicked a paid ad"),
    "social_post_view": TouchpointInfo("awareness", True, "saw a social media post"),
    "social_engagement": TouchpointInfo("awareness", True, "liked, commented on or saved a post"),
    "social_referral": TouchpointInfo("awareness", True, "arrived from a social media link"),
    "search_result": TouchpointInfo("awareness", True, "found the shop in a search engine"),
    "email_send": TouchpointInfo("awareness", True, "was sent a marketing email"),
    "email_open": TouchpointInfo("awareness", True, "opened a marketing email"),
    "word_of_mouth": TouchpointInfo("awareness", False, "heard about the shop from someone"),
    "flyer": TouchpointInfo("awareness", False, "picked up a flyer or saw a poster"),
    "local_event": TouchpointInfo("awareness", False, "met the shop at a market or local event"),
    # consideration
    "website_visit": TouchpointInfo("consideration", True, "visited the website"),
    "page_view": TouchpointInfo("consideration", True, "viewed a web page"),
    "product_view": TouchpointInfo("consideration", True, "looked at a product page"),
    "view": TouchpointInfo("consideration", True, "viewed a product (web analytics export)"),
    "menu_view": TouchpointInfo("consideration", True, "looked at the menu or price list"),
    "email_click": TouchpointInfo("consideration", True, "clicked a link in a marketing email"),
    "reviews_read": TouchpointInfo("consideration", True, "read reviews"),
    "instore_visit": TouchpointInfo("consideration", False, "visited the shop"),
    "phone_call": TouchpointInfo("consideration", False, "phoned the shop with a question"),
    # decision
    "add_to_cart": TouchpointInfo("decision", True, "added something to the basket"),
    "cart": TouchpointInfo("decision", True, "added to cart (web analytics export)"),
    "remove_from_cart": TouchpointInfo("decision", True, "removed something from the basket"),
    "checkout_start": TouchpointInfo("decision", True, "started checkout"),
    "quote_request": TouchpointInfo("decision", True, "asked for a quote (catering, custom order)"),
    "tasting": TouchpointInfo("decision", False, "came in for a tasting or consultation"),
    # purchase
    "order_placed": TouchpointInfo("purchase", True, "placed an order online"),
    "purchase": TouchpointInfo("purchase", True, "purchased (web analytics export)"),
    "instore_purchase": TouchpointInfo("purchase", False, "bought in the shop"),
    "phone_order": TouchpointInfo("purchase", False, "ordered by phone"),
    # post-purchase
    "order_pickup": TouchpointInfo("post-purchase", False, "collected an order in the shop"),
    "delivery": TouchpointInfo("post-purchase", False, "received a delivery"),
    "receipt_email": TouchpointInfo("post-purchase", True, "received the order confirmation"),
    "support_contact": TouchpointInfo("post-purchase", True, "contacted support online"),
    "support_call": TouchpointInfo("post-purchase", False, "called support"),
    "survey_response": TouchpointInfo("post-purchase", True, "answered a survey"),
    "loyalty_signup": TouchpointInfo("post-purchase", True, "joined the loyalty scheme"),
    # advocacy
    "review_posted": TouchpointInfo("advocacy", True, "posted a public review"),
    "referral_sent": TouchpointInfo("advocacy", True, "referred a friend"),
    "social_share": TouchpointInfo("advocacy", True, "shared the shop on social media"),
    "testimonial": TouchpointInfo("advocacy", False, "gave a testimonial or recommendation"),
}

# Web touchpoints whose sessions count for bounce and exit rates.
WEB_TOUCHPOINTS: frozenset[str] = frozenset(
    {"website_visit", "page_view", "product_view", "view", "menu_view", "reviews_read",
     "add_to_cart", "cart", "remove_from_cart", "checkout_start", "order_placed", "purchase"}
)

_NON_WORD = re.compile(r"[\s\-/]+")


def normalize_touchpoint(name: str) -> str:
    """'In-Store Visit ' -> 'instore_visit': lower case, underscores, then the alias table."""
    key = _NON_WORD.sub("_", name.strip().lower()).strip("_")
    return _TOUCHPOINT_ALIASES.get(key, key)


# Spellings of the same touchpoint that exports use.
_TOUCHPOINT_ALIASES: dict[str, str] = {
    "in_store_visit": "instore_visit",
    "store_visit": "instore_visit",
    "in_store_purchase": "instore_purchase",
    "store_purchase": "instore_purchase",
    "pos_sale": "instore_purchase",
    "email_sent": "email_send",
    "email_opened": "email_open",
    "email_clicked": "email_click",
    "pickup": "order_pickup",
    "collection": "order_pickup",
    "checkout": "checkout_start",
    "checkout_complete": "order_placed",
    "order": "order_placed",
    "referral": "referral_sent",
    "review": "review_posted",
    "event": "local_event",
    "call": "phone_call",
}


def normalize_stage(name: str) -> str | None:
    """Return the canonical stage for a stage name or alias, or None if it is not one."""
    key = name.strip().lower().replace(" ", "-").replace("_", "-")
    if key in STAGE_INDEX:
        return key
    alias = STAGE_ALIASES.get(key.replace("-", "_")) or STAGE_ALIASES.get(key)
    return alias


@dataclass(frozen=True)
class TouchpointMap:
    """Touchpoint -> (stage, online). Built from the defaults plus config overrides."""

    entries: Mapping[str, TouchpointInfo]

    @classmethod
    def default(cls) -> TouchpointMap:
        return cls(dict(DEFAULT_TOUCHPOINTS))

    @classmethod
    def from_config(cls, overrides: Mapping[str, Mapping[str, object]] | None) -> TouchpointMap:
        """Overrides look like {"tasting_menu": {"stage": "decision", "online": false}}."""
        entries = dict(DEFAULT_TOUCHPOINTS)
        for raw_name, spec in (overrides or {}).items():
            name = normalize_touchpoint(raw_name)
            stage = normalize_stage(str(spec.get("stage", "")))
            if stage is None:
                raise ValueError(
                    f"touchpoint {raw_name!r}: stage {spec.get('stage')!r} is not one of "
                    f"{', '.join(STAGES)}"
                )
            online = spec.get("online", entries[name].online if name in entries else True)
            if not isinstance(online, bool):
                raise ValueError(f"touchpoint {raw_name!r}: online must be true or false")
            entries[name] = TouchpointInfo(stage, online, str(spec.get("description", "")))
        return cls(entries)

    def lookup(self, touchpoint: str) -> TouchpointInfo | None:
        return self.entries.get(normalize_touchpoint(touchpoint))

    def offline_touchpoints(self) -> list[str]:
        return sorted(k for k, v in self.entries.items() if not v.online)
