"""The story: ArticlePage, its bylines and tags."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from masthead.articles import embargo, history, text
from masthead.articles.blocks import ArticleBodyBlock
from masthead.articles.body_facts import body_facts
from masthead.articles.forms import ArticlePageForm
from masthead.articles.panels import PublicationChecksPanel
from masthead.articles.totals import ArchiveMember, ArchiveTotal  # noqa: F401 (this app's)
from masthead.core.models import BasePage


def validate_canonical_url(value: str) -> None:
    """An absolute http(s) URL: search engines ignore anything else as a canonical address."""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as error:
        raise ValidationError(
            "Enter the full address of the original story, starting with https:// or http://.",
            code="invalid_canonical_url",
        ) from error


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
    dateline = models.CharField(
        max_length=100, blank=True, help_text="Where the story was reported from, e.g. ISLAMABAD"
    )
    embargo_until = models.DateTimeField(
        "embargoed until",
        null=True,
        blank=True,
        help_text="Set by the source: the story is on no public page, feed or search before "
        "this time. Publishing it earlier schedules its release for this time. Only the chief "
        "editor can shorten or lift an embargo, with a reason; the change is logged.",
    )

    # Search engines and social media (the SEO headline is Wagtail's own `seo_title`).
    social_headline = models.CharField(
        max_length=200,
        blank=True,
        help_text="The headline shown when the story is shared on social media. "
        "Empty: the headline.",
    )
    canonical_url = models.URLField(
        "canonical URL",
        max_length=500,
        blank=True,
        validators=[validate_canonical_url],
        help_text="For syndicated stories only: the address of the original story, "
        "which search engines then treat as the main version. Empty: this page.",
    )
    # The modified date readers and machines see: moved by each publication that is not marked
    # as a minor edit (see signal_handlers.record_publication); empty until the first such edit.
    minor_edit = models.BooleanField(
        "this is a minor edit (do not change the modified date)",
        default=False,
        help_text="Tick for typo fixes and other changes readers need not be told about. "
        "Applies to this publication only.",
    )
    last_substantive_edit_at = models.DateTimeField(
        "last substantive edit", null=True, blank=True, editable=False
    )

    # Derived from the content each time a revision is saved; never typed in.
    word_count = models.PositiveIntegerField(default=0, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    summary = models.TextField(blank=True, editable=False)

    content_panels = [
        PublicationChecksPanel(heading="Before you publish"),
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("credit_verb"), FieldPanel("credit_organisation")], heading="Source credit"
        ),
        InlinePanel("bylines", label="Byline"),
        FieldPanel("dateline"),
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
        InlinePanel("corrections", heading="Corrections and updates", label="Note"),
        FieldPanel("minor_edit"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title", heading="SEO headline"),
                FieldPanel("search_description"),
            ],
            heading="For search engines",
        ),
        MultiFieldPanel([FieldPanel("social_headline")], heading="For social media"),
        MultiFieldPanel([FieldPanel("canonical_url")], heading="Syndication"),
    ]
    settings_panels = [
        FieldPanel("published_at"),
        MultiFieldPanel(
            [
                FieldPanel("embargo_until"),
                # Offered only to those who may shorten or lift an embargo (the chief editor).
                FieldPanel("confirm_embargo_change", permission="articles.lift_embargo"),
                FieldPanel("embargo_change_reason", permission="articles.lift_embargo"),
            ],
            heading="Embargo",
        ),
        *BasePage.settings_panels,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("standfirst", boost=1.5),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    base_form_class = ArticlePageForm
    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []
    template = "articles/article_page.html"

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"
        indexes = [models.Index(fields=["published_at", "page_ptr"], name="article_pub_order")]
        permissions = [("lift_embargo", "Can shorten or lift a story's embargo")]

    # Content-derived fields ------------------------------------------------------------------

    @property
    def credit(self) -> str:
        if self.credit_organisation_id is None:
            return ""
        return text.credit_line(self.credit_verb, self.credit_organisation.name)

    def refresh_derived_fields(self) -> None:
        """Reading time and excerpt, computed once per save instead of on every request."""
        running_text = body_facts(self.body).words
        self.word_count = text.word_count(running_text)
        self.reading_minutes = text.reading_minutes(self.word_count)
        lead = text.standfirst_with_credit(self.standfirst, self.credit)
        self.summary = text.lead_and_body(lead, running_text, text.EXCERPT_STORE_WORDS)

    def full_clean(self, *args, **kwargs):
        # save_revision() cleans first, so each revision's content carries the derived fields.
        self.refresh_derived_fields()
        super().full_clean(*args, **kwargs)

    def with_content_json(self, content):
        # The modified date belongs to the page's publication history, not to a revision: keep
        # the live value, or publishing an older draft would move the date back.
        page = super().with_content_json(content)
        page.last_substantive_edit_at = self.last_substantive_edit_at
        # A revision never lowers the stored embargo (only an authorised change does, on save),
        # and no publication goes live before it: it becomes a release at that time. The editor
        # shows the go-live time the editor chose (see ArticlePageForm).
        page.embargo_until = embargo.holding(self.embargo_until, page.embargo_until)
        page.requested_go_live_at = page.go_live_at
        page.go_live_at = embargo.release_time(page.go_live_at, page.embargo_until)
        return page

    def save(self, *args, **kwargs):
        kwargs["update_fields"], change = embargo.guard_save(self, kwargs.get("update_fields"))
        if kwargs["update_fields"] is None:
            del kwargs["update_fields"]
        embargo.refuse_early_publication(self, kwargs.get("update_fields"))
        self.refresh_derived_fields()
        if self.live and self.published_at is None:
            # The first publication fixes the public date unless an editor set one.
            self.published_at = self.first_published_at or timezone.now()
        public_date_change = self.__dict__.pop("_public_date_change", None)
        result = super().save(*args, **kwargs)
        if change is not None:
            change.log(self)
        if public_date_change is not None:
            history.log_public_date_change(self, *public_date_change)
        return result

    # What readers see ------------------------------------------------------------------------

    @property
    def reading_time(self) -> str:
        return text.reading_time_label(self.reading_minutes)

    @property
    def public_date(self):
        return self.published_at or self.first_published_at

    @property
    def modified_at(self):
        """The public modified date: the last substantive edit, never before the public date."""
        published, edited = self.public_date, self.last_substantive_edit_at
        if published is None or edited is None:
            return published or edited
        return max(published, edited)

    def excerpt(self, words: int) -> str:
        """The first `words` words of standfirst, credit and body run together, as the
        reference page's "Latest from" and "Don't Miss" show them (../shared/SEED-PAGE.md)."""
        return text.first_words(self.summary, words)

    def excerpt_parts(self, words: int) -> text.ExcerptParts:
        """The same words split where the body starts, and whether they were cut, so that the
        page can mark the join and the cut (neither adds a word)."""
        return text.excerpt_parts(self.summary, words)

    def teaser(self, words: int) -> str:
        """A listing's excerpt: the standfirst (else the body's start), cut on a word boundary
        with the cut marked: "Rubio stated that the US hopes that progress…"."""
        return text.cut_words(self.standfirst.strip() or self.summary, words)

    def meta_description(self) -> str:
        return self.search_description or self.standfirst

    @classmethod
    def routed_queryset(cls):
        """A story as its page shows it: with its lead image, the credited organisation, and
        whether it carries corrections (so that a story without spends no query on them).
        masthead.sections.routing finds a story at a URL with it; the page fetches the lead
        image's renditions together with its bylines' photos' (masthead.reader.story)."""
        return (
            cls.objects.live()
            .select_related("lead_image", "credit_organisation")
            .annotate(has_corrections=Exists(Correction.objects.filter(page=OuterRef("pk"))))
        )


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


class Correction(Orderable):
    """A note on the record of a published story: a correction, a clarification or an update."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right now, for readers.")
    noted_at = models.DateTimeField(default=timezone.now, help_text="When the note was made.")

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("noted_at")]

    class Meta(Orderable.Meta):
        db_table = "publishing_correction"  # made by the publishing app; rows kept
        verbose_name = "correction or update"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.page}: {self.text[:60]}"
