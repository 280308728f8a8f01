"""The story editor's form."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """ "This is a minor edit" applies to one publication: it starts unticked on every visit,
    whatever the revision the editor opens says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "minor_edit" in self.fields and not self.is_bound:
            self.initial["minor_edit"] = False
