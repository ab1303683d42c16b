"""twcs: how many customers had to contact support more than once. Each conversation a customer
started is a ticket (tests/realdata/test_twcs.py rebuilds them from the raw tweets with pandas);
a repeat contact is an author who started two or more of them, over all the data."""

from __future__ import annotations

from realdata import extract as x
from realdata.test_twcs import tickets


def test_repeat_contacts_over_all_the_tweets_match_pandas(twcs):
    per_author = tickets(twcs.raw).customer.value_counts()
    repeat, base = int((per_author >= 2).sum()), len(per_author)
    assert 0 < repeat < base
    got = {v["metric"]: v for v in twcs.cli("kpis", "--metric", "repeat_contacts", "--metric",
                                            "repeat_contact_rate", "--period", "all")["values"]}
    assert (got["repeat_contacts"]["value"], got["repeat_contacts"]["n"]) == (repeat, base)
    assert abs(got["repeat_contact_rate"]["value"] - repeat / base) < 1e-9
    assert got["repeat_contacts"]["excluded"] == 0  # every conversation has its author


def test_asked_in_plain_words_over_all_the_data(twcs):
    per_author = tickets(twcs.raw).customer.value_counts()
    got = twcs.ask("how many customers contacted us more than once, over all our data?")
    assert x.kpi(got, "repeat_contacts") == int((per_author >= 2).sum())
    assert x.kpi(got, "repeat_contacts", "n") == len(per_author)
