"""Persistence: SQLAlchemy models, sessions, migrations and small repositories."""
