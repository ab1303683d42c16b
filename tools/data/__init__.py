"""The journey data: the DuckDB store, the tables' schema, and validated ingest of exports.

Public names, by module (import them from the module; this package imports nothing):
- tools.data.store: `JourneyStore` (one DuckDB file or memory; `connect`, `query`, `as_of`,
  `timezone`); tools.data.store_open opens its file (a busy file retried) and brings the
  tables up to date on open.
- tools.data.data_version: `bump_data_version`, `data_version_on`: the counter every write to
  the journey tables bumps, under which results are cached and saved.
- tools.data.customer_erasure: `delete_customer`, one customer erased from the file.
- tools.data.schema: `TABLES`, `Table`, `Column`, `table`, `create_table_sql`: the five journey
  tables (customers, events, orders, surveys, tickets), their types, checks and keys.
- tools.data.schema_version: `SCHEMA_VERSION`, `is_current`, `bring_up_to_date`: a store made
  by an older version brought up to the current tables when it is opened.
- tools.data.mapping: `Mapping`, `ReadOptions`, `Lookup`, `Fold`, `Case`, `After`, `Extract`,
  `Recipe`, `load_recipe`: how an export's columns become journey columns, declared in config
  or a recipe file.
- tools.data.vendors: the built-in recipes for vendor exports (Shopify, Square, Stripe,
  WooCommerce, Zendesk, Typeform, Mailchimp), recognised from the header row.
- tools.data.keys: `customer_key`: the pseudonymous customer key made from an email address.
- tools.data.ingest: `ingest_file`, `ingest_recipe`, `ingest_loads`, `folder_loads`,
  `IngestReport`, `Load`: all-or-nothing, idempotent loads of CSV, Parquet and JSON lines.
- tools.data.profile_store: the business profile kept in the store (`load`, `apply`,
  `status_case`, `raw_statuses`); JourneyStore.profile / set_profile use it.
- tools.data.spans: `table_span`, `Span`, `load_cap`: how far each table reaches (not counting
  rows dated in the future) and how finely it is dated (time, day, month); `TableCoverage`.
- tools.data.hints: what ingest noted about an export (UTC offsets, money signs, decimal commas).
- tools.data.session_table and tools.data.first_touch: the derived sessions and first_touch
  tables that ingest keeps in step with the events (`rebuild`, `refresh`, `is_current`).
- tools.data.sample: `generate_sample` (with `SampleSpec`), the deterministic bakery-cafe sample.
- tools.data.people: `known_names` (the CRM names redaction looks for), `identifiers` (one
  customer's id, names, emails and texts, for erasure), `redact_stored_texts`.
- tools.data.compact: `compact` (the store's file rewritten with live rows only, old bytes zeroed).

Ingest's steps, used only by tools.data.ingest: read (files, encodings, delimiters, formats),
staging (mapping columns onto the table) with derive (fold, cases, coalesce, extract, zones
per row; zones.py names the zone labels exports write) and convert (types, dates, money),
checks (the rules every row must pass, after the filters and duplicate rules), write (upserts
and the derived tables), and context (what the steps of one load share).
"""
