"""The coverage log of a published story: record where else it appeared."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from humas_portal.widgets import IsoDateInput

from ..models import CoverageKind, Platform
from ..public import cache as public_cache
from ..services.coverage import record_coverage
from .stories import _visible_story


class CoverageForm(forms.Form):
    """External media (outlet, link, date) or an official post (platform, link)."""

    kind = forms.ChoiceField(label=gettext_lazy("Where"), choices=CoverageKind.choices)
    outlet = forms.CharField(label=gettext_lazy("Outlet"), max_length=120, required=False)
    platform = forms.ChoiceField(
        label=gettext_lazy("Platform"),
        choices=[("", "—"), *Platform.choices],
        required=False,
    )
    url = forms.CharField(label=gettext_lazy("Link"), max_length=500)
    appeared_on = forms.DateField(
        label=gettext_lazy("Date"),
        required=False,
        widget=IsoDateInput(),
    )


@login_required
@require_POST
def coverage_add(request, pk: int):
    """Record one appearance; a refusal keeps the typed values in the message."""
    story = _visible_story(request, pk)
    form = CoverageForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request, story)
    try:
        record_coverage(story=story, by=request.user, **form.cleaned_data)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You may not record coverage of this story."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"{message} ({form.cleaned_data['url']})")
    else:
        # The public page lists external media; show the new link there.
        transaction.on_commit(public_cache.invalidate, robust=True)
        messages.success(request, _("The coverage has been recorded."))
    return _back(request, story)


def _back(request, story):
    """Back to the coverage section of the page the form was sent from: share kit or story."""
    if request.POST.get("back") == "share":
        return redirect(f"{reverse('news:share_page', args=[story.pk])}#coverage")
    return redirect(f"{story.get_absolute_url()}#coverage")
