"""The script time limit measures the diagram's own code, on a clock the test moves. A
module's helper that a script calls (a database write waiting for its lock, a PDF) takes as
long as the machine's load says; that time is not the script's. Before, a one-line script
calling a helper that took over 2 s on a loaded machine failed its instance
(tests/training/test_after_class.py under heavy load: "Kết quả học tập" and "Cấp giấy
chứng nhận" call the training module's helpers)."""

import pytest

from app.workflow import register_helper, start_process
from app.workflow import sandbox_limits as limits
from app.workflow.sandbox import HELPERS
from tests.workflow import diagrams


class FakeSeconds:
    """The sandbox's monotonic clock, moved by the test only."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def seconds(monkeypatch):
    fake = FakeSeconds()
    monkeypatch.setattr(limits, "monotonic", fake)
    return fake


@pytest.fixture
def slow_helper(seconds):
    """A helper that takes 30 s (the limit is 2 s): what a loaded machine may do."""
    def write_slowly(value):
        seconds.now += 30
        return value * 2

    register_helper("write_slowly", write_slowly)
    yield
    HELPERS.pop("write_slowly")


def _data(instance) -> dict:
    from app.workflow import runtime

    [task] = runtime.load(instance).get_tasks(state=runtime.TaskState.READY, manual=True)
    return task.data


def test_a_script_whose_helper_is_slow_is_not_stopped(deploy, agencies, slow_helper):
    deploy(diagrams.script_then_step("x = write_slowly(21)\ny = x + 1"))

    instance = start_process("scripted")

    assert (instance.status, instance.error_message) == ("running", None)
    assert _data(instance)["y"] == 43


def test_the_script_own_time_still_counts(deploy, agencies, seconds, slow_helper):
    """The helper's 30 s are given back; a loop of the script's own, each turn a second on
    the clock (moved from inside the script), is stopped after 2."""
    def second_passes():  # offered directly, as the built-in helpers are: its time counts
        seconds.now += 1
        return 1

    HELPERS["second_passes"] = second_passes
    try:
        deploy(diagrams.script_then_step(
            "x = write_slowly(1)\nturns = 0\nwhile True:\n    turns = turns + second_passes()"))
        instance = start_process("scripted")
    finally:
        HELPERS.pop("second_passes")

    assert instance.status == "error"
    assert "Đoạn mã chạy quá 2 giây và đã bị dừng" in instance.error_message
