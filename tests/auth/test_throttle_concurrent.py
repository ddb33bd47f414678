"""Tries that arrive together count exactly: of 30 wrong passwords sent at once from one
address, the limit's 20 are checked and the rest refused, on each database."""

import threading

from app.auth.models import LoginAttempt
from app.extensions import db
from tests.conftest import csrf_token

TRIES = 30


def test_concurrent_failures_from_one_address_count_exactly(app, agencies):
    clients = [app.test_client() for _ in range(TRIES)]
    tokens = [csrf_token(client) for client in clients]
    start = threading.Barrier(TRIES)
    statuses = [None] * TRIES

    def attempt(number):
        start.wait()
        statuses[number] = clients[number].post("/login", data={
            "username": f"nguoi{number}.sct", "password": "doan-mo-mat-khau",
            "csrf_token": tokens[number]}).status_code

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(TRIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses) == [200] * 20 + [429] * 10
    assert db.session.scalar(db.select(db.func.count(LoginAttempt.id))) == 20
