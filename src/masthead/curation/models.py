"""What editors pick by hand: the "Don't Miss" list (more curation arrives with the workflow)."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="pick")
class Curation(BaseSiteSetting, ClusterableModel):
    """One site's hand-picked lists, edited on one screen."""

    banner_text = models.CharField(
        "breaking news",
        max_length=200,
        blank=True,
        help_text="A one-line alert shown at the top of every page. Leave empty for none.",
    )
    banner_story = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story the alert links to (optional).",
    )
    banner_expires_at = models.DateTimeField(
        "breaking news ends at",
        null=True,
        blank=True,
        help_text="The alert disappears at this time. Leave empty to keep it until cleared.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("banner_text"),
                FieldPanel("banner_story"),
                FieldPanel("banner_expires_at"),
            ],
            heading="Breaking news banner",
        ),
        InlinePanel(
            "front_page_pins",
            heading="Front page",
            label="Pin",
            help_text="The lead story and top stories, in this order. Where nothing is pinned "
            "(or a pin has expired), the newest stories fill the places.",
        ),
        InlinePanel(
            "dont_miss_picks",
            heading="Don't Miss",
            label="Pick",
            help_text="Shown site-wide in this order. A pick disappears at its expiry time.",
        ),
    ]

    class Meta:
        verbose_name = "curation"


class FrontPagePin(Orderable):
    class Slot(models.TextChoices):
        LEAD = "lead", "Lead story"
        TOP = "top", "Top story"

    curation = ParentalKey(Curation, on_delete=models.CASCADE, related_name="front_page_pins")
    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="front_page_pins"
    )
    slot = models.CharField(max_length=10, choices=Slot.choices, default=Slot.TOP)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to keep the pin until removed."
    )

    panels = [FieldPanel("story"), FieldPanel("slot"), FieldPanel("expires_at")]

    class Meta(Orderable.Meta):
        verbose_name = "front-page pin"

    def __str__(self) -> str:
        return f"{self.get_slot_display()}: {self.story}"


class DontMissPick(Orderable):
    curation = ParentalKey(Curation, on_delete=models.CASCADE, related_name="dont_miss_picks")
    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="dont_miss_entries"
    )
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to keep the pick until removed."
    )

    panels = [FieldPanel("story"), FieldPanel("expires_at")]

    class Meta(Orderable.Meta):
        verbose_name = "Don't Miss pick"

    def __str__(self) -> str:
        return f"Don't Miss: {self.story}"
