"""The WordPress import's tests: the shared WXR files (skipped where absent) and our own."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "wxr"
MALFORMED = {
    "wordpress-importer__malformed.xml": (90, 3),
    "wordpress-importer__malformed-simple.xml": (14, 1),
    "wordpress-importer__crazy-cdata.xml": (18, 72),
}
NOT_AN_EXPORT = {"wagtail-wordpress-import__test.xml"}  # a book catalogue, well-formed


def shared_files():
    if not SHARED.is_dir():
        return []
    return sorted(path.name for path in SHARED.glob("*.xml"))


def shared(name: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared datasets are not on this machine ({SHARED})")
    return SHARED / name


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads: one real PNG, one text file named .jpg."""
    from PIL import Image

    folder = tmp_path / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    Image.new("RGB", (40, 30), "blue").save(folder / "flood.png")
    (folder / "fake.jpg").write_text("not a jpeg")
    (tmp_path / "secret.png").write_bytes((folder / "flood.png").read_bytes())
    return tmp_path / "uploads"
