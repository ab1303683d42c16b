"""What every tools/ package shares; it imports no other package.

- errors.py: JourneyError, ToolInputError, ToolUnavailable, ToolFatal, NoDataError, IngestError,
  Problem
- results.py: Provenance, ResultMixin, Attachment, to_jsonable
- stages.py: STAGES, Stage, TouchpointMap, DEFAULT_TOUCHPOINTS, WEB_TOUCHPOINTS,
  normalize_stage, normalize_touchpoint
- pii.py: redact, redact_series, contains_pii (emails, phones, cards; with pii_places.py:
  IBANs, addresses, postcodes; with pii_names.py: KnownNames, the names the store knows)
- cells.py: neutralise, neutralise_frame, csv_bytes (spreadsheet cells that never run as formulas)
- text.py: pct, points, signed, duration, count, text_table (plain-text pieces of results)
- money.py: NumberFormat, format_money, Priced (every amount in the business's currency and
  locale), money_unit, money_format, unit_label
- profile.py: BusinessProfile, ProfileSettings, OrderStatuses, DEFAULT_ORDER_STATUSES (currency,
  time zone, locale, what each order status means)
- sqlite_wal.py: connect_wal (SQLite shared by several processes), compact_sqlite (erasure)
- environment.py: environment_problem, environment_cause (full disk, read-only, no permission)
- files.py: shred, swap, replace, write_atomic (files rewritten without leaving old bytes)

Import from the modules: this file imports nothing, so importing one module stays cheap.
"""
