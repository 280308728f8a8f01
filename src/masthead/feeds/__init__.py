"""Feeds, sitemaps and robots.txt: what machines read.

stories          the public stories of the request's site, their modification time, lead image
                 file, ids
entries          feed scopes (site, section, tag, author), validators and entries
sitemap_entries  sitemap parts, their entries, the Google News window and robots.txt
feeds, sitemaps  Django's syndication and sitemap classes over them; views, urls: thin
"""
