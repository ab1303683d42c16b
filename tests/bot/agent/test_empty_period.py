"""The offer of the latest period with data reads the no-data error's `latest` field, not its
words (bot/agent/empty_period.py): a tool may word its message as it likes."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.core.errors import LatestWithData, NoDataError


@pytest.fixture
def reworded(rules, monkeypatch):
    """The planner with every tool answering 'no data', worded unlike kpi_scope's message."""
    import bot.agent.tools as tools

    def no_data(*_args, **_kwargs):
        raise NoDataError("Nothing came in over that stretch. Try earlier dates.",
                          latest=LatestWithData("no paid bookings in last 30 days", dt.date(2026, 9, 1),
                                                dt.date(2026, 9, 30)))

    monkeypatch.setattr(tools, "_run", no_data)
    return rules


def test_the_offer_survives_a_reworded_message(reworded):
    answer = reworded.answer("which town brings in the most revenue?", "reworded")
    assert "did not work" not in answer.text, answer.text
    assert "No paid bookings in last 30 days, so there is nothing to show for it" in answer.text, answer.text
    assert "2026-09-01 to 2026-09-30" in answer.text
    assert answer.alternatives[0].args["period"] == {"start": "2026-09-01", "end": "2026-09-30"}

