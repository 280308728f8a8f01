"""What the WordPress tests do most: run the import as its command, and find an imported post."""

from io import StringIO

from django.core.management import call_command

from masthead.articles.models import ArticlePage
from masthead.wordpress.models import ImportedObject


def run(path, *args) -> str:
    """`masthead import-wordpress PATH ARGS...`; what it printed."""
    out = StringIO()
    call_command("import-wordpress", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def story(wp_id) -> ArticlePage:
    """The story imported from the WordPress post `wp_id`."""
    row = ImportedObject.objects.get(kind="post", wp_id=wp_id)
    return ArticlePage.objects.get(pk=row.object_id)
