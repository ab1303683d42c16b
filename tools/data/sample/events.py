"""The events of one chunk: collected in any order as behaviours draw them, then sorted and
written as the events table (CSV strings or Parquet timestamps)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tools.data.sample.codes import (
    CH,
    CHANNELS,
    DAY,
    NO_CH,
    TOUCHPOINT_NAMES,
    TP,
    TP_ONLINE,
    TP_STAGE,
)
from tools.data.sample.counters import DailyStats
from tools.data.sample.formatting import iso
from tools.data.sample.timeline import Timeline


@dataclass(frozen=True, eq=False)
class EventsTable:
    table: pa.Table
    first_event_t: (
        np.ndarray
    )  # per customer of the chunk: time of their first event (int64 max if none)


class EventLog:
    """Events as drawn: customer (chunk position), time, touchpoint, channel, session, value."""

    def __init__(self) -> None:
        self._c: list[np.ndarray] = []
        self._t: list[np.ndarray] = []
        self._tp: list[np.ndarray] = []
        self._ch: list[np.ndarray] = []
        self._s: list[np.ndarray] = []
        self._v: list[np.ndarray] = []

    def emit(self, c, t, tp, ch=NO_CH, sess=None, val=None) -> None:
        """Record one event per customer in `c`; tp, ch may be one code for all."""
        c = np.asarray(c, np.int64)
        n = len(c)
        if n == 0:
            return
        self._c.append(c)
        self._t.append(np.asarray(t, np.int64))
        self._tp.append(np.broadcast_to(np.asarray(tp, np.int16), (n,)).copy())
        self._ch.append(np.broadcast_to(np.asarray(ch, np.int16), (n,)).copy())
        self._s.append(np.full(n, -1, np.int64) if sess is None else np.asarray(sess, np.int64))
        self._v.append(np.full(n, np.nan) if val is None else np.asarray(val, float))

    def table(self, tl: Timeline, ids: np.ndarray, stats: DailyStats, fmt: str) -> EventsTable:
        """The events inside the period, by customer and time, as the events file has them.

        Counts checkout starts, orders placed and website visits per day into `stats`.
        """
        c = np.concatenate(self._c)
        t = np.concatenate(self._t)
        tp = np.concatenate(self._tp)
        ch = np.concatenate(self._ch)
        s = np.concatenate(self._s)
        v = np.concatenate(self._v)
        keep = (t >= 0) & (t < tl.end_t)
        c, t, tp, ch, s, v = c[keep], t[keep], tp[keep], ch[keep], s[keep], v[keep]
        order = np.lexsort((tp, t, c))
        c, t, tp, ch, s, v = c[order], t[order], tp[order], ch[order], s[order], v[order]
        first_event_t = np.full(len(ids), np.iinfo(np.int64).max)
        first_of, at = np.unique(c, return_index=True)  # sorted by customer, then time
        first_event_t[first_of] = t[at]
        day = t // DAY
        D = tl.days
        stats.checkout_start += np.bincount(day[tp == TP["checkout_start"]], minlength=D)
        stats.order_placed += np.bincount(day[tp == TP["order_placed"]], minlength=D)
        visit = tp == TP["website_visit"]
        stats.arrivals += np.bincount(day[visit], minlength=D)
        stats.arrivals_tiktok += np.bincount(day[visit & (ch == CH["tiktok"])], minlength=D)
        if fmt == "parquet":
            _, utc = iso(tl, t)
            ts = pa.array(utc * 1_000_000, type=pa.timestamp("us", tz=tl.timezone))
        else:
            ts, _ = iso(tl, t)
        has_s = s >= 0
        sess = pc.binary_join_element_wise(
            "S", pc.utf8_lpad(pa.array(np.maximum(s, 0)).cast(pa.string()), 8, "0"), ""
        )
        sess = pc.if_else(pa.array(has_s), sess, pa.scalar(None, pa.string()))
        tpa = pa.array(tp.astype(np.int32))
        chan = pc.take(
            pa.array(CHANNELS + (None,)),
            pa.array(np.where(ch < 0, len(CHANNELS), ch).astype(np.int32)),
        )
        table = pa.table(
            {
                "customer_id": pc.take(pa.array(ids), pa.array(c)),
                "ts": ts,
                "touchpoint": pc.take(pa.array(TOUCHPOINT_NAMES), tpa),
                "channel": chan,
                "stage": pc.take(pa.array(TP_STAGE.tolist()), tpa),
                "session_id": sess,
                "online": pc.take(pa.array(TP_ONLINE.tolist()), tpa),
                "value": pa.array(np.round(v, 2), type=pa.float64(), mask=np.isnan(v)),
            }
        )
        return EventsTable(table=table, first_event_t=first_event_t)
