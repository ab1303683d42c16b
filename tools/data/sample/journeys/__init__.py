"""How each planted customer type behaves, one module per type (plus email campaigns, which
reach every type): what they do on which days, through which channels, and what they order.

Each function takes the chunk's context (its random generator, timeline, customers and event
and order collectors) and draws in a fixed order: reordering draws changes the sample.
"""
