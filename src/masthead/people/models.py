"""People and organisations credited on stories: staff, guest contributors and agencies."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from masthead.core.links import site_url

WEB_SCHEMES = ("http", "https")


def validate_website(value: str) -> None:
    """Only a web address: `javascript:`, `data:` or `ftp:` links never reach a reader."""
    URLValidator(
        schemes=list(WEB_SCHEMES),
        message="Enter a web address starting with https:// or http://.",
    )(value)


class Person(index.Indexed, models.Model):
    """Someone (or some organisation) a story credits; a login account is optional."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation (agency, publication)"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    job_title = models.CharField(max_length=200, blank=True, help_text="e.g. Political editor")
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(blank=True, validators=[validate_website])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="Staff who log in to the editor; guest contributors and agencies have none.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("website"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),  # the person chooser's "Kind" filter
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return site_url("author", kwargs={"slug": self.slug})

    @property
    def public_website(self) -> str:
        """The website, if it is an http(s) address; rows stored without the model's checks (an
        import, a shell) may hold anything, and readers only ever get a web link."""
        url = (self.website or "").strip()
        if urlsplit(url).scheme.lower() in WEB_SCHEMES and "\n" not in url and "\r" not in url:
            return url
        return ""

    @property
    def is_organisation(self) -> bool:
        return self.kind == self.Kind.ORGANISATION
