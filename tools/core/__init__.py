"""What every tools/ package shares; it imports no other package.

- errors.py: JourneyError, ToolInputError, ToolUnavailable, ToolFatal, NoDataError, IngestError,
  Problem
- results.py: Provenance, ResultMixin, Attachment, to_jsonable
- stages.py: STAGES, Stage, TouchpointMap, DEFAULT_TOUCHPOINTS, WEB_TOUCHPOINTS,
  normalize_stage, normalize_touchpoint
- pii.py: redact, redact_series, contains_pii
- cells.py: neutralise, neutralise_frame, csv_bytes (spreadsheet cells that never run as formulas)
- text.py: pct, points, signed, duration, count, text_table (plain-text pieces of results)
- sqlite_wal.py: connect_wal (SQLite shared by several processes)

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
