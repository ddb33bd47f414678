"""Comparing versions lists what an admin changed, not how an editor wrote the file: bpmn-js
adds each node's incoming and outgoing flows, indents parts its own way and writes a form
field's validation before its values; none of that is a change. The order of form fields and
of an enum's values still is."""

from app.workflow.compare import compare_xml
from app.workflow.definitions import SHIPPED

ORIGINAL = (SHIPPED / "task_assignment.bpmn").read_text(encoding="utf-8")
FIELD = ('<camunda:formField id="action" label="Việc tiếp theo" type="enum">')


def _as_bpmn_js_writes_it(text: str) -> str:
    text = text.replace(
        '<bpmn:userTask id="review" name="Xem xét báo cáo"',
        '<bpmn:userTask id="review" name="Xem xét, đánh giá báo cáo"')
    text = text.replace('<bpmn:exclusiveGateway id="accepted" name="Chấp nhận?" '
                        'default="flow_send_back" />',
                        '<bpmn:exclusiveGateway id="accepted" name="Chấp nhận?" '
                        'default="flow_send_back">\n      <bpmn:incoming>flow_reviewed'
                        '</bpmn:incoming>\n    </bpmn:exclusiveGateway>')
    text = text.replace("<camunda:properties><camunda:property",
                        "<camunda:properties>\n  <camunda:property")
    start = text.index(FIELD) + len(FIELD)
    end = text.index("</camunda:formField>", start)
    body = text[start:end]
    validation = body[body.index("<camunda:validation>"):
                      body.index("</camunda:validation>") + len("</camunda:validation>")]
    return text[:start] + validation + body.replace(validation, "") + text[end:]


def test_only_the_admins_change_is_listed():
    rewritten = _as_bpmn_js_writes_it(ORIGINAL)
    assert "<bpmn:incoming>" in rewritten and rewritten != ORIGINAL

    comparison = compare_xml(ORIGINAL, rewritten)

    assert [(e.id, e.what) for e in comparison.changed] == [("review", ["name"])]
    assert comparison.added == [] and comparison.removed == []


def test_reordering_an_enums_values_is_a_change():
    swapped = ORIGINAL.replace(
        '<camunda:value id="send_report" name="Gửi báo cáo kết quả" />', "@@").replace(
        '<camunda:value id="ask_input" name="Xin ý kiến cơ quan phối hợp" />',
        '<camunda:value id="ask_input" name="Xin ý kiến cơ quan phối hợp" />'
        '<camunda:value id="send_report" name="Gửi báo cáo kết quả" />').replace("@@", "")
    assert swapped != ORIGINAL

    comparison = compare_xml(ORIGINAL, swapped)

    assert [(e.id, e.what) for e in comparison.changed] == [("implement", ["extensionElements"])]
