"""Fixtures of the account journeys: the province of 2026, and an SMTP sink that keeps the
mails the app sends."""

import socket
from datetime import datetime

import pytest
from aiosmtpd.controller import Controller

from app.auth.reorg_seed import seed_reorganisation
from tests import factories


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"

    def texts_to(self, address: str) -> list[str]:
        from email import message_from_bytes, policy

        found = []
        for envelope in self.messages:
            if address in envelope.rcpt_tos:
                message = message_from_bytes(envelope.content, policy=policy.default)
                found.append(message.get_body().get_content())
        return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(app):
    sink, port = Sink(), _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield sink
    controller.stop()
    app.config.update(MAIL_SERVER=None, MAIL_PORT=25)


@pytest.fixture
def province_2026(clock, agencies):
    """Quảng Ngãi on Monday 02/3/2026: the departments merged, the district level gone, the
    96 communes and wards at work."""
    clock.current = datetime(2026, 3, 2, 2, 0)
    seed_reorganisation()
    return factories.seeded_agencies()
