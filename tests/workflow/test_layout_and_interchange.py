"""Every shipped diagram opens in a viewer with a shape for every flow node (lanes, pools and
subprocesses with their content included); every BPMN file at hand gets one line from
`workflow validate`, and only what is not BPMN XML is refused."""

import importlib.util
from pathlib import Path

import pytest

from app.workflow import draft_problems, validate
from app.workflow.definitions import SHIPPED

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repository (a worktree of it sits one level deeper)
SHARED = next((base / "shared" / "bpmn-interchange" for base in (ROOT.parent, ROOT.parent.parent)
               if (base / "shared" / "bpmn-interchange").is_dir()), ROOT / "missing")
OWN = sorted((Path(__file__).parent / "interchange").glob("*.bpmn")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*.bpmn"))
SHIPPED_FILES = sorted(SHIPPED.glob("*.bpmn"))


def _coverage():
    spec = importlib.util.spec_from_file_location("coverage_tool",
                                                  ROOT / "tools" / "layout" / "coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=[p.name for p in SHIPPED_FILES])
def test_every_shipped_diagram_has_a_shape_for_every_flow_node(path):
    assert _coverage().missing_shapes(str(path)) == []


def test_the_coverage_check_finds_a_node_without_a_shape(tmp_path):
    from tests.workflow import diagrams

    bare = tmp_path / "bare.bpmn"
    bare.write_text(diagrams.two_steps())
    assert "userTask report" in _coverage().missing_shapes(str(bare))


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=[p.name for p in SHIPPED_FILES])
def test_every_shipped_diagram_still_runs(path, agencies):
    assert validate(path.read_bytes(), path.name).ok


def _files_at_hand():
    shared = sorted(SHARED.glob("*.bpmn")) if SHARED.is_dir() else []
    return shared + OWN


@pytest.mark.parametrize("path", _files_at_hand(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_bpmn_file_at_hand_is_ok_or_a_draft_never_refused(path, agencies):
    verdict = validate(path.read_bytes(), path.name)

    line = verdict.line()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"{path.name}: OK") or line.startswith(f"{path.name}: draft: "), line
    if not verdict.ok:  # a draft says, element by element, what to fix
        assert draft_problems(path.read_bytes())


def test_the_validate_command_answers_one_line_per_interchange_file(app, agencies):
    files = [str(p) for p in _files_at_hand()]

    result = app.test_cli_runner().invoke(args=["workflow", "validate", *files])

    lines = result.output.strip().splitlines()
    assert len(lines) == len(files) and result.exit_code == 0, result.output
    assert [line.split(": ")[0] for line in lines] == files
    assert not [line for line in lines if ": refused: " in line]
