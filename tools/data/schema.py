"""The journey tables: their columns, types, checks and keys.

One declaration drives the DuckDB DDL, ingest validation, the data description and the docs,
so the four cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tools.core.profile import ORDER_KINDS
from tools.core.stages import STAGES

Kind = Literal["id", "text", "timestamp", "int", "float", "bool", "stage", "json"]

SQL_TYPES: dict[str, str] = {
    "id": "VARCHAR",
    "text": "VARCHAR",
    "timestamp": "TIMESTAMPTZ",
    "int": "INTEGER",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
    "stage": "VARCHAR",
    "json": "VARCHAR",
}

EXPECTED: dict[str, str] = {
    "id": "a non-empty identifier",
    "text": "text",
    "timestamp": "a timestamp such as 2026-05-01 14:30 or 2026-05-01T14:30:00+01:00",
    "int": "a whole number",
    "float": "a number such as 12.50 (for amounts written 12,50 set decimal_comma = true in the mapping's options)",
    "bool": "true or false",
    "stage": "one of " + ", ".join(STAGES),
    "json": "a JSON object",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    description: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] | None = None
    # Codes such as channels are stored lower case with underscores ("Word of mouth" ->
    # "word_of_mouth"), so filters and breakdowns do not split one channel in two.
    code: bool = False
    # Text customers wrote (survey answers, tickets): emails, phone numbers and card numbers
    # in it are redacted at ingest, before anything is stored (tools/core/pii.py).
    free_text: bool = False
    # ISO codes (currencies) are stored upper case: "eur" and "EUR" are one currency.
    upper: bool = False

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]

    @property
    def expected(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        text = EXPECTED[self.kind]
        if self.min is not None and self.max is not None:
            return f"{text} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{text} of at least {self.min:g}"
        return text


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    # Columns that identify a row across exports. Re-ingesting a row with the same key
    # replaces it (orders change status, tickets get resolved); events have no id in most
    # exports, so their key is what makes two events the same event.
    key: tuple[str, ...]
    replace_on_key: bool = True
    # The timestamp column that dates a row (coverage, periods).
    time_column: str | None = None
    # customer_id must exist in customers (or be created, if the mapping says so).
    checks_customer: bool = False
    # At least one of these must be present in every row.
    one_of: tuple[str, ...] = ()
    # Row-level ordering rules: (earlier, later) timestamps.
    ordered: tuple[tuple[str, str], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


# The four kinds of order (tools/core/profile.py); the export's own word is kept in status_raw
# and mapped to its kind by the business profile's order-status vocabulary at ingest.
ORDER_STATUSES = ORDER_KINDS
TICKET_STATUSES = ("open", "pending", "resolved", "closed")
# Columns several tables share, with one meaning.
_SOURCE = Column("source", "text", False, "which file or mapping the row came from")
_STAGE = Column("stage", "stage", False, "journey stage; looked up from the touchpoint if absent")

CUSTOMERS = Table(
    name="customers",
    description="One row per customer or known prospect (CRM export).",
    columns=(
        Column("customer_id", "id", True, "the customer's id in the source system"),
        Column("first_seen", "timestamp", False, "when the customer was first seen"),
        Column("city", "text", False, "city or town"),
        Column("region", "text", False, "region, state or county"),
        Column("segment", "text", False, "segment the business assigned (CRM)"),
        Column("acquisition_channel", "text", False, "channel the customer came from", code=True),
        Column("age_band", "text", False, "age band, e.g. 25-34"),
        Column("gender", "text", False, "gender as recorded by the business"),
        Column("attributes", "json", False, "other columns of the export, as JSON"),
        _SOURCE,
    ),
    key=("customer_id",),
    time_column="first_seen",
)

EVENTS = Table(
    name="events",
    description="One row per touchpoint: web analytics, email, social, ads, in-store, phone.",
    columns=(
        Column("customer_id", "id", True, "who"),
        Column("ts", "timestamp", True, "when"),
        Column("touchpoint", "text", True, "what happened, e.g. product_view, instore_visit"),
        Column("channel", "text", False, "marketing channel, e.g. instagram, search, email", code=True),
        _STAGE,
        Column("session_id", "id", False, "web or visit session"),
        Column("online", "bool", False, "false for offline touchpoints; from the map if absent"),
        Column("value", "float", False, "money value attached to the event (e.g. cart value)"),
        _SOURCE,
        # (lane real29a) What the event was about, when the export names it (REES46's product_id,
        # category_code and brand on every view, cart and purchase): what people look at is ranked by
        # them. Added after the first release, so last. Two views at one second in one session of two
        # products are two events, so the product is part of the key.
        Column("product", "text", False, "the product the event was about (id or name)"),
        Column("category", "text", False, "the product's category, e.g. electronics.smartphone"),
        Column("brand", "text", False, "the product's brand", code=True),
    ),
    key=("customer_id", "ts", "touchpoint", "session_id", "product"),
    replace_on_key=False,
    time_column="ts",
)

ORDERS = Table(
    name="orders",
    description="One row per order (shop or POS export).",
    columns=(
        Column("order_id", "id", True, "order number"),
        Column("customer_id", "id", True, "who ordered"),
        Column("ts", "timestamp", True, "when the order was placed"),
        Column("amount", "float", True, "order total", min=0),
        Column("status", "text", False, "what kind of order it is: completed, pending, cancelled or "
               "returned, from the export's status by the business profile", choices=ORDER_STATUSES),
        Column("items", "int", False, "number of items", min=0),
        Column("channel", "text", False, "where the order was placed: online, in_store, phone", code=True),
        Column("fulfilment", "text", False, "pickup, delivery or in_store", code=True),
        Column("products", "text", False, "what was bought, comma-separated"),
        Column("categories", "text", False, "product categories of what was bought, comma-separated"),
        # The delivery promise per order (Olist's order_estimated_delivery_date, a shop's
        # "deliver by"); orders without one are judged against the profile's number of days.
        Column("promised_at", "timestamp", False, "the delivery date promised or estimated to the customer"),
        Column("delivered_at", "timestamp", False, "when the order reached the customer"),
        _SOURCE,
        Column("currency", "text", False, "ISO code of the amount's currency, e.g. EUR", upper=True),
        # Columns added after the first release go last: stores made before get them appended.
        Column("status_raw", "text", False, "the order status as the export wrote it (normalised: "
               "lower case, underscores), e.g. delivered, shipped, on_hold"),
    ),
    key=("order_id",),
    time_column="ts",
    checks_customer=True,
    ordered=(("ts", "delivered_at"),),
)

SURVEYS = Table(
    name="surveys",
    description="One row per survey answer: NPS, CSAT, free text.",
    columns=(
        Column("survey_id", "id", True, "answer id"),
        Column("customer_id", "id", False, "who answered (blank for anonymous)"),
        # Reviews of an order (Olist, marketplaces): ties the answer to that order's delivery
        # and products; without it an answer is tied to the customer's latest order before it.
        Column("order_id", "id", False, "the order the answer is about"),
        Column("ts", "timestamp", True, "when"),
        Column("nps", "int", False, "likelihood to recommend", min=0, max=10),
        Column("csat", "int", False, "satisfaction", min=1, max=5),
        Column("text", "text", False, "free-text answer", free_text=True),
        Column("touchpoint", "text", False, "what the survey asked about"),
        _STAGE,
        Column("channel", "text", False, "where the survey was answered", code=True),
        _SOURCE,
    ),
    key=("survey_id",),
    time_column="ts",
    checks_customer=True,
    one_of=("nps", "csat", "text"),
)

TICKETS = Table(
    name="tickets",
    description="One row per support ticket (helpdesk export).",
    columns=(
        Column("ticket_id", "id", True, "ticket id"),
        Column("customer_id", "id", False, "who wrote in"),
        Column("created_at", "timestamp", True, "when the ticket was opened"),
        Column("first_response_at", "timestamp", False, "first reply from the business"),
        Column("resolved_at", "timestamp", False, "when it was resolved"),
        Column("channel", "text", False, "email, phone, chat, social, in_store", code=True),
        Column("subject", "text", False, "subject line", free_text=True),
        Column("text", "text", False, "the customer's message", free_text=True),
        Column("status", "text", False, "ticket status", choices=TICKET_STATUSES),
        Column("touchpoint", "text", False, "what the ticket is about, if known"),
        Column("stage", "stage", False, "journey stage; post-purchase if unknown"),
        _SOURCE,
    ),
    key=("ticket_id",),
    time_column="created_at",
    checks_customer=True,
    ordered=(("created_at", "first_response_at"), ("created_at", "resolved_at")),
)

TABLES: dict[str, Table] = {t.name: t for t in (CUSTOMERS, EVENTS, ORDERS, SURVEYS, TICKETS)}


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; tables are: {', '.join(TABLES)}") from None


def create_table_sql(t: Table) -> str:
    cols = ",\n  ".join(f'"{c.name}" {c.sql_type}' for c in t.columns)
    return f'CREATE TABLE IF NOT EXISTS "{t.name}" (\n  {cols}\n)'
