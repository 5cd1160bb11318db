"""The share kit: the "Bagikan" page of a published story, its card files, focal points,
hashtags, and the public short link."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from .. import policies, selectors
from ..models import State
from ..public import paths
from ..services import sharing
from ..sharing import links, presenting
from ..sharing import selectors as share_selectors


class FocalPointForm(forms.Form):
    """Where a photo's subject is: a tapped point, one of nine presets, or "reset" (centre)."""

    x = forms.FloatField(required=False, min_value=0, max_value=1)
    y = forms.FloatField(required=False, min_value=0, max_value=1)
    point = forms.ChoiceField(
        required=False, choices=[(name, name) for name in [*presenting.PRESET_POINTS, "reset"]]
    )

    def clean(self):
        data = super().clean()
        point = data.get("point")
        if point == "reset":
            data["x"] = data["y"] = None
        elif point:
            data["x"], data["y"] = presenting.PRESET_POINTS[point]
        elif data.get("x") is None or data.get("y") is None:
            raise ValidationError(_("Tap or click inside the photo to choose its focal point."))
        return data


class HashtagForm(forms.Form):
    """A list of hashtags."""

    hashtags = forms.CharField(
        label=gettext_lazy("Hashtags"),
        required=False,
        max_length=sharing.HASHTAGS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Separate them with spaces or commas; the # is added where it is missing."
        ),
    )


def _shared_story(request, pk: int):
    """A published story of the user's scope whose kit they may use; anything else is a 404."""
    story = share_selectors.story_for_share_page(request.user, pk)
    if story is None or not policies.can_share_story(request.user, story):
        raise Http404
    return story


@login_required
def share_page(request, pk: int):
    """The "Bagikan" tab: cards, captions per platform, the short link and its visits."""
    story = _shared_story(request, pk)
    kit = getattr(story, "share_kit", None)
    default, own = share_selectors.hashtag_sets_for(story.unit)
    hashtags = presenting.hashtags_for(story, default, own)
    cards = presenting.card_entries(story, kit) if kit else []
    visits = share_selectors.visit_counts(kit)
    context = {
        "story": story,
        "kit": kit,
        "short_url": links.short_url(kit.code) if kit else "",
        "cards": cards,
        "captions": presenting.caption_entries(story, kit, hashtags, cards, visits) if kit else [],
        "other_visits": visits.get("other", 0) + visits.get("direct", 0),
        "cover": next(iter(story.photos.all()), None),
        "can_set_focal_point": policies.can_set_focal_point(request.user, story),
        "can_edit_unit_hashtags": policies.can_edit_hashtags(request.user, story.unit),
        "can_edit_default_hashtags": policies.can_edit_hashtags(request.user, None),
        "default_hashtags": default.as_list() if default else [],
        "unit_hashtags": own.as_list() if own else [],
    }
    return render(request, "news/share/page.html", context)


@login_required
@require_safe
def share_card(request, pk: int, kind: str):
    """One card file; ?unduh=1 sends it as a download."""
    story = _shared_story(request, pk)
    entry = (getattr(story, "share_kit", None) and story.share_kit.cards or {}).get(kind)
    if not entry:
        raise Http404
    try:
        handle = default_storage.open(entry["name"], "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    download = request.GET.get("unduh") == "1"
    filename = f"{story.slug[:60]}-{kind}.jpg"
    # Signed-in pages are sent with no-store (PrivatePagesNoStoreMiddleware), cards included.
    return FileResponse(
        handle, content_type="image/jpeg", as_attachment=download, filename=filename
    )


@login_required
@require_POST
def photo_focal_point(request, pk: int, photo_pk: int):
    """Set where a photo's crops are centred, from a tap on the photo or a preset button."""
    story = selectors.story_for_page(request.user, pk)
    if story is None or not policies.can_view_story(request.user, story):
        raise Http404
    photo = next((photo for photo in story.photos.all() if photo.pk == photo_pk), None)
    form = FocalPointForm(request.POST)
    back = request.POST.get("back")
    target = (
        reverse("news:share_page", kwargs={"pk": story.pk}) + "#focal-point"
        if back == "share" and story.state == State.PUBLISHED
        else f"{story.get_absolute_url()}#photos"
    )
    if photo is None:
        messages.error(request, _("This photo has been removed in the meantime."))
    elif not form.is_valid():
        messages.error(request, _("Tap or click inside the photo to choose its focal point."))
    else:
        try:
            sharing.set_focal_point(
                photo=photo, by=request.user, x=form.cleaned_data["x"], y=form.cleaned_data["y"]
            )
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, text)
        else:
            messages.success(request, _("The focal point has been saved; the crops are redone."))
    return redirect(target)


@login_required
def hashtags_edit(request, unit_pk: int | None = None):
    """Edit the default hashtags (central admins) or a unit's own."""
    unit = None
    if unit_pk is not None:
        unit = share_selectors.unit_for_hashtags(unit_pk)
    if (unit_pk is not None and unit is None) or not policies.can_edit_hashtags(request.user, unit):
        raise Http404
    default, own = share_selectors.hashtag_sets_for(unit)
    current = own if unit is not None else default
    form = HashtagForm(
        request.POST or None, initial={"hashtags": current.hashtags if current else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            sharing.set_hashtags(unit=unit, by=request.user, text=form.cleaned_data["hashtags"])
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("The hashtags have been saved."))
            return redirect(request.path)
    context = {"form": form, "unit": unit, "hashtag_set": current}
    return render(request, "news/share/hashtags_form.html", context)


@require_safe
def short_link(request, code: str):
    """Send a short link's visitor to the story and count the visit for its channel.

    The one GET that writes: an atomic +1 on an aggregate counter, which is what the link is
    for (docs/share-kit.md). No cookie, no session, nothing about the visitor is kept."""
    target = share_selectors.short_link_target(code) if len(code) <= 16 else None
    if target is None or target[2] not in (State.PUBLISHED, State.WITHDRAWN):
        raise Http404
    kit_id, slug, state = target
    counted = (
        request.method == "GET"
        and state == State.PUBLISHED
        and not links.is_link_preview(request.headers.get("User-Agent", ""))
    )
    if counted:
        sharing.count_visit(kit_id=kit_id, channel=request.GET.get("c"))
    response = redirect(paths.story_path(slug))
    response["Cache-Control"] = "no-store"
    return response
