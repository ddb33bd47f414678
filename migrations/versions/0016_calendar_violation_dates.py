"""violation cases: the day the violation was discovered, the day it ended, and its field

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('violation_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discovered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ended_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('sector', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('violation_cases', schema=None) as batch_op:
        batch_op.drop_column('sector')
        batch_op.drop_column('ended_on')
        batch_op.drop_column('discovered_on')
