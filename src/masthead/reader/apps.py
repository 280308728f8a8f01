from django.apps import AppConfig


class ReaderConfig(AppConfig):
    """The assembly of every reader page; the page types' assemblers are registered here, so
    that the page models below need not know this layer (masthead.core.assembly)."""

    name = "masthead.reader"
    label = "reader"

    def ready(self):
        from masthead.articles.models import ArticlePage
        from masthead.core import assembly
        from masthead.pages.models import StandardPage
        from masthead.reader.front import front_page_context
        from masthead.reader.listings import section_page_context
        from masthead.reader.standard import standard_page_context
        from masthead.reader.story import article_page_context
        from masthead.sections.models import HomePage, SectionPage

        assembly.register(HomePage, front_page_context)
        assembly.register(SectionPage, section_page_context)
        assembly.register(ArticlePage, article_page_context)
        assembly.register(StandardPage, standard_page_context)
