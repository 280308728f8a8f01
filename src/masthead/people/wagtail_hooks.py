from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.people.chooser import PersonChooserViewSet
from masthead.people.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "job_title"]
    list_filter = ["kind"]
    search_fields = ["name"]
    chooser_viewset_class = PersonChooserViewSet  # kinds told apart, "Add" in the chooser


register_snippet(PersonViewSet)
