"""What a reader page tells browsers, search engines and social media in its <head>: title,
description, canonical address, Open Graph, Twitter card and JSON-LD; one builder per page type."""
