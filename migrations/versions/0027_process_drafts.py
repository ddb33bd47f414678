"""process drafts and amendments: diagrams admins edit, kept with their problems until
published; who published which version, when and why

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-01 23:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('process_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('xml', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('problem_count', sa.Integer(), nullable=False),
    sa.Column('based_on_version_id', sa.Integer(), nullable=True),
    sa.Column('published_version_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('saved_by_id', sa.Integer(), nullable=True),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['based_on_version_id'], ['definition_versions.id'], ),
    sa.ForeignKeyConstraint(['published_version_id'], ['definition_versions.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['saved_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('process_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_drafts_key'), ['key'], unique=False)
        batch_op.create_index('uq_process_drafts_open_key', ['key'], unique=True,
                              postgresql_where=sa.text("status = 'open'"),
                              sqlite_where=sa.text("status = 'open'"))

    op.create_table('process_amendments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('definition_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['definition_id'], ['process_definitions.id'], ),
    sa.ForeignKeyConstraint(['version_id'], ['definition_versions.id'], ),
    sa.ForeignKeyConstraint(['draft_id'], ['process_drafts.id'], ),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('process_amendments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_amendments_definition_id'),
                              ['definition_id'], unique=False)


def downgrade():
    op.drop_table('process_amendments')
    op.drop_table('process_drafts')
