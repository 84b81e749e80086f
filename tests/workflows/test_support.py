"""Support requests: the acknowledgement and its promised delays, the label the workflow selects, working days,
and the requests left without a person's answer."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

from advocacy.workflows.support import (
    ACKNOWLEDGE_WORKING_DAYS,
    ACKNOWLEDGEMENT_MARKER,
    ANSWER_WORKING_DAYS,
    GH_FIELDS,
    NEEDS_RESPONSE_LABEL,
    SUPPORT_LABEL,
    acknowledgement,
    add_working_days,
    answered_since,
    overdue,
    read_issues,
)
from tests.support.paths import ROOT
from tests.support.workflows import ISSUES, NOW


def test_the_acknowledgement_says_when_to_expect_an_answer() -> None:
    """The comment on a new request gives the delays that docs/support.md promises, in the same words."""
    text = acknowledgement()
    docs = (ROOT / "docs" / "support.md").read_text(encoding="utf-8")
    assert f"**Within {ACKNOWLEDGE_WORKING_DAYS} working days**" in text
    assert f"**Within {ANSWER_WORKING_DAYS} working days**" in text
    assert f"| within {ACKNOWLEDGE_WORKING_DAYS} working days |" in docs
    assert f"| within {ANSWER_WORKING_DAYS} working days |" in docs
    prose = " ".join(docs.split())
    assert f"answered after {ACKNOWLEDGE_WORKING_DAYS} working days is labelled" in prose
    assert f"`{NEEDS_RESPONSE_LABEL}`" in docs
    assert text.startswith(ACKNOWLEDGEMENT_MARKER)


def test_the_support_form_puts_the_label_the_workflow_looks_for() -> None:
    """The support form labels its issues `support`, which the acknowledgement and the daily run select."""
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "support.yml").read_text(encoding="utf-8"))
    assert SUPPORT_LABEL in form["labels"]
    workflow = (ROOT / ".github" / "workflows" / "support.yml").read_text(encoding="utf-8")
    assert f"labels.*.name, '{SUPPORT_LABEL}'" in workflow
    assert f"--label {SUPPORT_LABEL} " in workflow
    assert f"LABEL: {NEEDS_RESPONSE_LABEL}\n" in workflow
    assert f"--json {GH_FIELDS} " in workflow


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-11-16T09:00:00+00:00", "2026-11-19T09:00:00+00:00"),  # Monday -> Thursday
        ("2026-11-20T13:00:00+00:00", "2026-11-25T13:00:00+00:00"),  # Friday -> Wednesday, over the weekend
        ("2026-11-21T10:00:00+00:00", "2026-11-25T10:00:00+00:00"),  # Saturday -> Wednesday
        ("2026-11-20T23:30:00-05:00", "2026-11-25T04:30:00+00:00"),  # Friday in New York, Saturday in UTC
    ],
)
def test_working_days_skip_weekends(start: str, end: str) -> None:
    """Three working days after a Friday afternoon end on Wednesday: weekends do not count."""
    moment = add_working_days(dt.datetime.fromisoformat(start), 3)
    assert moment == dt.datetime.fromisoformat(end)


def test_requests_without_a_persons_answer_are_overdue() -> None:
    """Past 3 working days with no comment from a person other than the author: labelled; bots do not count."""
    requests = read_issues(json.loads(ISSUES.read_text(encoding="utf-8")))
    now = dt.datetime.fromisoformat(NOW)
    # 101 nothing; 102 only the acknowledgement and the author; 107 a bot and an app posting the
    # acknowledgement; 109 exactly at the limit. Not 103 (answered), 104 (not yet due), 105 (labelled
    # already), 106 (answered), 108 (closed).
    assert overdue(requests, now) == [101, 102, 107, 109]
    assert answered_since(requests) == [106]
