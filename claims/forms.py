"""Forms of the review desk: the verdict form on a claim, bulk-action forms, adding an article."""

from __future__ import annotations

import copy
from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from claims.display import suggested_rating
from claims.lib import validation
from claims.lib.sources import SourceRefused, posted_article, uploaded_article
from claims.models import Article, Claim, ClaimStatus, Rating, ReferenceStatement
from claims.services.articles import ArticleTooLarge, article_size_check
from claims.services.verdicts import MANUAL_TRANSITIONS, StaleClaimError, is_figure

UPLOAD_SUFFIXES = (".txt", ".html", ".htm")


class ClaimVerdictForm(forms.ModelForm):
    """The editor's verdict, carried on the claim's change page with the version it was opened at."""

    rating = forms.ChoiceField(label=_("Rating"), choices=())
    note = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    reference = forms.ModelChoiceField(
        label=_("Reference used"), queryset=ReferenceStatement.objects.all(), required=False
    )
    correct_value = forms.CharField(
        label=_("Correct value"),
        max_length=64,
        required=False,
        help_text=_("When the figure is wrong: the right one (e.g. 5576000). Later repeats are checked against it."),
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    # Set by the admin: an autocomplete or raw-id widget bound to the admin site.
    reference_widget = None

    class Meta:
        model = Claim
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.reference_widget is not None:
            field = self.fields["reference"]
            field.widget = copy.deepcopy(self.reference_widget)
            field.widget.choices = field.choices
        self.fields["rating"].choices = [("", "---------"), *Rating.choices]
        verdict = getattr(self.instance, "verdict", None) if self.instance.pk else None
        self.initial.setdefault("expected_version", self.instance.version)
        if verdict is not None:
            self.initial.setdefault("rating", verdict.rating)
            self.initial.setdefault("note", verdict.note)
            self.initial.setdefault("reference", verdict.reference_id)
            self.initial.setdefault("correct_value", verdict.correct_value)
        elif self.instance.pk:
            for name, value in machine_suggestion_initial(self.instance).items():
                self.initial.setdefault(name, value)

    def clean_correct_value(self):
        value = self.cleaned_data.get("correct_value", "").strip()
        if value and not is_figure(value):
            raise forms.ValidationError(_("The correct value must be a number or an ISO date."))
        return value

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        current = Claim.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        if expected is not None and current is not None and expected != current:
            self.mark_stale(current)
            raise forms.ValidationError(str(StaleClaimError(self.instance.pk, expected, current)), code="stale")
        return cleaned

    def mark_stale(self, current_version: int) -> None:
        """Carry the current version from now on: a second save, made after seeing the other
        editor's verdict, is a deliberate change."""
        data = self.data.copy()
        data[self.add_prefix("expected_version")] = str(current_version)
        self.data = data


def machine_suggestion_initial(claim: Claim) -> dict:
    """The verdict form pre-filled from the machine: its rating, its reference, its explanation."""
    initial = {}
    rating = suggested_rating(claim.suggested_verdict)
    if rating:
        initial["rating"] = rating
    suggestion = claim.suggestion or {}
    key = suggestion.get("reference")
    if key:
        reference_id = ReferenceStatement.objects.filter(key=key).values_list("id", flat=True).first()
        if reference_id is not None:
            initial["reference"] = reference_id
    explanation = suggestion.get("explanation_ar") or suggestion.get("explanation")
    if rating and isinstance(explanation, str):
        initial["note"] = explanation
    return initial


def editors():
    """Active users who may decide verdicts: the people claims can be assigned to."""
    perms = Permission.objects.filter(codename__in=["add_verdict", "change_verdict"], content_type__app_label="claims")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=perms) | Q(user_permissions__in=perms))
        .distinct()
        .order_by("username")
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = editors()


MANUAL_STATUSES = sorted(set().union(*MANUAL_TRANSITIONS.values()))


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(value, label) for value, label in ClaimStatus.choices if value in MANUAL_STATUSES],
    )


class ArticleAddForm(forms.ModelForm):
    """Add an article by pasting its text, uploading a .txt/.html file, or giving its URL."""

    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 12, "dir": "auto"}), required=False)
    upload = forms.FileField(label=_("File (.txt or .html)"), required=False)
    url = forms.URLField(label=_("URL"), max_length=2000, required=False, assume_scheme="https")

    class Meta:
        model = Article
        fields = ["title", "source", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["source"].required = False
        self.fields["title"].help_text = _("Left empty, the first line of the text is used.")

    def clean(self):
        cleaned = super().clean()
        text, upload, url = cleaned.get("text", "").strip(), cleaned.get("upload"), cleaned.get("url")
        given = [bool(text), upload is not None, bool(url)]
        if sum(given) != 1:
            raise forms.ValidationError(_("Give exactly one of: the text, a file, or a URL."))
        title, source = cleaned.get("title") or "", cleaned.get("source") or ""
        # Read as every door reads articles (claims.lib.sources): never an encoding guessed.
        if upload is not None:
            if Path(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise forms.ValidationError(_("Upload a .txt or .html file."))
            try:
                incoming = uploaded_article(upload, title=title, source=source)
            except SourceRefused as error:
                raise forms.ValidationError(_("The file could not be read: %(error)s") % {"error": error}) from error
        elif url:
            try:
                incoming = posted_article(url=url, title=title, source=source, door="admin")
            except SourceRefused as error:
                raise forms.ValidationError(_("The URL could not be fetched: %(error)s") % {"error": error}) from error
        else:
            incoming = posted_article(text=cleaned["text"], title=title, source=source, door="admin")
        if not incoming.text.strip():
            raise forms.ValidationError(_("No article text could be read from it."))
        try:
            article_size_check(len(incoming.text))
        except ArticleTooLarge as error:
            raise forms.ValidationError(str(error)) from error
        problem = validation.text_problem(incoming.text)  # NUL or lone surrogates: not storable
        if problem:
            raise forms.ValidationError(_("The text cannot be stored: it %(problem)s.") % {"problem": problem})
        cleaned["incoming"] = incoming
        return cleaned


class ManualClaimForm(forms.Form):
    """An editor marks a passage of the article as a claim: the passage as selected (or pasted), and
    where the selection starts when the page knows it (two identical passages are then told apart)."""

    passage = forms.CharField(
        label=_("Passage of the article"), widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}), max_length=5000
    )
    start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, article_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.article_text = article_text

    def clean(self):
        data = super().clean()
        passage = (data.get("passage") or "").strip()
        if not passage:
            return data
        start = data.get("start")
        if start is None or self.article_text[start : start + len(passage)] != passage:
            start = self.article_text.find(passage)
        if start < 0:
            raise forms.ValidationError(_("This passage is not in the article's text: copy it from the text as is."))
        data["start"], data["end"] = start, start + len(passage)
        return data
