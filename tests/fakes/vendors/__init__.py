"""Fake vendor APIs on 127.0.0.1 (Shopify Admin REST, Zendesk Support, Typeform Responses) with
injectable faults, for testing sync code against each vendor's published behaviour."""
