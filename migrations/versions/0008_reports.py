"""report cycles and agency reports

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 17:38:32.100658

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('report_cycles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('assessment', sa.Text(), nullable=True),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('signer_authority', sa.String(length=255), nullable=True),
    sa.Column('signer_name', sa.String(length=255), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_by_id', sa.Integer(), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_report_cycles_opened_by_id_users')),
    sa.ForeignKeyConstraint(['signed_by_id'], ['users.id'], name=op.f('fk_report_cycles_signed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_cycles'))
    )
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_cycles_year'), ['year'], unique=False)

    op.create_table('agency_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.Integer(), nullable=True),
    sa.Column('topic', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('difficulties', sa.Text(), nullable=True),
    sa.Column('proposals', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_agency_reports_agency_id_agencies')),
    sa.ForeignKeyConstraint(['cycle_id'], ['report_cycles.id'], name=op.f('fk_agency_reports_cycle_id_report_cycles')),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_agency_reports_instance_id_process_instances')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency_reports')),
    sa.UniqueConstraint('cycle_id', 'agency_id', name=op.f('uq_agency_reports_cycle_id'))
    )
    with op.batch_alter_table('agency_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_reports_cycle_id'), ['cycle_id'], unique=False)



def downgrade():
    with op.batch_alter_table('agency_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_reports_cycle_id'))

    op.drop_table('agency_reports')
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_cycles_year'))

    op.drop_table('report_cycles')
