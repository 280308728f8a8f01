"""What the feeds, sitemaps and robots.txt say: the queries and the data, apart from the views.

stories   the public stories of the request's site, their modification time, lead image file, ids
feeds     feed scopes (site, section, tag, author), validators and entries
sitemaps  sitemap parts, their entries, the Google News window and robots.txt
"""
