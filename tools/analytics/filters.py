"""Who an analysis looks at: customer filters and breakdown dimensions, shared by every tool.

Filters and breakdowns are customer-level, so a funnel "for Instagram" and a CSAT "for
Instagram" mean the same people: customers whose first touch came through Instagram.

- channel: the channel of the customer's first journey event (first touch), over all data.
- acquisition_channel, segment, city, region, age_band: columns of the customers table.
- persona: a saved persona's members (the `persona_members` view: persona, customer_id).

Values are checked against the data before a query runs, so a typo gets the list of valid
values back instead of an empty answer. All SQL here is built from fixed identifiers; values
are bound parameters.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from tools.core.errors import ToolInputError
from tools.data.store import JourneyStore

UNKNOWN_GROUP = "(unknown)"  # the group of customers with no value for a dimension
Dimension = Literal["channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona"]
DIMENSIONS: tuple[str, ...] = Dimension.__args__  # type: ignore[attr-defined]

DIMENSION_LABELS: dict[str, str] = {
    "channel": "first-touch channel",
    "acquisition_channel": "acquisition channel (CRM)",
    "segment": "segment (CRM)",
    "city": "city",
    "region": "region",
    "age_band": "age band",
    "persona": "persona",
}

# The customer-level dimensions as one relation. Customers seen only in events (anonymous web
# visitors) are included, with empty CRM columns.
DIMS_SQL = """
    SELECT ids.customer_id,
           ft.channel AS channel,
           c.acquisition_channel, c.segment, c.city, c.region, c.age_band
    FROM (SELECT customer_id FROM customers
          UNION SELECT DISTINCT customer_id FROM events) ids
    LEFT JOIN customers c USING (customer_id)
    LEFT JOIN (SELECT customer_id, arg_min(channel, ts) AS channel
               FROM events GROUP BY customer_id) ft USING (customer_id)
"""


class Filters(BaseModel):
    """Restrict an analysis to some customers. Leave a field empty for everyone."""

    channel: list[str] | None = Field(
        default=None, description="First-touch channel(s) of the customer, e.g. ['instagram']."
    )
    acquisition_channel: list[str] | None = Field(
        default=None, description="Acquisition channel(s) as recorded in the CRM."
    )
    segment: list[str] | None = Field(default=None, description="CRM segment(s).")
    city: list[str] | None = Field(default=None, description="City or town(s).")
    region: list[str] | None = Field(default=None, description="Region(s).")
    age_band: list[str] | None = Field(default=None, description="Age band(s), e.g. ['25-34'].")
    persona: str | None = Field(default=None, description="Name of a saved persona.")

    def active(self) -> dict[str, Any]:
        return {k: v for k, v in self.model_dump().items() if v not in (None, [], "")}

    def is_empty(self) -> bool:
        return not self.active()


def has_personas(store: JourneyStore) -> bool:
    return bool(store.scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'persona_members'"
    ))


def groups_held(store: JourneyStore) -> tuple[str, ...]:
    """The dimensions this data can split customers by: those at least one customer has a value
    for (a store without cities is not offered cities), in DIMENSIONS' order. One query."""
    cols = [d for d in DIMENSIONS if d != "persona"]
    row = store.query("SELECT " + ", ".join(f"count({d}) AS {d}" for d in cols) + f" FROM ({DIMS_SQL}) d").iloc[0]
    held = [d for d in cols if int(row[d])]
    if known_values(store, "persona"):
        held.append("persona")
    return tuple(held)


def known_values(store: JourneyStore, dimension: str) -> list[str]:
    """The values a dimension takes in the data, most common first."""
    if dimension not in DIMENSIONS:
        raise ToolInputError(f"Unknown dimension {dimension!r}; use one of {', '.join(DIMENSIONS)}")
    if dimension == "persona":
        if not has_personas(store):
            return []
        df = store.query("SELECT DISTINCT persona FROM persona_members ORDER BY 1")
        return [str(v) for v in df["persona"]]
    df = store.query(
        f"SELECT {dimension} AS v, count(*) AS n FROM ({DIMS_SQL}) d "
        f"WHERE {dimension} IS NOT NULL GROUP BY 1 ORDER BY n DESC, v"
    )
    return [str(v) for v in df["v"]]


def validate_filters(store: JourneyStore, filters: Filters | None) -> Filters:
    """Match filter values to the data case-insensitively; unknown values raise with the
    valid ones listed."""
    if filters is None:
        return Filters()
    return Filters(**{dim: matched(dim, wanted, known_values(store, dim))
                      for dim, wanted in filters.active().items()})


def matched(dim: str, wanted: Any, known: list[str]) -> str | list[str]:
    """The values asked for as the data writes them (any case): a persona is one name, other
    dimensions a list. An unknown value raises with the known ones listed (the first 20)."""
    lookup = {k.lower(): k for k in known}
    if dim == "persona":
        match = lookup.get(str(wanted).strip().lower())
        if match is None:
            raise ToolInputError(
                f"No saved persona named {wanted!r}; saved personas: {', '.join(known) or 'none yet'}"
            )
        return match
    out = []
    for value in wanted:
        match = lookup.get(str(value).strip().lower())
        if match is None and not known:  # no value to offer instead: say the data has none
            what = DIMENSION_LABELS[dim].removesuffix(" (CRM)")
            article = "an" if what[0] in "aeiou" else "a"
            raise ToolInputError(f"No customer in this data has {article} {what}, so {value!r} picks out no one; "
                                 f"ask without it, or load customer data with {article} {what}.")
        if match is None:
            shown = ", ".join(known[:20])
            raise ToolInputError(f"Unknown {DIMENSION_LABELS[dim]} {value!r}; known values: {shown}")
        out.append(match)
    return out


def cohort_sql(filters: Filters | None) -> tuple[str, list[Any]]:
    """A subquery of the customer_ids the filters select, with its parameters; empty filters
    give ("", [])."""
    if filters is None or filters.is_empty():
        return "", []
    where: list[str] = []
    params: list[Any] = []
    for dim, value in filters.active().items():
        if dim == "persona":
            where.append("customer_id IN (SELECT customer_id FROM persona_members WHERE persona = ?)")
            params.append(value)
        else:
            where.append(f"{dim} IN ({', '.join('?' for _ in value)})")
            params.extend(value)
    return f"SELECT customer_id FROM ({DIMS_SQL}) d WHERE {' AND '.join(where)}", params


def dimension_sql(dimension: str) -> str:
    """A relation (customer_id, value) giving each customer's value of a breakdown dimension."""
    if dimension not in DIMENSIONS:
        raise ToolInputError(f"Unknown breakdown {dimension!r}; use one of {', '.join(DIMENSIONS)}")
    if dimension == "persona":
        return "SELECT customer_id, persona AS value FROM persona_members"
    return f"SELECT customer_id, coalesce({dimension}, '{UNKNOWN_GROUP}') AS value FROM ({DIMS_SQL}) d"


def customers_line(filters: dict[str, Any]) -> str:
    """"Customers: city=Bath, Leeds, channel=instagram": the filters an answer was limited to."""
    return "Customers: " + ", ".join(
        f"{k}={', '.join(str(x) for x in v) if isinstance(v, (list, tuple)) else v}" for k, v in filters.items())
