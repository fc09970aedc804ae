"""Provides where the job aid goes and writing it whole: the place checked before the
(slow) capture starts, then the file written to a temporary name and renamed. For
Markdown the images folder is filled under a temporary name and renamed into place
first, and the `.md` file written last: an interrupted run leaves no half-written `.md`,
and never one that points at missing images."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from ecf_tui.court.errors import UserError
from ecf_tui.court.files import write_text
from ecf_tui.job_aid.model import Screenshot

OPTION = "--out"
_OURS = re.compile(r"^\d{2,}-[^/]+\.svg$")
"""The files a run writes into the images folder (QA's names): a folder holding
anything else is not ours to replace."""


def images_folder(path: Path) -> Path:
    """The folder beside the Markdown file that holds its images: `aid.md` ->
    `aid_files/`."""
    return path.with_name(f"{path.stem}_files")


def check(path: Path, fmt: str) -> None:
    """That `path` (and for Markdown its images folder) can be written; a UserError
    naming the place and the fix where not."""
    if path.is_dir():
        raise UserError("this is a folder, not a file.", file=path, place=OPTION,
                        fix=f"give the job aid's file name, such as {path / ('aid.' + fmt)}.")
    # The folder is made when the aid is written, not now: a capture that fails leaves
    # nothing behind. Here, the nearest folder that exists must take it.
    folder = next(p for p in path.absolute().parents if p.exists())
    if not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder.", file=path, place=OPTION,
                        fix="give a file in a folder you can write to.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"cannot write into the folder {folder}.", file=path, place=OPTION,
                        fix="give a file in a folder you can write to.")
    if path.exists() and not os.access(path, os.W_OK):
        raise UserError("this file cannot be replaced (it is read-only).", file=path,
                        place=OPTION, fix="give another file name, or make it writable.")
    if fmt == "md":
        images = images_folder(path)
        if images.exists() and (not images.is_dir() or not _only_ours(images)):
            raise UserError(f"the images go in {images}, which holds files that are not "
                            "a job aid's.", file=path, place=OPTION,
                            fix=f"move {images} away, or give another file name.")


def _only_ours(folder: Path) -> bool:
    return all(entry.is_file() and _OURS.match(entry.name) for entry in folder.iterdir())


def write_html(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, html)


def write_markdown(path: Path, markdown: str, shots: Sequence[Screenshot]) -> None:
    images = images_folder(path)
    partial = images.with_name(f".{images.name}.{os.getpid()}.part")
    old = images.with_name(f".{images.name}.{os.getpid()}.old")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        partial.mkdir()
        for shot in shots:
            (partial / shot.name).write_text(shot.svg, encoding="utf-8")
        if images.exists():
            images.rename(old)
        partial.rename(images)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        if old.exists() and not images.exists():
            old.rename(images)  # the earlier run's images back where they were
        raise
    shutil.rmtree(old, ignore_errors=True)
    write_text(path, markdown)
