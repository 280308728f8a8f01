"""The person chooser (bylines, source credits): people and organisations told apart, and a
contributor or an agency added without leaving the story.

Each row says its kind, a "Kind" filter narrows the list, and the "Add a person or organisation"
tab creates one from a name and a kind (its address is made from the name).
"""

from django import forms
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from masthead.people.models import Person
from masthead.people.slugs import unique_slug


class KindFilterMixin(forms.Form):
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "People and organisations"), *Person.Kind.choices],
        # Not the "Add" tab's id_kind: both forms share the modal.
        widget=forms.Select(attrs={"id": "id_kind_filter"}),
    )

    def filter(self, objects):
        kind = self.cleaned_data.get("kind")
        if kind:
            objects = objects.filter(kind=kind)
        return super().filter(objects)


class PersonFilterForm(SearchFilterMixin, KindFilterMixin, BaseFilterForm):
    """Search by name within the chosen kind (the kind filters the rows before the search)."""


class PersonCreationForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "kind", "job_title"]

    def save(self, commit=True):
        person = super().save(commit=False)
        person.slug = unique_slug(person.name)
        if commit:
            person.save()
        return person


class KindColumnMixin:
    filter_form_class = PersonFilterForm

    @property
    def columns(self):
        return [*super().columns, Column("kind", label="Kind", accessor="get_kind_display")]


class PersonChooseView(KindColumnMixin, ChooseView):
    pass


class PersonChooseResultsView(KindColumnMixin, ChooseResultsView):
    pass


class PersonChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    creation_form_class = PersonCreationForm
    create_action_label = "Add a person or organisation"
    creation_tab_label = "Add"
