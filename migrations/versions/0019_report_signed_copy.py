"""the consolidated report's signed copy, kept as the issued document; the trusted root
certificates its signatures are checked against

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 11:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'trusted_roots',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('subject', sa.Text(), nullable=False),
        sa.Column('der', sa.LargeBinary(), nullable=False),
        sa.Column('not_before', sa.DateTime(), nullable=False),
        sa.Column('not_after', sa.DateTime(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.Column('added_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['added_by_id'], ['users.id'],
                                name=op.f('fk_trusted_roots_added_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_trusted_roots')),
        sa.UniqueConstraint('fingerprint', name=op.f('uq_trusted_roots_fingerprint')),
    )
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_pdf', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('issued_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('issued_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_report_cycles_issued_by_id_users', 'users',
                                    ['issued_by_id'], ['id'])


def downgrade():
    with op.batch_alter_table('report_cycles', schema=None) as batch_op:
        batch_op.drop_constraint('fk_report_cycles_issued_by_id_users', type_='foreignkey')
        batch_op.drop_column('issued_by_id')
        batch_op.drop_column('issued_at')
        batch_op.drop_column('issued_pdf')
    op.drop_table('trusted_roots')
