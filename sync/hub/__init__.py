"""The reference central hub: a small HTTP service stations sync with.

Real deployments adapt it to their provincial platform; the protocol (docs/sync-openapi.yaml)
is what stations depend on. PostgreSQL in production, SQLite for the demo and tests.
"""
