"""Next best action per customer, from rules an owner can read and change.

The rules are checked in order and the first that matches decides, so each customer gets one
action and the reason it was chosen. They read the scores (churn risk, its change, purchase
propensity, value) and the facts behind them (complaints, baskets, orders); thresholds come from
PredictSettings, and `describe_rules` prints the list with the numbers filled in, which is what
`journeybot predict actions --rules` shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.filters import Dimension, Filters
from tools.analytics.group_gaps import GroupGap, shown, split_header, word
from tools.core.errors import ToolInputError
from tools.core.money import NumberFormat, Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted, text_table
from tools.data.store import JourneyStore
from tools.predict.features import SentimentSource
from tools.predict.groups import customer_groups
from tools.predict.registry import ModelRegistry
from tools.predict.scoring import Scores, cohort, require, restrict, scores_for, untrained_note
from tools.predict.settings import PredictSettings

Frame = pd.DataFrame
GROUPS_SHOWN = 12  # groups in the text's per-group table; every group is in by_group
Condition = Callable[[Frame, PredictSettings], pd.Series]


@dataclass(frozen=True)
class Rule:
    name: str
    action: str  # what to do, in the owner's words
    when: Callable[[PredictSettings, str], str]  # the condition in words, thresholds filled in
    #                                              (the spend threshold as the business writes money)
    matches: Condition


def _high(f: Frame, s: PredictSettings) -> pd.Series:
    return (f["churn_risk"] >= s.high_risk).fillna(False)


def _rising(f: Frame, s: PredictSettings) -> pd.Series:
    return f["rising"] & (f["churn_risk"] >= s.medium_risk).fillna(False)


def _slipping(f: Frame, s: PredictSettings) -> pd.Series:
    """Risk rising, or a habitual customer buying at a fraction of their usual rate."""
    return _rising(f, s) | f["lapsing"]


def _at_least_medium(f: Frame, s: PredictSettings) -> pd.Series:
    return (f["churn_risk"] >= s.medium_risk).fillna(False)


def _likely(f: Frame, s: PredictSettings) -> pd.Series:
    return (f["purchase_propensity"] >= s.likely_buyer).fillna(False)


RULES: tuple[Rule, ...] = (
    Rule("personal_follow_up",
         "Personal follow-up from the owner: call or write, put the problem right.",
         lambda s, v: (f"high value (last-12-month spend {v}+) AND (churn risk {s.high_risk:.0%}+, or "
                       f"up {s.rising_risk * 100:.0f} points in {s.compare_days} days, or buying at "
                       f"{s.lapsing_ratio:.0%} of their usual rate or less) AND a ticket, low score or "
                       f"negative feedback in the last {s.recent_days} days"),
         lambda f, s: f["high_value"] & (_high(f, s) | _slipping(f, s)) & f["recent_complaint"]),
    Rule("win_back_valuable",
         "Personal win-back: a note and a treat on their favourite order.",
         lambda s, v: f"high value (last-12-month spend {v}+) AND churn risk {s.high_risk:.0%}+",
         lambda f, s: f["high_value"] & _high(f, s)),
    Rule("service_recovery",
         "Resolve the complaint and check in before any offer.",
         lambda s, v: (f"a ticket, low score or negative feedback in the last {s.recent_days} days AND "
                       f"(churn risk {s.medium_risk:.0%}+ or buying at {s.lapsing_ratio:.0%} of their usual "
                       "rate or less)"),
         lambda f, s: f["recent_complaint"] & (_at_least_medium(f, s) | f["lapsing"])),
    Rule("win_back",
         "Win-back message with a small incentive.",
         lambda s, v: f"churn risk {s.high_risk:.0%}+",
         _high),
    Rule("check_in",
         "Friendly check-in: ask what could be better, mention what is new.",
         lambda s, v: (f"churn risk up {s.rising_risk * 100:.0f}+ points in {s.compare_days} days and now "
                       f"{s.medium_risk:.0%}+, OR a habitual customer buying at {s.lapsing_ratio:.0%} of "
                       "their usual rate or less"),
         _slipping),
    Rule("convert_prospect",
         "Follow up the basket or question: answer it, offer a first-order welcome.",
         lambda s, v: "never bought AND added to basket or started checkout in the last 30 days",
         lambda f, s: ~f["has_purchase"] & (f["decision_30d"] > 0)),
    Rule("reward_loyal",
         "Thank and reward: a loyalty perk; ask for a review or a referral.",
         lambda s, v: f"high value (last-12-month spend {v}+) AND churn risk below {s.medium_risk:.0%}",
         lambda f, s: f["high_value"] & (f["churn_risk"] < s.medium_risk).fillna(False)),
    Rule("no_discount_needed",
         "Likely to buy anyway: no discount; keep them informed.",
         lambda s, v: f"purchase probability {s.likely_buyer:.0%}+ in the next {s.propensity_days} days",
         _likely),
    Rule("keep_in_touch",
         "Regular newsletter; nothing special.",
         lambda s, v: "everyone else",
         lambda f, s: pd.Series(True, index=f.index)),
)
ActionName = Literal["personal_follow_up", "win_back_valuable", "service_recovery", "win_back", "check_in",
                     "convert_prospect", "reward_loyal", "no_discount_needed", "keep_in_touch"]
ACTION_NAMES: tuple[str, ...] = tuple(r.name for r in RULES)
assert ACTION_NAMES == ActionName.__args__  # type: ignore[attr-defined]


def describe_rules(settings: PredictSettings, value_threshold: float,
                   money: NumberFormat | None = None) -> list[tuple[str, str, str]]:
    """(name, when, action) for each rule, in the order they are checked."""
    shown = (money or NumberFormat()).money_short(value_threshold)
    return [(r.name, r.when(settings, shown), r.action) for r in RULES]


def assign_actions(frame: Frame, settings: PredictSettings, value_threshold: float,
                   money: NumberFormat | None = None) -> pd.DataFrame:
    """The first matching rule per customer: columns action, what, why (index as `frame`)."""
    money = money or NumberFormat()
    shown = money.money_short(value_threshold)
    chosen = pd.Series(pd.NA, index=frame.index, dtype="object")
    for rule in RULES:  # a handful of rules, each a vectorised condition
        hit = rule.matches(frame, settings).to_numpy(dtype=bool) & chosen.isna().to_numpy()
        chosen[hit] = rule.name
    lookup = {r.name: r for r in RULES}
    what = chosen.map({n: r.action for n, r in lookup.items()})
    when = chosen.map({r.name: r.when(settings, shown) for r in RULES})
    return pd.DataFrame({"action": chosen, "what": what, "why": _why(frame, when, money)}, index=frame.index)


def _why(f: Frame, rule_text: pd.Series, money: NumberFormat) -> pd.Series:
    """The rule in words plus this customer's own numbers (string columns, no row loop)."""
    def pct(col: pd.Series) -> pd.Series:
        return (col.abs() * 100).round().astype("Int64").astype(str)

    blank = pd.Series("", index=f.index, dtype=object)
    risk = blank.mask(f["churn_risk"].notna(), "churn risk " + pct(f["churn_risk"]) + "%")
    change = blank.mask(f["risk_change"].abs() >= 0.05,
                        np.where(f["risk_change"] > 0, " (up ", " (down ") + pct(f["risk_change"]) + " points)")
    # Amounts written once per distinct value (customers share round amounts), not per row.
    rounded = f["spend_365d"].round()
    written = rounded.map({v: money.money(v, decimals=0) for v in rounded.dropna().unique()})
    spend = blank.mask(f["spend_365d"] > 0, "; spent " + written + " in 12 months")
    buy = blank.mask(f["purchase_propensity"].notna(), "; " + pct(f["purchase_propensity"]) + "% likely to buy soon")
    facts = (risk + change + spend + buy).str.removeprefix("; ")
    detail = blank.mask(f["reasons"] != "", "; " + f["reasons"])
    return "because " + rule_text + " [" + facts + "]" + detail


class NextActionsParams(BaseModel):
    """What to do next for each customer, or for a group (segment, persona), with the reason.

    Use for "what should we do for The Regular persona?", "who needs a personal call?",
    "what should we do about customer C123?".
    Examples: "what should we do for The Regular persona" -> {"filters": {"persona": "The Regular"}};
    "who needs a personal follow-up" -> {"action": "personal_follow_up", "level": "customers"};
    "actions by segment" -> {"by": "segment"}; "customer C123" -> {"customer_id": "C123"}.
    """

    level: Literal["summary", "customers"] = Field(
        default="summary", description="summary: how many customers get each action (and the top "
                                       "ones); customers: one line per customer.")
    action: ActionName | None = Field(default=None, description="Only customers given this action.")
    customer_id: str | None = Field(default=None, max_length=200, description="One customer's action.")
    by: Dimension | None = Field(default=None, description="Count actions per value of this dimension.")
    include_prospects: bool = Field(default=False, description="Include people who never bought.")
    limit: int = Field(default=10, ge=1, le=200, description="How many customers to list.")
    filters: Filters = Field(default_factory=Filters, description="Restrict to some customers.")


@dataclass(frozen=True)
class NextActionsResult(Priced, ResultMixin):
    summary: pd.DataFrame  # action, what, customers, share, value (12-month spend)
    customers: pd.DataFrame  # customer_id, action, what, why, churn_risk, purchase_propensity, spend_365d
    by_group: pd.DataFrame  # group value x action counts (when `by`)
    recommendation: str  # the headline for the group
    rules: list[tuple[str, str, str]]  # (name, when, action) in order
    population: int
    as_of: dt.date
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"  # amounts are in the business's currency (the store's profile)
    locale: str | None = None
    gap: GroupGap | None = None  # the customers with no value for `by` (all of them: no split)

    def to_frame(self) -> pd.DataFrame:
        """The rows behind the answer ("Show the data" in Slack): the customers when listed, else
        each group's counts when split (the text shows the first GROUPS_SHOWN and points here
        for the rest), else the summary."""
        if self.provenance.params.get("level") == "customers":
            return self.customers
        groups = self.group_table()
        return groups if not groups.empty else self.summary

    def group_table(self) -> pd.DataFrame:
        """by_group as a table shows it: the blank group named for what it lacks; nothing when
        every customer is in it (the gap note says so instead)."""
        if self.by_group.empty or (self.gap is not None and self.gap.empty):
            return self.by_group.iloc[0:0]
        by = str(self.provenance.params.get("by"))
        return self.by_group.assign(group=self.by_group["group"].map(lambda g: shown(g, by)))

    def to_text(self) -> str:
        lines = [self.recommendation, ""]
        if self.gap is not None and self.gap.blank:
            lines += [self.gap.note(self.numbers) + ("" if self.gap.empty else "."), ""]
        if self.provenance.params.get("level") == "summary" and len(self.summary):
            for r in self.summary.itertuples():
                lines.append(f"  {r.action:<20} {self.numbers.number(r.customers):>6} ({r.share:>4.0%})  worth {self.numbers.money(r.value, decimals=0):>12}  {r.what}")
            lines.append("")
        lines += self._groups_text()
        if len(self.customers):
            for r in self.customers.itertuples():
                lines.append(f"  {r.customer_id:<14} {r.action}: {r.what}")
                lines.append(f"  {'':<14} {r.why}")
        return "\n".join(lines).rstrip()

    def _groups_text(self) -> list[str]:
        """The split asked for, as the other split tools show theirs: a header naming it, then each
        group's customers and how many get each action, largest groups first (the CLI printed
        this table after the text; Slack's answer, the text alone, had only the overall counts)."""
        table = self.group_table()
        if table.empty:
            return []
        by = str(self.provenance.params.get("by"))
        acts = [c for c in table.columns if c != "group"]
        table = table.assign(customers=table[acts].sum(axis=1)).sort_values(
            ["customers", "group"], ascending=[False, True], kind="stable")
        top = table.head(GROUPS_SHOWN)
        rows = [[str(r["group"]), self.numbers.number(r["customers"]), *(self.numbers.number(r[a]) for a in acts)]
                for _, r in top.iterrows()]
        lines = [split_header(by), *("  " + line for line in text_table([word(by), "customers", *acts], rows))]
        if len(table) > len(top):
            lines.append(f"  ... and {counted(len(table) - len(top), 'more group', self.numbers)} (all of them with --json)")
        return [*lines, ""]


def next_best_actions(
    store: JourneyStore,
    params: NextActionsParams | None = None,
    *,
    registry: ModelRegistry | None = None,
    settings: PredictSettings | None = None,
    sentiment: SentimentSource | None = None,
    scores: Scores | None = None,
    train_if_missing: bool = True,
) -> NextActionsResult:
    """One action per customer from the ordered rules; summarised for the group asked about.
    With no churn model trained on the data yet (answers do not train), the rules that need no
    model still apply (lapsing regulars, recent complaints, prospects' baskets) and the
    recommendation says the model is not trained yet."""
    params = params or NextActionsParams()
    sc = scores_for(store, registry, settings, sentiment, scores, train_if_missing=train_if_missing)
    untrained = untrained_note("churn") if "churn" not in sc.versions and untrained_note("churn") in sc.notes else ""
    if not untrained:
        require(sc, "churn")
    filters, ids = cohort(store, params.filters)
    frame = restrict(sc.frame, ids)
    if not params.include_prospects and params.customer_id is None:
        frame = frame[frame["has_purchase"]]
    if params.customer_id is not None:
        if params.customer_id not in sc.frame.index:
            raise ToolInputError(f"No customer {params.customer_id!r} with orders or journey events in the data.")
        frame = sc.frame.loc[[params.customer_id]]
    money = store.profile.numbers
    acts = assign_actions(frame, sc.settings, sc.value_threshold, money).join(
        frame[["churn_risk", "purchase_propensity", "spend_365d"]])
    summary = (acts.groupby("action", sort=False)
               .agg(customers=("what", "size"), value=("spend_365d", "sum"), what=("what", "first"))
               .reindex([n for n in ACTION_NAMES if n in set(acts["action"])]).reset_index())
    summary["share"] = summary["customers"] / max(len(acts), 1)
    listed = acts if params.action is None else acts[acts["action"] == params.action]
    order = {n: i for i, n in enumerate(ACTION_NAMES)}
    listed = (listed.assign(_rank=listed["action"].map(order))
              .sort_values(["_rank", "spend_365d"], ascending=[True, False]).drop(columns="_rank"))
    if params.level == "summary" and params.action is None and params.customer_id is None:
        listed = listed[listed["action"] != "keep_in_touch"]
    listed = listed.head(params.limit).reset_index()
    by_group, gap = pd.DataFrame(), None
    if params.by:
        labels, gap = customer_groups(store, acts.index, params.by)
        by_group = (acts.assign(group=labels)
                    .pivot_table(index="group", columns="action", values="what", aggfunc="size", fill_value=0)
                    .reindex(columns=[n for n in ACTION_NAMES if n in set(acts["action"])]).reset_index())
    group = _group_name(filters, params)
    prov = Provenance(
        tool="next_best_actions",
        definition=("Ordered rules over churn risk, its change, purchase propensity, last-12-month "
                    "spend and recent complaints; the first rule that matches gives the action."),
        params=params.model_dump(exclude={"filters"}), filters=filters.active(),
        period_label=f"as of {sc.as_of}", tables=("orders", "events", "tickets", "surveys"),
        row_counts=dict(sc.rows), notes=(*sc.model_notes(), *sc.notes,
                                         *([gap.note(money)] if gap is not None and gap.blank else [])),
    )
    return NextActionsResult(
        summary=summary, customers=listed, by_group=by_group,
        recommendation=_recommend(summary, group, len(acts), money) + (
            " Only the rules that need no model apply for now (lapsing regulars, recent complaints, "
            "prospects' baskets): no churn risk or purchase scores yet. " + untrained if untrained else ""),
        rules=describe_rules(sc.settings, sc.value_threshold, money), population=len(acts), as_of=sc.as_of,
        provenance=prov, currency=money.currency, locale=money.locale, gap=gap,
    )


def _group_name(filters: Filters, params: NextActionsParams) -> str:
    if params.customer_id:
        return f"customer {params.customer_id}"
    active = filters.active()
    if "persona" in active:
        return f"the {active['persona']} persona" if not str(active["persona"]).lower().startswith("the ") \
            else str(active["persona"])
    if active:
        return "customers with " + ", ".join(f"{k}={', '.join(v) if isinstance(v, list) else v}"
                                             for k, v in active.items())
    return "your customers"


URGENT: tuple[str, ...] = ("personal_follow_up", "win_back_valuable", "service_recovery", "win_back", "check_in")


def _recommend(summary: pd.DataFrame, group: str, n: int, money: NumberFormat) -> str:
    """The headline: what most of the group gets, and the most urgent action that has customers."""
    if n == 0:
        return f"No customers in {group} to act on."
    if n == 1 and len(summary):
        return f"For {group}: {summary.iloc[0]['what']}"
    common = summary.sort_values("customers", ascending=False, kind="stable").iloc[0]
    text = (f"For {group} ({money.number(n)} customers): most ({common['share']:.0%}) get '{common['action']}': "
            f"{common['what']}")
    urgent = summary[summary["action"].isin(URGENT) & (summary["action"] != common["action"])]
    if len(urgent):
        first = urgent.iloc[0]  # summary rows are in rule order, so this is the most urgent
        text += (f" Most urgent: {counted(int(first['customers']), 'customer', money)} for '{first['action']}' "
                 f"(last-12-month spend {money.money_short(first['value'])}): {first['what']}")
    return text
