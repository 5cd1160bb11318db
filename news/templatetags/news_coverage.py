"""The coverage section of the newsroom story page, included with one line."""

from django import template

from .. import policies
from ..models import Coverage

register = template.Library()


@register.inclusion_tag("news/partials/coverage_body.html", takes_context=True)
def story_coverage(context, story, back: str = "") -> dict:
    """The story's coverage log and, for those who may add to it, the form."""
    from ..views.coverage import CoverageForm

    request = context.get("request")
    user = getattr(request, "user", None)
    if story.state != "published":
        return {"story": story, "shown": False}
    return {
        "story": story,
        "shown": True,
        "entries": Coverage.objects.filter(story=story).select_related("recorded_by"),
        "can_record": user is not None and policies.can_record_coverage(user, story),
        "form": CoverageForm(),
        "csrf_token": context.get("csrf_token"),
        "back": back,
    }
