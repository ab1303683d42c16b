"""Built-in recipes for the CSV exports small shops download, recognised from the header row.

Public names, by module (import them from the module; this package imports nothing):
- tools.data.vendors.catalogue: `VendorRecipe`, `vendor_recipes`, `recipe_named`, `recognise`,
  `Recognition`, `read_header`: the recipes (one TOML file each, beside this module) and which
  one an export's header row matches.
- tools.data.vendors.load: `ingest_export`, `ExportReport`: load an export with the recipe it
  was recognised as (or one named), all or nothing, idempotent, like any other ingest.

A recipe is a declarative mapping (tools/data/mapping.py) written from the vendor's documented
columns: Shopify orders and customers, Square transactions, Stripe payments, WooCommerce orders,
Etsy sold orders, Squarespace orders, SumUp sales reports (English and German), Eventbrite
attendee summaries, Zendesk and Freshdesk tickets, Typeform responses, Google Forms response sheets
(the questions read by their wording and answers, tools.data.vendors.forms), Trustpilot reviews,
HubSpot contacts, Mailchimp email activity, Acuity Scheduling appointments,
Toast orders (OrderDetails.csv), Google Business Profile reviews (Takeout's reviews.json,
read as rows by tools.data.vendors.documents).
docs/SOURCES.md lists what each loads. tools.data.vendors.unknown describes an export no recipe
knows (how it reads, what it looks like, a mapping to paste).
"""
