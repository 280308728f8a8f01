"""Account > Notifications: the e-mail preferences of the newsroom's own events."""

from django import forms
from wagtail.admin.forms.account import NotificationPreferencesForm
from wagtail.admin.views.account import (
    BaseSettingsPanel,
    NotificationsSettingsPanel,
    notifications_tab,
)
from wagtail.admin.widgets import SwitchInput

from masthead.newsroom.models import NotificationPreferences


class NewsroomPreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreferences
        fields = ["sent_to_copy_edit", "passed_to_editor", "missed_schedule"]
        widgets = {name: SwitchInput() for name in fields}


class NewsroomPreferencesPanel(BaseSettingsPanel):
    name = "newsroom_notifications"
    title = "The desk's e-mails"
    tab = notifications_tab
    order = 110
    form_class = NewsroomPreferencesForm

    def get_form(self):
        preferences, _ = NotificationPreferences.objects.get_or_create(user=self.user)
        kwargs = {"instance": preferences, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


class DeskWagtailPreferencesForm(NotificationPreferencesForm):
    """Wagtail's own switches, as far as they do something in Masthead, in newsroom words.

    Wagtail's "submitted" e-mails are off (signal_handlers.py): the desk's "sent to copy edit"
    switch above replaces that one. "Approved" and "rejected" choose the desk's e-mails of a
    story's fate to whoever sent it and its bylined logins (mail.py).
    """

    WORDS = {
        "approved_notifications": (
            "A story I sent or am bylined on is published or scheduled",
            "An e-mail when its last review step is approved.",
        ),
        "rejected_notifications": (
            "Changes are requested on a story I sent or am bylined on",
            "An e-mail when a reviewer sends it back.",
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("submitted_notifications", None)
        for name, (label, help_text) in self.WORDS.items():
            if name in self.fields:
                self.fields[name].label = label
                self.fields[name].help_text = help_text


def use_newsroom_words_for_wagtails_switches() -> None:
    NotificationsSettingsPanel.form_class = DeskWagtailPreferencesForm
