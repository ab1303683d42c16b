"""Fixtures shared by the planner's round tests (tests/bot/agent/test_planner_*_round.py), a
plugin of tests/conftest.py: a conftest.py beside them would shadow the `conftest` module that
tests import. The planner loads when a test asks for it, not when pytest starts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def assert_plans(planner: OfflinePlanner, question: str, tool: str | None, *, key: str | None = None,
                 **args: Any) -> None:
    """Assert the planner reads `question` (a conversation of its own, or `key`'s) as `tool` with
    each of `args` (an argument expected None must be absent or None); the failure says the
    question, the tool and the arguments read."""
    plan = planner.plan(question, key or "plans-" + question)
    read = plan.spec.name if plan.spec else None
    wrong = {k: plan.args.get(k) for k, v in args.items() if plan.args.get(k) != v}
    assert read == tool and not wrong, (f"{question!r}: expected {tool} {args}, read {read} {plan.args}"
                                        + (f"; wrong: {wrong}" if wrong else ""))
