"""The desks a user writes for: where the "New story" buttons lead."""

from django.db.models import Q
from django.urls import reverse
from wagtail.models import GroupPagePermission

from masthead.publishing.models import Desk


def writing_desks(user) -> list[Desk]:
    """The desks on whose section `user` may add a story (their own; every desk for the chief)."""
    desks = Desk.objects.select_related("section").order_by("section__path")
    if not user.is_active:
        return []
    if user.is_superuser:
        return list(desks)
    roots = list(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="add_page"
        ).values_list("page__path", flat=True)
    )
    if not roots:
        return []
    covered = Q()
    for path in roots:
        # A grant on the section itself or on an ancestor (the chief's grant on the home page).
        covered |= Q(section__path__startswith=path)
    return list(desks.filter(covered))


def new_story_url(desk: Desk) -> str:
    """One click to an empty story in the desk's section."""
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", desk.section_id))


def desk_from_request(request, desks: list[Desk]) -> Desk | None:
    """The desk picked in the board's filter (?desk=<section id>), if it is one of `desks`."""
    wanted = request.GET.get("desk", "")
    return next((d for d in desks if str(d.section_id) == wanted), None)
