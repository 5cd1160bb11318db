"""The search form of the public site (a GET form: no CSRF token, so its page can be cached)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from humas_portal.widgets import IsoDateInput

from ..sanitize import clean_line
from .search import MAX_PAGES, MAX_QUERY_LENGTH, Filters
from .selectors import Choice, FilterChoices

# Query-string names of the search page, in Indonesian like its path.
PARAMETERS = ("q", "kanwil", "upt", "kategori", "dari", "sampai", "halaman")


class SearchForm(forms.Form):
    """Words, where, which category and when."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"}
        ),
    )
    kanwil = forms.ChoiceField(label=_("Regional office"), required=False)
    # Some 630 units: checked against a set in clean_upt rather than as ChoiceField choices,
    # which Django would copy and normalise on every request. The page lists only the units
    # of the chosen Kanwil.
    upt = forms.CharField(label=_("Unit"), required=False, max_length=120)
    kategori = forms.ChoiceField(label=_("Category"), required=False)
    dari = forms.DateField(
        label=_("Published from"),
        required=False,
        widget=IsoDateInput(attrs={"class": "form-control"}),
    )
    sampai = forms.DateField(
        label=_("Published until"),
        required=False,
        widget=IsoDateInput(attrs={"class": "form-control"}),
    )
    halaman = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGES, widget=forms.HiddenInput
    )

    def __init__(self, *args, choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = choices
        everywhere = [("", _("All regional offices"))]
        self.fields["kanwil"].choices = everywhere + [
            (choice.slug, choice.label) for choice in choices.kanwils
        ]
        self.fields["kategori"].choices = [("", _("All categories"))] + [
            (choice.slug, choice.label) for choice in choices.categories
        ]

    def clean_q(self) -> str:
        """One line of text, cut to a sane length."""
        return clean_line(self.cleaned_data.get("q") or "")[:MAX_QUERY_LENGTH]

    def clean_upt(self) -> str:
        """Any active unit is valid, whichever Kanwil is chosen."""
        slug = self.cleaned_data.get("upt") or ""
        if slug and slug not in self.choices.unit_slugs:
            raise forms.ValidationError(
                forms.ChoiceField.default_error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": slug},
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("The end date comes before the start date."))
        return cleaned

    def unit_options(self) -> list[Choice]:
        """The units to offer: those of the chosen Kanwil, plus the chosen unit."""
        kanwil = self._chosen(self.choices.kanwils, "kanwil")
        unit = self._chosen(self.choices.units, "upt")
        return [
            choice
            for choice in self.choices.units
            if (kanwil is not None and choice.group == kanwil.pk)
            or (unit is not None and choice.pk == unit.pk)
        ]

    def _chosen(self, options: list[Choice], name: str) -> Choice | None:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        slug = data.get(name) or ""
        return next((choice for choice in options if choice.slug == slug), None)

    def filters(self) -> Filters:
        """The chosen filters, as ids and dates."""
        data = self.cleaned_data

        def pk_of(options: list[Choice], name: str) -> int | None:
            chosen = next((choice for choice in options if choice.slug == data.get(name)), None)
            return chosen.pk if chosen else None

        return Filters(
            kanwil_id=pk_of(self.choices.kanwils, "kanwil"),
            unit_id=pk_of(self.choices.units, "upt"),
            category_id=pk_of(self.choices.categories, "kategori"),
            date_from=data.get("dari"),
            date_to=data.get("sampai"),
        )
