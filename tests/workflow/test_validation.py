"""Every file gets a verdict, `<file>: OK`, `<file>: draft: <reason>` (BPMN that needs fixing)
or `<file>: refused: <reason>` (not BPMN XML, unreadable), never a traceback."""

from pathlib import Path

import pytest

from app.workflow import validate
from tests.workflow import diagrams

INTERCHANGE = sorted((Path(__file__).parent / "interchange").glob("*.bpmn"))

XXE = """<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&secret;</bpmn:definitions>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol3;</bpmn:definitions>"""

BAD_FILES = {
    "xxe": (XXE, "DOCTYPE"),
    "billion-laughs": (LAUGHS, "DOCTYPE"),
    "not-xml": ("this is not xml at all", "XML không đúng cú pháp (dòng 1, cột 1)"),
    "empty": ("", "XML không đúng cú pháp"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "XML không đúng cú pháp"),
    "broken": ('<?xml version="1.0"?>\n<definitions>\n  <a></b>', "XML không đúng cú pháp (dòng 3"),
    "not-bpmn": ("<html><body>hello</body></html>", "không phải tài liệu BPMN 2.0"),
    "no-process": (diagrams.HEADER.format(id="x") + "</bpmn:definitions>",
                   "không định nghĩa quy trình nào"),
    "schema": (diagrams.process("p", '<bpmn:startEvent id="s"><bpmn:bogus/></bpmn:startEvent>'),
               "không đúng lược đồ BPMN 2.0 tại phần tử 'bogus' (dòng 5)"),
    "unknown-lane": (diagrams.two_steps(first="Sở Không Tồn Tại"),
                     "bước 'Báo cáo' giao cho 'Sở Không Tồn Tại', không phải cơ quan, nhóm hay "
                     "vai trò nào (phần tử report, dòng 5)"),
    "bad-form": (diagrams.two_steps(form="""<bpmn:extensionElements><camunda:formData>
        <camunda:formField id="x" label="X" type="colour" /></camunda:formData>
        </bpmn:extensionElements>"""), "kiểu chưa hỗ trợ 'colour'"),
    "bad-constraint": (diagrams.two_steps(form="""<bpmn:extensionElements><camunda:formData>
        <camunda:formField id="n" label="N" type="long"><camunda:validation>
        <camunda:constraint name="max" config="lots" /></camunda:validation>
        </camunda:formField></camunda:formData></bpmn:extensionElements>"""), "cần một số nguyên"),
    "bad-condition": (diagrams.gateway("amount >"), "điều kiện sau 'Kiểm tra'"),
    "bad-script": (diagrams.script_then_step("x = = 1"), "đoạn mã 'Tính toán'"),
}


@pytest.mark.parametrize("path", INTERCHANGE, ids=[p.name for p in INTERCHANGE])
def test_every_interchange_file_gets_a_verdict(path, agencies):
    verdict = validate(path.read_bytes(), path.name)

    line = verdict.line()
    assert line.startswith(f"{path.name}: ")
    assert "\n" not in line and "Traceback" not in line and " at 0x" not in line
    assert verdict.ok or len(verdict.reason) > 10


def test_the_interchange_corpus_is_all_here():
    assert len(INTERCHANGE) == 21


@pytest.mark.parametrize("name", BAD_FILES, ids=BAD_FILES.keys())
def test_bad_files_are_refused_with_the_reason(name, agencies):
    content, reason = BAD_FILES[name]

    verdict = validate(content, f"{name}.bpmn")

    assert not verdict.ok
    assert reason in verdict.reason, verdict.reason
    assert "/etc/passwd" not in verdict.reason and "root:" not in verdict.reason
    # In the admin's language: the XML parser's and the schema's English stays out.
    for english in ("expected", "Element", "Document is empty", "<string>"):
        assert english not in verdict.reason, verdict.reason


def test_a_good_diagram_is_accepted(agencies):
    verdict = validate(diagrams.two_steps(), "two_steps.bpmn")

    assert verdict.ok, verdict.reason
    assert verdict.line() == "two_steps.bpmn: OK"


def test_the_validate_command_prints_verdicts_and_fails_when_one_is_refused(
        app, agencies, tmp_path):
    good = tmp_path / "good.bpmn"
    good.write_text(diagrams.two_steps())
    fixable = tmp_path / "fixable.bpmn"
    fixable.write_text(diagrams.two_steps(first="Sở Không Tồn Tại"))
    bad = tmp_path / "bad.bpmn"
    bad.write_text(XXE)

    result = app.test_cli_runner().invoke(args=[
        "workflow", "validate", str(good), str(fixable), str(bad),
        str(tmp_path / "missing.bpmn")])

    lines = result.output.strip().splitlines()
    assert result.exit_code == 1
    assert lines[0] == f"{good}: OK"
    assert lines[1].startswith(f"{fixable}: draft: bước 'Báo cáo' giao cho 'Sở Không Tồn Tại'")
    assert lines[2].startswith(f"{bad}: refused: không nhận tài liệu có khai báo DOCTYPE")
    assert lines[3].startswith(f"{tmp_path / 'missing.bpmn'}: refused: không đọc được tệp")
    assert "Traceback" not in result.output


def test_files_that_only_need_fixing_do_not_fail_the_command(app, agencies, tmp_path):
    good = tmp_path / "good.bpmn"
    good.write_text(diagrams.two_steps())
    fixable = tmp_path / "fixable.bpmn"
    fixable.write_text(diagrams.two_steps(first="Sở Không Tồn Tại"))

    result = app.test_cli_runner().invoke(args=["workflow", "validate", str(good),
                                                str(fixable)])

    assert result.exit_code == 0, result.output
    assert [line.split(": ")[1] for line in result.output.strip().splitlines()] == [
        "OK", "draft"]


def test_before_the_database_is_set_up_the_verdict_says_so_not_blames_the_file(tmp_path):
    import os
    import subprocess
    import sys

    diagram = tmp_path / "two_steps.bpmn"
    diagram.write_text(diagrams.two_steps())  # its lanes name agencies
    env = {**os.environ, "APP_ENV": "development",
           "DATABASE_URL": f"sqlite:///{tmp_path}/not-migrated.db"}

    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "workflow", "validate", str(diagram)],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
        timeout=60)

    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{diagram}: refused: không kiểm tra được cơ quan, nhóm và vai trò: cơ sở dữ liệu "
        "chưa sẵn sàng (flask --app wsgi db upgrade)")
    assert "Traceback" not in result.stderr
