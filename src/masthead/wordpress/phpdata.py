"""Reading PHP-serialized metadata (`a:2:{s:3:"key";...}`) as plain data, never as objects.

WordPress stores arrays of metadata with PHP's `serialize()`. Unserializing them with PHP (or a
port that builds objects) runs code chosen by whoever wrote the export. This reader knows only
the scalar types, arrays and null; an object (`O:`/`C:`), a reference (`r:`/`R:`) or anything
malformed gives `NotSerialized`, and the caller keeps the raw text.
"""

MAX_DEPTH = 32
MAX_LENGTH = 10_000_000


class NotSerialized(ValueError):
    """The text is not PHP-serialized data this reader accepts."""


def looks_serialized(text: str) -> bool:
    text = text.strip()
    return len(text) >= 4 and text[:2] in {"a:", "s:", "i:", "d:", "b:"} or text == "N;"


def loads(text: str):
    """The value `text` serializes: dict (arrays, keys kept in order), str, int, float, bool or
    None. PHP counts string lengths in bytes, so the text is read as UTF-8."""
    if len(text) > MAX_LENGTH:
        raise NotSerialized("too long")
    data = text.strip().encode("utf-8")
    value, end = _value(data, 0, 0)
    if end != len(data):
        raise NotSerialized(f"unexpected data at byte {end}")
    return value


def _expect(data: bytes, at: int, token: bytes) -> int:
    if data[at : at + len(token)] != token:
        raise NotSerialized(f"expected {token!r} at byte {at}")
    return at + len(token)


def _until(data: bytes, at: int, stop: bytes) -> tuple[bytes, int]:
    end = data.find(stop, at)
    if end < 0:
        raise NotSerialized(f"no {stop!r} after byte {at}")
    return data[at:end], end + 1


def _integer(raw: bytes) -> int:
    try:
        return int(raw)
    except ValueError as error:
        raise NotSerialized(f"not an integer: {raw[:20]!r}") from error


def _null(data: bytes, at: int):
    return None, _expect(data, at, b";")


def _boolean(data: bytes, at: int):
    raw, at = _until(data, at, b";")
    if raw not in (b"0", b"1"):
        raise NotSerialized("bad boolean")
    return raw == b"1", at


def _integer_value(data: bytes, at: int):
    raw, at = _until(data, at, b";")
    return _integer(raw), at


def _float(data: bytes, at: int):
    raw, at = _until(data, at, b";")
    try:
        return float(raw), at
    except ValueError as error:
        raise NotSerialized("bad float") from error


def _string(data: bytes, at: int):
    raw, at = _until(data, at, b":")
    length = _integer(raw)
    at = _expect(data, at, b'"')
    if length < 0 or at + length > len(data):
        raise NotSerialized("string longer than the data")
    value = data[at : at + length]
    return value.decode("utf-8", errors="replace"), _expect(data, at + length, b'";')


SCALARS = {b"N": _null, b"b": _boolean, b"i": _integer_value, b"d": _float, b"s": _string}


def _value(data: bytes, at: int, depth: int):
    if depth > MAX_DEPTH:
        raise NotSerialized("nested too deeply")
    kind = data[at : at + 1]
    if kind == b"N":
        return _null(data, at + 1)
    if kind in SCALARS and data[at + 1 : at + 2] == b":":
        return SCALARS[kind](data, at + 2)
    if kind == b"a" and data[at + 1 : at + 2] == b":":
        raw, at = _until(data, at + 2, b":")
        count = _integer(raw)
        at = _expect(data, at, b"{")
        result = {}
        for _ in range(count):
            key, at = _value(data, at, depth + 1)
            if not isinstance(key, (int, str)):
                raise NotSerialized("array key is not an integer or a string")
            result[key], at = _value(data, at, depth + 1)
        return result, _expect(data, at, b"}")
    raise NotSerialized(f"type {kind!r} at byte {at} is not read (objects never are)")


def maybe_loads(text: str):
    """The unserialized value where `text` is serialized data, else `text` itself."""
    if not looks_serialized(text):
        return text
    try:
        return loads(text)
    except NotSerialized:
        return text
