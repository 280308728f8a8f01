"""The story editor's form, made for writing fast (set as ArticlePage's form in apps.py).

- A new story's byline is the writer ("By" and the person of their login), and its body opens
  with an empty paragraph.
- The headline is a multi-line field labelled "Headline", with a length counter.
- A first draft's pasted paragraphs and quotes become paragraph and quote blocks on save.
- A story that was never published offers no "minor edit" box and no corrections: there is
  nothing to amend yet (corrections_panel.py hides the emptied panel).
"""

from django import forms

from masthead.articles.forms import ArticlePageForm
from masthead.articles.models import ArticleByline
from masthead.newsroom.paste_split import split_body
from masthead.newsroom.people import person_for
from masthead.newsroom.scheduling import zone_help

HEADLINE_ADVISED_LENGTH = 110  # the "Before you publish" warning's length


class NewsroomArticlePageForm(ArticlePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first_draft = self.instance.pk is None or (
            self.instance.first_published_at is None and not self.instance.live
        )
        self._first_draft = first_draft
        if first_draft:
            self.fields.pop("minor_edit", None)
            self.formsets.pop("corrections", None)
        if self.instance.pk is None and not self.is_bound:
            self._start_with_a_paragraph()
            if self.for_user is not None:
                self._byline_the_writer()
        if "title" in self.fields:
            self._headline_field(self.fields["title"])
        for name in ("go_live_at", "expire_at"):
            if name in self.fields:  # the schedule dialog names the zone its times are typed in
                self.fields[name].help_text = zone_help()

    def clean_title(self):
        """One line, whatever was typed or pasted: the headline's line breaks become spaces."""
        return " ".join((self.cleaned_data.get("title") or "").split())

    def clean_body(self):
        """A first draft's pasted copy, split into paragraph and quote blocks (paste_split.py)."""
        body = self.cleaned_data.get("body")
        if body is None or not self._first_draft:
            return body
        return split_body(self.fields["body"].block, body)

    def _start_with_a_paragraph(self) -> None:
        """A new story opens with an empty paragraph to type in: no block to insert first."""
        body = self.fields.get("body")
        if body is not None:
            self.initial["body"] = body.block.to_python([{"type": "paragraph", "value": ""}])

    def _byline_the_writer(self) -> None:
        bylines = self.formsets.get("bylines")
        if bylines is None or not self.for_user.is_authenticated:
            return
        person = person_for(self.for_user)
        bylines.initial_extra = [{"person": person.pk, "role": ArticleByline.Role.AUTHOR}]
        bylines.extra = 1

    @staticmethod
    def _headline_field(field) -> None:
        field.label = "Headline"
        attrs = {
            **field.widget.attrs,
            "rows": 2,
            "placeholder": "Headline",
            "data-newsroom-counter": str(HEADLINE_ADVISED_LENGTH),
        }
        attrs.pop("class", None)
        field.widget = forms.Textarea(attrs=attrs)
