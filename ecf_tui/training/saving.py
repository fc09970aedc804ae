"""Provides saving the attempts a run ended: each as a result file pair in the results
folder (when one was given) and as a row of the progress store (unless --no-save). A
store that cannot be used does not stop the others: its paragraph is returned."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ecf_tui.training.progress import ProgressStore, StoreUnavailable
from ecf_tui.training.record import AttemptRecord
from ecf_tui.training.results import write_attempt


def save_attempts(records: Iterable[AttemptRecord], folder: Path | None,
                  store: ProgressStore | None) -> str | None:
    """Save every record; the store's problem as a paragraph, or None."""
    problem = None
    for record in records:
        if folder is not None:
            write_attempt(folder, record)
        if store is not None and problem is None:
            try:
                store.add(record)
            except StoreUnavailable as unavailable:
                problem = unavailable.paragraph()
    return problem
