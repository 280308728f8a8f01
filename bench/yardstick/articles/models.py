"""An article (title, intro, rich-text body) and the index page above the articles."""

from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import Page


class ArticleIndexPage(Page):
    intro = models.TextField(blank=True)
    subpage_types = ["yardstick_articles.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            ArticlePage.objects.child_of(self).live().order_by("-first_published_at")[:20]
        )
        return context


class ArticlePage(Page):
    intro = models.TextField()
    body = RichTextField()
    parent_page_types = ["yardstick_articles.ArticleIndexPage"]
