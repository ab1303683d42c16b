"""Times and amounts as the files spell them: ISO 8601 with the UTC offset of the business time
zone, and money with two decimals. Vectorised: formatting value by value would dominate the
run time at ten million events."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tools.data.sample.codes import DAY
from tools.data.sample.timeline import Timeline

_TIME_OF_DAY = pa.array(
    [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]
)


def money(x: np.ndarray) -> np.ndarray:
    """12.5 -> '12.50', vectorised (pandas' float_format formats one value at a time)."""
    cents = np.round(np.asarray(x, float) * 100).astype(np.int64)
    pounds, pence = np.divmod(cents, 100)
    return np.strings.add(
        np.strings.add(pounds.astype(str), "."), np.strings.zfill(pence.astype(str), 2)
    )


def iso(tl: Timeline, t: np.ndarray) -> tuple[pa.Array, np.ndarray]:
    """ISO 8601 strings with UTC offset, and UTC epoch seconds, for local seconds t.

    Built from lookups (date, time of day, offset) joined by pyarrow: much faster than
    formatting every timestamp.
    """
    t = np.asarray(t, np.int64)
    if len(t) == 0:
        return pa.array([], pa.string()), np.array([], np.int64)
    local = tl.base + t.astype("timedelta64[s]")
    idx = pd.DatetimeIndex(local).tz_localize(
        tl.timezone, ambiguous=np.ones(len(t), bool), nonexistent="shift_forward"
    )
    wall = idx.tz_localize(None).as_unit("s").asi8
    utc = idx.as_unit("s").asi8
    off = wall - utc
    u, inv = np.unique(off, return_inverse=True)
    texts = []
    for o in u:
        sign = "+" if o >= 0 else "-"
        hh, mm = divmod(abs(int(o)) // 60, 60)
        texts.append(f"{sign}{hh:02d}:{mm:02d}")
    days, sec = np.divmod(wall, DAY)
    ud, dinv = np.unique(days, return_inverse=True)
    dates = pa.array(np.strings.add(np.datetime_as_string(ud.astype("datetime64[D]")), "T"))
    joined = pc.binary_join_element_wise(
        pc.take(dates, pa.array(dinv)),
        pc.take(_TIME_OF_DAY, pa.array(sec)),
        pc.take(pa.array(texts), pa.array(inv)),
        "",
    )
    return joined, utc


def iso_np(tl: Timeline, t: np.ndarray) -> np.ndarray:
    """`iso` as a numpy array of strings, for the pandas tables."""
    return iso(tl, t)[0].to_numpy(zero_copy_only=False)
