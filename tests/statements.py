"""Counting the SQL statements a piece of work sends: the round trips that, on PostgreSQL,
cost more than the work itself. Used by the statement budget test and the benchmarks."""

from contextlib import contextmanager

from sqlalchemy import event


class Statements:
    def __init__(self):
        self.sent: list[str] = []

    def __len__(self) -> int:
        return len(self.sent)

    def __str__(self) -> str:
        return "\n".join(f"{n + 1:3}. {' '.join(sql.split())[:2000]}"
                         for n, sql in enumerate(self.sent))


@contextmanager
def counted(engine):
    """Count every statement sent through `engine` (BEGIN and COMMIT are not statements
    the driver is given, so they are not counted: one per transaction, on top)."""
    found = Statements()

    def seen(conn, cursor, statement, parameters, context, executemany):
        found.sent.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", seen)
