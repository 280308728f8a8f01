"""The front page and the sections that hold stories."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.url_routing import RouteResult

from masthead.core.models import ROUTED, BasePage


class HomePage(BasePage):
    """The site's front page: the root of one site's sections."""

    slug_in_public_urls = False  # the front page is the site's root: its slug is in no URL
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "pages.StandardPage"]
    template = "sections/home_page.html"

    class Meta:
        verbose_name = "front page"

    def route(self, request, path_components):
        """The page at a URL found directly (masthead.sections.routing), not level by level;
        what it does not find, Wagtail's walk finds or answers with a 404."""
        from masthead.sections.routing import find_page
        from masthead.sections.tree import page_copy

        # Self is the process's copy of the site's root (masthead.core.sites): serve a copy.
        page = find_page(self, path_components) if path_components else page_copy(HomePage, self.pk)
        if page is None or not page.live:
            return super().route(request, path_components)
        setattr(page, ROUTED, True)
        return RouteResult(page)


class SectionPage(BasePage):
    """A desk's section: Top News, World, Business, ... Sections may nest (World > Asia)."""

    description = models.TextField(blank=True, help_text="One or two sentences about the section.")

    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    show_in_menus_default = True
    parent_page_types = ["sections.HomePage", "sections.SectionPage"]
    subpage_types = ["sections.SectionPage", "articles.ArticlePage"]
    template = "sections/section_page.html"

    class Meta:
        verbose_name = "section"

    def meta_description(self) -> str:
        return self.search_description or self.description
