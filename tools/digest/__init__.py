"""The journey digest: what a shop owner should know this morning, from the other tools.

- compose.py: digest, DigestParams, DigestResult (with KpiLine and ChartSeries), digest_periods,
  nothing_to_digest (why a store has no digest, in words true of it)

Import from the module: this file imports nothing, so importing it stays cheap.
"""
