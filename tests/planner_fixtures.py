"""Fixtures shared by the planner's round tests (tests/bot/agent/test_planner_*_round.py), a
plugin of tests/conftest.py: a conftest.py beside them would shadow the `conftest` module that
tests import. The planner loads when a test asks for it, not when pytest starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.agent.planner import OfflinePlanner


@pytest.fixture(scope="module")
def rules() -> OfflinePlanner:
    """The word rules alone on the banks' small sample: a reading by meaning must not be what
    makes a round's phrasings pass."""
    from sample_cache import bank_store

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    return OfflinePlanner(ToolContext(store=bank_store(), config=config), all_tools())
