"""The journey digest: what a shop owner should know this morning, from the other tools.

- compose.py: digest, DigestParams, DigestResult (with KpiLine and ChartSeries), digest_periods

Import from the module: this file imports nothing, so importing it stays cheap.
"""
