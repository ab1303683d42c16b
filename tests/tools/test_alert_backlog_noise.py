"""An alert on the ticket backlog's change (tickets opened minus resolved) judged it with the
noise of a single count of its own size: a desk that closes every ticket the day it opens has a
change of 0 each day, so chance was taken as a spread of 1 ticket, and 45 tickets opened against
40 closed (5 left over, out of 85 moved) alerted. Opened and resolved are two counts; their
difference moves by chance with the spread of both, sqrt(opened + resolved)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from kpi_fixtures import load

from tools.alerts.evaluate import evaluate
from tools.alerts.rules import AlertRule
from tools.alerts.series import KpiSeriesProvider

LAST = dt.date(2026, 3, 31)
RULE = AlertRule(id="backlog-growing", kind="anomaly", metric="backlog_change")


def desk_csv(last_opened: int, last_resolved: int) -> str:
    """70 days of 40 tickets a day, each resolved by 17:00 the day it came; on the last day
    `last_opened` tickets, of which `last_resolved` resolved that day."""
    rows = []
    for k in range(70):
        day = LAST - dt.timedelta(days=69 - k)
        opened, resolved = (last_opened, last_resolved) if day == LAST else (40, 40)
        for i in range(opened):
            done = f"{day} 17:00" if i < resolved else ""
            rows.append((f"T{day:%m%d}-{i}", f"C{i}", f"{day} 09:{i % 60:02d}", done))
    frame = pd.DataFrame(rows, columns=["ticket_id", "customer_id", "created_at", "resolved_at"])
    return frame.to_csv(index=False)


@pytest.mark.parametrize(("opened", "resolved", "alerts"), [(45, 40, False), (90, 40, True)],
                         ids=["five-left-of-85-is-chance", "fifty-left-of-130-alerts"])
def test_a_backlog_change_is_judged_with_the_noise_of_both_counts(store, tmp_path, opened, resolved, alerts):
    load(store, tmp_path / "desk", {"tickets": desk_csv(opened, resolved)})
    finding = evaluate(KpiSeriesProvider(store), RULE, LAST)
    assert finding.judged
    assert finding.value == opened - resolved
    assert finding.n == opened + resolved
    assert finding.expected == 0
    # the band is at least the chance spread of the day's tickets moved, both ways
    assert finding.upper == pytest.approx(RULE.sensitivity * math.sqrt(opened + resolved))
    assert finding.breach is alerts
