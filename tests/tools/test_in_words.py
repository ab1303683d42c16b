"""Arguments as an owner reads them under an answer or a digest ("From compare(...)"): periods,
lists and filters in words, never a Python dict, list or None."""

from __future__ import annotations

import datetime as dt

from tools.analytics.filters import Filters
from tools.analytics.kpis import KpiParams
from tools.analytics.periods import Period
from tools.core.results import Provenance
from tools.core.text import in_words, period_in_words


def test_periods_read_as_a_person_writes_them():
    assert period_in_words("last_30_days") == "last 30 days"
    assert period_in_words("all") == "all the data"
    assert period_in_words(None, "2026-10-01", "2026-10-31") == "1-31 October 2026"
    assert period_in_words(None, dt.date(2026, 5, 5), dt.date(2026, 5, 5)) == "5 May 2026"
    assert period_in_words(None, "2026-09-28", "2026-10-03") == "28 September to 3 October 2026"
    assert period_in_words(None, "2025-12-28", "2026-01-03") == "28 December 2025 to 3 January 2026"
    assert period_in_words(None, "2026-05-01", None) == "from 1 May 2026"
    assert period_in_words(None, "2026-13-40", None) == "from 2026-13-40"  # not a date: as given


def test_lists_and_filters_read_as_words():
    assert in_words(["revenue", "nps"]) == "revenue, nps"
    assert in_words(Filters(channel=["instagram", "tiktok"], segment=["gold"])) == "channel instagram, tiktok and segment gold"
    assert in_words({"channel": None, "segment": []}) == ""


def test_a_digest_source_line_names_its_call_in_words():
    params = KpiParams(metrics=["revenue", "nps"], period=Period(name="last_7_days"),
                       filters=Filters(segment=["gold"])).model_dump(mode="json")
    prov = Provenance(tool="kpis", definition="", params=params, filters={"segment": ["gold"]})
    line = prov.call_signature()
    assert line.startswith("kpis(metrics=revenue, nps; period=last 7 days; filters=segment gold")
    assert not any(c in line for c in "{}[]'") and "None" not in line
    assert "Filters: segment gold" in prov.to_text()
