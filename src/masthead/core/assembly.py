"""How a page's reader context is put together, without the page models knowing who does it.

The page models sit in the content layer; the assembly of their reader pages sits above, in
masthead.reader, which registers one assembler per page type at start-up
(`ReaderConfig.ready`). `BasePage.get_context` asks here: the nearest class in the page's class
hierarchy that has an assembler wins; a page type with none gets Wagtail's context alone.
"""

from collections.abc import Callable

Assembler = Callable[..., dict]  # (page, request) -> what the page's template shows
_assemblers: dict[type, Assembler] = {}


def register(model: type, assembler: Assembler) -> None:
    _assemblers[model] = assembler


def assembler_for(model: type) -> Assembler | None:
    return next((_assemblers[cls] for cls in model.__mro__ if cls in _assemblers), None)


def assemble(page, request) -> dict:
    assembler = assembler_for(type(page))
    return assembler(page, request) if assembler is not None else {}
