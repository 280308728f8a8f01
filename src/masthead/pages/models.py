"""The newsroom's own pages (About, Contact, Privacy, Terms, the ethics and corrections
policies) and the site's header and footer menus."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable

from masthead.articles.blocks import FigureBlock, HeadingBlock, ParagraphBlock
from masthead.core.dates import in_newsroom, newsroom_zone
from masthead.core.models import BasePage
from masthead.pages.forms import MenuSettingsForm
from masthead.pages.links import validate_menu_url


class StandardPageBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock(max_length=200)
    image = FigureBlock()


# What a page is to the publication: the policy roles are what the publisher's
# NewsMediaOrganization JSON-LD links to (masthead.seo.organisation).
ROLE_CHOICES = [
    ("about", "About us"),
    ("contact", "Contact"),
    ("masthead", "Masthead: who runs the newsroom"),
    ("principles", "Publishing principles"),
    ("ethics", "Ethics policy"),
    ("corrections", "Corrections policy"),
    ("privacy", "Privacy policy"),
    ("terms", "Terms of use"),
]


class StandardPage(BasePage):
    """A page of the newsroom's own: About, Contact, a policy. Only under the front page, so
    only those who may edit the front page (the chief editor) add one."""

    standfirst = models.TextField(
        blank=True, help_text="Optional: one or two sentences below the title."
    )
    body = StreamField(StandardPageBodyBlock(), blank=True)
    last_updated = models.DateField(
        null=True,
        blank=True,
        help_text="When the page's substance last changed (shown as “Last updated”). "
        "Empty: the date it was last published.",
    )
    role = models.CharField(
        max_length=20,
        blank=True,
        choices=ROLE_CHOICES,
        help_text="What the page is to the publication; search engines are told where the "
        "masthead, principles, ethics and corrections policies are. One page per role.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("last_updated"),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("role")]
    parent_page_types = ["sections.HomePage"]
    subpage_types = []
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "standard page"

    def clean(self):
        super().clean()
        if self.role:
            # The admin's form checks a new page before it has a place: then every site's.
            parent = self.get_parent() if self.path else None
            siblings = StandardPage.objects.filter(role=self.role).exclude(pk=self.pk)
            if parent is not None:
                siblings = siblings.child_of(parent)
            taken = siblings.first()
            if taken is not None:
                raise ValidationError(
                    {
                        "role": f"“{taken.title}” is already the site's "
                        f"{self.get_role_display().lower()} page: clear its role first."
                    }
                )

    def meta_description(self) -> str:
        return self.search_description or self.standfirst

    @property
    def updated_on(self) -> datetime | None:
        """The moment shown as "Last updated": the editor's date (at noon in the newsroom's
        zone, so that it reads as that day everywhere), else the last publication."""
        if self.last_updated:
            return datetime.combine(self.last_updated, time(12), tzinfo=newsroom_zone())
        return self.last_published_at

    @property
    def updated_on_iso(self) -> str:
        """The date of `updated_on` in the newsroom's zone, for a <time datetime="...">."""
        return in_newsroom(self.updated_on).date().isoformat() if self.updated_on else ""

    @classmethod
    def routed_queryset(cls):
        """What the front page's router serves this page type from (masthead.sections.routing)."""
        return cls.objects.live()


@register_setting(icon="list-ul")
class MenuSettings(ClusterableModel, BaseSiteSetting):
    """The site's header and footer menus, editable under Settings > Menus."""

    base_form_class = MenuSettingsForm

    panels = [
        MultiFieldPanel(
            [InlinePanel("header_items", label="Header link")],
            heading="Header menu",
            help_text="Empty: the header lists the sections shown in menus, in tree order.",
        ),
        MultiFieldPanel(
            [InlinePanel("footer_items", label="Footer link")],
            heading="Footer menu",
            help_text="Links with the same group heading, one after another, form a column.",
        ),
    ]

    class Meta:
        verbose_name = "menus"


class MenuItem(Orderable):
    """A link to a page of the site (a section, a story, a standard page) or to an address."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A page of this site; while it is unpublished or deleted the link is hidden.",
    )
    url = models.CharField(
        "address",
        max_length=500,
        blank=True,
        validators=[validate_menu_url],
        help_text="Or an address: https://…, mailto:…, or a path on this site such as /feed/.",
    )
    label = models.CharField(
        max_length=80, blank=True, help_text="Empty for a page: the page's title."
    )

    panels = [PageChooserPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.page_id and self.url:
            raise ValidationError(
                {"url": "Choose a page or give an address, not both: clear one of them."}
            )
        if not self.page_id and not self.url:
            raise ValidationError({"page": "Choose a page or give an address."})
        if self.url and not self.label:
            raise ValidationError({"label": "A link to an address needs a label."})


class HeaderMenuItem(MenuItem):
    menu = ParentalKey(MenuSettings, on_delete=models.CASCADE, related_name="header_items")


class FooterMenuItem(MenuItem):
    menu = ParentalKey(MenuSettings, on_delete=models.CASCADE, related_name="footer_items")
    group = models.CharField(
        "group heading",
        max_length=60,
        blank=True,
        help_text="e.g. “About us”, “Policies”, “Follow”: consecutive links with the same "
        "heading form one column.",
    )

    panels = [FieldPanel("group"), *MenuItem.panels]
