"""the consolidated report's own deadline (to UBND tỉnh before 15/12), its reminder and its
overdue notice

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 10:00:00

"""
from datetime import date

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

cycles = sa.table('report_cycles', sa.column('id', sa.Integer), sa.column('kind', sa.String),
                  sa.column('year', sa.Integer), sa.column('report_due', sa.Date))


def upgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('report_due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('due_reminded_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('overdue_told_at', sa.DateTime(), nullable=True))
    connection = op.get_bind()
    # The rounds opened before: the plan's day, 14/12 of their year.
    for cycle_id, year in connection.execute(
            sa.select(cycles.c.id, cycles.c.year).where(cycles.c.kind == 'annual')):
        connection.execute(cycles.update().where(cycles.c.id == cycle_id)
                           .values(report_due=date(year, 12, 14)))


def downgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_column('overdue_told_at')
        batch_op.drop_column('due_reminded_at')
        batch_op.drop_column('report_due')
