"""The head of the pages that stand in for content: errors, a password form, a pause. Nothing
to share; an error page has no canonical address."""

from functools import partial

from masthead.seo.head import HeadMeta, titled, view_canonical


def notice_meta(name: str, description: str, context) -> HeadMeta:
    return HeadMeta(titled(name, context), description, view_canonical(context))


not_found = partial(notice_meta, "Page not found", "The page you asked for is not here.")


def gone(context) -> HeadMeta:
    """410 Gone, worded for what was there: "Story removed", "Page removed"."""
    kind = context.get("gone_kind") or "page"
    return notice_meta(
        f"{kind.capitalize()} removed", f"This {kind} is no longer available.", context
    )


form_expired = partial(notice_meta, "Form expired", "")
locked_out = partial(notice_meta, "Too many attempts", "")
password_required = partial(notice_meta, "Password required", "")
