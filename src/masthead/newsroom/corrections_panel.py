"""No corrections on a first draft: a story never published has nothing to correct yet.

The story form drops the corrections formset for a first draft (forms.py); this panel then
shows nothing, where Wagtail's InlinePanel expects the formset to be there.
"""

from wagtail.admin.panels import InlinePanel, Panel

CORRECTIONS = "corrections"


class CorrectionsPanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            self.absent = form is not None and kwargs["panel"].relation_name not in form.formsets
            if self.absent:
                Panel.BoundPanel.__init__(self, **kwargs)
                self.label = self.panel.label
                return
            super().__init__(**kwargs)

        def is_shown(self):
            return not self.absent and super().is_shown()


def replace_corrections_panel(page_class) -> None:
    """Swap the model's corrections InlinePanel for CorrectionsPanel, keeping its options."""
    panels = page_class.content_panels
    for index, panel in enumerate(panels):
        if isinstance(panel, InlinePanel) and panel.relation_name == CORRECTIONS:
            kwargs = panel.clone_kwargs()
            panels[index] = CorrectionsPanel(**kwargs)
