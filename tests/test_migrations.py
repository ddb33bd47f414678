from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.extensions import db


def test_models_and_migrations_agree(app):
    """The schema built by `flask db upgrade` is exactly what the models declare."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)

    assert differences == []


def test_the_database_is_at_the_newest_revision(app):
    from alembic.script import ScriptDirectory
    from flask_migrate import Migrate

    config = app.extensions["migrate"].migrate.get_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()

    assert isinstance(app.extensions["migrate"].migrate, Migrate)
    assert current == head


def test_the_reorganisation_migration_goes_down_and_up_again(app):
    """0014 (successions, people moved) is reversible: down to 0013 drops its tables, up
    again gives back exactly what the models declare."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import inspect

    with app.app_context():
        downgrade(revision="0013")
        try:
            tables = set(inspect(db.engine).get_table_names())
            assert "agency_successions" not in tables and "person_moves" not in tables
        finally:
            upgrade()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []
