"""awards registry: every commendation given (by a decision in the app, or imported from
past years), with its revocation

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-01 22:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('awards_given',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('form_code', sa.String(length=60), nullable=True),
    sa.Column('form_name', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('name_folded', sa.String(length=255), nullable=False),
    sa.Column('position', sa.String(length=255), nullable=True),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('agency_name', sa.String(length=500), nullable=False),
    sa.Column('decision_number', sa.String(length=60), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('signer', sa.String(length=255), nullable=True),
    sa.Column('nomination_id', sa.Integer(), nullable=True),
    sa.Column('imported', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoke_reason', sa.Text(), nullable=True),
    sa.Column('revoke_decision_number', sa.String(length=60), nullable=True),
    sa.Column('revoke_decision_date', sa.Date(), nullable=True),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_awards_given_agency_id_agencies')),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_awards_given_revoked_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_awards_given'))
    )
    with op.batch_alter_table('awards_given', schema=None) as batch_op:
        for column in ('year', 'form_code', 'name_folded', 'agency_id', 'nomination_id'):
            batch_op.create_index(batch_op.f(f'ix_awards_given_{column}'), [column], unique=False)


def downgrade():
    with op.batch_alter_table('awards_given', schema=None) as batch_op:
        for column in ('year', 'form_code', 'name_folded', 'agency_id', 'nomination_id'):
            batch_op.drop_index(batch_op.f(f'ix_awards_given_{column}'))
    op.drop_table('awards_given')
