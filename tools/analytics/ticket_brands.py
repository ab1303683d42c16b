"""Support tickets split by the brand (company account) each conversation was addressed to.

twcs-style exports (customer support on Twitter) hold conversations with many brands' support
accounts; the recipe keeps, as each ticket's subject, the handle that answered it ("AmazonHelp",
"AppleSupport"). "Which brand's customers wait longest for a reply" is then the tickets of each
brand: how many, how many got a reply, and the median and 90th-percentile hours to the first
reply, slowest first.

A helpdesk's subjects are sentences ("Charged the wrong price"), not a brand: the split is only
made when (nearly) every subject is one word, a handle, and refused otherwise, saying why, so a
shop's own tickets are never called "brands".

    tickets_by_brand(store, TicketBrandParams(period=Period(name="all"))) -> TicketBrandResult
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.kpi_scope import KpiSettings, open_scope
from tools.analytics.periods import Period, provenance_period
from tools.core.errors import NoDataError
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore

# Share of the distinct subjects that must be one word (a handle) for them to be brands.
HANDLES = 0.9

RANKS = ("wait", "tickets")


class TicketBrandParams(BaseModel):
    """Tickets per brand (the account each conversation was addressed to) and how long each
    brand's customers waited for a first reply.
    Examples:
    - "Which brand's customers wait longest for a reply?" -> {"rank": "wait"}
    - "How many tickets did each company get last month?" -> {"rank": "tickets",
      "period": {"name": "last_month"}}
    - "Which brand replies fastest?" -> {"rank": "wait", "order": "fastest"}
    """

    model_config = ConfigDict(extra="forbid")

    period: Period = Field(default_factory=lambda: Period(name="all"),
                           description="Tickets opened in this period.")
    rank: str = Field(default="wait", pattern="^(wait|tickets)$",
                      description="wait: slowest median first reply first; tickets: busiest first.")
    # (lane real28a) "which brand replies fastest?" listed the slowest 15 and named the slowest: the
    # quickest are the other end of the same ranking
    order: str = Field(default="slowest", pattern="^(slowest|fastest)$",
                       description="With rank wait: slowest (longest median wait first) or fastest (shortest first).")
    min_tickets: int = Field(default=5, ge=1, le=1000,
                             description="Brands with fewer replied tickets are listed after the others "
                             "and not called slowest or fastest.")
    limit: int = Field(default=15, ge=1, le=200, description="How many brands to list.")
    # (lane real29b) "how many tickets did AppleSupport handle?" counted every brand's tickets: the
    # brands named are the only rows, matched whatever their case
    brands: list[str] | None = Field(default=None, description="Only these brands (handles, any case).")
    # (lane real29b) "which brand gets the most complaints?" was answered with complaint themes: the
    # ranking is of tickets, and the answer says what is counted as a complaint
    complaints: bool = Field(default=False, description="The tickets were asked for as complaints: say how "
                             "one is counted (every conversation a customer started).")


@dataclass(frozen=True)
class BrandRow:
    brand: str
    tickets: int
    replied: int
    median_hours: float | None  # None: no ticket of the brand got a reply
    p90_hours: float | None
    small: bool  # fewer replied tickets than min_tickets: not ranked with the others
    mean_hours: float | None = None  # (lane real29b) the average asked of one brand: the mean beside the median


@dataclass
class TicketBrandResult(ResultMixin):
    rows: tuple[BrandRow, ...]
    brands: int  # every brand with tickets in the period (rows may list fewer)
    tickets: int
    period_label: str
    rank: str
    provenance: Provenance
    notes: tuple[str, ...] = field(default_factory=tuple)
    order: str = "slowest"
    complaints: bool = False
    missing: tuple[str, ...] = ()  # brands asked for that have no ticket in the period
    asked_brands: bool = False  # only the brands named are listed

    def to_text(self, details: bool = False) -> str:
        fast = self.order == "fastest"
        what = "Complaints (tickets)" if self.complaints else "Tickets"
        if self.asked_brands:
            head = f"{what} of {', '.join(r.brand for r in self.rows)} (the account that answered each conversation)"
        elif self.rank == "wait":
            head = (f"{what} by brand (the account each conversation was addressed to), "
                    f"{'fastest' if fast else 'slowest'} first reply first")
        else:
            head = f"{what} by brand (the account each conversation was addressed to), most first"
        lines = [f"{head}, {self.period_label}:", ""]
        width = max([5] + [len(r.brand) for r in self.rows]) + 2
        lines.append(f"  {'brand':<{width}}{'tickets':>8}{'replied':>9}{'median wait':>13}{'p90 wait':>10}")
        for r in self.rows:
            med, p90 = _wait(r.median_hours), _wait(r.p90_hours)
            small = "  (few replies)" if r.small else ""
            lines.append(f"  {r.brand:<{width}}{r.tickets:>8,}{r.replied:>9,}{med:>13}{p90:>10}{small}")
        ranked = [r for r in self.rows if not r.small and r.median_hours is not None]
        if self.missing:
            lines += ["", f"No tickets for {', '.join(self.missing)} in {self.period_label}."]
        if self.complaints:
            lines += ["", "A complaint here is a ticket: every conversation a customer started, whatever it says (the "
                          "tweets are not sorted into complaints, questions and thanks). For what they complain about, "
                          "ask \"what do customers complain about?\"."]
        if self.asked_brands and self.rows:  # the brands named: each one's own line, not a ranking
            lines += [""] + [f"{r.brand}: {r.tickets:,} tickets, {r.replied:,} replied, a median of "
                             f"{_wait(r.median_hours)} to the first reply ({_mean_said(r)})." for r in self.rows]
        elif self.rank == "wait" and ranked:
            top = ranked[0]
            said = "got the quickest replies" if fast else "waited longest"
            lines += ["", f"{top.brand}'s customers {said}: a median of {_wait(top.median_hours)} to the "
                          f"first reply over {top.replied:,} replied tickets."]
        lines.append("")
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def _mean_said(r: BrandRow) -> str:
    """The mean beside the median, and why it is higher when a few long waits make it so."""
    said = f"mean {_wait(r.mean_hours)}"
    if r.mean_hours is not None and r.median_hours and r.mean_hours > 1.5 * r.median_hours:
        said += ", pulled up by a few long waits"
    return said


def _wait(hours: float | None) -> str:
    """Hours, or minutes under an hour: the quickest brands answer in minutes, all "0.0 h" otherwise."""
    if hours is None:
        return "-"
    return f"{hours:.1f} h" if hours >= 1 else f"{hours * 60:.0f} min"


def brands_held(con) -> tuple[int, int]:  # noqa: ANN001 - a DuckDB connection
    """(distinct subjects, those that are one word): the subjects are brands when nearly all are."""
    held, handles = con.execute(
        "SELECT count(DISTINCT subject), count(DISTINCT subject) FILTER (WHERE trim(subject) NOT LIKE '% %') "
        "FROM tickets WHERE subject IS NOT NULL AND trim(subject) <> ''").fetchone()
    return int(held or 0), int(handles or 0)


def tickets_by_brand(store: JourneyStore, params: TicketBrandParams | None = None,
                     settings: KpiSettings | None = None) -> TicketBrandResult:
    params = params or TicketBrandParams()
    with open_scope(store, params.period, None, settings, table="tickets") as (con, scope):
        held, handles = brands_held(con)
        if not held:
            raise NoDataError("The support tickets carry no brand or account (no subject): there is nothing "
                              "to split them by.")
        if handles < HANDLES * held:
            raise NoDataError("The support tickets' subjects are sentences (what each ticket is about), not the "
                              "brand or account it was addressed to: this data holds no brand to split by.")
        p = scope.period
        rows = con.execute("""
            SELECT trim(subject) AS brand, count(*) AS tickets, count(first_response_at) AS replied,
                   quantile_cont(hours, 0.5) AS med, quantile_cont(hours, 0.9) AS p90, avg(hours) AS mean
            FROM (SELECT subject, first_response_at,
                         (epoch(first_response_at) - epoch(created_at)) / 3600.0 AS hours
                  FROM tickets WHERE created_at >= $start AND created_at < $end
                  AND subject IS NOT NULL AND trim(subject) <> '')
            GROUP BY ALL""", {"start": p.start, "end": p.end}).fetchall()
    missing: list[str] = []
    if params.brands:
        wanted = {b.strip().lstrip("@").lower(): b for b in params.brands}
        rows = [r for r in rows if str(r[0]).lower() in wanted]
        found = {str(r[0]).lower() for r in rows}
        missing = [b for k, b in wanted.items() if k not in found]
    if not rows:
        who = f" for {', '.join(params.brands)}" if params.brands else " with a brand"
        raise NoDataError(f"No support tickets{who} in {p.label}.")
    out = [BrandRow(str(b), int(n), int(r), None if m is None else float(m), None if q is None else float(q),
                    int(r) < params.min_tickets, None if a is None else float(a)) for b, n, r, m, q, a in rows]
    if params.rank == "wait":
        sign = 1.0 if params.order == "fastest" else -1.0
        out.sort(key=lambda r: (r.small or r.median_hours is None, sign * (r.median_hours or 0.0), -r.tickets, r.brand))
    else:
        out.sort(key=lambda r: (-r.tickets, r.brand))
    notes = []
    small = sum(r.small for r in out)
    if params.rank == "wait" and small:
        notes.append(f"{small} brand(s) with fewer than {params.min_tickets} replied tickets are listed last, not "
                     "ranked: a wait over a handful of replies is chance")
    notes.append("a ticket is a conversation a customer started; its brand is the account that answered it (the "
                 "ticket's subject) and its wait the hours to that first reply; a conversation no brand answered "
                 "has no brand here and is not in the split")
    total = sum(r.tickets for r in out)
    prov = Provenance(
        tool="tickets_by_brand",
        definition="support tickets opened in the period, grouped by the account each was addressed to (the "
                   "ticket's subject); median and p90 hours from opening to the first reply, replied tickets only",
        params=params.model_dump(mode="json", exclude_none=True),
        **provenance_period(p, params),
        tables=("tickets",), row_counts={"tickets": total}, notes=tuple(notes))
    return TicketBrandResult(tuple(out[:params.limit]), len(out), total, p.label, params.rank, prov, tuple(notes),
                             params.order, params.complaints, tuple(missing), bool(params.brands))
