from django.core.management.base import BaseCommand

from masthead.demo.loader import DemoLoader, admin_login_text


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (idempotent: run again, it adds only what is missing, and "
        "publishes its live World briefing again dated now, for the news sitemap)."
    )

    def handle(self, *args, **options):
        DemoLoader(log=lambda line: self.stdout.write(line)).load()
        self.stdout.write(self.style.SUCCESS(admin_login_text()))
