"""(lane probe23c) A follow-up that only sets one of the last analysis's settings, said bare with
no lead word: "anyone who skipped a step shouldnt count" after a funnel, "last 3 steps only" after
paths. No tool claims such words; the setting they name is the last analysis's. Only settings
count here (never a period, a filter or a KPI, which a new question names as well)."""

from __future__ import annotations

from typing import Any

from bot.agent.setting_amends import said

_SETTINGS = frozenset({"skips", "window_days", "max_steps", "compare", "top", "level", "cart_window_hours",
                       "churn_window_days", "min_orders", "tier", "sort_by", "limit", "min_probability",
                       "max_themes", "min_size", "max_groups"})


def sets_a_setting_only(spec: Any, slots: Any, ctx: Any) -> bool:
    """Whether the short question's words set only settings of `spec`, nothing else."""
    if len((getattr(slots, "norm", "") or "").split()) > 12 or spec.changes_state or spec.edits or spec.plan is None:
        return False
    keys = said(spec, slots, ctx)
    return bool(keys) and keys <= _SETTINGS
