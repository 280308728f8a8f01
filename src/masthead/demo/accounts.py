"""One demo login per newsroom role, on the desks where they work."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from masthead.publishing import roles
from masthead.publishing.desks import desk_groups, ensure_desk

PASSWORD = "masthead-demo"  # noqa: S105 (the documented logins of a local demo)

# username, full name, role, desks (section slugs)
ACCOUNTS = [
    ("contributor", "Casey Contributor", roles.CONTRIBUTOR, ["business"]),
    ("reporter", "Riley Reporter", roles.REPORTER, ["top-news", "world"]),
    ("copyeditor", "Sam Copyeditor", roles.COPY_EDITOR, ["top-news", "world"]),
    ("editor", "Elena Editor", roles.EDITOR, ["top-news", "world"]),
    ("chief", "Chris Chief", roles.CHIEF_EDITOR, []),
]


def ensure_accounts(sections: dict) -> int:
    """Create the missing role accounts; returns how many were created."""
    user_model = get_user_model()
    created = 0
    for username, full_name, role, desks in ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            continue
        first, last = full_name.split(" ", 1)
        user = user_model.objects.create_user(
            username, f"{username}@masthead.invalid", PASSWORD, first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=role))
        for slug in desks:
            section = sections[slug]
            ensure_desk(section)
            user.groups.add(desk_groups(section)[role])
        created += 1
    return created


def logins_text() -> str:
    lines = [
        f"  {username:<12} {role:<13} desks: {', '.join(desks) or 'all'}"
        for username, _, role, desks in ACCOUNTS
    ]
    return "Newsroom logins (password masthead-demo):\n" + "\n".join(lines)
