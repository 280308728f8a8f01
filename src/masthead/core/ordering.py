"""Publishing that is safe when two people (or an editor and the scheduler) publish one page at
once, and whose invalidation commits with it.

Every publish and unpublish of a Masthead page runs in one transaction that first locks the
page's row (`SELECT ... FOR UPDATE` on PostgreSQL; on SQLite the IMMEDIATE transaction already
holds the database's write lock), so publishes of one page happen one after the other, and the
page cache's outbox row (written by the `page_published` handlers) commits with the page.
A publish overtaken by the publish of a newer revision (the live revision changed while it
waited, to one newer than its own) is refused: it would silently replace the newer content.
Publishing an older revision on purpose (a revert, a scheduled draft) still works.
Wagtail's admin publishes through its actions directly: `AtomicAdminWritesMiddleware` runs
each admin form post in one transaction.
"""

from __future__ import annotations

from django.db import transaction


class PublishConflict(Exception):
    """A publish refused because a newer version of the page is already live."""


def lock_page(page) -> int | None:
    """Lock `page`'s row until the transaction ends; its live revision's id, as committed."""
    from wagtail.models import Page

    return (
        Page.objects.select_for_update()
        .filter(pk=page.pk)
        .values_list("live_revision_id", flat=True)
        .first()
    )


class OrderedPublishMixin:
    def publish(self, revision, *args, **kwargs):
        seen = self.live_revision_id  # what was live when this publish was asked for
        with transaction.atomic():
            live_revision_id = lock_page(self)
            overtaken = live_revision_id != seen and (live_revision_id or 0) > revision.pk
            if overtaken:
                raise PublishConflict(
                    f"Not published: a newer version of “{self}” (revision {live_revision_id}) "
                    f"went live while revision {revision.pk} was waiting. Open the page again, "
                    "check the live version and publish from there."
                )
            return super().publish(revision, *args, **kwargs)

    def unpublish(self, *args, **kwargs):
        with transaction.atomic():
            lock_page(self)
            return super().unpublish(*args, **kwargs)


class AtomicAdminWritesMiddleware:
    """Run each POST to the admin's views in one transaction, as ATOMIC_REQUESTS would, so that a
    publish from the editor commits with its revision, its log entry and its invalidation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.path.startswith("/admin/"):
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
