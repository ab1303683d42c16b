"""Deterministic sample data: the customer journey of a bakery-cafe in Bristol.

`generate_sample(folder, SampleSpec(...))` writes the five journey tables (customers, events,
orders, surveys, tickets) with the canonical column names of tools/data/schema.py, plus the
ground truth that is *not* a journey table: ground_truth.csv (every customer's planted type and
churn drift), incidents.json and drift.json (what is planted, with dates and sizes), so tools
can be checked against what is really there. It returns a `SampleFiles`. Also public:
`PLANTED_TYPES`, `CHANNELS` and `INCIDENT_DAYS_BEFORE_END`. docs/SAMPLE_DATA.md describes
the business, the customer types and the incidents.

The same spec gives byte-identical files at any scale: generation streams chunks of customers
to disk, each vectorised with numpy and seeded from (seed, chunk number).

Where things are, in the order a chunk is made:
- spec: SampleSpec, SampleFiles. generate: generate_sample, the file writers.
- timeline, incidents: the calendar of the period and what is planted in it.
- chunk: one chunk of customers, start to finish; context: the state it is drawn in.
- customers: who they are; journeys/: how each planted type behaves (and email campaigns).
- web_sessions, baskets, orders, surveys, tickets, texts/: what the journeys produce.
- events, formatting: the events table and how times and amounts are spelled.
- ground_truth: ground_truth.csv, incidents.json, drift.json.
"""

from tools.data.sample.codes import CHANNELS, PLANTED_TYPES
from tools.data.sample.generate import generate_sample
from tools.data.sample.incidents import INCIDENT_DAYS_BEFORE_END
from tools.data.sample.spec import SampleFiles, SampleSpec

__all__ = [
    "SampleSpec",
    "SampleFiles",
    "generate_sample",
    "PLANTED_TYPES",
    "INCIDENT_DAYS_BEFORE_END",
    "CHANNELS",
]
