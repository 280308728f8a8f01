"""The story editor's form."""

from wagtail.admin.forms import WagtailAdminPageForm

from masthead.publishing.checks import blocking_problems


class ArticlePageForm(WagtailAdminPageForm):
    """ "This is a minor edit" applies to one publication: it starts unticked on every visit,
    whatever the revision the editor opens says."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "minor_edit" in self.fields and not self.is_bound:
            self.initial["minor_edit"] = False

    def clean(self):
        cleaned = super().clean()
        if "action-publish" in self.data:
            for problem in blocking_problems(cleaned):
                self.add_error(problem.field, problem.message)
        return cleaned
