"""Sources that sync themselves: a folder inbox, a CSV or JSON URL, and the Shopify, Zendesk
and Typeform APIs, loaded incrementally through the same validated ingest as files.

Public names, by module (import them from the module; this package imports nothing):
- tools.sources.spec: `SourceSpec` (one [[sources]] entry), `check_address`.
- tools.sources.sync: `sync_source`, `SyncReport`, `probe_source`: one sync now, or a look that
  writes nothing.
- tools.sources.state: `SourceState`, `SourceStatus`: cursors, last success and error, run
  leases and loaded files, in state.sqlite.
- tools.sources.freshness: `judge`, `Freshness`: is a source's data as fresh as expected, in
  words for answers, the digest, alerts and the Home tab.

Inside: http (GETs with retries, rate limits and vendor errors), pages (what a connector
yields), shopify, zendesk and typeform (one connector each), files (inbox and URL).
"""
