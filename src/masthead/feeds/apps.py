from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "masthead.feeds"
    label = "masthead_feeds"  # "feeds" is too generic a label beside Django's and Wagtail's apps
    verbose_name = "Feeds and sitemaps"
