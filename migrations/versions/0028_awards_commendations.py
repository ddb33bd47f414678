"""awards commendations: the catalogue of award forms, rounds (calls for proposals) with
their forms and quotas, nominations with their dossier documents and hiệp y answers, the
consolidated lists, the decisions, the emulation council's members, and their files

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-01 22:18:47

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('award_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('recipients', sa.String(length=20), nullable=False),
    sa.Column('decider', sa.String(length=20), nullable=False),
    sa.Column('proposers', sa.Text(), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('documents', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_forms')),
    sa.UniqueConstraint('code', name=op.f('uq_award_forms_code'))
    )
    op.create_table('award_council_members',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_award_council_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_award_council_members'))
    )
    op.create_table('award_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_award_files_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_files'))
    )
    op.create_table('award_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_award_rounds_agency_id_agencies')),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_award_rounds_opened_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_rounds'))
    )
    op.create_table('award_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('decider', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('council_asked_at', sa.DateTime(), nullable=True),
    sa.Column('council_opinion', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('decision_due_on', sa.Date(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['file_id'], ['award_files.id'], name=op.f('fk_award_lists_file_id_award_files')),
    sa.ForeignKeyConstraint(['round_id'], ['award_rounds.id'], name=op.f('fk_award_lists_round_id_award_rounds')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_award_lists_sent_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_lists'))
    )
    with op.batch_alter_table('award_lists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_lists_round_id'), ['round_id'], unique=False)

    op.create_table('award_round_forms',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['award_forms.id'], name=op.f('fk_award_round_forms_form_id_award_forms')),
    sa.ForeignKeyConstraint(['round_id'], ['award_rounds.id'], name=op.f('fk_award_round_forms_round_id_award_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'form_id', name=op.f('pk_award_round_forms'))
    )
    op.create_table('award_round_quotas',
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_award_round_quotas_agency_id_agencies')),
    sa.ForeignKeyConstraint(['round_id'], ['award_rounds.id'], name=op.f('fk_award_round_quotas_round_id_award_rounds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('round_id', 'agency_id', name=op.f('pk_award_round_quotas'))
    )
    op.create_table('award_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('signer', sa.String(length=300), nullable=False),
    sa.Column('signer_title', sa.String(length=300), nullable=False),
    sa.Column('letter_number', sa.String(length=100), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['award_lists.id'], name=op.f('fk_award_decisions_list_id_award_lists')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_award_decisions_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_decisions')),
    sa.UniqueConstraint('list_id', name=op.f('uq_award_decisions_list_id'))
    )
    op.create_table('award_nominations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=True),
    sa.Column('unit', sa.String(length=300), nullable=True),
    sa.Column('enterprise', sa.Boolean(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('list_id', sa.Integer(), nullable=True),
    sa.Column('agreed', sa.Boolean(), nullable=True),
    sa.Column('refusal_reason', sa.Text(), nullable=True),
    sa.Column('instance_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_award_nominations_agency_id_agencies')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_award_nominations_created_by_id_users')),
    sa.ForeignKeyConstraint(['form_id'], ['award_forms.id'], name=op.f('fk_award_nominations_form_id_award_forms')),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_award_nominations_instance_id_process_instances')),
    sa.ForeignKeyConstraint(['list_id'], ['award_lists.id'], name=op.f('fk_award_nominations_list_id_award_lists')),
    sa.ForeignKeyConstraint(['round_id'], ['award_rounds.id'], name=op.f('fk_award_nominations_round_id_award_rounds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_nominations'))
    )
    with op.batch_alter_table('award_nominations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_nominations_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_nominations_list_id'), ['list_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_nominations_round_id'), ['round_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_nominations_status'), ['status'], unique=False)

    op.create_table('award_consultations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=40), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('agrees', sa.Boolean(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('document_number', sa.String(length=100), nullable=True),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_award_consultations_answered_by_id_users')),
    sa.ForeignKeyConstraint(['file_id'], ['award_files.id'], name=op.f('fk_award_consultations_file_id_award_files')),
    sa.ForeignKeyConstraint(['nomination_id'], ['award_nominations.id'], name=op.f('fk_award_consultations_nomination_id_award_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_consultations')),
    sa.UniqueConstraint('nomination_id', 'body', name=op.f('uq_award_consultations_nomination_id'))
    )
    with op.batch_alter_table('award_consultations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_consultations_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('award_nomination_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['file_id'], ['award_files.id'], name=op.f('fk_award_nomination_documents_file_id_award_files')),
    sa.ForeignKeyConstraint(['nomination_id'], ['award_nominations.id'], name=op.f('fk_award_nomination_documents_nomination_id_award_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_nomination_documents'))
    )
    with op.batch_alter_table('award_nomination_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_nomination_documents_nomination_id'), ['nomination_id'], unique=False)
    op.create_table('award_signals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['nomination_id'], ['award_nominations.id'], name=op.f('fk_award_signals_nomination_id_award_nominations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_signals'))
    )
    with op.batch_alter_table('award_signals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_signals_nomination_id'), ['nomination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_signals_sent_at'), ['sent_at'], unique=False)


def downgrade():
    op.drop_table('award_signals')
    with op.batch_alter_table('award_nomination_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_nomination_documents_nomination_id'))

    op.drop_table('award_nomination_documents')
    with op.batch_alter_table('award_consultations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_consultations_nomination_id'))

    op.drop_table('award_consultations')
    with op.batch_alter_table('award_nominations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_nominations_status'))
        batch_op.drop_index(batch_op.f('ix_award_nominations_round_id'))
        batch_op.drop_index(batch_op.f('ix_award_nominations_list_id'))
        batch_op.drop_index(batch_op.f('ix_award_nominations_agency_id'))

    op.drop_table('award_nominations')
    op.drop_table('award_decisions')
    op.drop_table('award_round_quotas')
    op.drop_table('award_round_forms')
    with op.batch_alter_table('award_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_lists_round_id'))

    op.drop_table('award_lists')
    op.drop_table('award_rounds')
    op.drop_table('award_files')
    op.drop_table('award_council_members')
    op.drop_table('award_forms')
