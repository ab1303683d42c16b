"""The business profile: which money, which time zone, how numbers are written and what the
shop's order statuses mean. It belongs to the data, so it is kept in the journey store next to
the tables (tools/data/profile_store.py) and travels with the data folder; config ([business])
and recipes ([profile]) set it, and `journeybot describe` suggests it from the data.

Order statuses: exports name them in their own words (Olist "delivered", "shipped",
"unavailable"; Shopify "paid", "refunded"; WooCommerce "processing", "on-hold"). Every raw
status is mapped to one of four kinds, and the raw word is kept, so answers can say "5,172
completed orders (plus 1,107 shipped, not yet delivered; 625 cancelled; 609 unavailable)":

- completed: the sale happened (counts in orders, revenue, AOV, repeat rate, churn, CLV);
- pending: placed but not finished yet (shipped, processing, on hold): named, not counted;
- cancelled: never became a sale (cancelled, voided, failed, unavailable);
- returned: sold, then returned or refunded (not counted as revenue).

An order with no status counts as completed: a sales export that lists only what was sold.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tools.core.money import CURRENCY_LOCALES, NumberFormat, check_currency, check_locale

OrderKind = Literal["completed", "pending", "cancelled", "returned"]
ORDER_KINDS: tuple[OrderKind, ...] = ("completed", "pending", "cancelled", "returned")

# Vendor words for order statuses (Shopify, WooCommerce, Magento, Square, Stripe, Olist, PayPal,
# marketplaces), normalised (lower case, underscores). The profile can move any word to
# another kind or add new ones.
DEFAULT_ORDER_STATUSES: dict[OrderKind, tuple[str, ...]] = {
    "completed": ("completed", "complete", "delivered", "fulfilled", "paid", "succeeded", "success",
                  "settled", "captured", "done", "finished", "collected", "picked_up"),
    "pending": ("pending", "processing", "shipped", "invoiced", "approved", "created", "open",
                "on_hold", "hold", "holded", "authorized", "authorised", "partially_paid",
                "unfulfilled", "partially_fulfilled", "partial", "in_transit", "awaiting_payment",
                "awaiting_shipment", "awaiting_fulfillment", "ready_for_pickup", "confirmed",
                "placed", "new", "draft", "checkout_draft", "backordered", "scheduled"),
    "cancelled": ("cancelled", "canceled", "voided", "void", "unavailable", "failed", "declined",
                  "expired", "abandoned", "rejected", "lost", "no_show", "noshow", "missed"),
    "returned": ("returned", "refunded", "partially_refunded", "return", "chargeback",
                 "charged_back", "disputed", "exchanged"),
}

_NON_WORD = re.compile(r"[\s\-/]+")


def normalize_status(raw: str) -> str:
    """'Partially Refunded ' -> 'partially_refunded', 'on-hold' -> 'on_hold'."""
    return _NON_WORD.sub("_", raw.strip().lower()).strip("_")


class OrderStatuses(BaseModel):
    """Raw order statuses by kind, added to (and overriding) the built-in vocabulary."""

    model_config = ConfigDict(extra="forbid")

    completed: list[str] = Field(default_factory=list, description="raw statuses that are sales")
    pending: list[str] = Field(default_factory=list, description="placed, not finished yet")
    cancelled: list[str] = Field(default_factory=list, description="never became a sale")
    returned: list[str] = Field(default_factory=list, description="sold, then returned or refunded")

    @field_validator("completed", "pending", "cancelled", "returned")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        out = [normalize_status(str(w)) for w in v]
        if any(not w for w in out):
            raise ValueError("an order status cannot be empty")
        return out

    @model_validator(mode="after")
    def _once(self) -> OrderStatuses:
        seen: dict[str, str] = {}
        for kind in ORDER_KINDS:
            for word in getattr(self, kind):
                if word in seen and seen[word] != kind:
                    raise ValueError(f"order status {word!r} is listed as both {seen[word]} and {kind}")
                seen[word] = kind
        return self

    def is_empty(self) -> bool:
        return not any(getattr(self, k) for k in ORDER_KINDS)

    def vocabulary(self) -> dict[str, OrderKind]:
        """Every known raw status (normalised) -> its kind: the defaults, then these."""
        vocab: dict[str, OrderKind] = {w: k for k, words in DEFAULT_ORDER_STATUSES.items() for w in words}
        for kind in ORDER_KINDS:
            vocab.update({w: kind for w in getattr(self, kind)})
        return vocab


def _merge_statuses(old: dict[str, list[str]], new: dict[str, list[str]]) -> dict[str, list[str]]:
    moved = {w for words in new.values() for w in words}
    return {k: [w for w in old.get(k, []) if w not in moved] + [w for w in new.get(k, []) if w not in old.get(k, [])]
            for k in ORDER_KINDS}


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}; use an IANA name such as Europe/London, "
                         "America/Sao_Paulo or UTC") from None
    return name


# The keys of a profile and what each is for (describe and `journeybot profile` show them).
PROFILE_KEYS: dict[str, str] = {
    "currency": "ISO 4217 code every amount is shown in",
    "timezone": "IANA time zone: days, weeks and months are cut in it, and timestamps written "
                "without an offset are read in it",
    "locale": "how numbers and amounts are written (decimal and grouping marks, symbol place)",
    "order_statuses": "which raw order statuses count as completed, pending, cancelled, returned",
    "delivery_promise": "when a delivery is due: days after the order, or the orders column "
                        "with each order's promised date",
    "assumed_year": "the year put on dates whose export has none (month names only): said as "
                    "assumed wherever the data's dates are",
}
DEFAULTS: dict[str, Any] = {"currency": "GBP", "timezone": "Europe/London", "locale": None,
                            "order_statuses": None, "delivery_promise": None,
                            "assumed_year": None}


class ProfileSettings(BaseModel):
    """Profile keys as config, recipes and `journeybot profile set` give them: every key
    optional, so a source sets only what it knows."""

    model_config = ConfigDict(extra="forbid")

    currency: str | None = Field(default=None, description=PROFILE_KEYS["currency"])
    timezone: str | None = Field(default=None, description=PROFILE_KEYS["timezone"])
    locale: str | None = Field(default=None, description=PROFILE_KEYS["locale"])
    order_statuses: OrderStatuses | None = Field(default=None, description=PROFILE_KEYS["order_statuses"])
    # The delivery promise: None = [analytics] delivery_promise_days; a whole number
    # = that many days after the order day; text = the orders column with each order's promised
    # (or estimated) delivery date, loaded as orders.promised_at.
    delivery_promise: int | str | None = Field(default=None, description=PROFILE_KEYS["delivery_promise"])
    # (lane real27a) UCI shoppers has months but no year: its recipe dates them in 2017, which
    # answers must not pass off as the data's own year.
    assumed_year: int | None = Field(default=None, ge=1900, le=2200, description=PROFILE_KEYS["assumed_year"])

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str | None) -> str | None:
        return None if v is None else check_currency(v)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str | None) -> str | None:
        return None if v is None else check_timezone(v)

    @field_validator("locale")
    @classmethod
    def _locale(cls, v: str | None) -> str | None:
        return None if v is None else check_locale(v)

    def given(self) -> dict[str, Any]:
        """The keys this source sets, as plain values."""
        return self.model_dump(mode="json", exclude_none=True)


def set_by_owner(source: str) -> bool:
    """Whether the owner chose this value themselves: in their config file or with `journeybot
    profile set`. A recipe's [profile], a vendor export's currency column and a store opened
    with a zone in code are guesses about the data, which the owner's choice outranks."""
    return source == "config" or source.startswith(("config ", "journeybot profile set"))


def owner_first(current: BusinessProfile, given: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A recipe's [profile] split into (what it may set, what it may not): a key the owner set
    keeps the owner's value, and the recipe fills only what the owner left unset. Order
    statuses merge word by word (with_updates) and are always applied: a recipe names words its
    export uses that the owner has not."""
    kept = {k: v for k, v in given.items()
            if k != "order_statuses" and set_by_owner(current.sources.get(k, "default"))}
    return {k: v for k, v in given.items() if k not in kept}, kept


def zone_line(profile: BusinessProfile, recipe_zone: str | None = None) -> str:
    """The load report's word on the time zone: which one the load used and where it came from,
    and a recipe's zone the owner's own setting outranked."""
    source = profile.sources.get("timezone", "default")
    if source == "default":
        origin = "assumed: nobody set one"
    elif source.startswith("journeybot profile set"):
        origin = "set with `journeybot profile set`"
    else:
        origin = f"set in your {source}" if set_by_owner(source) else f"from {source}"
    line = f"Time zone: {profile.timezone} ({origin})"
    if recipe_zone and recipe_zone != profile.timezone and set_by_owner(source):
        line += f"; the recipe's [profile] says {recipe_zone}, but your own setting wins"
    return line + "."


def check_settings(values: dict[str, Any]) -> ProfileSettings:
    """Validated profile keys; ValueError saying which key is wrong and why (no pydantic dump)."""
    try:
        return ProfileSettings.model_validate(values)
    except ValidationError as exc:
        raise ValueError("; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors())) from None


class BusinessProfile(BaseModel):
    """The effective profile: every key has a value and says where it came from."""

    model_config = ConfigDict(frozen=True)

    currency: str = DEFAULTS["currency"]
    timezone: str = DEFAULTS["timezone"]
    locale: str | None = None  # None: the currency's usual locale
    order_statuses: OrderStatuses = Field(default_factory=OrderStatuses)
    delivery_promise: int | str | None = None
    assumed_year: int | None = None
    # key -> where its value came from: "default", "config ...", "recipe ...", "data ...", ...
    sources: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def build(cls, values: dict[str, Any], sources: dict[str, str] | None = None) -> BusinessProfile:
        settings = ProfileSettings.model_validate(values)
        given = {k: getattr(settings, k) for k in settings.model_fields_set if getattr(settings, k) is not None}
        src = {k: (sources or {}).get(k, "set") if k in given else "default" for k in PROFILE_KEYS}
        return cls(**given, sources=src)

    def with_updates(self, updates: dict[str, Any], source: str) -> BusinessProfile:
        """This profile with the keys of `updates` set by `source` (ValueError when a value is
        wrong). Order statuses are merged word by word: a word the update lists takes the
        kind it gives, the other words keep theirs."""
        given = check_settings(updates).given()
        values, sources = self.stored(), {k: v for k, v in self.sources.items() if v != "default"}
        for key, value in given.items():
            if key == "order_statuses" and "order_statuses" in values:
                value = _merge_statuses(values["order_statuses"], value)
            values[key] = value
            sources[key] = source
        return BusinessProfile.build(values, sources)

    @property
    def numbers(self) -> NumberFormat:
        return NumberFormat.of(self.currency, self.locale)

    def numbers_in(self, currency: str | None = None) -> NumberFormat:
        """The business's number format, or another currency's (in its usual locale) when a
        caller names one that is not the profile's."""
        if currency and currency.strip().upper() != self.currency:
            return NumberFormat.of(currency)
        return self.numbers

    @property
    def effective_locale(self) -> str:
        return self.locale or CURRENCY_LOCALES.get(self.currency, "en_GB")

    def vocabulary(self) -> dict[str, OrderKind]:
        return self.order_statuses.vocabulary()

    def kind_of(self, raw_status: str | None) -> OrderKind | None:
        """The kind of a raw status; completed for none; None when the word is unknown."""
        if raw_status is None or not str(raw_status).strip():
            return "completed"
        return self.vocabulary().get(normalize_status(str(raw_status)))

    def assumed(self) -> list[str]:
        """Keys nobody set (their defaults are an assumption worth saying)."""
        return [k for k in ("currency", "timezone") if self.sources.get(k, "default") == "default"]

    def currency_note(self) -> str | None:
        """What to say under amounts while nobody has set the currency: they are written in the
        default's signs, which an export without a currency (REES46's prices) does not support."""
        if "currency" not in self.assumed():
            return None
        return (f"amounts are shown in {self.currency} only by assumption: nothing in the config, a recipe "
                f"or the data says which currency they are in (set it with `journeybot profile set "
                f"currency=XXX`)")

    def currency_note_for(self, text: str, notes: tuple[str, ...] | list[str] = ()) -> str | None:
        """currency_note, for an answer that writes an amount in the default's signs and does not
        say it already (in its text, as describe_data and the KPIs do, or among its notes)."""
        note = self.currency_note()
        if not note or self.numbers.symbol not in text:
            return None
        said = (f"amounts are shown in {self.currency}".lower() in text.lower()
                or any(n.lower() == note.lower() for n in notes))
        return None if said else note

    def stored(self) -> dict[str, Any]:
        """The keys someone set, as plain values (what the store keeps)."""
        out: dict[str, Any] = {}
        for k in PROFILE_KEYS:
            if self.sources.get(k, "default") == "default":
                continue
            v = getattr(self, k)
            out[k] = v.model_dump(mode="json") if isinstance(v, BaseModel) else v
        return out
