"""The yardstick: a minimal Wagtail 8 article site (no Masthead code) that the bench serves beside
Masthead, so that Masthead's figures are ratios measured in the same run (docs/benchmark.md).

    settings.py   its Django settings (SQLite in $YARDSTICK_HOME, or $DATABASE_URL)
    articles/     ArticlePage (title, intro, rich-text body) under an ArticleIndexPage, plain
                  Django templates, `seed_yardstick` to build N stories
    hello.py      a bare WSGI "hello" app (granian's floor)
    serve.py      granian serving either, and the bench step (`python -m bench --only yardstick`)
"""
