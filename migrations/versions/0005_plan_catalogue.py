"""plan catalogue: the plan, its items, their agencies, amendments

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 17:16:43.706361

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('issuer', sa.String(length=255), nullable=False),
    sa.Column('signer', sa.String(length=255), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
    sa.UniqueConstraint('number', name=op.f('uq_plans_number'))
    )
    op.create_table('plan_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('group_no', sa.Integer(), nullable=False),
    sa.Column('group_title', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('timeframe_kind', sa.String(length=10), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_items_plan_id_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_items')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_plan_items_plan_id'))
    )
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_items_plan_id'), ['plan_id'], unique=False)

    op.create_table('plan_amendments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_plan_amendments_actor_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['plan_items.id'], name=op.f('fk_plan_amendments_item_id_plan_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_amendments'))
    )
    with op.batch_alter_table('plan_amendments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_amendments_item_id'), ['item_id'], unique=False)

    op.create_table('plan_item_agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_plan_item_agencies_agency_id_agencies')),
    sa.ForeignKeyConstraint(['group_id'], ['agency_groups.id'], name=op.f('fk_plan_item_agencies_group_id_agency_groups')),
    sa.ForeignKeyConstraint(['item_id'], ['plan_items.id'], name=op.f('fk_plan_item_agencies_item_id_plan_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_item_agencies'))
    )
    with op.batch_alter_table('plan_item_agencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_item_agencies_item_id'), ['item_id'], unique=False)



def downgrade():
    with op.batch_alter_table('plan_item_agencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_item_agencies_item_id'))

    op.drop_table('plan_item_agencies')
    with op.batch_alter_table('plan_amendments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_amendments_item_id'))

    op.drop_table('plan_amendments')
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_items_plan_id'))

    op.drop_table('plan_items')
    op.drop_table('plans')
