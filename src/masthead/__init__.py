"""Masthead: a newsroom publishing platform on Django and Wagtail."""

__version__ = "0.1.0"
