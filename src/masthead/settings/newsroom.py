"""The newsroom desk (masthead.newsroom): date formats and mail time-outs."""

# 24-hour times in the admin, in every place Django formats a date ("14:35", never "2:35 p.m.").
FORMAT_MODULE_PATH = ["masthead.newsroom.formats"]
# A mail server that does not answer delays a review step by at most this long (docs/newsroom.md).
EMAIL_TIMEOUT = 10
