"""A minimal CBOR (RFC 8949) codec for the Pagefind files generator/search.py reorders.

Pagefind writes its filter and metadata files as gzipped CBOR. Only what those
files hold is supported: unsigned and negative integers, byte and text strings,
arrays, maps, booleans and null, with definite lengths. Encoding uses the
shortest form of every length, as Pagefind's own encoder does.
"""

from __future__ import annotations

import struct
from typing import Any

_SIMPLE = {20: False, 21: True, 22: None}


class CborError(ValueError):
    """The bytes are not CBOR of the supported kinds."""


def _argument(data: bytes, i: int, info: int) -> tuple[int, int]:
    if info < 24:
        return info, i
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info not in sizes:
        raise CborError(f"unsupported CBOR length encoding {info} at byte {i - 1}")
    size = sizes[info]
    return int.from_bytes(data[i : i + size], "big"), i + size


def _decode(data: bytes, i: int) -> tuple[Any, int]:
    if i >= len(data):
        raise CborError("CBOR data ends early")
    major, info = data[i] >> 5, data[i] & 31
    if major == 7:
        if info in _SIMPLE:
            return _SIMPLE[info], i + 1
        if info == 27:
            return struct.unpack(">d", data[i + 1 : i + 9])[0], i + 9
        raise CborError(f"unsupported CBOR simple value {info} at byte {i}")
    arg, i = _argument(data, i + 1, info)
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major in (2, 3):
        raw = bytes(data[i : i + arg])
        return (raw if major == 2 else raw.decode("utf-8")), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    if major == 5:
        mapping = {}
        for _ in range(arg):
            key, i = _decode(data, i)
            mapping[key], i = _decode(data, i)
        return mapping, i
    raise CborError(f"unsupported CBOR major type {major} at byte {i}")


def loads(data: bytes) -> Any:
    """The one CBOR value ``data`` holds."""
    value, end = _decode(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} bytes after the CBOR value")
    return value


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise CborError(f"integer {arg} too large for CBOR")


def dumps(value: Any) -> bytes:
    """``value`` as CBOR, shortest lengths first."""
    if value is None or isinstance(value, bool):
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, (list, tuple)):
        return _head(4, len(value)) + b"".join(dumps(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(dumps(k) + dumps(v) for k, v in value.items())
    raise CborError(f"cannot encode {type(value).__name__} as CBOR")
