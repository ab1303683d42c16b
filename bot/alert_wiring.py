"""Building the alert engine's inputs from the config: the KPI series provider, the alert
store, all rules (config file plus conversation). The agent's alert tools, the digest, the
scheduler and `journeybot alerts` all build them the same way, so this sits below all four."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.alerts.rules import AlertRule
from tools.alerts.series import SeriesProvider

if TYPE_CHECKING:  # SQLAlchemy (a quarter of a second): loaded only when the alert store is opened
    from tools.alerts.store import AlertStore


def provider_for(config: Any, store: Any) -> SeriesProvider:
    from tools.alerts.series import KpiSeriesProvider

    a = config.analytics
    return KpiSeriesProvider(store, churn_window_days=a.churn_window_days,
                             risk=predict_for(config, store))


def predict_for(config: Any, store: Any) -> tuple[Any, Any]:
    """(model registry, settings) of the predictive models, as `journeybot predict` uses them."""
    from tools.predict.registry import ModelRegistry

    return ModelRegistry(store, config.models_dir), config.predict.settings()


def alert_store_for(config: Any) -> AlertStore:
    from tools.alerts.store import AlertStore

    config.home_path.mkdir(parents=True, exist_ok=True)
    return AlertStore(config.ops_db())


def config_rules(config: Any) -> list[AlertRule]:
    """Rules from the config file, then the starter rules it does not replace."""
    from tools.alerts.rules import STARTER_RULES

    own = list(config.alerts.rules)
    if not config.alerts.starter_rules:
        return own
    taken = {r.id for r in own}
    return own + [r for r in STARTER_RULES if r.id not in taken]


def all_rules(config: Any, alerts: AlertStore) -> list[AlertRule]:
    return config_rules(config) + [s.rule for s in alerts.stored_rules()]


def alert_policy(config: Any):
    from tools.alerts.lifecycle import AlertPolicy

    a = config.alerts
    return AlertPolicy(cooldown_hours=a.cooldown_hours, clear_days=a.clear_days, escalate=tuple(a.escalate))


def canonical_metric(metric: str) -> str:
    """The KPI catalogue's name for a metric people or the planner call otherwise
    (conversion_rate -> purchase_conversion)."""
    try:
        from tools.analytics.kpi_catalog import normalize_metric
    except ImportError:  # the KPI tools are not installed: names pass through
        return metric.strip()
    from tools.alerts.series import HIGH_RISK_COUNT, HIGH_RISK_VALUE, VOLUME_MEASURES

    name = metric.strip()
    if name in VOLUME_MEASURES or name in (HIGH_RISK_COUNT, HIGH_RISK_VALUE):
        return name
    return str(normalize_metric(name))
