"""The calendar of a sample: its days, weekends, growth, gift seasons, email campaigns, NPS
survey waves and the planted incidents. Built once per spec; every chunk reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from tools.data.sample.codes import DAY
from tools.data.sample.incidents import IncidentPlan, plan_incidents
from tools.data.sample.spec import SampleSpec


@dataclass(frozen=True, eq=False)
class Timeline:
    days: int  # D: day 0 is `start`, day D - 1 is spec.end
    start: date
    timezone: str
    base: np.datetime64  # local midnight starting day 0; chunk times are seconds after it
    end_t: int  # the first second after the period
    start_wd: int  # weekday of day 0 (Monday = 0)
    wd: np.ndarray  # weekday by day
    weekend_d: np.ndarray  # True on Saturdays and Sundays
    growth: np.ndarray  # the business grows by a quarter over the period
    gift_season: np.ndarray  # gift demand by day (1 = ordinary)
    campaigns: list[int]  # days an email campaign goes out
    nps_waves: list[int]  # days a relationship NPS survey goes out
    incidents: IncidentPlan

    def is_weekend(self, days: np.ndarray) -> np.ndarray:
        return (self.start_wd + days) % 7 >= 5

    def day_iso(self, i: int) -> str:
        return (self.start + timedelta(days=int(i))).isoformat()


def build_timeline(spec: SampleSpec) -> Timeline:
    D = spec.days
    start = spec.end - timedelta(days=D - 1)
    d = np.arange(D)
    start_wd = start.weekday()
    wd = (start_wd + d) % 7
    dates = [start + timedelta(days=int(i)) for i in d]
    # newsletter every other Thursday at 10:00, plus two promotions
    first_thu = (3 - start_wd) % 7
    camps = list(range(first_thu, D, 14))
    promo = [D - 1 - 31, D - 1 - 115]
    camps += [p for p in promo if 0 <= p < D and p not in camps]
    return Timeline(
        days=D,
        start=start,
        timezone=spec.timezone,
        base=np.datetime64(start.isoformat(), "s"),
        end_t=D * DAY,
        start_wd=start_wd,
        wd=wd,
        weekend_d=wd >= 5,
        growth=1.0 + 0.25 * d / max(D - 1, 1),
        gift_season=gift_season(dates),
        campaigns=sorted(camps),
        # relationship NPS survey roughly every two months, the last three weeks before the end
        nps_waves=sorted({w for w in range(D - 1 - 21, 20, -60)}),
        incidents=plan_incidents(D),
    )


def easter(year: int) -> date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * L) // 451
    month = (h + L - 7 * m + 114) // 31
    day = ((h + L - 7 * m + 114) % 31) + 1
    return date(year, month, day)


def gift_season(days: list[date]) -> np.ndarray:
    """Gift demand by day: bumps before Valentine's, Mothering Sunday, Father's Day, Christmas."""
    out = np.ones(len(days))
    years = sorted({d.year for d in days} | {days[-1].year + 1})
    anchors: list[tuple[date, float, float]] = []
    for y in years:
        june = date(y, 6, 1)
        fathers = june + timedelta(days=(6 - june.weekday()) % 7 + 14)
        anchors += [
            (date(y, 2, 14), 1.2, 6),
            (easter(y) - timedelta(days=21), 1.8, 7),
            (fathers, 1.0, 6),
            (date(y, 12, 12), 2.5, 14),
        ]
    ords = np.array([d.toordinal() for d in days])
    for when, amp, sd in anchors:
        lead = when.toordinal() - ords  # days until the occasion
        bump = amp * np.exp(-((lead - 5) ** 2) / (2 * sd**2))
        out += np.where(lead >= -1, bump, 0.0)
    return out
