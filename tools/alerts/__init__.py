"""Alerts: rules that watch a KPI, judged every day, fired once and resolved when they clear.

- rules.py: AlertRule, MetricInfo, STARTER_RULES, find_rule
- series.py: SeriesProvider, KpiSeriesProvider, FrameSeriesProvider, Contributor (the numbers)
- detect.py: detect, sampling_noise, lookback_days (a whole daily series at once)
- evaluate.py: evaluate, evaluate_groups, Finding (one rule on one day, explained)
- lifecycle.py: step, AlertPolicy, RuleState, AlertEvent (fire, escalate, suppress, resolve)
- check.py: check_rules, AlertCheckResult (every rule on a day)
- store.py: AlertStore, AlertRecord, OutboxItem (rules, state and history in state.sqlite)
- manage.py: list_alert_rules, create_alert_rule, change_alert_rule, delete_alert_rule,
  open_alerts and their params
- backtest.py: backtest, load_incidents, Incident (past days replayed against known incidents)
- anomaly.py: the weekday baseline and rolling windows detect uses

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
