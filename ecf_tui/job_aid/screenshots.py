"""Provides the screenshots of the guide's walk: QA's own runner takes the happy path
headless in the real App (guided, as QA does: each page checked, then captured once it
has settled, password fields masked), so the job aid shows exactly the screens `qa`
takes and a page QA would fail is never printed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ecf_tui.engine import HAPPY
from ecf_tui.job_aid.model import Screenshot
from ecf_tui.qa.runner import Size, run_paths
from ecf_tui.registry.loading import Registry

SIZE: Size = (100, 30)
"""QA's default terminal size: the same pictures as `ecf-tui qa` takes by default."""


class WalkFailed(Exception):
    """QA found the App not showing the walk as the engine has it: a fault in the
    simulator or the profile, said in one sentence."""


def walk_screenshots(reg: Registry, court: str, size: Size = SIZE) -> list[Screenshot]:
    """One screenshot per state of the court's happy path, in order."""
    with tempfile.TemporaryDirectory(prefix="ecf-tui-guide-") as folder:
        out = Path(folder)
        (result,) = run_paths(reg.folders, court, [HAPPY], out, size)
        if result.failure is not None:
            failed = result.failure
            raise WalkFailed(f"QA fails the guide's walk at {failed.state_code}: "
                             f"{failed.reason}")
        return [Screenshot(Path(step.svg).name, (out / step.svg).read_text(encoding="utf-8"))
                for step in result.steps]
