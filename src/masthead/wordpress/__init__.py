"""Moving in from WordPress: read a WXR export and import it (docs/wordpress-import.md)."""
