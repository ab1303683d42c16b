"""A small shop for the satisfaction_by tests: delivery orders promised on the 10th of May that
arrived on time, late or never, each with a review, and a few answers that cannot be tied to a
delivery (a pickup, an answer with no order in the 30 days before it)."""

from __future__ import annotations

ON_TIME = [5, 4, 5, 5, 4, 5, 3, 5, 4, 5, 5, 4]
LATE = [1, 2, 3, 1, 2, 2, 1, 3, 2, 1, 4]


def shop_tables() -> dict[str, str]:
    """Delivery orders promised on the 10th of May: on time, late, never arrived; a pickup; a
    review tied to its order only through the customer's latest order; one far too late."""
    orders, surveys, customers = [], [], []
    rows = [("on", s) for s in ON_TIME] + [("late", s) for s in LATE]
    for i, (kind, score) in enumerate(rows):
        cid, oid = f"C{i}", f"O{i}"
        delivered = "2026-05-10 21:00" if kind == "on" else "2026-05-12 09:00"
        category = "\"bread, cakes\"" if i % 2 else "bread"
        segment = "vip" if i < 12 else "regular"
        customers.append(f"{cid},{segment}")
        orders.append(f"{oid},{cid},2026-05-05 10:00,20,completed,delivery,2026-05-10,{delivered},{category}")
        surveys.append(f"S{i},{cid},{oid},2026-05-13 10:00,{score}")
    customers += ["N1,regular", "N2,regular", "P1,regular", "L1,regular", "F1,regular"]
    orders += ["ON1,N1,2026-05-05 10:00,20,pending,delivery,2026-05-10,,bread",
               "ON2,N2,2026-05-05 10:00,20,cancelled,delivery,2026-05-10,,bread",
               "OP1,P1,2026-05-05 10:00,20,completed,pickup,,,bread",
               "OL1,L1,2026-05-01 10:00,20,completed,delivery,2026-05-04,2026-05-03 10:00,cakes",
               "OF1,F1,2026-03-01 10:00,20,completed,delivery,2026-03-04,2026-03-03 10:00,cakes"]
    surveys += ["SN1,N1,ON1,2026-05-13 10:00,1", "SN2,N2,ON2,2026-05-13 10:00,1",
                "SP1,P1,OP1,2026-05-13 10:00,5",
                "SL1,L1,,2026-05-20 10:00,5",  # no order id: its latest order, 19 days before
                "SF1,F1,,2026-05-20 10:00,2"]  # its only order is 80 days before: not tied
    return {
        "customers": "customer_id,segment\n" + "\n".join(customers) + "\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment,promised_at,delivered_at,categories\n"
                  + "\n".join(orders) + "\n",
        "surveys": "survey_id,customer_id,order_id,ts,csat\n" + "\n".join(surveys) + "\n",
    }
