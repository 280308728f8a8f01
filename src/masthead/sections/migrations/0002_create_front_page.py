"""Replace Wagtail's welcome page with Masthead's front page, so `/` is the site from the start."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def site_address():
    parts = urlsplit(settings.MASTHEAD_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


def create_front_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("sections.HomePage")

    if HomePage.objects.exists():
        return
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    # Wagtail's initial data: a plain "Welcome" page at /home/; only that page is replaced.
    Page.objects.filter(depth=2, slug="home", content_type__model="page", numchild=0).delete()
    numchild = Page.objects.filter(depth=2).count()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="sections")
    home = HomePage.objects.create(
        title="Front page",
        draft_title="Front page",
        slug="front",
        content_type=content_type,
        path=f"{root.path}{numchild + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/front/",
        locale_id=root.locale_id or Locale.objects.first().pk,
        live=True,
        show_in_menus=False,
    )
    Page.objects.filter(pk=root.pk).update(numchild=numchild + 1)

    hostname, port = site_address()
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname=hostname,
        port=port,
        root_page_id=home.pk,
        is_default_site=True,
        site_name=getattr(settings, "WAGTAIL_SITE_NAME", "Masthead"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sections", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_front_page, migrations.RunPython.noop)]
