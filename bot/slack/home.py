"""The App Home tab: today's KPIs with their change, open alerts, saved personas and the
channels that get the digest, published each time someone opens it."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from bot.render.features import home_view
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)


def publish_home(services: SlackServices, user_id: str) -> None:
    store = services.ctx.store
    # The tab reads the store a few dozen times: held open, each read skips reopening the file.
    with (store.held() if hasattr(store, "held") else contextlib.nullcontext()):
        view = home_view(
            business_name=services.business_name,
            coverage=coverage_line(store),
            snapshot=_safe(services.kpi_snapshot, "KPI snapshot"),
            alerts=_safe(services.open_alerts, "open alerts"),
            personas=_safe(services.personas, "personas"),
            subscriptions=_safe(services.subscriptions, "subscriptions"),
            sources=_safe(services.sources_status, "data sources"),
        )
    services.poster.publish_home(user_id, view)


def coverage_line(store: Any) -> str:
    """What the data spans, from every dated table: a support desk with tickets alone (twcs) was
    told "No journey data loaded yet" above its own KPIs, and Olist's "periods end on 2018-10-22"
    sat over a KPI week that ends on the orders' last day (10-17)."""
    from tools.analytics.describe import stray_note
    from tools.core.text import counted
    from tools.data import spans

    try:
        have = {t: s for t in spans.DATED if (s := store.span(t)).has_data}
        # REES46's customers table holds the 9 buyers, its events 330 people: everyone seen counts
        # (as `journeybot describe` counts them), written the business's way (8.016 in Brazil)
        customers = int(store.query(
            "SELECT (SELECT count(*) FROM customers) + (SELECT count(DISTINCT e.customer_id) FROM events e "
            "WHERE e.customer_id NOT IN (SELECT customer_id FROM customers)) AS n")["n"].iloc[0])
        nf = store.profile.numbers
    except Exception:  # a busy store must not blank the whole tab
        log.exception("could not read the journey store for the Home tab")
        return "The journey store could not be read just now."
    if not have:
        return "No journey data loaded yet: run `journeybot ingest` (or `journeybot demo`)."
    # (lane real28b) a few rows far before the bulk (twcs's two tickets of 2011 and 2016) are named
    # apart, as `journeybot describe` names them, and the range starts where the bulk does
    starts = {t: s.first_day for t, s in have.items()}
    strays = []
    for t in have:
        try:
            note = stray_note(store, t)
        except Exception:  # the plain range still stands
            log.exception("could not look for stray rows in %s for the Home tab", t)
            note = None
        if note is not None:
            starts[t] = note[0]
            strays.append(note[1])
    first = min(starts.values())
    ends = {t: s.last_day for t, s in have.items()}
    last = max(ends.values())
    if len(set(ends.values())) == 1:
        tail = f"Relative periods end on {last}."
    else:
        tail = "Relative periods end on each table's last day: " + ", ".join(
            f"{spans.NOUNS.get(t, t)} {d}" for t, d in ends.items()) + "."
    said = "".join(f" Note: {n}." for n in strays)
    return f"Data from {first} to {last}, {counted(customers, 'customer', nf)}. {tail}{said}"


def _safe(feature: Callable[[], Any] | None, name: str) -> Any:
    """The feature's data; None when it is not wired; the exception when it failed (the tab
    says so rather than showing an empty list that looks like good news)."""
    if feature is None:
        return None
    try:
        return feature()
    except Exception as exc:
        log.exception("the Home tab could not load %s", name)
        return exc
