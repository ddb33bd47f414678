"""the consolidated report's sections: direction, strengths, shortcomings, causes, next year's
tasks, recommendations (the former overall assessment becomes its strengths)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

cycles = sa.table('report_cycles', sa.column('id', sa.Integer),
                  sa.column('assessment', sa.Text), sa.column('sections', sa.JSON))


def upgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sections', sa.JSON(), nullable=True))
    connection = op.get_bind()
    for cycle_id, assessment in connection.execute(
            sa.select(cycles.c.id, cycles.c.assessment).where(cycles.c.assessment.is_not(None))):
        connection.execute(cycles.update().where(cycles.c.id == cycle_id)
                           .values(sections={"strengths": assessment}))
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_column('assessment')


def downgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assessment', sa.Text(), nullable=True))
    connection = op.get_bind()
    for cycle_id, sections in connection.execute(sa.select(cycles.c.id, cycles.c.sections)):
        if sections and sections.get("strengths"):
            connection.execute(cycles.update().where(cycles.c.id == cycle_id)
                               .values(assessment=sections["strengths"]))
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_column('sections')
