"""The demo newsroom's own pages and menus: About, Contact, the ethics and corrections policies,
Privacy and Terms; a header menu of the sections and a footer menu of those pages and the feeds.

DEMO CONTENT: the text below was written for this demo; it is no real publisher's policy.
"""

from datetime import date

from masthead.pages.building import MenuEntry, add_standard_page, set_menu
from masthead.pages.models import MenuSettings, StandardPage

LAST_UPDATED = date(2026, 5, 1)

# slug, title, role, standfirst, [(block type, text)]
PAGES = [
    (
        "about",
        "About us",
        "about",
        "The Masthead Gazette reports the news of the region and the world for its readers.",
        [
            ("paragraph", "We are an independent newsroom of reporters and editors."),
            ("heading", "Who runs the newsroom"),
            ("paragraph", "The chief editor answers for everything we publish."),
        ],
    ),
    (
        "contact",
        "Contact",
        "contact",
        "How to reach the newsroom with a tip, a question or a complaint.",
        [
            ("paragraph", "Write to the newsroom at newsroom@masthead.invalid."),
            ("paragraph", "To report a mistake, follow our corrections policy."),
        ],
    ),
    (
        "ethics-policy",
        "Ethics policy",
        "ethics",
        "The standards our journalism keeps: accuracy, fairness and independence.",
        [
            ("heading", "Accuracy"),
            ("paragraph", "We check facts before we publish and name our sources where we can."),
            ("heading", "Independence"),
            ("paragraph", "No advertiser or owner decides what we report."),
        ],
    ),
    (
        "corrections-policy",
        "Corrections policy",
        "corrections",
        "When we get something wrong, we say so and put it right.",
        [
            (
                "paragraph",
                "A correction is noted at the foot of the story and listed on our corrections "
                "page, with the date it was made.",
            ),
        ],
    ),
    (
        "privacy",
        "Privacy policy",
        "privacy",
        "What we know about our readers, and what we do with it.",
        [("paragraph", "The reader site sets no cookies and shows no third-party trackers.")],
    ),
    (
        "terms",
        "Terms of use",
        "terms",
        "The terms on which you may read and share our journalism.",
        [("paragraph", "You may link to and quote our stories with credit to the Gazette.")],
    ),
]
FOOTER = [
    ("About us", ["about", "contact"]),
    ("Policies", ["ethics-policy", "corrections-policy", "/corrections/", "privacy", "terms"]),
    ("Follow", ["/feed/", "/feed/atom/"]),
]
ADDRESS_LABELS = {
    "/corrections/": "Corrections and updates",
    "/feed/": "RSS feed",
    "/feed/atom/": "Atom feed",
}


def _block(kind: str, text: str):
    return (kind, f"<p>{text}</p>" if kind == "paragraph" else text)


def ensure_own_pages(site, home, top_sections) -> int:
    """The pages that are missing, and the menus if the site has none yet; how many were made."""
    created = 0
    pages = {}
    for slug, title, role, standfirst, body in PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            blocks = [_block(kind, text) for kind, text in body]
            page = add_standard_page(
                home,
                title,
                slug=slug,
                role=role,
                standfirst=standfirst,
                body=blocks,
                last_updated=LAST_UPDATED,
            )
            created += 1
        pages[slug] = page
    if not MenuSettings.objects.filter(site=site).exists():
        set_menu(site, "header", [MenuEntry(page=section) for section in top_sections])
        footer = [
            MenuEntry(page=pages[target], group=group)
            if target in pages
            else MenuEntry(url=target, label=ADDRESS_LABELS[target], group=group)
            for group, targets in FOOTER
            for target in targets
        ]
        set_menu(site, "footer", footer)
        created += 1
    return created
