"""The newsroom's own pages (About, Contact, the policies) and the site's header and footer
menus (docs/pages-and-menus.md)."""
