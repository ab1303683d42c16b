"""Charts as PNG bytes from plain data (matplotlib, Agg): no tool results, no store.

- journey.py: funnel_chart, grouped_funnel_chart (one small funnel per channel or segment),
  stage_counts_chart (a funnel only when the counts fall stage by stage), sentiment_by_stage_chart
- trend.py: kpi_trend_chart (a KPI over time in its unit, with the n behind each point)
- pattern.py: pattern_chart (a KPI by weekday, hour or month, the highest and lowest marked)
- alert.py: alert_chart_png (an alert's recent series with its usual range)
- axes.py: Measure (what the values are: money, %, counts, hours) and apply_measure
- base.py: the canvas, colours, font sizes, title and subtitle, PNG bytes

Each `*_chart` has a `*_figure` twin returning the Figure, for tests that look at the picture.
Import from the modules: this file imports nothing, so matplotlib loads only with a chart module.
"""
