"""Masthead: a newsroom publishing platform on Django and Wagtail."""

from importlib.metadata import version

__version__ = version("masthead")  # the one place it is written is pyproject.toml
