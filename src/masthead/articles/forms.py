"""The story editor's form."""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminPageForm

from masthead.articles import embargo
from masthead.articles.checks import blocking_problems


def _same_minute(value, stored) -> bool:
    """The admin's date widgets hold whole minutes: a value in the stored one's minute is it."""
    if value is None or stored is None:
        return False
    return value.replace(second=0, microsecond=0) == stored.replace(second=0, microsecond=0)


class ArticlePageForm(WagtailAdminPageForm):
    """ "This is a minor edit" applies to one publication: it starts unticked on every visit,
    whatever the revision the editor opens says.

    The embargo: shortening or lifting the stored one needs the lift permission, the confirmation
    box and a reason (see masthead.articles.embargo). Publishing under embargo schedules the
    release for the embargo time.

    The publication date: the widget holds whole minutes, so a submitted value in the same minute
    as the stored one keeps the stored seconds; any other value is a deliberate change, logged.
    """

    confirm_embargo_change = forms.BooleanField(
        label="I am shortening or lifting this embargo",
        required=False,
        help_text="Only the chief editor may. Tick to confirm, and give the reason below.",
    )
    embargo_change_reason = forms.CharField(
        label="Reason for shortening or lifting the embargo",
        required=False,
        max_length=500,
        help_text="Kept in the story's history, e.g. “Source lifted the embargo at 09:12”.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "minor_edit" in self.fields and not self.is_bound:
            self.initial["minor_edit"] = False
        requested = getattr(self.instance, "requested_go_live_at", None)
        if "go_live_at" in self.fields and not self.is_bound:
            # Show the go-live time the editor chose, not the embargo release worked out from it.
            self.initial["go_live_at"] = requested

    def clean_published_at(self):
        value, stored = self.cleaned_data.get("published_at"), self.instance.published_at
        if _same_minute(value, stored):
            return stored
        if stored is not None and value != stored:
            self.instance._public_date_change = (self.for_user, stored)
        return value

    def clean_embargo_until(self):
        value, stored = self.cleaned_data.get("embargo_until"), self.instance.embargo_until
        return stored if _same_minute(value, stored) else value

    def clean(self):
        cleaned = super().clean()
        stored = embargo.stored_embargo(self.instance)
        lowering = embargo.lowers(stored, cleaned.get("embargo_until"))
        if lowering:
            self._authorise_embargo_change(cleaned, stored)
        if "action-publish" in self.data:
            for problem in blocking_problems(cleaned):
                self.add_error(problem.field, problem.message)
            standing = (
                cleaned.get("embargo_until")
                if lowering
                else embargo.holding(stored, cleaned.get("embargo_until"))
            )
            if "go_live_at" in cleaned:
                cleaned["go_live_at"] = embargo.release_time(cleaned["go_live_at"], standing)
        return cleaned

    def _authorise_embargo_change(self, cleaned, stored) -> None:
        user = self.for_user
        if not (user and user.has_perm(embargo.LIFT_PERMISSION)):
            self.add_error("embargo_until", embargo.locked_message(stored))
            return
        reason = (cleaned.get("embargo_change_reason") or "").strip()
        if not cleaned.get("confirm_embargo_change"):
            self.add_error(
                "confirm_embargo_change",
                f"Tick to confirm that the embargo until {embargo.embargo_label(stored)} is "
                "shortened or lifted.",
            )
        if not reason:
            self.add_error("embargo_change_reason", "Give the reason for changing the embargo.")
        if self.errors:
            return
        try:
            embargo.authorise_change(self.instance, user, reason, stored)
        except PermissionDenied as refusal:
            self.add_error("embargo_until", str(refusal))
