"""One consistent view of the database for a selector that reads a story in several queries.

Workers write into a story while editors read it: on PostgreSQL each statement of a
READ COMMITTED transaction sees its own snapshot, so an article committed between the
articles' query and the claims' query would show claims without their article. Inside
consistent_reads() every query sees the snapshot of the first (REPEATABLE READ, READ ONLY).
Inside a transaction already begun (a test's, a service's) the caller's view is kept. SQLite
is left as it is: an IMMEDIATE transaction there would queue the read behind the writers, and
its callers skip what they cannot place instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def consistent_reads() -> Iterator[None]:
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
