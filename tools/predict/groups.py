"""Each scored customer's group for a predictive tool's split (lifetime value, revenue forecast,
next actions by segment, channel, region, ...), and what the split lacks.

The predictive tools split customers, not orders: a customer with no value for the dimension is
in the one blank group, and when every customer is, there is no split to show (group_gaps.py
says so, with the splits these customers do have).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from tools.analytics.filters import UNKNOWN_GROUP, dimension_sql
from tools.analytics.group_gaps import GroupGap, held_among, labels_gap, require_personas
from tools.data.store import JourneyStore


def customer_groups(store: JourneyStore, ids: pd.Index, by: str,
                    accepts: tuple[str, ...] | None = None) -> tuple[pd.Series, GroupGap | None]:
    """Each customer's group (UNKNOWN_GROUP when blank; index as `ids`) and the split's gap.
    A split by persona with none saved raises with the splits there are. `accepts`: the splits
    the tool takes, when not every customer dimension (lifetime value: segment, channel and
    persona), so the gap never offers one it would refuse."""
    stored = require_personas(store, by)
    dims = store.query(dimension_sql(by)).drop_duplicates("customer_id").set_index("customer_id")["value"]
    labels = dims.reindex(ids).fillna(UNKNOWN_GROUP)
    held = held_among(store, ids, stored)
    if accepts is not None:
        held = tuple(d for d in held if d in accepts)
    gap = labels_gap(labels, by, held, "customers", stored)
    return labels, (replace(gap, when="") if gap is not None else None)
