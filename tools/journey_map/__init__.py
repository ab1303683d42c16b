"""The customer journey map: the six stages as columns with touchpoints, conversion, emotion,
pain points, KPIs, a red/amber/green health and what to improve (docs/JOURNEY_MAP.md).

Public functions and where they live (import them from their module; this file imports
nothing, so that the CLI stays quick to start and no cycle can run through it):

- tool.py: journey_map(store, params, feedback=, settings=, writer=): the tool the agent and
  the CLI call; a map, two maps side by side, or one stage in detail, from JourneyMapParams.
- build.py: build_map(store, period, filters, ...): one map; compare_maps(left, right):
  two maps side by side; touchpoint_usage, cohort_ids, who_text, previous_of: what it reads.
- stage.py: stage_detail(store, params, ...): one stage in detail (StageDetail).
- rules.py: evaluate, opportunities, phrase, differences: the rules behind health,
  opportunities and notable differences (RULES, STAGE_ADVICE).
- render.py: render_file(result, fmt): a map, comparison or stage detail as png, xlsx, csv
  or md bytes (FORMATS).
- tables.py: map_grid, map_numbers, map_csv, comparison_csv, quote_text.
- markdown.py: map_markdown, comparison_markdown.
- spreadsheet.py: map_xlsx, comparison_xlsx.
- picture.py: map_png, comparison_png.

Types: types.py holds the parameters (JourneyMapParams, MapSettings, STAGE_KPIS) and what a
map is made of (StageColumn, Transition, Emotion, PainPoint, StageKpi, Finding, Opportunity,
Difference, JourneyMapData, MapComparisonData); results.py the results with their renderings
(JourneyMap, MapComparison); stage.py StageDetail.

Imports run one way (a <- b: b imports a): types <- rules, tables; tables <- markdown,
spreadsheet, picture; those <- results <- build <- stage <- tool; render imports the
renderings and stage. Renderers take data (types.py) and never import the builder.
"""
