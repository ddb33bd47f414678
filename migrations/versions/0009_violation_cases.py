"""violation cases

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 17:46:48.496916

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('violation_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('channel', sa.String(length=1000), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.Integer(), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['inspector_id'], ['users.id'], name=op.f('fk_violation_cases_inspector_id_users')),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_violation_cases_instance_id_process_instances')),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_violation_cases_opened_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_violation_cases')),
    sa.UniqueConstraint('number', name=op.f('uq_violation_cases_number'))
    )


def downgrade():
    op.drop_table('violation_cases')
