"""The local store: an encrypted SQLite database (SQLCipher) with Alembic migrations."""
