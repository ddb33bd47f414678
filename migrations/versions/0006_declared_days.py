"""declared days: days off and make-up working days an admin declares

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 17:19:39.975583

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('declared_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('working', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=255), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_declared_days_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_declared_days')),
    sa.UniqueConstraint('day', name=op.f('uq_declared_days_day'))
    )


def downgrade():
    op.drop_table('declared_days')
