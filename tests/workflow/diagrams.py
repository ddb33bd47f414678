"""Small BPMN diagrams for tests, written out so each test shows the process it runs."""

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_{id}"
    targetNamespace="http://quangngai.gov.vn/bpmn">
"""


def process(process_id: str, body: str, *, name: str = "Quy trình thử", lanes: dict | None = None,
            extra: str = "") -> str:
    """A one-process document; `lanes` maps a lane name to the ids of the nodes in it."""
    lane_xml = ""
    if lanes:
        lane_xml = '<bpmn:laneSet id="lanes">' + "".join(
            f'<bpmn:lane id="lane_{i}" name="{lane}">'
            + "".join(f"<bpmn:flowNodeRef>{node}</bpmn:flowNodeRef>" for node in nodes)
            + "</bpmn:lane>"
            for i, (lane, nodes) in enumerate(lanes.items())
        ) + "</bpmn:laneSet>"
    return (HEADER.format(id=process_id) + extra
            + f'<bpmn:process id="{process_id}" name="{name}" isExecutable="true">'
            + lane_xml + body + "</bpmn:process></bpmn:definitions>")


def flows(*pairs: tuple[str, str], condition: dict | None = None) -> str:
    """Sequence flows; `condition` maps (source, target) to a condition expression."""
    out = []
    for source, target in pairs:
        cond = (condition or {}).get((source, target))
        inner = (f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" '
                 f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{cond}'
                 f"</bpmn:conditionExpression>") if cond else ""
        out.append(f'<bpmn:sequenceFlow id="f_{source}_{target}" sourceRef="{source}" '
                   f'targetRef="{target}">{inner}</bpmn:sequenceFlow>')
    return "".join(out)


# A report step's form: one required text field, its result.
RESULT_FORM = """<bpmn:extensionElements><camunda:formData>
    <camunda:formField id="result" label="Kết quả" type="string">
      <camunda:validation><camunda:constraint name="required" /></camunda:validation>
    </camunda:formField></camunda:formData></bpmn:extensionElements>"""


def two_steps(first="SCT", second="SNV", form: str = "", key: str = "two_steps") -> str:
    """Start → 'Báo cáo' (lane `first`) → 'Duyệt' (lane `second`) → end."""
    report_form = form or RESULT_FORM
    body = (
        '<bpmn:startEvent id="start" />'
        f'<bpmn:userTask id="report" name="Báo cáo" camunda:formKey="report">{report_form}'
        "</bpmn:userTask>"
        '<bpmn:userTask id="approve" name="Duyệt" camunda:formKey="approve" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "report"), ("report", "approve"), ("approve", "end"))
    )
    return process(key, body, name="Báo cáo hai bước",
                   lanes={first: ["report"], second: ["approve"]})


def script_then_step(script: str, key: str = "scripted") -> str:
    """Start → script → 'Xem kết quả' (SCT) → end."""
    body = (
        '<bpmn:startEvent id="start" />'
        f'<bpmn:scriptTask id="compute" name="Tính toán" scriptFormat="python">'
        f"<bpmn:script><![CDATA[{script}]]></bpmn:script></bpmn:scriptTask>"
        '<bpmn:userTask id="look" name="Xem kết quả" camunda:candidateGroups="SCT" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "compute"), ("compute", "look"), ("look", "end"))
    )
    return process(key, body)


def gateway(condition: str, key: str = "gated") -> str:
    """Start → exclusive gateway: `condition` → 'Nhánh có' (SCT); default → 'Nhánh không'."""
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:exclusiveGateway id="gw" name="Kiểm tra" default="f_gw_no" />'
        '<bpmn:userTask id="yes" name="Nhánh có" camunda:candidateGroups="SCT" />'
        '<bpmn:userTask id="no" name="Nhánh không" camunda:candidateGroups="SCT" />'
        '<bpmn:endEvent id="end_yes" /><bpmn:endEvent id="end_no" />'
        + flows(("start", "gw"), ("gw", "yes"), ("gw", "no"), ("yes", "end_yes"),
                ("no", "end_no"), condition={("gw", "yes"): condition})
    )
    return process(key, body)


MESSAGES = """<bpmn:message id="msg_report" name="bao_cao_da_nop" />
<bpmn:message id="msg_open" name="mo_ho_so" />"""


def sender(key: str = "sender", message: str = "msg_report") -> str:
    """Start → 'Nộp báo cáo' (SCT) → throw message (payload: the result) → end."""
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:userTask id="submit" name="Nộp báo cáo" camunda:candidateGroups="SCT" />'
        f'<bpmn:intermediateThrowEvent id="notify" name="Báo đã nộp">'
        f'<bpmn:messageEventDefinition messageRef="{message}" camunda:expression="result" '
        f'camunda:resultVariable="received" /></bpmn:intermediateThrowEvent>'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "submit"), ("submit", "notify"), ("notify", "end"))
    )
    return process(key, body, extra=MESSAGES)


def receiver(key: str = "receiver") -> str:
    """Start → wait for 'bao_cao_da_nop' → 'Tổng hợp' (SNV) → end."""
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:intermediateCatchEvent id="wait" name="Chờ báo cáo">'
        '<bpmn:messageEventDefinition messageRef="msg_report" /></bpmn:intermediateCatchEvent>'
        '<bpmn:userTask id="merge" name="Tổng hợp" camunda:candidateGroups="SNV" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "wait"), ("wait", "merge"), ("merge", "end"))
    )
    return process(key, body, extra=MESSAGES)


def message_started(key: str = "opened_by_message") -> str:
    """A message 'mo_ho_so' starts it → 'Xử lý hồ sơ' (SNV) → end."""
    body = (
        '<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="msg_open" />'
        "</bpmn:startEvent>"
        '<bpmn:userTask id="handle" name="Xử lý hồ sơ" camunda:candidateGroups="SNV" />'
        '<bpmn:endEvent id="end" />'
        + flows(("start", "handle"), ("handle", "end"))
    )
    return process(key, body, extra=MESSAGES)


def _loop(sequential: bool) -> str:
    return ('<bpmn:multiInstanceLoopCharacteristics camunda:collection="entries" '
            f'camunda:elementVariable="entry" isSequential="{str(sequential).lower()}" />')


ANSWER_FORM = """<bpmn:extensionElements><camunda:formData>
    <camunda:formField id="answer" label="Ý kiến" type="string" /></camunda:formData>
    </bpmn:extensionElements>"""
_ANSWER = ('<bpmn:userTask id="answer_step" name="Cho ý kiến" camunda:formKey="answer" '
           f'camunda:candidateGroups="${{entry[\'agency\']}}">{ANSWER_FORM}</bpmn:userTask>')
_KEEP = ('<bpmn:scriptTask id="keep" name="Ghi nhận" scriptFormat="python"><bpmn:script>'
         'entry = {"agency": entry["agency"], "answer": answer}</bpmn:script></bpmn:scriptTask>')
_ASK_ONE = ('<bpmn:startEvent id="one_start" />' + _ANSWER + _KEEP
            + '<bpmn:endEvent id="one_end" />'
            + flows(("one_start", "answer_step"), ("answer_step", "keep"), ("keep", "one_end")))


def multi_instance(shape: str, *, sequential: bool, key: str = "asking",
                   deadline: str = "") -> str:
    """Start → ask each agency of `entries` (one child each) → 'Tổng hợp' (coordinator) → end.

    `shape` is what each child is: "task" (a user task), "subprocess" (answer, then a script
    that keeps it in the entry), "call" (a call activity running process 'ask_one', which does
    the same), or "nested" (the subprocess shape inside an outer subprocess). A `deadline`
    (ISO date-time) puts an interrupting timer on the loop, leading to 'Quá hạn'."""
    loop = _loop(sequential)
    if shape == "task":
        asking = _ANSWER.replace(f"{ANSWER_FORM}</bpmn:userTask>",
                                 f"{ANSWER_FORM}{loop}</bpmn:userTask>").replace(
            'id="answer_step"', 'id="ask"')
    elif shape == "call":
        asking = f'<bpmn:callActivity id="ask" name="Hỏi" calledElement="ask_one">{loop}' \
                 "</bpmn:callActivity>"
    else:
        asking = f'<bpmn:subProcess id="ask" name="Hỏi">{loop}{_ASK_ONE}</bpmn:subProcess>'
    if shape == "nested":
        asking = ('<bpmn:subProcess id="outer" name="Vòng ngoài"><bpmn:startEvent id="o_start" />'
                  + asking + '<bpmn:endEvent id="o_end" />'
                  + flows(("o_start", "ask"), ("ask", "o_end")) + "</bpmn:subProcess>")
    first = "outer" if shape == "nested" else "ask"
    timer = ""
    if deadline:
        timer = (f'<bpmn:boundaryEvent id="late_timer" attachedToRef="{first}">'
                 f'<bpmn:timerEventDefinition><bpmn:timeDate>{deadline}</bpmn:timeDate>'
                 '</bpmn:timerEventDefinition></bpmn:boundaryEvent>'
                 '<bpmn:userTask id="late" name="Quá hạn" camunda:candidateGroups="coordinator" />'
                 '<bpmn:endEvent id="late_end" />'
                 + flows(("late_timer", "late"), ("late", "late_end")))
    body = ('<bpmn:startEvent id="start" />' + asking + timer
            + '<bpmn:userTask id="review" name="Tổng hợp" camunda:candidateGroups="coordinator" />'
            '<bpmn:endEvent id="end" />'
            + flows(("start", first), (first, "review"), ("review", "end")))
    called = ('<bpmn:process id="ask_one" name="Hỏi một cơ quan">' + _ASK_ONE + "</bpmn:process>"
              if shape == "call" else "")
    return process(key, body, extra=called)


def race(key: str = "race", at: str = "2025-06-09T08:00:00") -> str:
    """Start → an event-based gateway: the message 'bao_cao_da_nop' → 'Tổng hợp' (SNV), or
    the moment `at` → 'Nhắc nộp' (SCT)."""
    body = (
        '<bpmn:startEvent id="start" />'
        '<bpmn:eventBasedGateway id="which" />'
        '<bpmn:intermediateCatchEvent id="got" name="Nhận báo cáo">'
        '<bpmn:messageEventDefinition messageRef="msg_report" /></bpmn:intermediateCatchEvent>'
        '<bpmn:intermediateCatchEvent id="late" name="Quá hạn"><bpmn:timerEventDefinition>'
        '<bpmn:timeDate xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:type="bpmn:tFormalExpression">"{at}"</bpmn:timeDate>'
        '</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>'
        '<bpmn:userTask id="merge" name="Tổng hợp" camunda:candidateGroups="SNV" />'
        '<bpmn:userTask id="chase" name="Nhắc nộp" camunda:candidateGroups="SCT" />'
        '<bpmn:endEvent id="end_merge" /><bpmn:endEvent id="end_chase" />'
        + flows(("start", "which"), ("which", "got"), ("which", "late"), ("got", "merge"),
                ("late", "chase"), ("merge", "end_merge"), ("chase", "end_chase"))
    )
    return process(key, body, extra=MESSAGES)
