"""the inbox's plans hold without planner statistics (a fresh restore, autovacuum behind):
each of its indexes holds only the steps of its way (an agency's, a role's, a group's, a
holder's), so a planner that cannot tell them apart cannot take the wrong one and read every
open step of every agency; the done tab asks apart for what one completed (its own index)
and what one's agency did

Revision ID: 0031
Revises: 0029
Create Date: 2026-12-02 00:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None

INBOX_INDEXES = {  # name: (the column its steps have set, its columns)
    'ix_work_items_open_agency': ('agency_id', ['status', 'agency_id', 'claimed_by_id',
                                                'due_at', 'required_role']),
    'ix_work_items_open_role': ('role', ['status', 'role', 'claimed_by_id', 'due_at']),
    'ix_work_items_open_group': ('group_id', ['status', 'group_id', 'claimed_by_id', 'due_at',
                                              'required_role']),
    'ix_work_items_claimed': ('claimed_by_id', ['status', 'claimed_by_id', 'due_at']),
}


DONE_BY = sa.text('completed_by_id IS NOT NULL')


def upgrade():
    for name, (present, columns) in INBOX_INDEXES.items():
        where = sa.text(f'{present} IS NOT NULL')
        op.drop_index(name, table_name='work_items')
        op.create_index(name, 'work_items', columns, postgresql_include=['id'],
                        postgresql_where=where, sqlite_where=where)
    op.create_index('ix_work_items_done_by', 'work_items',
                    ['completed_by_id', 'status', 'due_at'], postgresql_include=['id'],
                    postgresql_where=DONE_BY, sqlite_where=DONE_BY)


def downgrade():
    op.drop_index('ix_work_items_done_by', table_name='work_items')
    for name, (_present, columns) in INBOX_INDEXES.items():
        op.drop_index(name, table_name='work_items')
        op.create_index(name, 'work_items', columns, postgresql_include=['id'])
