"""The newsroom's people at work: an administrator, and accounts per role on their desks."""

from django.contrib.auth.models import Group

from masthead.demo.accounts import ACCOUNTS
from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from masthead.publishing import roles
from masthead.publishing.desks import desk_groups, ensure_desk
from tests.factories.people import UserFactory
from tests.factories.sections import section_named

# The demo's documented logins, so that tests log in as the README tells an editor to.
STAFF_PASSWORD = ADMIN_PASSWORD

# username, role, desks (section slugs): the demo's newsroom roles (masthead.demo.accounts).
NEWSROOM = [
    ("contributor", roles.CONTRIBUTOR, ["business"]),
    ("reporter", roles.REPORTER, ["top-news", "world"]),
    ("copyeditor", roles.COPY_EDITOR, ["top-news", "world"]),
    ("editor", roles.EDITOR, ["top-news", "world"]),
    ("chief", roles.CHIEF_EDITOR, []),
]


def administrator():
    """The superuser `admin` / `masthead-demo`."""
    return UserFactory(superuser=True, username=ADMIN_USERNAME, password=ADMIN_PASSWORD)


def staff_member(username: str, role: str, desks=(), password: str = STAFF_PASSWORD):
    """An account in `role`'s group, working on each section of `desks` (made desks here)."""
    user = UserFactory(username=username, password=password)
    user.groups.add(Group.objects.get(name=role))
    for section in desks:
        ensure_desk(section)
        user.groups.add(desk_groups(section)[role])
    return user


def newsroom_staff() -> dict:
    """The five role accounts on the sections Business, Top News and World, by username."""
    return {
        username: staff_member(username, role, [section_named(slug) for slug in desks])
        for username, role, desks in NEWSROOM
    }


def named_newsroom_staff() -> dict:
    """`newsroom_staff()` under the demo's full names and addresses (Riley Reporter,
    reporter@masthead.invalid), for tests that read who did what in a message."""
    for username, full_name, _role, _desks in ACCOUNTS:
        first, last = full_name.split(" ", 1)
        email = f"{username}@masthead.invalid"
        UserFactory(
            username=username,
            first_name=first,
            last_name=last,
            email=email,
            password=STAFF_PASSWORD,
        )
    return newsroom_staff()
