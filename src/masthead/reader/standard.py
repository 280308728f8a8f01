"""The reader's standard page (About, Contact, the policies: masthead.pages). What it shows is
its own fields (pages/standard_page.html); its head comes from seo.pages.standard_page_meta. The
assembler is registered so that the page type is placed like every other: it adds nothing to
Wagtail's context today."""


def standard_page_context(page, request) -> dict:
    return {}
