"""sessions the server can end (sign_in_sessions); the API tokens of people already
deactivated are revoked, so that reactivating them does not revive their tokens

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-03 00:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'sign_in_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('key_digest', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(), nullable=False),
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.Column('remote_addr', sa.String(length=64), nullable=False),
        sa.Column('user_agent', sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_sign_in_sessions_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_sessions')),
        sa.UniqueConstraint('key_digest', name=op.f('uq_sign_in_sessions_key_digest')),
    )
    with op.batch_alter_table('sign_in_sessions') as batch:
        batch.create_index(batch.f('ix_sign_in_sessions_user_id'), ['user_id'], unique=False)
    # Until now a deactivated person's tokens were only refused while inactive.
    op.execute(sa.text(
        "UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP WHERE revoked_at IS NULL "
        "AND user_id IN (SELECT id FROM users WHERE active = :no)"
    ).bindparams(no=False))


def downgrade():
    with op.batch_alter_table('sign_in_sessions') as batch:
        batch.drop_index(batch.f('ix_sign_in_sessions_user_id'))
    op.drop_table('sign_in_sessions')
