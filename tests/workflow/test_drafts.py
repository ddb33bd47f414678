"""Drafts: what an admin saves is kept, problems and all; two admins never overwrite each
other; publishing asks that it run and records why, and new instances start with it."""

import pytest
from sqlalchemy import select

from app import workflow
from app.extensions import db
from app.workflow.models import ProcessDraft
from tests import factories
from tests.workflow import diagrams


@pytest.fixture
def admins(agencies):
    return (factories.make_user("admin.an", roles=["admin"], full_name="Nguyễn Văn An"),
            factories.make_user("admin.binh", roles=["admin"], full_name="Lê Thị Bình"))


def _fresh(draft_id):
    db.session.expire_all()
    return workflow.get_draft(draft_id)


def test_a_draft_with_problems_is_kept_with_each_problem_on_its_element(admins):
    an, _ = admins
    xml = diagrams.two_steps(first="Sở Không Tồn Tại")

    result = workflow.save_draft(None, xml, user=an)

    assert result.draft.key == "two_steps" and result.draft.revision == 1
    assert [(p.element_id, p.line) for p in result.problems] == [("report", 5)]
    assert "Sở Không Tồn Tại" in result.problems[0].message
    assert "(phần tử" not in result.problems[0].message  # the place is in element_id/line
    kept = _fresh(result.draft.id)
    assert kept.xml == xml and kept.saved_by.full_name == "Nguyễn Văn An"
    assert kept.problem_count == 1


def test_problems_name_the_service_task_and_the_lane_in_vietnamese(admins):
    xml = diagrams.process("svc", '<bpmn:startEvent id="s"/><bpmn:serviceTask id="call" '
                           'name="Gọi hệ thống"/><bpmn:endEvent id="e"/>'
                           + diagrams.flows(("s", "call"), ("call", "e")))

    problems = workflow.draft_problems(xml)

    assert [(p.element_id, p.message) for p in problems] == [
        ("call", "chưa hỗ trợ tác vụ dịch vụ (service task) 'Gọi hệ thống'")]


def test_the_second_save_on_an_old_revision_is_refused_with_who_saved_and_when(admins, clock):
    an, binh = admins
    first = workflow.save_draft(None, diagrams.two_steps(), user=an)
    opened = first.draft.revision  # both admins opened revision 1
    clock.advance(minutes=5)
    workflow.save_draft("two_steps", diagrams.two_steps(second="STTTT"), user=binh,
                        based_on_draft_revision=opened)

    with pytest.raises(workflow.DraftConflict) as refused:
        workflow.save_draft("two_steps", diagrams.two_steps(second="SCT"), user=an,
                            based_on_draft_revision=opened)

    assert refused.value.saved_by == "Lê Thị Bình" and refused.value.revision == 2
    assert "Lê Thị Bình" in str(refused.value) and "08:35 02/06/2025" in str(refused.value)
    kept = _fresh(first.draft.id)
    assert 'name="STTTT"' in kept.xml and kept.saved_by.full_name == "Lê Thị Bình"


def test_starting_a_second_draft_where_one_is_open_is_refused(admins):
    an, binh = admins
    workflow.save_draft(None, diagrams.two_steps(), user=an)

    with pytest.raises(workflow.DraftConflict):
        workflow.save_draft(None, diagrams.two_steps(second="SCT"), user=binh)


def test_publishing_is_refused_while_problems_remain_then_records_the_amendment(
        admins, deploy, people):
    an, binh = admins
    original = deploy(diagrams.two_steps())
    draft = workflow.save_draft(None, diagrams.two_steps(first="Nowhere"), user=an,
                                from_version_id=original.id).draft

    with pytest.raises(workflow.DraftHasProblems) as refused:
        workflow.publish_draft(draft.id, reason="Đổi cơ quan", user=an)
    assert refused.value.problems[0].element_id == "report"

    fixed = workflow.save_draft("two_steps", diagrams.two_steps(first="STTTT"), user=binh,
                                based_on_draft_revision=draft.revision)
    assert fixed.problems == []
    with pytest.raises(workflow.WorkflowError):
        workflow.publish_draft(draft.id, reason="   ", user=binh)
    version = workflow.publish_draft(draft.id, reason="Sở Nội vụ báo cáo thay", user=binh)

    assert version.number == 2 and version.status == "published"
    assert _fresh(draft.id).status == "published"
    [amendment] = workflow.amendments("two_steps")
    assert (amendment.actor.full_name, amendment.reason, amendment.version.number) == (
        "Lê Thị Bình", "Sở Nội vụ báo cáo thay", 2)
    instance = workflow.start_process("two_steps", user=people["coordinator"])
    assert instance.version_id == version.id
    assert factories.open_step(instance.id, "report").agency.code == "STTTT"
    assert 'name="STTTT"' in workflow.version_xml(version.id)


def test_a_published_draft_is_not_saved_over(admins, deploy):
    an, binh = admins
    draft = workflow.save_draft(None, diagrams.two_steps(), user=an).draft
    workflow.publish_draft(draft.id, reason="Ban hành", user=an)

    with pytest.raises(workflow.DraftConflict) as refused:
        workflow.save_draft("two_steps", diagrams.two_steps(second="SCT"), user=binh,
                            based_on_draft_revision=1)
    assert "ban hành" in str(refused.value)
    with pytest.raises(workflow.DraftConflict):
        workflow.publish_draft(draft.id, reason="Lần nữa", user=binh)


def test_an_import_with_several_processes_asks_for_the_key(admins):
    an, _ = admins
    two = (diagrams.HEADER.format(id="x")
           + '<bpmn:process id="first" isExecutable="false"><bpmn:startEvent id="a"/>'
           + "</bpmn:process>"
           + '<bpmn:process id="second" isExecutable="false"><bpmn:startEvent id="b"/>'
           + "</bpmn:process></bpmn:definitions>")

    with pytest.raises(workflow.KeyNeeded) as asked:
        workflow.save_draft(None, two, user=an, filename="two.bpmn")
    assert asked.value.candidates == ["first", "second"]

    result = workflow.save_draft("second", two, user=an, filename="two.bpmn")
    assert result.draft.key == "second"
    assert ("second", "quy trình 'second' chưa được đánh dấu là thực thi được") in [
        (p.element_id, p.message) for p in result.problems]


def test_what_is_not_bpmn_is_refused_and_nothing_is_saved(admins):
    an, _ = admins
    with pytest.raises(workflow.NotBpmn):
        workflow.save_draft("x", "<html/>", user=an)
    assert db.session.scalar(select(ProcessDraft)) is None


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-1"])
def test_a_file_in_another_encoding_validates_and_saves_as_its_text(admins, encoding):
    an, _ = admins
    text = diagrams.two_steps().replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    if encoding == "iso-8859-1":  # Latin-1 holds no Vietnamese: a name it can hold
        for vietnamese, french in (("Báo cáo hai bước", "Rapport à deux étapes"),
                                   ("Báo cáo", "Rapport"), ("Duyệt", "Approuvé"),
                                   ("Kết quả", "Résultat")):
            text = text.replace(vietnamese, french)
    content = text.encode(encoding)

    assert workflow.validate(content, "enc.bpmn").ok
    draft = workflow.save_draft(None, content, user=an).draft
    assert workflow.draft_problems(content) == []

    kept = _fresh(draft.id).xml
    assert kept.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "deux étapes" in kept or "hai bước" in kept
    version, _ = workflow.add_version(content, "enc.bpmn", publish=True)
    assert version.xml == kept
