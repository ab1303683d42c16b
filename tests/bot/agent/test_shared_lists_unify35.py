"""(lane unify35) Lists that two readers used to keep each their own copy of, now one list: tested
only where the two copies drifting apart is a real risk (a cue that says "follow-up" for words the
reading then cannot act on; a desk's cases read as goods in one place and as tickets in the other)."""

from __future__ import annotations

import pytest

from bot.agent import setting_amends, thread_kept, trade_words


@pytest.mark.parametrize("text", [
    "drop the vip bit", "ok forget the instagram part", "now get rid of that wholesale filter",
    "just ditch the trade side", "take off the members only bit",
])
def test_every_filter_the_cue_drops_is_one_the_reading_takes_off(text):
    assert thread_kept.DROPS_A_FILTER.search(text)
    out = thread_kept.filter_dropped({}, {"filters": {"segment": ["vip", "instagram", "wholesale", "trade", "members"]}}, text)
    assert out.get("filters") != {"segment": ["vip", "instagram", "wholesale", "trade", "members"]}, out


def test_a_bare_follow_up_may_set_every_setting_a_follow_up_keeps():
    # the kept settings and the bare check read one list of an analysis's own settings
    assert setting_amends.SETTINGS - {"include_resolved", "include_disabled"} <= setting_amends._BARE_SETTINGS


@pytest.mark.parametrize("word", trade_words._DESK_CASES)
def test_the_desks_cases_are_never_goods_in_either_reading(word):
    import re

    assert not re.search(trade_words._BULK, f"{word} cases")
    assert not trade_words._GOODS_CASES.search(f"how many {word} cases")


def test_no_reader_spells_a_shared_fragment_out_again():
    # a copy spelled out again drifts on its own (a day or unit added in one place, missed in the others)
    from pathlib import Path

    from bot.agent import word_fragments

    fragments = {name: value for name, value in vars(word_fragments).items() if name.isupper()}
    root = Path(word_fragments.__file__).parent
    copies = [(path.name, name) for path in sorted(root.glob("*.py")) if path.name != "word_fragments.py"
              for name, value in fragments.items() if value in path.read_text()]
    assert copies == []
