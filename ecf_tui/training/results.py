"""Provides the result files of an attempt (`run --results DIR`): the record as JSON and
its xAPI statements beside it, each written whole or not at all, under a name that sorts
by court, mode, trainee and time:
`MSSB-assess-jane_doe-20240501T140309Z-3f2a9c1e.json` and `....xapi.json`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ecf_tui.court.errors import writable_folder
from ecf_tui.court.files import write_text
from ecf_tui.training import xapi
from ecf_tui.training.record import AttemptRecord

XAPI_SUFFIX = ".xapi.json"
NAME_PART_LIMIT = 40
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def check_results_folder(path: Path) -> Path:
    """Make the `--results` folder and check it can be written, before the simulator
    starts (a trainee should not learn at the end that the attempt could not be saved)."""
    return writable_folder(path, "--results")


def safe_name_part(text: str | None, default: str = "anonymous") -> str:
    """`text` fit for a file name on any system: letters, digits, `_` and `-` only (the
    rest become `-`), at most 40 characters; `default` when nothing is left."""
    part = _UNSAFE.sub("-", text or "")[:NAME_PART_LIMIT]
    return part if part.strip("-") else default


def file_stem(record: AttemptRecord) -> str:
    started = xapi.utc(record.started).strftime("%Y%m%dT%H%M%SZ")
    # The court comes from a profile, which may be a user's own: made safe as well.
    court = safe_name_part(record.court, "court")
    return f"{court}-{record.mode}-{safe_name_part(record.trainee)}-{started}-{record.id[:8]}"


def write_attempt(folder: Path, record: AttemptRecord) -> tuple[Path, Path]:
    """Write the record (`<stem>.json`) and its xAPI statements (`<stem>.xapi.json`) into
    `folder`; returns both paths. If the second cannot be written, the first is removed:
    a pair or nothing. An OSError is raised as it is (the caller says what failed)."""
    stem = file_stem(record)
    record_path = folder / f"{stem}.json"
    xapi_path = folder / f"{stem}{XAPI_SUFFIX}"
    write_text(record_path, record.model_dump_json(indent=2) + "\n")
    try:
        write_text(xapi_path, json.dumps(xapi.statements(record), indent=2) + "\n")
    except BaseException:
        record_path.unlink(missing_ok=True)
        raise
    return record_path, xapi_path
