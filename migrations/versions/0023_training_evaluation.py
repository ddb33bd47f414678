"""training evaluation: one course evaluation per trainee and class (four ratings 1-5 and a
comment), and when a class's trainees were asked for it

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

CRITERIA = ('content', 'lecturers', 'organisation', 'usefulness')


def upgrade():
    op.create_table('training_evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    *(sa.Column(name, sa.SmallInteger(), nullable=False) for name in CRITERIA),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    *(sa.CheckConstraint(f'{name} BETWEEN 1 AND 5',
                         name=op.f(f'ck_training_evaluations_{name}_1_to_5'))
      for name in CRITERIA),
    sa.ForeignKeyConstraint(['class_id'], ['training_classes.id'], name=op.f('fk_training_evaluations_class_id_training_classes')),
    sa.ForeignKeyConstraint(['registration_id'], ['training_registrations.id'], name=op.f('fk_training_evaluations_registration_id_training_registrations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_training_evaluations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_evaluations')),
    sa.UniqueConstraint('class_id', 'user_id', name=op.f('uq_training_evaluations_class_id'))
    )
    with op.batch_alter_table('training_evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_evaluations_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_evaluations_user_id'), ['user_id'], unique=False)

    op.create_table('training_evaluation_invites',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('told', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['training_classes.id'], name=op.f('fk_training_evaluation_invites_class_id_training_classes')),
    sa.PrimaryKeyConstraint('class_id', name=op.f('pk_training_evaluation_invites'))
    )


def downgrade():
    op.drop_table('training_evaluation_invites')
    with op.batch_alter_table('training_evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_evaluations_user_id'))
        batch_op.drop_index(batch_op.f('ix_training_evaluations_class_id'))
    op.drop_table('training_evaluations')
