"""Analytics over the journey store: funnel, drop-offs, paths, KPIs and how they move.

The tools (params model in, result with provenance out):
- funnel.py: funnel, FunnelParams, FunnelResult
- dropoffs.py: dropoffs, DropoffParams, DropoffResult
- paths.py: paths, PathParams, PathResult
- describe.py: describe_data, DataDescription (what the store holds, the business profile in use
  and what the data can and cannot answer)
- kpis.py: kpis, kpi, KpiParams (results in kpi_result.py: KpiResult, KpiValue)
- trends.py: kpi_series, trend, TrendParams, TrendResult
- compare.py: compare, CompareParams, CompareResult (a period against the one before)
- movers.py: top_movers, MoversParams, MoversResult (which group moved a KPI)

What the tools share, and other packages use:
- filters.py: Filters, validate_filters, known_values, cohort_sql, dimension_sql, DIMENSIONS
- periods.py: Period, ResolvedPeriod, resolve, previous_calendar, PERIOD_NAMES
- scope.py: make_scope, cohort_clause, breakdown_join (the events a journey analysis reads)
- kpi_catalog.py: METRICS, SPECS, MetricSpec, format_value, format_change, normalize_metric
- capabilities.py: capabilities, Capabilities, metric_availability, READS (what each KPI and
  analysis needs, checked against the store)
- kpi_scope.py: KpiSettings, open_scope, Scope, measure, empty_note, no_data (periods anchored on each
  table's last day; no data is not zero); kpi_request.py holds the Scope and KpiSettings types
- order_status.py: order_status_counts, OrderStatusCounts (orders of a period by status)
- profile_hints.py: profile_advice (the business profile as describe shows it, with suggestions)

The KPI SQL behind kpis, trends, compare and movers: kpi_sql.py runs it (compute); kpi_frame.py
holds the period, buckets and time zone (Frame); kpi_families.py and kpi_sessions.py the queries;
kpi_long.py how each metric is read off its family's row (the snapshot reads tuples: compute_rows).

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
