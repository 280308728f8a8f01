"""Feeds, sitemaps and robots.txt: what machines read.

stories          the public stories of the request's site, their modification time, lead image
                 file, ids
entries          feed scopes (site, section, tag, author), validators and entries
sitemap_entries  sitemap parts, their entries, the Google News window and robots.txt
sitemap_xml      the XML of a sitemap part and of the news sitemap, by Django's XML generator
feeds, sitemaps  Django's syndication and sitemap classes over them; views, urls: thin
"""
