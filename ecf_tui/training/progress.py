"""Provides the progress store: every attempt a trainee made on this machine, in a SQLite
database (`progress.sqlite3` in the user's data folder, e.g.
`~/.local/share/ecf-tui/`), and the summary `ecf-tui progress` prints: attempts and
passes per trainee, court and mode.

A store that cannot be used (not a SQLite file, a table of another shape, locked by
another program, a data folder that cannot be written) raises `StoreUnavailable`, a
`UserError` naming the file and the fix: the App shows it and still runs, unsaved.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from pydantic import ValidationError

from ecf_tui.court.errors import UserError
from ecf_tui.training.record import AttemptRecord
from ecf_tui.training.xapi import utc

STORE_NAME = "progress.sqlite3"
SCHEMA_VERSION = 1
# Long enough for another ecf-tui's short write to finish, short enough that a store held
# by a stuck program is reported at once rather than hanging the simulator.
LOCK_TIMEOUT = 1.0
_COLUMNS = ("id", "trainee", "court", "mode", "started", "ended", "passed", "finished",
            "mistakes", "hints", "record")
# Statement by statement (not executescript, which commits the transaction first).
_SCHEMA = (
    """CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        trainee TEXT,
        court TEXT NOT NULL,
        mode TEXT NOT NULL,
        started TEXT NOT NULL,
        ended TEXT NOT NULL,
        passed INTEGER,
        finished INTEGER NOT NULL,
        mistakes INTEGER NOT NULL,
        hints INTEGER NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX attempts_by_trainee ON attempts (trainee, court, mode, started)",
)
_MOVE_AWAY = ("move this file away (ecf-tui starts a new store), or run the simulator with "
              "--no-save.")


class StoreUnavailable(UserError):
    """The progress store cannot be read or written; the message names the file and
    the fix. The App shows it and carries on without saving."""


def default_path() -> Path:
    """`progress.sqlite3` in the user's data folder (XDG_DATA_HOME on Linux)."""
    return Path(platformdirs.user_data_dir("ecf-tui", appauthor=False)) / STORE_NAME


@dataclass(frozen=True)
class ProgressRow:
    """One trainee's attempts at one court in one mode."""

    trainee: str | None
    court: str
    mode: str
    attempts: int
    finished: int
    """Attempts that reached an end of the procedure."""
    passes: int | None
    """Assessments passed; None outside assess (there is nothing to pass)."""
    last: datetime
    """When the latest attempt started (UTC)."""


class ProgressStore:
    """An open progress store: `ProgressStore()` (or `ProgressStore.open()`) opens the
    user's; close it when done (or use `with`)."""

    def __init__(self, path: Path | None = None, *, timeout: float = LOCK_TIMEOUT) -> None:
        """Open the store at `path` (default: `default_path()`), making it and its folder
        if missing, and check it is an ecf-tui store of this version."""
        self.path = path = path or default_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreUnavailable(
                f"cannot make the folder for the progress store ({err.strerror}).",
                file=path.parent, fix="make this folder writable, set XDG_DATA_HOME to a "
                                      "folder you can write to, or run with --no-save.") from None
        try:
            # isolation_level=None: this class says where each transaction begins and
            # ends. check_same_thread=False: the App may save from a worker thread; each
            # call is one short transaction, and sqlite3 serialises them.
            self._db = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as err:
            raise _unavailable(err, path) from None
        try:
            self._prepare()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, path: Path | None = None, *, timeout: float = LOCK_TIMEOUT) -> ProgressStore:
        """The same as `ProgressStore(path)`."""
        return cls(path, timeout=timeout)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def add(self, record: AttemptRecord) -> None:
        """Save one attempt (again: the same id replaces the row, it is the same attempt)."""
        row = (record.id, record.trainee, record.court, record.mode,
               utc(record.started).isoformat(), utc(record.ended).isoformat(),
               None if record.passed is None else int(record.passed), int(record.finished),
               len(record.mistakes), record.hints, record.model_dump_json())
        places = ", ".join("?" * len(_COLUMNS))
        self._write(f"INSERT OR REPLACE INTO attempts ({', '.join(_COLUMNS)}) "
                    f"VALUES ({places})", row)

    def attempts(self, trainee: str | None = None) -> list[AttemptRecord]:
        """Every attempt saved (or only `trainee`'s), oldest first."""
        where, args = _trainee_filter(trainee)
        rows = self._read(f"SELECT id, record FROM attempts{where} ORDER BY started, id", args)
        found = []
        for row_id, text in rows:
            try:
                found.append(AttemptRecord.model_validate_json(text))
            except ValidationError:
                raise StoreUnavailable(
                    f"the saved attempt {row_id} is not a valid attempt record (it was "
                    "changed by hand, or saved by another program).", file=self.path,
                    fix=_MOVE_AWAY) from None
        return found

    def summary(self, trainee: str | None = None) -> list[ProgressRow]:
        """Attempts, attempts finished, passes and the latest start per trainee, court
        and mode (anonymous attempts have trainee None), sorted by those three
        (anonymous last)."""
        where, args = _trainee_filter(trainee)
        # SUM(passed) is NULL when every row's is (no assessments): passes is None then.
        rows = self._read(
            "SELECT trainee, court, mode, COUNT(*), SUM(finished), SUM(passed), MAX(started) "
            f"FROM attempts{where} GROUP BY trainee, court, mode "
            "ORDER BY trainee IS NULL, trainee, court, mode", args)
        return [ProgressRow(trainee=t, court=c, mode=m, attempts=n, finished=f, passes=p,
                            last=datetime.fromisoformat(last))
                for t, c, m, n, f, p, last in rows]

    def _prepare(self) -> None:
        """Make the table in a new store; check an existing one is ours, of this version.
        Only making it takes the write lock, so a read-only store can still be read."""
        try:
            version, tables = self._shape()
            if version == 0 and not tables:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    # Another ecf-tui starting at the same time may have made it meanwhile.
                    version, tables = self._shape()
                    if version == 0 and not tables:
                        for statement in _SCHEMA:
                            self._db.execute(statement)
                        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    self._db.execute("COMMIT")
                except BaseException:
                    self._rollback()
                    raise
                version, tables = self._shape()
            columns = tuple(row[1] for row in self._db.execute("PRAGMA table_info(attempts)"))
        except sqlite3.Error as err:
            raise _unavailable(err, self.path) from None
        if version > SCHEMA_VERSION:
            raise StoreUnavailable(
                f"this progress store was made by a newer ecf-tui (schema {version}; this "
                f"one reads {SCHEMA_VERSION}).", file=self.path,
                fix="use that newer ecf-tui, or " + _MOVE_AWAY)
        if version != SCHEMA_VERSION or columns != _COLUMNS:
            raise StoreUnavailable(
                "this file is a SQLite database, but not an ecf-tui progress store (its "
                "tables are of another shape).", file=self.path, fix=_MOVE_AWAY)

    def _shape(self) -> tuple[int, set[str]]:
        """The schema version (PRAGMA user_version, 0 in a new file) and the tables."""
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        tables = {str(name) for (name,) in self._db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        return version, tables

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        """One statement in its own transaction: committed whole, or rolled back."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(sql, args)
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        except sqlite3.Error as err:
            raise _unavailable(err, self.path) from None

    def _read(self, sql: str, args: tuple[object, ...]) -> list[Any]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise _unavailable(err, self.path) from None

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")


def _trainee_filter(trainee: str | None) -> tuple[str, tuple[object, ...]]:
    return (" WHERE trainee = ?", (trainee,)) if trainee is not None else ("", ())


def _unavailable(err: sqlite3.Error, path: Path) -> StoreUnavailable:
    """The store's problem in the user's words. SQLite's own message is left out: it can
    quote the SQL, and the SQL's values are a record's."""
    code = getattr(err, "sqlite_errorname", "")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreUnavailable(
            "the progress store is locked by another program (another ecf-tui saving, or "
            "one that is stuck).", file=path,
            fix="close the other ecf-tui using it and try again, or run with --no-save.")
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR",
                        "SQLITE_FULL")):
        return StoreUnavailable(
            f"the progress store cannot be opened or written ({code}).", file=path,
            fix="make this file and its folder writable (and the disk not full), set "
                "XDG_DATA_HOME to a folder you can write to, or run with --no-save.")
    what = f" ({code})" if code else ""
    return StoreUnavailable(
        f"this file is not an ecf-tui progress store: not a SQLite database, or a damaged "
        f"one{what}.", file=path, fix=_MOVE_AWAY)
