"""training certificates: revoked when the organiser corrects a result after the class is
closed (completed no more), with when and why; the public check page then says not valid

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-02 22:45:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('training_certificates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoked_reason', sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table('training_certificates', schema=None) as batch_op:
        batch_op.drop_column('revoked_reason')
        batch_op.drop_column('revoked_at')
