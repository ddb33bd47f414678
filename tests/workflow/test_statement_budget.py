"""The hot paths stay few round trips: starting an instance, listing one's work items and
completing a step each send at most a set number of SQL statements (on PostgreSQL, each is
a wait on the database; see bench/engine.py). A change that adds a query per step, or a
lazy load per listed item, fails here and says which statements were sent."""

import pytest

from tests.statements import counted

# What each request sends, exactly: start 5 (its first step stays in the starter's agency,
# read with their token), list 3, complete 7 (its next step goes to another agency), the
# last step 5 (it writes no new step). A change that needs one more says so here. BEGIN and
# COMMIT are not counted; an API read has none.
# The list names each step's agency and holder: a lazy load per item would show here.
BUDGETS = {"start": 5, "list": 3, "complete": 7, "last step": 5}


@pytest.fixture
def api(app):
    """api(method, url, user, json=None) -> (status, body), with a token of `user`."""
    from app.api import tokens

    client, known = app.test_client(), {}

    def call(method, url, user, json=None):
        if user.id not in known:
            known[user.id] = tokens.create(user, "budget")[1]
        token = known[user.id]
        response = client.open(url, method=method, json=json,
                               headers={"Authorization": f"Bearer {token}"})
        return response.status_code, response.get_json()

    return call


@pytest.fixture
def warm_specs(monkeypatch):
    """Parsed diagrams cached, as on a server that has run the process before (the suite
    otherwise parses anew at each load, which costs a query for the diagram's text)."""
    monkeypatch.undo()


def _within(name: str, statements) -> None:
    assert len(statements) <= BUDGETS[name], (
        f"{name}: {len(statements)} statements, budget {BUDGETS[name]}:\n{statements}")


def test_start_list_and_complete_stay_within_their_budgets(db, api, people, two_steps,
                                                           warm_specs):
    sct, snv = people["sct"], people["snv"]
    api("GET", "/api/v1/work-items", sct)  # the tokens' first use is recorded once
    api("GET", "/api/v1/work-items", snv)
    for _ in range(3):  # earlier cases in the inbox, of other agencies too
        api("POST", "/api/v1/instances", sct, {"process": "two_steps"})

    with counted(db.engine) as start:
        status, body = api("POST", "/api/v1/instances", sct, {"process": "two_steps"})
    assert status == 201, body
    _within("start", start)

    with counted(db.engine) as listing:
        status, listed = api("GET", "/api/v1/work-items?status=open", sct)
    assert status == 200 and listed["total"] == 4 and len(listed["items"]) == 4
    assert {item["agency"] for item in listed["items"]} == {"SCT"}
    _within("list", listing)

    step = body["open_steps"][0]["id"]
    with counted(db.engine) as complete:
        status, body = api("POST", f"/api/v1/work-items/{step}/complete", sct,
                           {"values": {"result": "Đã gửi báo cáo"}})
    assert status == 200 and body["open_steps"][0]["agency"] == "SNV", body
    _within("complete", complete)

    with counted(db.engine) as last:
        status, body = api("POST", f"/api/v1/work-items/{body['open_steps'][0]['id']}/complete",
                           snv, {"values": {}})
    assert status == 200 and body["status"] == "completed", body
    _within("last step", last)



def test_a_step_for_the_actors_own_ended_agency_still_goes_to_its_successor(
        db, api, people, agencies, two_steps, clock):
    """The starter's agency comes with their token and is not looked up again: it is read as
    a lookup would read it, so an agency that has ended still hands its steps on."""
    from datetime import timedelta

    sct = agencies["SCT"]
    sct.successor, sct.valid_to = agencies["SKHCN"], clock().date() - timedelta(days=2)
    db.session.commit()  # its clerk has not been moved yet

    status, body = api("POST", "/api/v1/instances", people["sct"], {"process": "two_steps"})
    assert status == 201, body
    assert body["open_steps"][0]["agency"] == "SKHCN"
