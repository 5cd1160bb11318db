"""The in-app inbox and e-mail preferences."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from humas_portal.keyset import keyset_page

from .. import selectors, services
from ..models import NotificationKind

PER_PAGE = 30


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind of notification."""

    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.BooleanField(
                label=label, required=False, initial=current.get(kind, True)
            )


@login_required
def inbox(request):
    """The person's notifications, newest first."""
    notifications = selectors.inbox_for(request.user)
    page = keyset_page(notifications, selectors.INBOX_ORDER, request.GET, PER_PAGE)
    return render(request, "news/notification_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def notification_open(request, pk: int):
    """Go to a notification's story; the inbox's button (a POST) also marks it read."""
    notification = get_object_or_404(selectors.inbox_for(request.user), pk=pk)
    if request.method == "POST":
        services.mark_read(user=request.user, notification_ids=[notification.pk])
    if notification.story_id is None:
        return redirect("news:inbox")
    return redirect(notification.story.get_absolute_url())


@login_required
@require_POST
def notifications_mark_all_read(request):
    """Mark every notification read."""
    count = services.mark_read(user=request.user)
    text = ngettext(
        "%(count)d notification marked as read.", "%(count)d notifications marked as read.", count
    )
    messages.success(request, text % {"count": count})
    return redirect("news:inbox")


@login_required
def email_preferences(request):
    """Choose which notifications also come by e-mail."""
    current = selectors.email_preferences_of(request.user)
    form = EmailPreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        for kind, wanted in form.cleaned_data.items():
            if current.get(kind, True) != wanted:
                services.set_email_preference(user=request.user, kind=kind, send_email=wanted)
        messages.success(request, _("Your e-mail preferences have been saved."))
        return redirect("news:inbox")
    return render(request, "news/emailpreference_form.html", {"form": form})
