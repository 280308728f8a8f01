"""Shared page passwords, stored as Django password hashes (Wagtail stores them as typed).

Every way a password is set (the privacy dialog, a script, an import) goes through the model's
save, where `signal_handlers.hash_restriction_password` hashes what is not a hash yet; the reader's
form compares with `check_password`, which never needs the password itself.
"""

from django.contrib.auth.hashers import check_password, identify_hasher, make_password


def is_hashed(value: str) -> bool:
    """Whether `value` is a hash made by one of PASSWORD_HASHERS."""
    try:
        identify_hasher(value)
    except ValueError:
        return False
    return True


def hashed(value: str) -> str:
    """`value` hashed, unless empty or hashed already."""
    return value if not value or is_hashed(value) else make_password(value)


def matches(raw: str, stored: str) -> bool:
    return bool(raw) and bool(stored) and check_password(raw, stored)
