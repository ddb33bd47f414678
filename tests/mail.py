"""A local SMTP sink that keeps the mails the app sends, for the journeys that read them."""

from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from tests.e2e.real_server import free_port


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"

    def texts_to(self, address: str) -> list[str]:
        found = []
        for envelope in self.messages:
            if address in envelope.rcpt_tos:
                message = message_from_bytes(envelope.content, policy=policy.default)
                found.append(message.get_body().get_content())
        return found


@pytest.fixture
def smtp(app):
    sink, port = Sink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield sink
    controller.stop()
    app.config.update(MAIL_SERVER=None, MAIL_PORT=25)
