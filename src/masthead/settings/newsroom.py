"""The newsroom desk (masthead.newsroom): date formats, words and mail time-outs."""

from pathlib import Path

# 24-hour times in the admin, in every place Django formats a date ("14:35", never "2:35 p.m.").
FORMAT_MODULE_PATH = ["masthead.newsroom.formats"]
# A mail server that does not answer delays a review step by at most this long (docs/newsroom.md).
EMAIL_TIMEOUT = 10
# The newsroom's words for a few of Wagtail's ("Headline", not "Page title"; no "snippets").
LOCALE_PATHS = [Path(__file__).resolve().parent.parent / "newsroom" / "locale"]
