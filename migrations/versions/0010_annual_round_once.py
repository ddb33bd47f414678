"""the annual report round opens once a year

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 18:23:32.891295

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('annual_year', sa.Integer(), nullable=True))
    op.execute("UPDATE report_cycles SET annual_year = year WHERE kind = 'annual'")
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_report_cycles_annual_year'),
                                          ['annual_year'])


def downgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_report_cycles_annual_year'), type_='unique')
        batch_op.drop_column('annual_year')

