"""training registrations: who ended a registration (withdrew, removed, cancelled), apart
from who decided it (the lead who approved or declined)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02 22:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ended_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_training_registrations_ended_by_id_users'),
                                    'users', ['ended_by_id'], ['id'])


def downgrade():
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_training_registrations_ended_by_id_users'),
                                 type_='foreignkey')
        batch_op.drop_column('ended_by_id')
