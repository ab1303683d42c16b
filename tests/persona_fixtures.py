"""A tiny shop for persona tests: three regulars buying £5 in the shop on weekday mornings,
two parents ordering £20 online for pickup (one delivery), one gift buyer (£50 delivered), two
anonymous browsers; feedback with an email and a phone number in it."""

from __future__ import annotations

from tools.data.store import JourneyStore

CUSTOMERS = [
    ("R1", "Southville", "25-34"), ("R2", "Southville", "25-34"), ("R3", "Bedminster", None),
    ("P1", "Clifton", "35-44"), ("P2", "Clifton", None), ("G1", "London", None),
    ("X1", None, None), ("X2", None, None),
]
# (order, customer, ts, amount, channel, fulfilment); 2026-05-04 is a Monday, 05-09 a Saturday.
ORDERS = [
    *[(f"OR1{i}", "R1", f"2026-05-0{4 + i} 08:00", 5.0, "in_store", "in_store") for i in range(4)],
    *[(f"OR2{i}", "R2", f"2026-05-0{4 + i} 08:30", 5.0, "in_store", "in_store") for i in range(4)],
    *[(f"OR3{i}", "R3", f"2026-05-0{4 + i} 12:30", 5.0, "in_store", "in_store") for i in range(2)],
    ("OP11", "P1", "2026-05-04 16:00", 20.0, "online", "pickup"),
    ("OP12", "P1", "2026-05-06 16:00", 20.0, "online", "pickup"),
    ("OP21", "P2", "2026-05-05 16:00", 20.0, "online", "pickup"),
    ("OP22", "P2", "2026-05-09 19:00", 20.0, "online", "delivery"),
    ("OG1", "G1", "2026-05-09 20:00", 50.0, "online", "delivery"),
]
# (customer, ts, touchpoint, stage, session, online)
EVENTS = [
    *[(c, f"2026-05-0{4 + i} 08:00", "instore_purchase", "purchase", None, False)
      for c, n in (("R1", 4), ("R2", 4), ("R3", 2)) for i in range(n)],
    *[(c, "2026-05-03 10:00", "word_of_mouth", "awareness", None, False) for c in ("R1", "R2", "R3")],
    ("P1", "2026-05-04 15:50", "website_visit", "consideration", "S1", True),
    ("P1", "2026-05-04 15:55", "add_to_cart", "decision", "S1", True),
    ("P1", "2026-05-04 16:00", "order_placed", "purchase", "S1", True),
    ("P1", "2026-05-04 17:00", "order_pickup", "post-purchase", None, False),
    ("P2", "2026-05-05 15:50", "website_visit", "consideration", "S2", True),
    ("P2", "2026-05-05 15:55", "add_to_cart", "decision", "S2", True),
    ("P2", "2026-05-05 16:00", "order_placed", "purchase", "S2", True),
    ("P2", "2026-05-08 15:55", "add_to_cart", "decision", "S3", True),  # abandoned basket
    ("G1", "2026-05-09 19:50", "ad_click", "awareness", "S4", True),
    ("G1", "2026-05-09 20:00", "order_placed", "purchase", "S4", True),
    ("X1", "2026-05-08 10:00", "website_visit", "consideration", "S5", True),
    ("X2", "2026-05-09 10:00", "website_visit", "consideration", "S6", True),
    ("X2", "2026-05-09 10:05", "add_to_cart", "decision", "S6", True),
]
SURVEYS = [
    ("V1", "P1", "2026-05-04 18:00", 2, "Waited 20 minutes at pickup, order not ready. Email me at jo@example.com"),
    ("V2", "P2", "2026-05-05 18:00", 4, "Lovely buns, the pickup slot was fine"),
    ("V3", "R1", "2026-05-05 09:00", 3, "Prices went up again"),
    ("V4", "R2", "2026-05-06 09:00", 5, "Lovely staff"),
]
TICKETS = [("T1", "G1", "2026-05-10 09:00", "Parcel late", "My delivery is late, call 07700 900123")]


def tiny_shop(store: JourneyStore) -> JourneyStore:
    for cid, city, age in CUSTOMERS:
        store.execute("INSERT INTO customers (customer_id, city, age_band) VALUES (?, ?, ?)", [cid, city, age])
    for row in ORDERS:
        store.execute("INSERT INTO orders (order_id, customer_id, ts, amount, channel, fulfilment, status) "
                      "VALUES (?, ?, ?, ?, ?, ?, 'completed')", list(row))
    for row in EVENTS:
        store.execute("INSERT INTO events (customer_id, ts, touchpoint, stage, session_id, online) "
                      "VALUES (?, ?, ?, ?, ?, ?)", list(row))
    for row in SURVEYS:
        store.execute("INSERT INTO surveys (survey_id, customer_id, ts, csat, text) VALUES (?, ?, ?, ?, ?)", list(row))
    for row in TICKETS:
        store.execute("INSERT INTO tickets (ticket_id, customer_id, created_at, subject, text) "
                      "VALUES (?, ?, ?, ?, ?)", list(row))
    return store


