"""The admin's menu settings form: the footer's groups checked together."""

from wagtail.admin.forms import WagtailAdminModelForm

from masthead.pages.groups import repeated_headings


class MenuSettingsForm(WagtailAdminModelForm):
    """Refuses a footer menu with two groups under one heading (the links of a group are the
    ones one after another), naming the heading and the links; what was typed stays."""

    def is_valid(self):
        valid = super().is_valid()
        footer = self.formsets.get("footer_items")
        if footer is None or not footer.is_valid():
            return valid
        forms = footer.ordered_forms  # in the editor's order, deleted links left out
        headings = [form.cleaned_data.get("group", "") for form in forms]
        for heading, positions, message in repeated_headings(headings):
            self.add_error(None, message)
            for position in positions:
                forms[position - 1].add_error(
                    "group", f"A group headed “{heading}” is already in this menu."
                )
            valid = False
        return valid
