"""Which of the site's standard pages is its masthead, principles, ethics and corrections
policy (the `role` an editor gives a page), for the publisher's structured data."""

from __future__ import annotations

from masthead.core.visibility import shared_view_restrictions
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.pages.models import StandardPage

# schema.org property of a NewsMediaOrganization -> the roles that answer it, best first: the
# ethics policy stands for the publishing principles, the About page for the masthead, where the
# site has no page of its own for them.
ORGANISATION_LINKS = {
    "publishingPrinciples": ("principles", "ethics"),
    "ethicsPolicy": ("ethics",),
    "correctionsPolicy": ("corrections",),
    "masthead": ("masthead", "about"),
}


def _load(site) -> dict[str, str]:
    root = site.root_page
    restrictions = shared_view_restrictions()
    by_role = {}
    for page in StandardPage.objects.live().child_of(root).exclude(role="").order_by("path"):
        if not any(restriction.covers(page.path) for restriction in restrictions):
            by_role.setdefault(page.role, page.relative_url(site))
    return {role: url for role, url in by_role.items() if url}


def role_urls(site) -> dict[str, str]:
    """role -> the site-relative URL of the live, public standard page that has it (no query
    but once per process and change)."""
    if site is None:
        return {}
    return sitewide(
        f"page-roles-{site.pk}", {deps.NAV, deps.SITE, deps.RESTRICTIONS}, lambda: _load(site)
    )


def organisation_links(site) -> dict[str, str]:
    """schema.org property -> site-relative URL, for the properties the site has a page for."""
    urls = role_urls(site)
    links = {}
    for prop, roles in ORGANISATION_LINKS.items():
        url = next((urls[role] for role in roles if role in urls), None)
        if url:
            links[prop] = url
    return links
