"""Desks: each top-level section gets one group per role, holding that role's page rights there."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from masthead.publishing.models import Desk, DeskGroup
from masthead.publishing.roles import CHIEF_EDITOR, DESK_PAGE_PERMISSIONS, SITE_PAGE_PERMISSIONS


def desk_group_name(section, role: str) -> str:
    return f"{section.title} desk: {role}"


@transaction.atomic
def ensure_desk(section) -> Desk:
    """The desk of `section`, with a group per role holding its page permissions (idempotent)."""
    desk, _ = Desk.objects.get_or_create(section=section)
    for role, codenames in DESK_PAGE_PERMISSIONS.items():
        link = DeskGroup.objects.filter(desk=desk, role=role).select_related("group").first()
        if link is None:
            group, _ = Group.objects.get_or_create(name=desk_group_name(section, role))
            link = DeskGroup.objects.create(desk=desk, role=role, group=group)
        elif link.group.name != desk_group_name(section, role):  # the section was renamed
            link.group.name = desk_group_name(section, role)
            link.group.save(update_fields=["name"])
        grant_page_permissions(link.group, section, codenames)
    return desk


def grant_page_permissions(group, page, codenames) -> None:
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_chief_editor_site(home) -> None:
    """The Chief editor role holds every page right on the whole site."""
    chief = Group.objects.get(name=CHIEF_EDITOR)
    grant_page_permissions(chief, home, SITE_PAGE_PERMISSIONS)


def desk_groups(section) -> dict[str, Group]:
    return {link.role: link.group for link in DeskGroup.objects.filter(desk__section=section)}
