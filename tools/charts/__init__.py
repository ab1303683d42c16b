"""Charts as PNG bytes from plain data (matplotlib, Agg): no tool results, no store.

- journey.py: funnel_chart, kpi_trend_chart, sentiment_by_stage_chart (and *_figure versions)
- alert.py: alert_chart_png (an alert's recent series with its expected band)

Import from the modules: this file imports nothing, so matplotlib loads only with a chart module.
"""
