"""Lead images for the demo, drawn here (nothing is downloaded): abstract illustrations."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

WIDTH, HEIGHT = 1600, 900
PALETTES = [
    ((18, 52, 86), (230, 126, 34)),
    ((24, 86, 60), (241, 196, 15)),
    ((92, 24, 48), (236, 240, 241)),
    ((44, 62, 80), (26, 188, 156)),
    ((60, 40, 100), (255, 159, 67)),
]


def _blend(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw(seed: str) -> bytes:
    """A deterministic 1600x900 illustration for `seed`, as JPEG bytes."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())  # noqa: S311 (not security)
    dark, light = rng.choice(PALETTES)
    picture = PILImage.new("RGB", (WIDTH, HEIGHT), dark)
    pen = ImageDraw.Draw(picture)
    for y in range(0, HEIGHT, 6):
        pen.rectangle((0, y, WIDTH, y + 6), fill=_blend(dark, (0, 0, 0), y / HEIGHT / 2))
    for _ in range(14):
        x, y, r = rng.randrange(WIDTH), rng.randrange(HEIGHT), rng.randrange(60, 320)
        colour = _blend(dark, light, rng.uniform(0.25, 0.9))
        shape = pen.ellipse if rng.random() < 0.6 else pen.rectangle
        shape((x - r, y - r, x + r, y + r), outline=colour, width=rng.randrange(4, 18))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def demo_image(slug: str, title: str) -> Image:
    """The demo image for a story, made once and reused on later loads."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, focal_point_x=WIDTH // 2, focal_point_y=HEIGHT // 2)
    image.focal_point_width = WIDTH // 3
    image.focal_point_height = HEIGHT // 3
    image.file = ImageFile(io.BytesIO(draw(slug)), name=f"demo-{slug}.jpg")
    image.save()
    return image
