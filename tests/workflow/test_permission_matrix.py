"""Every role against every newsroom action, in its own desk's section and outside it."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Workflow

from masthead.publishing.review_hooks import can_submit
from tests.factories import ArticlePageFactory, newsroom_staff, section_named
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


ACTIONS = [
    "create",
    "edit own",
    "edit others'",
    "submit",
    "pass copy edit",
    "approve",
    "publish",
    "schedule",
    "unpublish",
    "delete",
    "curate",
    "manage users",
]
Y, N = True, False
# role account: (desk section, {action: (allowed in the desk, allowed outside it)})
MATRIX = {
    "contributor": ("business", [(Y, N), (Y, N), (N, N), (Y, N), (N, N), (N, N),
                                 (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)]),
    "reporter": ("top-news", [(Y, N), (Y, N), (N, N), (Y, N), (N, N), (N, N),
                              (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)]),
    "copyeditor": ("top-news", [(Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (N, N),
                                (N, N), (N, N), (N, N), (N, N), (N, N), (N, N)]),
    "editor": ("top-news", [(Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N),
                            (Y, N), (Y, N), (Y, N), (Y, N), (Y, Y), (N, N)]),
    "chief": ("top-news", [(Y, Y)] * 12),
}  # fmt: skip
OUTSIDE = "opinion"


def tasks():
    workflow = Workflow.objects.get(name="Newsroom review")
    copy_edit, publish = (task.specific for task in workflow.tasks)
    return copy_edit, publish


def checks_for(user, section) -> dict:
    own = ArticlePageFactory(parent=section, owner=user, live=False)
    others = ArticlePageFactory(parent=section)  # live, owned by nobody in particular
    copy_edit, publish = tasks()
    return {
        "create": lambda: section.permissions_for_user(user).can_add_subpage(),
        "edit own": lambda: own.permissions_for_user(user).can_edit(),
        "edit others'": lambda: others.permissions_for_user(user).can_edit(),
        "submit": lambda: can_submit(user) and own.permissions_for_user(user).can_edit(),
        "pass copy edit": lambda: bool(copy_edit.get_actions(own, user)),
        "approve": lambda: bool(publish.get_actions(own, user)),
        "publish": lambda: own.permissions_for_user(user).can_publish(),
        "schedule": lambda: own.permissions_for_user(user).can_publish(),
        "unpublish": lambda: others.permissions_for_user(user).can_unpublish(),
        "delete": lambda: others.permissions_for_user(user).can_delete(),
        "curate": lambda: user.has_perm("curation.change_curation"),
        "manage users": lambda: user.has_perm("auth.change_user"),
    }


@pytest.mark.parametrize("username", list(MATRIX))
def test_each_role_can_do_exactly_what_the_matrix_says(username):
    user = get_user_model().objects.get(username=username)
    desk_slug, expectations = MATRIX[username]
    inside = section_named(desk_slug)
    outside = section_named(OUTSIDE)
    checks = {"in": checks_for(user, inside), "out": checks_for(user, outside)}
    wrong = []
    for action, (in_desk, out_of_desk) in zip(ACTIONS, expectations, strict=True):
        for where, expected in (("in", in_desk), ("out", out_of_desk)):
            if checks[where][action]() != expected:
                wrong.append(f"{action} ({where} desk): expected {expected}")
    assert not wrong, f"{username}: " + "; ".join(wrong)
