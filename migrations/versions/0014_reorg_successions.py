"""reorganisation: an ended agency's successors per scope of work, and people moved

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('agency_successions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('scope_value', sa.String(length=100), nullable=False),
    sa.Column('successor_agency_id', sa.Integer(), nullable=True),
    sa.Column('successor_group_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_successions_agency_id_agencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['successor_agency_id'], ['agencies.id'], name=op.f('fk_agency_successions_successor_agency_id_agencies')),
    sa.ForeignKeyConstraint(['successor_group_id'], ['agency_groups.id'], name=op.f('fk_agency_successions_successor_group_id_agency_groups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_successions')),
    sa.UniqueConstraint('agency_id', 'scope', 'scope_value', name=op.f('uq_agency_successions_agency_id'))
    )
    with op.batch_alter_table('agency_successions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_successions_agency_id'), ['agency_id'], unique=False)

    op.create_table('person_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('from_agency_id', sa.Integer(), nullable=False),
    sa.Column('to_agency_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_person_moves_actor_id_users')),
    sa.ForeignKeyConstraint(['from_agency_id'], ['agencies.id'], name=op.f('fk_person_moves_from_agency_id_agencies')),
    sa.ForeignKeyConstraint(['to_agency_id'], ['agencies.id'], name=op.f('fk_person_moves_to_agency_id_agencies')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_person_moves_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_moves'))
    )
    with op.batch_alter_table('person_moves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_moves_from_agency_id'), ['from_agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_moves_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('person_moves', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_moves_user_id'))
        batch_op.drop_index(batch_op.f('ix_person_moves_from_agency_id'))
    op.drop_table('person_moves')
    with op.batch_alter_table('agency_successions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_successions_agency_id'))
    op.drop_table('agency_successions')
