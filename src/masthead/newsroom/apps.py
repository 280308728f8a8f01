from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The newsroom desk in the admin: the home page, the desk board and notifications."""

    name = "masthead.newsroom"
    label = "newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.articles.models import ArticlePage
        from masthead.newsroom import signal_handlers
        from masthead.newsroom.corrections_panel import replace_corrections_panel
        from masthead.newsroom.forms import NewsroomArticlePageForm
        from masthead.newsroom.preferences import use_newsroom_words_for_wagtails_switches
        from masthead.newsroom.scheduling import lock_scheduled_stories_with_advice

        signal_handlers.connect()
        use_newsroom_words_for_wagtails_switches()  # Account > Notifications
        # The story editor's form for writing fast (forms.py); it extends the articles' form.
        ArticlePage.base_form_class = NewsroomArticlePageForm
        replace_corrections_panel(ArticlePage)  # no corrections on a first draft
        lock_scheduled_stories_with_advice(ArticlePage)  # who may change a scheduled story
