"""calendar: each declared day names the document that sets it

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('declared_days', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=255), nullable=True))


def downgrade():
    with op.batch_alter_table('declared_days', schema=None) as batch_op:
        batch_op.drop_column('source')
