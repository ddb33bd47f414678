"""plan assignments, notifications, and when a work item was announced

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 17:26:41.951583

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('emailed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_emailed_at'), ['emailed_at'], unique=False)
        batch_op.create_index('ix_notifications_unread', ['user_id', 'read_at'], unique=False)

    op.create_table('plan_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('launched_at', sa.DateTime(), nullable=False),
    sa.Column('launched_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('progress', sa.String(length=20), nullable=True),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_plan_assignments_agency_id_agencies')),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_plan_assignments_instance_id_process_instances')),
    sa.ForeignKeyConstraint(['item_id'], ['plan_items.id'], name=op.f('fk_plan_assignments_item_id_plan_items')),
    sa.ForeignKeyConstraint(['launched_by_id'], ['users.id'], name=op.f('fk_plan_assignments_launched_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_assignments')),
    sa.UniqueConstraint('item_id', 'year', 'agency_id', name=op.f('uq_plan_assignments_item_id'))
    )
    with op.batch_alter_table('plan_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_assignments_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_assignments_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_assignments_year'), ['year'], unique=False)

    with op.batch_alter_table('work_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('announced_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_work_items_announced_at'), ['announced_at'], unique=False)
    # Steps opened before notifications existed are not news.
    op.execute("UPDATE work_items SET announced_at = created_at")



def downgrade():
    with op.batch_alter_table('work_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_items_announced_at'))
        batch_op.drop_column('announced_at')

    with op.batch_alter_table('plan_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_assignments_year'))
        batch_op.drop_index(batch_op.f('ix_plan_assignments_item_id'))
        batch_op.drop_index(batch_op.f('ix_plan_assignments_agency_id'))

    op.drop_table('plan_assignments')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_unread')
        batch_op.drop_index(batch_op.f('ix_notifications_emailed_at'))

    op.drop_table('notifications')
