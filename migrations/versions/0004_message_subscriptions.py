"""message subscriptions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 15:55:24.773569

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('message_subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('correlation_key', sa.String(length=255), nullable=True),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_message_subscriptions_instance_id_process_instances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_subscriptions'))
    )
    with op.batch_alter_table('message_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_subscriptions_instance_id'), ['instance_id'], unique=False)
        batch_op.create_index('ix_message_subscriptions_match', ['name', 'correlation_key'], unique=False)



def downgrade():
    with op.batch_alter_table('message_subscriptions', schema=None) as batch_op:
        batch_op.drop_index('ix_message_subscriptions_match')
        batch_op.drop_index(batch_op.f('ix_message_subscriptions_instance_id'))

    op.drop_table('message_subscriptions')
