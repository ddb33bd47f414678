"""Two web servers and two timer workers on one PostgreSQL database: nothing lost, nothing
doubled.

Makes a fresh database (dropped at the end), migrates and seeds it as production does, then
starts two gunicorn servers (2 workers each) and two `flask workflow worker --interval 1`
processes on it. Each instance of a small process goes: 'Báo cáo' (SCT) → a 1-second timer,
fired by whichever worker gets it → 'Duyệt' (SNV) → end. Clerks start and complete through
the JSON API from several threads, alternating servers; every third report and every fourth
approval is sent twice at the same moment, once to each server, by two people (one must win
with 200, the other be told 409). Then the database is asked: every instance ended, each step
completed once, each timer fired once, nothing in error, no traceback in any log. Exits 1
if anything is lost or doubled, or went wrong.

    .venv/bin/python bench/scale_out.py [--instances 40] [--url postgresql://postgres@127.0.0.1:5432/bench_scaleout]
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.databases import drop_postgres, empty_postgres  # noqa: E402
from bench.scale_out_checks import KEY, check, wait_until_ended  # noqa: E402
from bench.scale_out_setup import (  # noqa: E402
    PRODUCTION,
    Server,
    migrate_and_seed,
    people_and_process,
    start_worker,
)

RACE_REPORT_EVERY, RACE_APPROVAL_EVERY = 3, 4
DRIVERS = 6  # threads starting instances and completing reports
SETTLE_SECONDS = 300  # how long the approvals and timers may take before we call it lost


class Load:
    """The clients: what they sent, how long each answer took, what went wrong."""

    def __init__(self, servers: list[Server], people: dict):
        self.servers, self.people = servers, people
        self.lock = threading.Lock()
        self.timings: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.races: Counter = Counter()  # (statuses of the pair) → how many
        self.wins = 0  # completions answered 200, races included
        self.problems: list[str] = []
        self.started: list[int] = []
        self.approved: set[int] = set()

    def call(self, operation: str, server: Server, method: str, path: str, token: str,
             body=None) -> tuple[int, dict]:
        began = time.perf_counter()
        status, answer = server.call(method, path, token, body)
        with self.lock:
            self.timings[(operation, server.name)].append(time.perf_counter() - began)
            if operation.startswith("complete") and status == 200:
                self.wins += 1
        return status, answer

    def complete(self, step: str, item_id: int, values: dict, senders: list) -> None:
        """Complete once, or (two senders) twice at the same moment on both servers."""
        path, body = f"/api/v1/work-items/{item_id}/complete", {"values": values}
        if len(senders) == 1:
            server, token = senders[0]
            status, answer = self.call(f"complete {step}", server, "POST", path, token, body)
            if status != 200:
                self.note(f"{step} {item_id}: {status} {answer}")
            return
        barrier, statuses = threading.Barrier(2), []

        def send(server, token):
            barrier.wait()
            status, answer = self.call(f"complete {step} (race)", server, "POST", path, token,
                                       body)
            statuses.append(status)
            if status == 409 and not answer.get("completed_by"):
                self.note(f"{step} {item_id}: 409 without naming who completed it: {answer}")

        pair = [threading.Thread(target=send, args=sender) for sender in senders]
        for thread in pair:
            thread.start()
        for thread in pair:
            thread.join()
        with self.lock:
            self.races[tuple(sorted(statuses))] += 1

    def note(self, problem: str) -> None:
        with self.lock:
            self.problems.append(problem)

    def report(self, n: int) -> None:
        """Start instance n on one server and complete its report on the other."""
        first, other = self.servers[n % 2], self.servers[(n + 1) % 2]
        clerks = self.people["clerks"]
        status, started = self.call("start", first, "POST", "/api/v1/instances",
                                    clerks[n % 4], {"process": KEY,
                                                    "subject": f"Báo cáo quý số {n}"})
        if status != 201:
            self.note(f"start {n}: {status} {started}")
            return
        with self.lock:
            self.started.append(started["id"])
        senders = [(other, clerks[n % 4])]
        if n % RACE_REPORT_EVERY == 0:
            senders = [(first, clerks[n % 4]), (other, clerks[(n + 1) % 4])]
        self.complete("report", started["open_steps"][0]["id"],
                      {"result": f"Đã tổ chức {n} hội nghị"}, senders)

    def approve(self, slot: int, total: int, deadline: float) -> None:
        """An approver's inbox on one server: the approvals of instances with id % 2 == slot,
        until all `total` instances are approved."""
        server, tokens = self.servers[slot], self.people["approvers"]
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.approved) >= total:
                    return
            status, inbox = self.call("inbox", server, "GET",
                                      f"/api/v1/work-items?process={KEY}&per_page=100",
                                      tokens[slot])
            mine = [item for item in inbox.get("items", [])
                    if item["instance_id"] % 2 == slot] if status == 200 else []
            for item in mine:
                senders = [(server, tokens[slot])]
                if item["instance_id"] % RACE_APPROVAL_EVERY == 0:
                    senders.append((self.servers[1 - slot], tokens[1 - slot]))
                self.complete("approval", item["id"], {}, senders)
                with self.lock:
                    self.approved.add(item["instance_id"])
            if not mine:
                time.sleep(0.5)  # an approver looking at the inbox again in a moment
        self.note(f"approver {slot}: gave up after {SETTLE_SECONDS} s")


def moved_by(log: Path) -> int:
    return sum(int(n) for n in re.findall(r"^(\d+) instance\(s\) moved", log.read_text(),
                                          re.MULTILINE))


def failures_in(log: Path) -> int:
    """Tracebacks a server or worker logged: a clean run has none."""
    return log.read_text(errors="replace").count("Traceback (most recent call last)")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(instances: int, url: str, log_dir: Path) -> bool:
    env = {**os.environ, **PRODUCTION, "DATABASE_URL": url}
    servers, workers = [], []
    empty_postgres(url)
    try:
        began = time.perf_counter()
        migrate_and_seed(env)
        people = people_and_process(url)
        servers = [Server(name, url, log_dir) for name in ("A", "B")]
        for server in servers:
            server.start()
        workers = [start_worker(n, env, log_dir) for n in (1, 2)]
        print(f"database migrated and seeded, 2 servers and 2 workers up in "
              f"{time.perf_counter() - began:.1f} s", flush=True)

        load = Load(servers, people)
        load.call("warm", servers[0], "GET", "/api/v1/work-items", people["clerks"][0])
        load.call("warm", servers[1], "GET", "/api/v1/work-items", people["clerks"][0])
        began = time.perf_counter()
        deadline = time.monotonic() + SETTLE_SECONDS
        approvers = [threading.Thread(target=load.approve, args=(slot, instances, deadline))
                     for slot in (0, 1)]
        for thread in approvers:
            thread.start()
        with ThreadPoolExecutor(DRIVERS) as pool:
            list(pool.map(load.report, range(instances)))
        for thread in approvers:
            thread.join()
        wait_until_ended(url, deadline)
        elapsed = time.perf_counter() - began
        for process, _log in workers:
            process.terminate()
            process.wait(timeout=30)
        found = check(url)
        for server in servers:
            server.stop()
        logs = [server.log for server in servers] + [log for _, log in workers]
        return print_table(instances, elapsed, load, found, [log for _, log in workers],
                           sum(failures_in(log) for log in logs))
    finally:
        for process, _log in workers:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        for server in servers:
            server.stop()
        drop_postgres(url)


def print_table(instances: int, elapsed: float, load: Load, found: dict, logs: list,
                tracebacks: int) -> bool:
    steps = 2 * instances
    print(f"\n{instances} instances, {steps} user steps, {instances} timers: 2 gunicorn "
          f"servers × 2 workers, 2 timer workers (tick 1 s), PostgreSQL")
    print(f"from the first start to the last instance ended: {elapsed:.1f} s, "
          f"{steps / elapsed:.2f} completions/s")
    print(f"\n{'operation':<26}{'server':<8}{'calls':>6}{'p50 ms':>9}{'p95 ms':>9}")
    for (operation, server), times in sorted(load.timings.items()):
        if operation == "warm":
            continue
        print(f"{operation:<26}{server:<8}{len(times):>6}"
              f"{statistics.median(times) * 1000:>9.0f}{percentile(times, 0.95) * 1000:>9.0f}")
    races = sum(load.races.values())
    fair = load.races[(200, 409)]
    print(f"\nraces (one completion to each server at once): {races}, "
          f"one 200 + one 409: {fair}, otherwise: {dict(load.races - Counter({(200, 409): fair}))}")
    print(f"completions answered 200: {load.wins} (expected {steps})")
    moved = [moved_by(log) for log in logs]
    print(f"timers fired (audit): {found['timers']}; instances moved per worker (its log): "
          + ", ".join(f"worker {n}: {m}" for n, m in enumerate(moved, 1)))
    print(f"instances by status: {found['statuses']}; finished events: {found['finished']}; "
          f"errors: {found['errors']}; tracebacks in the servers' and workers' logs: "
          f"{tracebacks}")
    lost = (found["items_lost"] + found["completions_lost"] + found["timers_lost"]
            + instances - found["instances"] + max(0, steps - load.wins))
    doubled = (found["items_doubled"] + found["completions_doubled"] + found["timers_doubled"]
               + max(0, load.wins - steps) + (races - fair))
    ended = (found["statuses"] == {"completed": instances} and found["finished"] == instances
             and not found["items_not_done"])
    print(f"steps lost/doubled (work items): {found['items_lost']}/{found['items_doubled']}, "
          f"left open or cancelled: {found['items_not_done']}; "
          f"(completion events): {found['completions_lost']}/{found['completions_doubled']}; "
          f"timers lost/doubled: {found['timers_lost']}/{found['timers_doubled']}")
    for problem in load.problems[:10]:
        print("problem:", problem)
    print(f"\nlost = {lost}, doubled = {doubled}, every instance ended: {ended}")
    return (lost == 0 and doubled == 0 and ended and not found["errors"] and not tracebacks
            and not load.problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", type=int, default=40)
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/bench_scaleout")
    arguments = parser.parse_args()
    log_dir = ROOT / "instance" / "scale_out"
    log_dir.mkdir(parents=True, exist_ok=True)
    ok = run(arguments.instances, arguments.url, log_dir)
    print(f"logs: {log_dir}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
