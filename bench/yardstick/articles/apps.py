"""App config of the yardstick's articles."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "bench.yardstick.articles"
    label = "yardstick_articles"
