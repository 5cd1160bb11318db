"""Editorial checks: pure functions over a story's text and fields, and its context.

`check_story(story, context)` runs them all; no check reads the database, so the context
(organisation directory, training sessions, other stories) comes from news.checks_context.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .base import (
    BLOCK,
    INFO,
    SEVERITY_ORDER,
    WARN,
    CheckContext,
    Finding,
    NeighbourStory,
    SessionEntry,
    SpeakerEntry,
    StoryInput,
    UnitEntry,
    make_field,
)
from .dates import check_dates
from .org import check_names, check_units
from .personal_data import check_personal_data
from .similarity import check_neighbours
from .style import check_style
from .training import check_training, suggest_sessions

__all__ = [
    "BLOCK",
    "INFO",
    "WARN",
    "CheckContext",
    "Finding",
    "NeighbourStory",
    "SessionEntry",
    "SpeakerEntry",
    "StoryInput",
    "UnitEntry",
    "check_story",
]


def check_story(story: StoryInput, context: CheckContext | None = None) -> list[Finding]:
    """Every finding about the story, most serious first, then in reading order."""
    context = context or CheckContext()
    fields = {
        "title": make_field("title", story.title),
        "dateline": make_field("dateline", story.dateline),
        "lead": make_field("lead", story.lead),
        "body": make_field("body", story.body),
    }
    texts = [fields["title"], fields["lead"], fields["body"]]
    findings: list[Finding] = [
        Finding(
            "input.truncated",
            INFO,
            _("The %(field)s is very long; only its first %(count)s characters were checked.")
            % {"field": _field_label(where.name), "count": f"{len(where.text):,}"},
            field=where.name,
        )
        for where in fields.values()
        if where.truncated
    ]
    findings += check_dates(story, texts)
    findings += check_names(texts)
    findings += check_units(texts, context.directory)
    findings += check_personal_data(texts, story.unit_type)
    findings += check_training(story, texts, context.sessions)
    findings += suggest_sessions(story, context.sessions)
    findings += check_neighbours(context.neighbours)
    findings += check_style(story, fields)
    order = {"title": 0, "dateline": 1, "lead": 2, "body": 3}
    return sorted(
        _unique(findings),
        key=lambda f: (SEVERITY_ORDER[f.severity], order.get(f.field, 9), f.start, f.code),
    )


def _field_label(name: str) -> str:
    labels = {
        "title": _("title"),
        "lead": _("lead (teras)"),
        "body": _("body"),
        "dateline": _("dateline place"),
    }
    return labels.get(name, name)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, result = set(), []
    for finding in findings:
        marker = (finding.code, finding.field, finding.start, finding.end)
        if marker not in seen:
            seen.add(marker)
            result.append(finding)
    return result


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that stop a submission unless overridden."""
    return [finding for finding in findings if finding.severity == BLOCK]


__all__ += ["WARN", "blocking"]
