from masthead.curation.picks import breaking_news


def banner(request):
    """The breaking-news banner every reader page shows while it is current."""
    return {"breaking_news": breaking_news(request)}
