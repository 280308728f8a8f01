"""Labelled workflow steps in "Awaiting your review".

Wagtail draws each review step as a bare circle whose name and state show only on hover. The
newsroom home wraps that panel and writes the step beside its circle: "Copy edit: Approved",
"Publish: In progress".
"""

import re

from django.utils.safestring import mark_safe
from wagtail.admin.ui.components import Component

# One step: Wagtail's tooltip span (its text is "<task>: <status>") around the step's icon.
STEP = re.compile(
    r'(<span data-controller="w-tooltip" data-w-tooltip-content-value="(?P<label>[^"]*)">)'
    r"(?P<icon>.*?)(</span>)",
    re.S,
)


def label_steps(html: str) -> str:
    """Each step's circle followed by its name and state, as text (already escaped)."""
    return STEP.sub(
        lambda m: (
            f"{m.group(1)}{m.group('icon')}"
            f'<span class="newsroom-step">{m.group("label").strip().rstrip(":")}</span>{m.group(4)}'
        ),
        html,
    )


class LabelledReviewPanel(Component):
    """Wagtail's "Awaiting your review" panel, with its steps labelled."""

    def __init__(self, panel):
        self.panel = panel
        self.name = panel.name
        self.order = panel.order

    @property
    def media(self):
        return self.panel.media

    def render_html(self, parent_context=None):
        return mark_safe(label_steps(self.panel.render_html(parent_context)))  # noqa: S308
