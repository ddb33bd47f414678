"""the consolidated report's drafting unit, for its "- Lưu: VT, <unit>." line

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01 20:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('drafting_unit', sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_column('drafting_unit')
