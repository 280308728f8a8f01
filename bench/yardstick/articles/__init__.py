"""The yardstick's one app: article pages under an index page."""
