"""Repeat contacts: customers who opened two or more support tickets in a period, and their share
of the customers who opened any.

A ticket with no customer id (an anonymous web form, a phone call logged without a name) cannot
be told to be anyone's second contact, so it is left out of both counts; how many were left out
is the KPI's `excluded` and is said under it. Tickets that carry no customer id at all leave
the KPI not computed (tools/analytics/capabilities.py), never a silent zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.core.text import counted

if TYPE_CHECKING:
    from tools.analytics.kpi_frame import Frame
    from tools.analytics.kpi_request import Scope
    from tools.analytics.kpi_result import KpiValue

CONTACT_METRICS = ("repeat_contacts", "repeat_contact_rate")


def contacts_sql(f: Frame) -> str:
    """Per bucket and group: customers with a ticket opened in it (`contacted`), those with two or
    more (`recontacted`) and tickets with no customer id (`anonymous`), which neither counts."""
    return f"""
        WITH t AS (
            SELECT {f.bucket('t.created_at')} AS bucket, {f.grp} AS grp, t.customer_id
            FROM tickets t {f.join('t')}
            WHERE t.created_at >= $start AND t.created_at < $end),
        per AS (SELECT bucket, grp, customer_id, count(*) AS k FROM t GROUP BY ALL)
        SELECT bucket, grp,
               count(*) FILTER (WHERE customer_id IS NOT NULL) AS contacted,
               count(*) FILTER (WHERE customer_id IS NOT NULL AND k >= 2) AS recontacted,
               coalesce(sum(k) FILTER (WHERE customer_id IS NULL), 0) AS anonymous
        FROM per GROUP BY ALL"""


def contacts_line(scope: Scope, by: dict[str, KpiValue]) -> list[str]:
    """'repeat contacts: 5 of the 25 customers who opened a ticket in ... opened two or more; 3
    tickets with no customer id are left out': the count, its base and what was not counted."""
    v = by.get("repeat_contacts") or by.get("repeat_contact_rate")
    if v is None or v.no_data:
        return []
    num = scope.numbers.number
    if v.metric == "repeat_contacts":
        repeaters, base = int(v.value or 0), v.n
    else:
        repeaters, base = int(v.numerator or 0), int(v.denominator or 0)
    line = (f"repeat contacts: {num(repeaters)} of the {counted(base, 'customer', scope.numbers)} who opened a "
            f"support ticket in {scope.period.label} opened two or more")
    if v.excluded:
        line += (f"; {counted(v.excluded, 'ticket', scope.numbers)} with no customer id "
                 f"{'is' if v.excluded == 1 else 'are'} left out (whose they are is unknown, so they "
                 "cannot count as anyone's repeat contact)")
    return [line]
