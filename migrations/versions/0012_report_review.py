"""an agency's report is reviewed: returned, revised, accepted, or closed unreceived at sign-off

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 16:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

COLUMNS = ("revised_at", "returned_at", "accepted_at", "closed_at")


def upgrade():
    with op.batch_alter_table('agency_reports', schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('review_comment', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('agency_reports', schema=None) as batch_op:
        batch_op.drop_column('review_comment')
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
