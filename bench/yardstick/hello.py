"""A bare WSGI "hello" app: the least a Python app under granian can do per request."""

BODY = b"hello\n"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]
