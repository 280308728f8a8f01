"""What every reader page shares: the abstract base page and the site's settings."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class BasePage(Page):
    """Fields and behaviour shared by Masthead's page types (Wagtail's own Page stays the base)."""

    class Meta:
        abstract = True

    def meta_description(self) -> str:
        return self.search_description or ""


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The publication's identity, editable in the admin under Settings."""

    tagline = models.CharField(max_length=200, blank=True)
    footer_text = models.TextField(
        blank=True, help_text="Shown at the foot of every page, e.g. the publisher's address."
    )

    panels = [FieldPanel("tagline"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = "site settings"
