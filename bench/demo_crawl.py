"""Crawl a loaded demo through its WSGI application and write every answer to a JSON file.

Run by bench/compare_demos.py as a script, with a commit's own `src/` first on PYTHONPATH, so it
uses only the standard library and `masthead.wsgi.application` (the page cache and security
layers included, as `masthead serve` runs them). It starts from the front page, robots.txt, the
sitemap index and the API index, and follows every same-site link in HTML, feeds, sitemaps,
robots.txt and API answers, except static files, media, documents and the admin.

    python bench/demo_crawl.py OUTPUT.json [--limit N]
"""

import html
import io
import json
import os
import re
import sys
from collections import deque
from urllib.parse import unquote, urljoin, urlsplit
from wsgiref.util import setup_testing_defaults

ORIGIN = "http://127.0.0.1:8000"
# The entry points, a search (a GET form, which no link reaches) and two answers that are errors.
STARTS = [
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/api/openapi.json",
    "/api/",
    "/corrections/",
    "/search/?q=pakistan",
    "/no-such-page-for-the-crawl/",
    "/api/stories/999999/",
]
OPENAPI = "/api/openapi.json"
SKIPPED = ("/static/", "/media/", "/documents/", "/admin/", "/_util/", "/cms/")
HREF = re.compile(r"""href=["']([^"']+)["']""")
XML_LINK = re.compile(r"<(?:loc|link|id|guid)[^>]*>\s*([^<\s]+)\s*</")
SITEMAP_LINE = re.compile(r"^Sitemap:\s*(\S+)", re.MULTILINE)
DEFAULT_LIMIT = 3000


def request(application, target: str) -> dict:
    """One GET through the WSGI application, as a reader's browser on loopback sends it."""
    path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "HTTP_ACCEPT_ENCODING": "identity",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["type"] = {k.lower(): v for k, v in headers}.get("content-type", "")

    chunks = application(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    answer["body"] = body.decode("utf-8", errors="replace")
    return answer


def detail_templates(openapi: dict) -> dict[str, str]:
    """{"/api/stories/": "id"} for each "/api/stories/{id}/" path of the OpenAPI document."""
    found = {}
    for path in openapi.get("paths", {}):
        if match := re.fullmatch(r"(/.+/)\{(\w+)\}/", path):
            found[match[1]] = match[2]
    return found


def details(target: str, value, templates: dict[str, str]) -> set[str]:
    """The detail addresses of the items of an API listing (which link to reader pages only)."""
    collection = target.partition("?")[0]
    if collection not in templates or not isinstance(value, dict):
        return set()
    key = templates[collection]
    return {f"{collection}{item[key]}/" for item in value.get("items", []) if key in item}


def links(target: str, answer: dict, templates: dict[str, str]) -> set[str]:
    """The same-site addresses an answer points to, as path?query."""
    body, kind = answer["body"], answer["type"]
    if "json" in kind:
        value = json.loads(body or "null")
        found = set(json_strings(value)) | details(target, value, templates)
    else:
        found = set(HREF.findall(body)) | set(XML_LINK.findall(body))
        found |= set(SITEMAP_LINE.findall(body))
    return {address for raw in found if (address := same_site(target, html.unescape(raw)))}


def json_strings(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, str) and (value.startswith(ORIGIN) or value.startswith("/api/")):
        yield value


def same_site(base: str, raw: str) -> str | None:
    parts = urlsplit(urljoin(ORIGIN + base, raw.strip()))
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN or parts.path.startswith(SKIPPED):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(application, limit: int) -> dict[str, dict]:
    seen, queue, answers = set(STARTS), deque(STARTS), {}
    templates = {}
    while queue and len(answers) < limit:
        target = queue.popleft()
        answers[target] = answer = request(application, target)
        if target == OPENAPI and answer["status"] == 200:
            templates = detail_templates(json.loads(answer["body"]))
        for address in sorted(links(target, answer, templates) - seen):
            seen.add(address)
            queue.append(address)
    return answers


def main(argv: list[str]) -> None:
    output = argv[0]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else DEFAULT_LIMIT
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from masthead.wsgi import application

    answers = crawl(application, limit)
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(answers, handle, indent=0, sort_keys=True)
    print(f"{len(answers)} addresses crawled", file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)  # the page cache's listener thread would keep the process alive


if __name__ == "__main__":
    main(sys.argv[1:])
