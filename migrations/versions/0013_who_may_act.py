"""who may act: a step's required role and named person, search text, notices of a step

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 16:00:00

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _fold(text):
    # As app.folding.fold at the time of writing; a migration keeps its own copy.
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


INBOX_INDEXES = {
    'ix_work_items_open_agency': ['status', 'agency_id', 'claimed_by_id', 'due_at',
                                  'required_role'],
    'ix_work_items_open_role': ['status', 'role', 'claimed_by_id', 'due_at'],
    'ix_work_items_open_group': ['status', 'group_id', 'claimed_by_id', 'due_at',
                                 'required_role'],
    'ix_work_items_claimed': ['status', 'claimed_by_id', 'due_at'],
}
FORMER_INDEXES = {
    'ix_work_items_open_agency': ['status', 'agency_id', 'due_at'],
    'ix_work_items_open_role': ['status', 'role', 'due_at'],
    'ix_work_items_open_group': ['status', 'group_id', 'due_at'],
    'ix_work_items_claimed': ['status', 'claimed_by_id'],
}


def upgrade():
    with op.batch_alter_table('work_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('required_role', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('assigned_to_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.create_foreign_key('fk_work_items_assigned_to_id_users', 'users',
                                    ['assigned_to_id'], ['id'])
    # The inbox's indexes hold every column its questions read (see WorkItem).
    for name, columns in INBOX_INDEXES.items():
        op.drop_index(name, table_name='work_items')
        op.create_index(name, 'work_items', columns, postgresql_include=['id'])
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_item_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_notifications_work_item_id'), ['work_item_id'],
                              unique=False)
        batch_op.create_foreign_key('fk_notifications_work_item_id_work_items', 'work_items',
                                    ['work_item_id'], ['id'])

    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT w.id, w.title, w.subject, p.business_key FROM work_items w "
        "JOIN process_instances p ON p.id = w.instance_id")).fetchall()
    update = sa.text("UPDATE work_items SET search_text = :text WHERE id = :id")
    for start in range(0, len(rows), 1000):
        connection.execute(update, [
            {"id": row[0], "text": _fold(" ".join(part for part in row[1:] if part))}
            for row in rows[start:start + 1000]])


def downgrade():
    for name, columns in FORMER_INDEXES.items():
        op.drop_index(name, table_name='work_items')
        op.create_index(name, 'work_items', columns)
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint('fk_notifications_work_item_id_work_items', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_notifications_work_item_id'))
        batch_op.drop_column('work_item_id')
    with op.batch_alter_table('work_items', schema=None) as batch_op:
        batch_op.drop_constraint('fk_work_items_assigned_to_id_users', type_='foreignkey')
        batch_op.drop_column('search_text')
        batch_op.drop_column('assigned_to_id')
        batch_op.drop_column('required_role')
