"""What of the newsroom's unpublished work a user sees in the admin.

The rule (docs/workflow.md): a user sees live pages, and unpublished pages only where they may
edit them. So a desk sees its own drafts (copy editors and editors all of the desk's, contributors
and reporters their own), another desk's stories only once they are live, and the chief
everything.

One permission policy carries the rule for every admin surface that asks Wagtail which pages a
user may explore: the explorer and its admin API (/admin/api/main/pages/), admin search, the site
history report and the page history views, the dashboard's counts. The page chooser asks
`construct_page_chooser_queryset`; its browse view's parent and the "chosen" endpoint, which read
pages by id, are checked here too, as is the explorer's listing of one page. The project's own
scheduled-publishing panel uses `readable_pages` directly.
"""

from django.db.models import Q
from django.http import Http404
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def readable_q(user) -> Q:
    """Live pages, and those `user` may edit."""
    return Q(live=True) | Q(pk__in=editable_pages(user).values("pk"))


def readable_pages(user, pages=None):
    pages = Page.objects.all() if pages is None else pages
    if user.is_active and user.is_superuser:
        return pages
    return pages.filter(readable_q(user))


def can_read(user, page_id) -> bool:
    return readable_pages(user, Page.objects.filter(pk=page_id)).exists()


class DeskPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with unpublished pages the user may not edit left unexplorable."""

    def explorable_instances(self, user):
        return readable_pages(user, super().explorable_instances(user))


def chooser_pages(pages, request):
    """The page chooser's browse and search lists; a crafted browse URL with a page the user may
    not read as the parent is a 404."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None and not can_read(request.user, parent_id):
        raise Http404
    return readable_pages(request.user, pages)


def explorer_pages(parent_page, pages, request):
    """The explorer's listing; the listing of a page the user may not read is a 404."""
    if not can_read(request.user, parent_page.pk):
        raise Http404
    return readable_pages(request.user, pages)


class DeskChosenMultipleView(ChosenMultipleView):
    """The chooser's "chosen" answer names only pages the user may read."""

    def get(self, request):
        wanted = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        if not readable_pages(request.user, Page.objects.filter(pk__in=wanted)).count() == len(
            set(wanted)
        ):
            raise Http404
        return super().get(request)


desk_chosen_multiple = require_admin_access(DeskChosenMultipleView.as_view())


def register() -> None:
    register_permission_policy(Page, DeskPagePermissionPolicy(Page))
    hooks.register("construct_page_chooser_queryset", chooser_pages)
    hooks.register("construct_explorer_page_queryset", explorer_pages)
