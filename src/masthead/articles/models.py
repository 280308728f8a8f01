"""The story: ArticlePage, its bylines and tags."""

from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from masthead.articles import text
from masthead.articles.blocks import ArticleBodyBlock, body_words
from masthead.core.models import BasePage


class ArticlePage(BasePage):
    """A news story. The headline is Wagtail's page title."""

    standfirst = models.TextField(
        max_length=600, help_text="The dek: one or two sentences under the headline."
    )
    credit_verb = models.CharField(
        max_length=40, blank=True, default="reports", help_text='e.g. "reports", "writes"'
    )
    credit_organisation = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credited_stories",
        limit_choices_to={"kind": "organisation"},
        help_text="The source credited after the standfirst, e.g. a news agency.",
    )
    body = StreamField(ArticleBodyBlock())
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt = models.CharField("lead image alt text", max_length=300, blank=True)
    lead_image_caption = models.CharField(max_length=500, blank=True)
    lead_image_credit = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        db_index=True,
        help_text="The date readers see and listings sort by. Set it for imported or backdated "
        "stories; left empty, it becomes the moment of first publication.",
    )
    tags = ClusterTaggableManager(through="articles.ArticleTag", blank=True)

    # Derived from the content each time a revision is saved; never typed in.
    word_count = models.PositiveIntegerField(default=0, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    summary = models.TextField(blank=True, editable=False)

    content_panels = [
        FieldPanel("title", heading="Headline"),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("credit_verb"), FieldPanel("credit_organisation")], heading="Source credit"
        ),
        InlinePanel("bylines", label="Byline"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = [FieldPanel("published_at"), *BasePage.settings_panels]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []
    template = "articles/article_page.html"

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"
        indexes = [models.Index(fields=["published_at", "page_ptr"], name="article_pub_order")]

    # Content-derived fields ------------------------------------------------------------------

    @property
    def credit(self) -> str:
        if self.credit_organisation_id is None:
            return ""
        return text.credit_line(self.credit_verb, self.credit_organisation.name)

    def refresh_derived_fields(self) -> None:
        """Reading time and excerpt, computed once per save instead of on every request."""
        running_text = body_words(self.body)
        self.word_count = text.word_count(running_text)
        self.reading_minutes = text.reading_minutes(self.word_count)
        lead = text.standfirst_with_credit(self.standfirst, self.credit)
        self.summary = text.first_words(f"{lead} {running_text}", text.EXCERPT_STORE_WORDS)

    def full_clean(self, *args, **kwargs):
        # save_revision() cleans first, so each revision's content carries the derived fields.
        self.refresh_derived_fields()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        if self.live and self.published_at is None:
            # The first publication fixes the public date unless an editor set one.
            self.published_at = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    # What readers see ------------------------------------------------------------------------

    @property
    def reading_time(self) -> str:
        return text.reading_time_label(self.reading_minutes)

    @property
    def public_date(self):
        return self.published_at or self.first_published_at

    def excerpt(self, words: int) -> str:
        return text.first_words(self.summary, words)

    def meta_description(self) -> str:
        return self.search_description or self.standfirst

    def get_context(self, request, *args, **kwargs):
        from masthead.articles.services import article_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_context(self, request))
        return context


class ArticleByline(Orderable):
    """One contributor of a story, in order: "Reporting by", "Photographs by", ..."""

    class Role(models.TextChoices):
        AUTHOR = "author", "By"
        REPORTING = "reporting", "Reporting by"
        ADDITIONAL_REPORTING = "additional", "Additional reporting by"
        PHOTOGRAPHER = "photographer", "Photographs by"
        TRANSLATOR = "translator", "Translated by"
        EDITOR = "editor", "Edited by"

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.person}"


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")
