"""The reader page cache: whole responses keyed by URL, invalidated by what they show.

See docs/page-cache.md. The parts: `deps` (what a response shows), `state` (which of those
things changed, as this process knows it), `bus` (how a change reaches every process),
`store` (the bytes), `middleware` and `wsgi` (storing and serving), `purge` (Varnish/CDN).
"""
