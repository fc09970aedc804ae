"""Provides an attempt as xAPI 1.0.3 statements (a JSON array a Learning Record Store
takes as it is): `attempted` at the start, one `answered` (unsuccessful) per mistake, and
`passed`/`failed` (assess), `completed` or `terminated` at the end.

Every statement is made from the record alone (ids, kinds, times, counts): nothing the
trainee typed, which the record never holds. Statement ids are derived from the record
id, so writing the same attempt twice gives the same statements (an LRS takes a repeated
id as the same statement, not a new one).
"""

from __future__ import annotations

import uuid
from collections import defaultdict, deque
from datetime import UTC, datetime, timedelta
from typing import Any

from ecf_tui.training.record import AttemptRecord

XAPI_VERSION = "1.0.3"
VERBS = "http://adlnet.gov/expapi/verbs/"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
HOME_PAGE = "urn:ecf-tui"
MISTAKE_EXTENSION = "urn:ecf-tui:mistake"
MODE_EXTENSION = "urn:ecf-tui:mode"
# Outside assess there is no pass rule; a score still shows how clean a walk was, so it
# is scaled as if three mistakes were allowed (four or more give 0).
DEFAULT_MAX_MISTAKES = 3
# The namespace of statement ids (uuid5): fixed, so ids are the same on every machine.
_STATEMENT_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:ecf-tui:xapi-statement")

Statement = dict[str, Any]


def utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive time is taken as local time (as `datetime.now()` gives)."""
    return moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds: `2024-05-01T14:03:09.120Z`."""
    return utc(moment).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def duration(seconds: float) -> str:
    """ISO 8601 duration to the hundredth of a second (xAPI keeps no more):
    65.2 -> `PT1M5.2S`, 3600 -> `PT1H`, 0 -> `PT0S`."""
    centis = max(round(seconds * 100), 0)
    hours, centis = divmod(centis, 360_000)
    minutes, centis = divmod(centis, 6_000)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if centis or text == "PT":
        whole, part = divmod(centis, 100)
        fraction = f".{part:02d}".rstrip("0") if part else ""
        text += f"{whole}{fraction}S"
    return text


def scaled_score(record: AttemptRecord) -> float:
    """1.0 with no mistakes; else 1 - mistakes / (allowed + 1), at least 0, where
    `allowed` is the pass rule's `max_mistakes` (3 outside assess). So the most mistakes
    an assessment allows still scores above 0, and one more than that scores lower."""
    mistakes = len(record.mistakes)
    if not mistakes:
        return 1.0
    allowed = record.pass_rule.max_mistakes if record.pass_rule else DEFAULT_MAX_MISTAKES
    return round(max(0.0, 1 - mistakes / (allowed + 1)), 4)


def activity_id(court: str) -> str:
    return f"urn:ecf-tui:court:{court}:link-accounts"


def statements(record: AttemptRecord) -> list[Statement]:
    """The attempt's statements, in order: attempted, one per mistake, then its end."""
    actor = _actor(record)
    activity = _activity(record.court)
    made: list[Statement] = [{
        "actor": actor,
        "verb": _verb("attempted"),
        "object": activity,
        "timestamp": timestamp(record.started),
    }]
    for mistake, when in zip(record.mistakes, _mistake_times(record), strict=True):
        step_id = f"{activity_id(record.court)}/step/{mistake.step}"
        made.append({
            "actor": actor,
            "verb": _verb("answered"),
            "object": {
                "objectType": "Activity",
                "id": step_id,
                "definition": {"name": {"en-US": f"{record.court}: step {mistake.step}"}},
            },
            "result": {
                "success": False,
                "response": mistake.kind,
                "extensions": {MISTAKE_EXTENSION: mistake.kind},
            },
            "timestamp": timestamp(when),
            # The step is part of the court's procedure: an LRS can roll it up.
            "context": {"contextActivities": {"parent": [{"objectType": "Activity",
                                                          "id": activity["id"]}]}},
        })
    made.append({
        "actor": actor,
        "verb": _verb(_end_verb(record)),
        "object": activity,
        "result": {
            "success": _success(record),
            "completion": record.finished,
            "score": {"scaled": scaled_score(record), "raw": len(record.mistakes), "min": 0},
            "duration": duration(record.seconds),
        },
        "timestamp": timestamp(record.ended),
    })
    registration = str(uuid.UUID(record.id))
    for index, statement in enumerate(made):
        statement["id"] = str(uuid.uuid5(_STATEMENT_IDS, f"{record.id}:{index}"))
        context = statement.setdefault("context", {})
        context["registration"] = registration
        context["extensions"] = {MODE_EXTENSION: record.mode}
        statement["version"] = XAPI_VERSION
    return made


def _actor(record: AttemptRecord) -> Statement:
    name = record.trainee or "anonymous"
    return {"objectType": "Agent", "name": name,
            "account": {"homePage": HOME_PAGE, "name": name}}


def _activity(court: str) -> Statement:
    return {
        "objectType": "Activity",
        "id": activity_id(court),
        "definition": {
            "name": {"en-US": f"{court}: link a CM/ECF account to a PACER account"},
            "type": SIMULATION,
        },
    }


def _verb(name: str) -> Statement:
    return {"id": VERBS + name, "display": {"en-US": name}}


def _end_verb(record: AttemptRecord) -> str:
    if record.passed is not None:
        return "passed" if record.passed else "failed"
    return "completed" if record.finished else "terminated"


def _success(record: AttemptRecord) -> bool:
    """The assessment's verdict; outside assess, whether the walk ended with the
    trainee's own accounts linked (the procedure's goal)."""
    if record.passed is not None:
        return record.passed
    return record.finished and record.linked_right


def _mistake_times(record: AttemptRecord) -> list[datetime]:
    """When each mistake was made: the start plus the time of the steps up to the action
    the record marks with that mistake (the n-th such action for the n-th mistake of a
    kind on a step); the end of the attempt when no action is marked (never later)."""
    elapsed = 0.0
    marked: defaultdict[tuple[str, str], deque[float]] = defaultdict(deque)
    for step in record.steps:
        elapsed += step.seconds
        if step.mistake is not None:
            marked[(step.step, step.mistake)].append(elapsed)
    times = []
    for mistake in record.mistakes:
        queue = marked[(mistake.step, mistake.kind)]
        when = record.started + timedelta(seconds=queue.popleft()) if queue else record.ended
        times.append(min(utc(when), utc(record.ended)))
    return times
