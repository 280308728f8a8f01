"""Reading Masthead's configuration from the environment, with a working default for each."""

import hashlib
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def masthead_home() -> Path:
    """MASTHEAD_HOME, created owner-only (0700) if it does not exist yet."""
    home = Path(os.environ.get("MASTHEAD_HOME", "var")).expanduser().resolve()
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    return home


def owner_only_database(path: Path) -> None:
    """Create the SQLite database file owner-only (0600), and make an existing one so.

    SQLite creates its -wal and -shm files with the database file's mode, so they follow.
    The database holds password hashes and sessions: nobody else on the machine may read it.
    """
    if str(path) == ":memory:" or str(path).startswith("file:"):
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            try:
                info = name.stat()
                if info.st_mode & 0o077 and info.st_uid == os.getuid():
                    name.chmod(0o600)
            except FileNotFoundError:
                continue
    else:
        os.close(fd)


def base_url() -> str:
    """The one source of every absolute URL: scheme, host and optional port, no path."""
    default = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
    raw = os.environ.get("MASTHEAD_BASE_URL", default).strip().rstrip("/")
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"MASTHEAD_BASE_URL={raw!r}: expected an absolute http(s) URL such as "
            "https://news.example.org"
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"MASTHEAD_BASE_URL={raw!r}: give the site's origin only, without a path or query"
        )
    return raw


def secret_key(home: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into MASTHEAD_HOME."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = home / "secret_key"
    if not path.exists():
        # Written whole under another name (0600), then linked into place: commands started
        # together on a new home (`make demo`) all read the same, complete key.
        fd, written = tempfile.mkstemp(dir=home, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
            os.link(written, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(written)
    return path.read_text().strip()


def cache_prefix(database: str) -> str:
    """A short name for this deployment's keys in a Redis that others may share."""
    return "masthead-" + hashlib.blake2b(database.encode(), digest_size=5).hexdigest()
