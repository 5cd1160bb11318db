"""Bulk loading into PostgreSQL: COPY from a background thread, and indexes set aside meanwhile."""

import io
import json
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

import psycopg2

COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
NULL = "\\N"


def text(value: str) -> str:
    """A string in COPY text format."""
    return value.translate(COPY_ESCAPES)


def value(item: object) -> str:
    """Any Python value in COPY text format."""
    if item is None:
        return NULL
    if isinstance(item, bool):
        return "t" if item else "f"
    if isinstance(item, datetime):
        return item.isoformat()
    if isinstance(item, dict | list):
        return text(json.dumps(item, ensure_ascii=False))
    return text(str(item))


def with_database(url: str, name: str) -> str:
    """The same server URL pointing at another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def connect(url: str):
    """A psycopg2 connection from a postgres:// URL."""
    return psycopg2.connect(url.replace("postgres://", "postgresql://", 1))


class CopyWriter(threading.Thread):
    """Runs COPY for chunks of rows handed over by the generating thread, in one transaction.

    The tables are truncated first in that transaction, so COPY ... FREEZE can write rows that
    are already frozen and marked all-visible: no VACUUM pass is needed afterwards.
    """

    def __init__(self, url: str, columns: dict[str, list[str]], freeze: bool = True) -> None:
        """columns: the column list of every table, in COPY order."""
        super().__init__(name="copy-writer", daemon=True)
        self.url = url
        self.columns = columns
        self.freeze = freeze
        self.chunks: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.busy_seconds = 0.0

    def put(self, chunk: dict[str, str]) -> None:
        """Queue one chunk (table -> COPY text); waits while two chunks are pending."""
        while True:
            if self.error is not None:
                raise RuntimeError("COPY failed") from self.error
            try:
                self.chunks.put(chunk, timeout=1)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        """Commit everything and wait for the thread; raise its error if it failed."""
        if self.error is None:
            self.chunks.put(None)
        self.join()
        if self.error is not None:
            raise RuntimeError("COPY failed") from self.error

    def run(self) -> None:
        """Truncate, then copy chunk after chunk until finish() is called."""
        try:
            connection = connect(self.url)
            with connection, connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit = off")
                if self.freeze:
                    tables = ", ".join(self.columns)
                    cursor.execute(f"TRUNCATE {tables} CASCADE")
                option = " (FREEZE)" if self.freeze else ""
                while (chunk := self.chunks.get()) is not None:
                    started = time.perf_counter()
                    for table, data in chunk.items():
                        columns = ", ".join(f'"{name}"' for name in self.columns[table])
                        sql = f"COPY {table} ({columns}) FROM STDIN{option}"
                        cursor.copy_expert(sql, io.StringIO(data), size=1 << 20)
                    self.busy_seconds += time.perf_counter() - started
            connection.close()
        except BaseException as error:  # noqa: BLE001 - handed to the generating thread
            self.error = error
            # Drain the queue so a waiting put() notices the error instead of blocking.
            while not self.chunks.empty():
                self.chunks.get_nowait()


def set_aside(connection, tables: list[str]) -> list[tuple[str, str]]:
    """Drop the foreign keys, unique constraints and indexes of tables (primary keys stay).

    Returns (kind, SQL) pairs that restore() runs to put them back, indexes first.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.contype, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.conrelid = ANY(%s::regclass[]) AND c.contype IN ('f', 'u')
            ORDER BY c.contype, c.conname
            """,
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(%s::regclass[])
              AND NOT EXISTS (
                  SELECT 1 FROM pg_constraint c
                  WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')
              )
            ORDER BY 1
            """,
            [tables],
        )
        indexes = cursor.fetchall()
        restore_sql: list[tuple[str, str]] = []
        # Foreign keys go first: a unique constraint may be what one of them points at.
        for kind, table, name, definition in sorted(constraints, key=lambda row: row[0] != "f"):
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            restore_sql.append(
                (
                    "foreign key" if kind == "f" else "unique",
                    f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}',
                )
            )
        for name, definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
            restore_sql.append(("index", definition))
    connection.commit()
    order = {"index": 0, "unique": 1, "foreign key": 2}
    return sorted(restore_sql, key=lambda item: order[item[0]])


def restore(url: str, statements: list[tuple[str, str]], jobs: int = 2) -> None:
    """Re-create what set_aside() dropped: indexes in parallel, then constraints one by one."""

    def run_all(batch: Iterable[str]) -> None:
        connection = connect(url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            for sql in batch:
                cursor.execute(sql)
        connection.close()

    indexes = [sql for kind, sql in statements if kind == "index"]
    others = [sql for kind, sql in statements if kind != "index"]
    # The biggest indexes (GIN, then wide ones) first, spread over the connections.
    indexes.sort(key=lambda sql: (" USING gin " not in sql, -len(sql)))
    batches = [indexes[job::jobs] for job in range(jobs)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for future in [pool.submit(run_all, batch) for batch in batches if batch]:
            future.result()
    run_all(others)


def run_parallel(url: str, statements: list[str], jobs: int = 2) -> None:
    """Run independent statements over several connections at once."""
    batches = [statements[job::jobs] for job in range(jobs)]

    def run_all(batch: list[str]) -> None:
        connection = connect(url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            for sql in batch:
                cursor.execute(sql)
        connection.close()

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for future in [pool.submit(run_all, batch) for batch in batches if batch]:
            future.result()


def timed(label: str, action: Callable[[], object]) -> object:
    """Run action, print how long it took, return its result."""
    started = time.perf_counter()
    print(f"{label} …", flush=True)
    result = action()
    print(f"{label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result
