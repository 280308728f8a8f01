"""Reporters write stories; sections are made by those who may publish there (editors, chief)."""

from django.core.exceptions import PermissionDenied

from masthead.sections.models import SectionPage


def may_add_section(user, parent) -> bool:
    return user.is_superuser or parent.permissions_for_user(user).can_publish_subpage()


def refuse_sections_to_writers(request, parent_page, page_class):
    """The before_create_page hook: a section is refused to those who may not publish there."""
    if issubclass(page_class, SectionPage) and not may_add_section(request.user, parent_page):
        raise PermissionDenied(
            "Only an editor of the desk or the chief editor adds sections; use “New story”."
        )
