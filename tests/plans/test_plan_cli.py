"""A whole training plan simulated headless, session by session, from the command line:
``plans start``, then ``run --plan --debrief RPE,PAIN`` until ``plans status`` says it is
complete."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from treadmill_ctl.cli import main
from treadmill_ctl.history import HistoryStore
from treadmill_ctl.history.debriefs import get_debrief

RUN = ["run", "--plan", "--speedup", "max", "--quiet", "--no-hr-strap"]


def status(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["plans", "status", "--json"]) == 0
    value = json.loads(capsys.readouterr().out)
    assert isinstance(value, dict)
    return value


@pytest.mark.timeout(600)
def test_a_whole_plan_runs_headless_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plans", "start", "referee-defender-conditioning"]) == 0
    assert "Following “Referee / defender conditioning”" in capsys.readouterr().out
    # A runner's weeks: mostly good sessions, one sore knee, one with high pain, one ended early.
    script = {2: ("3,3", ()), 5: ("4,6", ()), 8: ("3,0", ("--inject", "stop@400"))}
    steps_run: list[int] = []
    speeds: list[float] = []
    said: list[str] = []
    for n in range(40):
        before = status(capsys)
        if before["finished"]:
            break
        steps_run.append(int(str(before["step"])))
        speeds.append(float(re.findall(r"at ([\d.]+) km/h", str(before["backward"]))[0]))
        debrief, extra = script.get(n, ("3,1", ()))
        exit_status = main([*RUN, "--debrief", debrief, *extra])
        assert exit_status == (3 if extra else 0)
        said.append(capsys.readouterr().out.strip())
    else:
        pytest.fail("the plan never finished")
    final = status(capsys)
    assert final["finished"] is True
    assert final["next_time"] == (
        "Plan complete: well done. Keep the last session going, or start a new plan."
    )
    # Never a step skipped, never more than 0.5 km/h faster from one session to the next.
    assert all(b - a in (-1, 0, 1) for a, b in itertools.pairwise(steps_run))
    assert all(b - a <= 0.5 for a, b in itertools.pairwise(speeds))
    assert steps_run[0] == 1
    assert max(steps_run) == 5
    assert said[2] == "Next time: same session — your knee said 3/10."
    assert said[5].startswith("Next time: one step back")
    assert steps_run[6] == steps_run[5] - 1
    assert said[8] == "Next time: same session — the session ended early."
    assert steps_run[9] == steps_run[8]
    # 12 good sessions and the 3 that did not count.
    assert (
        final["sessions_done"] == len(steps_run) == 12 + 3 + 2
    )  # + the 2 redone after the step back
    with HistoryStore.open() as store:
        sessions = store.list_sessions()
        assert len(sessions) == len(steps_run)
        last = get_debrief(store, sessions[0].id)
    assert last is not None
    assert (last.rpe, last.pain_during, last.completed) == (3, 1, True)


def test_run_with_a_debrief_stores_it_with_the_session(capsys: pytest.CaptureFixture[str]) -> None:
    status_code = main(
        [
            "run",
            "first-steps",
            "--speedup",
            "max",
            "--quiet",
            "--no-hr-strap",
            "--debrief",
            "5,1,2",
            "--note",
            "calves tight",
        ]
    )
    assert status_code == 0
    with HistoryStore.open() as store:
        (session,) = store.list_sessions()
        got = get_debrief(store, session.id)
    assert got is not None
    assert (got.rpe, got.pain_during, got.pain_after, got.note) == (5, 1, 2, "calves tight")
    assert got.plan_run is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--plan"], "no current plan"),
        (["run", "first-steps", "--debrief", "11,0"], "'11' is not a whole number 0-10"),
        (["run", "first-steps", "--plan"], "either a PRESET or --plan"),
        (["run"], "name a PRESET"),
        (["plans", "start", "no-such-plan"], "no plan with this id or name"),
    ],
)
def test_bad_plan_arguments_are_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_plans_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plans", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in listed] == [
        "knee-friendly-backward-walking",
        "learn-backward-running",
        "referee-defender-conditioning",
    ]
    assert main(["plans", "show", "Learn backward running"]) == 0
    out = capsys.readouterr().out
    assert " 1. First steps: 2 × 30 s backward at 3 km/h, 2 good sessions" in out
    assert "8. Backward intervals at 3.5 km/h [eight-by-ninety-long: backward at 3.5 km/h]" in out


def test_run_takes_a_plan_step(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--speedup", "max", "--no-hr-strap", "--no-history"]
    assert main(["run", "referee-defender-conditioning:5", *args]) == 0
    summary = capsys.readouterr().err
    assert "10 back-pedals of 30 s, faster: finished" in summary
    assert "5:00 backward" in summary  # 10 × 30 s, as the plan changed the preset
    assert main(["run", "referee-defender-conditioning:9", *args]) == 2
    assert "has steps 1 to 5, not 9" in capsys.readouterr().err
