"""process instances' state compressed with lz4 on PostgreSQL: every step rewrites the
serialized workflow (about 3 kB, compressed inline), and lz4 does it several times faster
than the default pglz, for slightly larger rows; a server built without lz4 keeps pglz.
Nothing changes on SQLite.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-02 00:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None


def _has_lz4(bind) -> bool:
    return bool(bind.scalar(sa.text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")))


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' and _has_lz4(bind):
        # Applies to values written from now on; older rows are read as they were stored.
        op.execute('ALTER TABLE process_instances ALTER COLUMN state SET COMPRESSION lz4')


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' and _has_lz4(bind):
        op.execute('ALTER TABLE process_instances ALTER COLUMN state SET COMPRESSION pglz')
