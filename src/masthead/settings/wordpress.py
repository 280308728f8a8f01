"""The admin's "Import from WordPress" (docs/wordpress-import.md).

MASTHEAD_WORDPRESS_UPLOAD_LIMIT_MB  the largest export file (megabytes) the admin screen takes;
                                    a larger one is refused with the limit; default 512. The
                                    command `masthead import-wordpress` has no limit.
"""

import os

MASTHEAD_WORDPRESS_UPLOAD_LIMIT = int(
    float(os.environ.get("MASTHEAD_WORDPRESS_UPLOAD_LIMIT_MB", "512")) * 1024 * 1024
)
