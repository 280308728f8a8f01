"""HTTPS and the security headers of every answer, page-cache hits included (docs/security.md)."""
