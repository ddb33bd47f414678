"""Scripts and conditions from diagrams run in a sandbox; escapes fail with a clear error."""

from datetime import date

import pytest
from sqlalchemy import select

from app.extensions import db
from app.workflow import complete, retry, start_process, validate
from app.workflow.models import WorkItem
from tests.workflow import diagrams

ATTACKS = {
    "import": "__import__('os').system('touch /tmp/pwned')",
    "open": "open('/etc/passwd').read()",
    "subclasses": "().__class__.__base__.__subclasses__()",
}


def _items(instance, status="open"):
    return db.session.scalars(select(WorkItem).where(
        WorkItem.instance_id == instance.id, WorkItem.status == status)).all()


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_an_escaping_script_fails_the_instance_with_a_clear_error(deploy, agencies, attack):
    # Deployed without validation, as an older or hand-edited version might be.
    from app.workflow.definitions import publish_version
    from app.workflow.models import DefinitionVersion, ProcessDefinition

    xml = diagrams.script_then_step(f"x = {attack}")
    definition = ProcessDefinition(key="scripted", name="x")
    version = DefinitionVersion(definition=definition, number=1, xml=xml, sha256=str(hash(xml)),
                                filename="x.bpmn")
    db.session.add(version)
    publish_version(version)

    instance = start_process("scripted")

    assert instance.status == "error"
    assert "Tính toán" in instance.error_message
    assert any(word in instance.error_message
               for word in ("invalid variable name", "invalid attribute name", "not defined"))
    assert _items(instance) == []


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_validation_refuses_escapes_in_scripts(agencies, attack):
    verdict = validate(diagrams.script_then_step(f"x = {attack}"), "attack.bpmn")

    if "open(" in attack:  # compiles; fails at run time as an unknown name
        assert verdict.ok
    else:
        assert not verdict.ok and "starts with" in verdict.reason


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_an_escaping_gateway_condition_fails_with_a_clear_error(deploy, agencies, attack):
    from app.workflow.definitions import publish_version
    from app.workflow.models import DefinitionVersion, ProcessDefinition

    xml = diagrams.gateway(attack)
    version = DefinitionVersion(definition=ProcessDefinition(key="gated", name="g"), number=1,
                                xml=xml, sha256=str(hash(xml)), filename="g.bpmn")
    db.session.add(version)
    publish_version(version)

    instance = start_process("gated")

    assert instance.status == "error"
    assert instance.error_message
    assert not _items(instance)


def test_scripts_may_use_dates_and_the_working_day_calendar(deploy, agencies):
    # 24/01/2025 is the Friday before Tết Ất Tỵ (holidays 27/01–01/02): five working days
    # later is Friday 07/02/2025.
    deploy(diagrams.script_then_step(
        "deadline = add_working_days(date(2025, 1, 24), 5)\n"
        "label = format_date(deadline)\n"
        "count = len([d for d in range(3)])"))

    instance = start_process("scripted")

    from app.workflow import runtime
    workflow = runtime.load(instance)
    [task] = workflow.get_tasks(state=runtime.TaskState.READY, manual=True)
    assert task.data["deadline"] == date(2025, 2, 7)
    assert task.data["label"] == "07/02/2025"
    assert task.data["count"] == 3


def test_a_failed_instance_is_fixed_and_retried_by_an_admin(deploy, agencies, people):
    deploy(diagrams.script_then_step("total = amount * 2"))
    instance = start_process("scripted", data={"subject": "thiếu dữ liệu"})
    assert instance.status == "error" and "amount" in instance.error_message

    retry(instance.id, people["coordinator"], data={"amount": 21})

    db.session.refresh(instance)
    assert instance.status == "running"
    [item] = _items(instance)
    complete(item.id, people["sct"], {})
    db.session.refresh(instance)
    assert instance.status == "completed"


def test_a_gateway_follows_its_condition(deploy, agencies):
    deploy(diagrams.gateway("amount > 10"))

    big = start_process("gated", data={"amount": 11})
    small = start_process("gated", data={"amount": 1})

    assert [i.title for i in _items(big)] == ["Nhánh có"]
    assert [i.title for i in _items(small)] == ["Nhánh không"]


def test_a_bad_timer_or_due_date_fails_the_instance_not_the_request(deploy, agencies, people):
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="work" name="Làm" camunda:candidateGroups="SCT" '
        'camunda:dueDate="${no_such_date}" />'
        '<bpmn:endEvent id="end" />' + diagrams.flows(("start", "work"), ("work", "end"))
    )
    deploy(diagrams.process("bad_due", body))

    instance = start_process("bad_due")

    assert instance.status == "error"
    assert "no_such_date" in instance.error_message


BOMBS = {"text": "x = 'x' * 10**10", "list": "x = [0] * 10**9", "power": "x = 10**10**10",
         "shift": "x = 1 << 10**9", "padding": "x = 'a'.rjust(10**10)",
         "range": "x = list(range(10**9))"}


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_an_allocation_bomb_is_refused_before_it_allocates(deploy, agencies, bomb):
    import tracemalloc

    deploy(diagrams.script_then_step(bomb))
    tracemalloc.start()
    instance = start_process("scripted")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert instance.status == "error" and "Tính toán" in instance.error_message
    assert peak < 50 * 1024 * 1024  # what the request itself needs, nowhere near the bomb


@pytest.mark.parametrize("loop", ["while True: pass", "while 1:\n    x = 1",
                                  "f = lambda n: n and f(n - 1) + f(n - 1)\ny = f(60)"],
                         ids=["one line", "two lines", "recursion"])
def test_a_script_that_never_ends_stops_with_a_readable_error(app, deploy, people, loop):
    """Through the web request that completes the step before it."""
    from tests.conftest import login, post_form

    app.config["SCRIPT_TIME_LIMIT"] = 0.2
    body = ('<bpmn:startEvent id="start" /><bpmn:userTask id="first" name="Nhập" '
            'camunda:candidateGroups="SCT" />'
            f'<bpmn:scriptTask id="spin" name="Vòng lặp" scriptFormat="python"><bpmn:script>'
            f"<![CDATA[{loop}]]></bpmn:script></bpmn:scriptTask>"
            '<bpmn:userTask id="look" name="Xem" camunda:candidateGroups="SCT" />'
            '<bpmn:endEvent id="end" />'
            + diagrams.flows(("start", "first"), ("first", "spin"), ("spin", "look"),
                             ("look", "end")))
    deploy(diagrams.process("spinning", body))
    instance = start_process("spinning")
    [first] = _items(instance)
    client = app.test_client()
    login(client, "clerk.sct", "correct-horse-battery")

    try:
        answer = post_form(client, f"/tasks/{first.id}", {}, follow_redirects=True)
    finally:
        app.config["SCRIPT_TIME_LIMIT"] = 2.0

    assert answer.status_code == 200
    db.session.expire_all()
    assert instance.status == "error"
    assert instance.error_message.startswith("Vòng lặp: Đoạn mã chạy quá 0.2 giây và đã bị dừng")
    from app.workflow import runtime
    [failed] = runtime.failed_tasks(runtime.load(instance))
    assert failed.task_spec.bpmn_id == "spin"
    assert _items(instance) == []


def test_a_bad_instance_never_holds_up_the_timers_of_the_others(app, deploy, agencies, clock):
    """In the worker: an endless script after a timer fails its own instance only, and a
    broken instance is set aside instead of being picked first by every tick."""
    from app.workflow.models import ProcessInstance
    from app.workflow.timers import tick

    app.config["SCRIPT_TIME_LIMIT"] = 0.2
    waits = ('<bpmn:startEvent id="start" /><bpmn:intermediateCatchEvent id="wait">'
             "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration>"
             "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
             '<bpmn:scriptTask id="spin" name="Vòng lặp" scriptFormat="python"><bpmn:script>'
             "<![CDATA[x = 1 if good else 0\nwhile not x: pass]]></bpmn:script></bpmn:scriptTask>"
             '<bpmn:userTask id="look" name="Xem" camunda:candidateGroups="SCT" />'
             '<bpmn:endEvent id="end" />'
             + diagrams.flows(("start", "wait"), ("wait", "spin"), ("spin", "look"),
                              ("look", "end")))
    deploy(diagrams.process("waiting", waits))
    spinning = start_process("waiting", data={"good": False}).id
    broken = start_process("waiting", data={"good": True}).id
    good = start_process("waiting", data={"good": True}).id
    db.session.get(ProcessInstance, broken).state = "{not json"
    db.session.commit()

    clock.advance(hours=2)
    try:
        assert tick() == 2  # the spinning one moved, into its error; the good one on
    finally:
        app.config["SCRIPT_TIME_LIMIT"] = 2.0

    db.session.expire_all()
    statuses = {i: db.session.get(ProcessInstance, i).status for i in (spinning, broken, good)}
    assert statuses == {spinning: "error", broken: "error", good: "running"}
    assert [item.title for item in _items(db.session.get(ProcessInstance, good))] == ["Xem"]
    assert tick() == 0  # after a restart too: nothing left due, nothing picked again


@pytest.mark.parametrize("script, name", [("steps = range(3)", "steps"),
                                          ("pair = {1, 2}", "pair"),
                                          ("ratio = float('nan')", "ratio"),
                                          ("rows = [{'n': range(2)}]", "rows")])
def test_a_script_storing_what_data_cannot_hold_fails_with_a_readable_error(
        deploy, agencies, script, name):
    deploy(diagrams.script_then_step(script))

    instance = start_process("scripted")

    assert instance.status == "error"
    assert "Tính toán" in instance.error_message and name in instance.error_message
    assert _items(instance) == []


def test_a_script_may_store_a_list_made_from_a_range(deploy, agencies):
    deploy(diagrams.script_then_step("steps = list(range(3))"))

    instance = start_process("scripted")

    assert instance.status == "running"
