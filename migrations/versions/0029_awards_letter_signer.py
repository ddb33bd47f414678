"""awards: who signs Home Affairs' letter to the agencies of nominees not awarded (a leader of
Sở Nội vụ, not the Chairman's deputy who signed the decision)

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-02 00:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('award_decisions') as batch:
        batch.add_column(sa.Column('letter_signer', sa.String(length=300), nullable=True))
        batch.add_column(sa.Column('letter_signer_title', sa.String(length=300),
                                   nullable=True))


def downgrade():
    with op.batch_alter_table('award_decisions') as batch:
        batch.drop_column('letter_signer_title')
        batch.drop_column('letter_signer')
