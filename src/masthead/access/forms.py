"""The reader's page-password form and the editor's privacy dialog, on hashed passwords."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import BaseViewRestriction

from masthead.access import passwords

WRONG_PASSWORD = "The password you have entered is not correct. Please try again."  # noqa: S105


class PagePasswordForm(PasswordViewRestrictionForm):
    """Wagtail's form, comparing with the stored hash; `locked_message` refuses any password."""

    def __init__(self, *args, locked_message: str = "", **kwargs):
        self.locked_message = locked_message
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.locked_message:
            raise ValidationError(self.locked_message, code="throttled")
        if not passwords.matches(password, self.restriction.password):
            raise ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password


class PagePrivacyForm(PageViewRestrictionForm):
    """Wagtail's privacy dialog, never showing or sending back the stored password (a hash):
    the field starts empty, and left empty it keeps the current password."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.pop("password", None)
        if "password" in self.fields:
            field = self.fields["password"]
            field.widget = forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})
            field.required = False
            if self._has_password():
                field.help_text = "Leave empty to keep the current password."

    def _has_password(self) -> bool:
        instance = self.instance
        return bool(instance.pk and instance.password)

    def clean_password(self):
        chosen = self.cleaned_data.get("restriction_type")
        keep = chosen == BaseViewRestriction.PASSWORD and not self.cleaned_data.get("password")
        if keep and self._has_password():
            return self.instance.password  # the stored hash, unchanged
        return super().clean_password()
