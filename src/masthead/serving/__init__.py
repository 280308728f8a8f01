"""Serving the site in production: `masthead serve` (granian's WSGI workers) and its static files.

See the README's "Production" section. The parts: `preflight` (what `serve` checks and prepares
before it starts: migrations, the static collection), `staticfiles` (WhiteNoise's hashed,
compressed storage once collected), `server` (the process `serve` becomes).
"""
