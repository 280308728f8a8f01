"""Account > Notifications: the e-mail preferences of the newsroom's own events."""

from django import forms
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
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
