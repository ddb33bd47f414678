"""The benchmarks' PostgreSQL database: made if missing, then emptied, so every run starts
from the same migrated schema."""

from sqlalchemy import create_engine, text

from app.config import normalise_database_url


def empty_postgres(url: str) -> None:
    server, name = url.rsplit("/", 1)
    admin = create_engine(normalise_database_url(f"{server}/postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                 {"name": name}):
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    database = create_engine(normalise_database_url(url))
    with database.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    database.dispose()


def drop_postgres(url: str) -> None:
    """Drop a benchmark's own database (its server stopped first)."""
    server, name = url.rsplit("/", 1)
    admin = create_engine(normalise_database_url(f"{server}/postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
