"""training: courses, classes and their sessions, registrations (one live registration per
person and class)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01 20:00:05.413480

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('training_courses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('audience', sa.String(length=1000), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('plan_item_code', sa.String(length=10), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_training_courses_agency_id_agencies')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_training_courses_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_courses'))
    )
    with op.batch_alter_table('training_courses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_courses_agency_id'), ['agency_id'], unique=False)

    op.create_table('training_classes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('venue', sa.String(length=500), nullable=True),
    sa.Column('online_link', sa.String(length=1000), nullable=True),
    sa.Column('lecturers', sa.String(length=1000), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('registration_opens_on', sa.Date(), nullable=False),
    sa.Column('registration_closes_on', sa.Date(), nullable=False),
    sa.Column('approval_needed', sa.Boolean(), nullable=False),
    sa.Column('open_to_all', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('cancellation_reason', sa.Text(), nullable=True),
    sa.Column('postponement_note', sa.Text(), nullable=True),
    sa.Column('next_queue_no', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['training_courses.id'], name=op.f('fk_training_classes_course_id_training_courses')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_training_classes_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_classes')),
    sa.UniqueConstraint('code', name=op.f('uq_training_classes_code'))
    )
    with op.batch_alter_table('training_classes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_classes_course_id'), ['course_id'], unique=False)

    op.create_table('training_class_agencies',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_training_class_agencies_agency_id_agencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['class_id'], ['training_classes.id'], name=op.f('fk_training_class_agencies_class_id_training_classes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('class_id', 'agency_id', name=op.f('pk_training_class_agencies'))
    )
    op.create_table('training_class_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['training_classes.id'], name=op.f('fk_training_class_sessions_class_id_training_classes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_class_sessions'))
    )
    with op.batch_alter_table('training_class_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_class_sessions_class_id'), ['class_id'], unique=False)

    op.create_table('training_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('queue_no', sa.Integer(), nullable=True),
    sa.Column('eligible_at', sa.DateTime(), nullable=True),
    sa.Column('offer_until', sa.Date(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('nominated_by_id', sa.Integer(), nullable=True),
    sa.Column('nomination_attachment_id', sa.Integer(), nullable=True),
    sa.Column('instance_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('result', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_training_registrations_agency_id_agencies')),
    sa.ForeignKeyConstraint(['class_id'], ['training_classes.id'], name=op.f('fk_training_registrations_class_id_training_classes')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_training_registrations_decided_by_id_users')),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instances.id'], name=op.f('fk_training_registrations_instance_id_process_instances')),
    sa.ForeignKeyConstraint(['nominated_by_id'], ['users.id'], name=op.f('fk_training_registrations_nominated_by_id_users')),
    sa.ForeignKeyConstraint(['nomination_attachment_id'], ['attachments.id'], name=op.f('fk_training_registrations_nomination_attachment_id_attachments')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_training_registrations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_registrations'))
    )
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_registrations_agency_id'), ['agency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_registrations_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_registrations_user_id'), ['user_id'], unique=False)
        batch_op.create_index('uq_training_registrations_active', ['class_id', 'user_id'], unique=True, postgresql_where=sa.text("status IN ('pending', 'waitlisted', 'confirmed', 'offered')"), sqlite_where=sa.text("status IN ('pending', 'waitlisted', 'confirmed', 'offered')"))



def downgrade():
    with op.batch_alter_table('training_registrations', schema=None) as batch_op:
        batch_op.drop_index('uq_training_registrations_active', postgresql_where=sa.text("status IN ('pending', 'waitlisted', 'confirmed', 'offered')"), sqlite_where=sa.text("status IN ('pending', 'waitlisted', 'confirmed', 'offered')"))
        batch_op.drop_index(batch_op.f('ix_training_registrations_user_id'))
        batch_op.drop_index(batch_op.f('ix_training_registrations_class_id'))
        batch_op.drop_index(batch_op.f('ix_training_registrations_agency_id'))

    op.drop_table('training_registrations')
    with op.batch_alter_table('training_class_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_class_sessions_class_id'))

    op.drop_table('training_class_sessions')
    op.drop_table('training_class_agencies')
    with op.batch_alter_table('training_classes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_classes_course_id'))

    op.drop_table('training_classes')
    with op.batch_alter_table('training_courses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_courses_agency_id'))

    op.drop_table('training_courses')
