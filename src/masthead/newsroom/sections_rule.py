"""Reporters write stories; sections are made by those who may publish there (editors, chief)."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.admin.views.pages.create import AddSubpageView

from masthead.sections.models import SectionPage


def may_add_section(user, parent) -> bool:
    return user.is_superuser or parent.permissions_for_user(user).can_publish_subpage()


def refuse_sections_to_writers(request, parent_page, page_class):
    """The before_create_page hook: a section is refused to those who may not publish there."""
    if issubclass(page_class, SectionPage) and not may_add_section(request.user, parent_page):
        raise PermissionDenied(
            "Only an editor of the desk or the chief editor adds sections; use “New story”."
        )


class NewsroomAddSubpageView(AddSubpageView):
    """Wagtail's "Choose a page type", offering "Section" only to those who may add one.

    Wagtail filters the types by the parent alone; a reporter would be offered a section that
    `refuse_sections_to_writers` then refuses. With one type left, it opens that type's form.
    """

    def get(self, request, *args, **kwargs):
        self.page_types = [t for t in self.page_types if self._may_create(request.user, t)]
        if len(self.page_types) == 1:
            _verbose_name, app_label, model_name, _description = self.page_types[0]
            return redirect("wagtailadmin_pages:add", app_label, model_name, self.parent_page.id)
        return super().get(request, *args, **kwargs)

    def _may_create(self, user, page_type) -> bool:
        model = apps.get_model(page_type[1], page_type[2])
        return not issubclass(model, SectionPage) or may_add_section(user, self.parent_page)
