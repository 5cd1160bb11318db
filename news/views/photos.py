"""Views of a story's photos: upload, caption, reorder and remove, each back to the story page."""

import logging

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import images, policies, selectors
from ..models import Photo, Story
from ..services import photos as photo_services

logger = logging.getLogger(__name__)


class PhotoTextForm(forms.Form):
    """A photo's caption and credit."""

    caption = forms.CharField(
        label=gettext_lazy("Caption"),
        max_length=photo_services.CAPTION_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy(
                "Write a caption: say who is in the photo and what is happening."
            ),
        },
    )
    credit = forms.CharField(
        label=gettext_lazy("Credit"),
        max_length=photo_services.CREDIT_MAX_LENGTH,
        required=False,
    )


class PhotoUploadForm(PhotoTextForm):
    """A new photo. A plain file field: the photo is checked by news.images, not by the form."""

    photo = forms.FileField(
        label=gettext_lazy("Photo"),
        # Empty files reach news.images, which refuses them with its own message.
        allow_empty_file=True,
        widget=forms.FileInput(attrs={"accept": images.ACCEPT_ATTRIBUTE}),
        error_messages={"required": gettext_lazy("Choose a photo to upload.")},
    )
    field_order = ["photo", "caption", "credit"]


def _story(request, pk: int) -> Story:
    """Out of scope reads as not found, so nothing about other units leaks."""
    story = selectors.story_for_page(request.user, pk)
    if story is None or not policies.can_view_story(request.user, story):
        raise Http404
    return story


def _back(story: Story) -> HttpResponseRedirect:
    return redirect(f"{story.get_absolute_url()}#photos")


def _allowed(request, story: Story) -> bool:
    if policies.can_manage_photos(request.user, story):
        return True
    messages.error(request, _("You may not change the photos of this story now."))
    return False


def _photo(request, story: Story, photo_pk: int) -> Photo | None:
    photo = next((photo for photo in story.photos.all() if photo.pk == photo_pk), None)
    if photo is None:
        messages.error(request, _("This photo has been removed in the meantime."))
    return photo


def _form_errors(form: forms.Form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def _refused(request, error: ValidationError | PermissionDenied) -> None:
    if isinstance(error, ValidationError):
        messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, str(error) or _("You may not change the photos of this story now."))


@login_required
@require_POST
def photo_upload(request, pk: int):
    """Add a photo to a story."""
    story = _story(request, pk)
    if not _allowed(request, story):
        return _back(story)
    form = PhotoUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(story)
    try:
        photo_services.add_photo(
            story=story,
            by=request.user,
            upload=form.cleaned_data["photo"],
            caption=form.cleaned_data["caption"],
            credit=form.cleaned_data["credit"],
        )
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    except OSError:
        logger.exception("Could not store a photo of story %s", story.pk)
        messages.error(request, _("The photo could not be saved. Please try again in a moment."))
    else:
        messages.success(
            request, _("The photo has been added. Its smaller sizes are being prepared.")
        )
    return _back(story)


@login_required
@require_POST
def photo_update(request, pk: int, photo_pk: int):
    """Change a photo's caption and credit."""
    story = _story(request, pk)
    photo = _photo(request, story, photo_pk)
    if photo is None or not _allowed(request, story):
        return _back(story)
    form = PhotoTextForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(story)
    try:
        photo_services.update_photo(photo=photo, by=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The caption has been saved."))
    return _back(story)


@login_required
@require_POST
def photo_delete(request, pk: int, photo_pk: int):
    """Remove a photo from a story."""
    story = _story(request, pk)
    photo = _photo(request, story, photo_pk)
    if photo is None or not _allowed(request, story):
        return _back(story)
    try:
        photo_services.remove_photo(photo=photo, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The photo has been removed."))
    return _back(story)


@login_required
@require_POST
def photo_move(request, pk: int, photo_pk: int, direction: str):
    """Move a photo one place up or down."""
    story = _story(request, pk)
    photo = _photo(request, story, photo_pk)
    if photo is None or not _allowed(request, story):
        return _back(story)
    try:
        photo_services.move_photo(photo=photo, by=request.user, direction=direction)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(request, _("The order of the photos has been saved."))
    return _back(story)


PHOTO_KINDS = ("original", "thumb", "large", "social", "square")


def photo_file(request, pk: int, kind: str):
    """Serve one photo file: anyone for a published story, else only the story's scope."""
    if kind not in PHOTO_KINDS:
        raise Http404
    photo = selectors.photo_with_story(pk)
    if photo is None or not policies.can_see_photo(request.user, photo.story):
        raise Http404
    if kind == "original":
        name = photo.original.name
    else:
        entry = (photo.renditions or {}).get(kind) or {}
        name = entry.get("name") if photo.rendition_state == "ready" else None
    if not name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    if policies.is_public_story(photo.story):
        response["Cache-Control"] = "public, max-age=3600"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
