"""A source path in, its bytes (`load_bytes`) or its decoded text (`load_text`, newlines normalised) and reading
warnings out; SourceError naming the file otherwise."""
from __future__ import annotations

import codecs
import pathlib
import re

from analysis.errors import SourceError

_SIGNATURES = (
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a ZIP archive (not a DOCX or ODT document)"), (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x7fELF", "a program"), (b"%!PS", "a PostScript file"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"{\\rtf", "an RTF document"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""Byte-order marks, longest first (the UTF-32 little-endian mark starts like the UTF-16 one)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _size(n: float) -> str:
    return f"{n / 1e6:.1f}".rstrip("0").rstrip(".") + " MB"


def too_large(shown: str, size: int, max_bytes: int) -> SourceError:
    return SourceError(f"{shown} is {_size(size)}; the limit is {_size(max_bytes)}")


def _read_bytes(path: pathlib.Path, shown: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise SourceError(f"{shown} is a folder, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError(f"{shown} does not exist") from None
    except PermissionError:
        raise SourceError(f"{shown} cannot be read: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{shown} cannot be read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise too_large(shown, size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise SourceError(f"{shown} cannot be read: permission denied") from None
    except IsADirectoryError:
        raise SourceError(f"{shown} is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(f"{shown} cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # it grew, or stat() could not tell (a pipe)
        raise SourceError(f"{shown} is larger than the limit of {_size(max_bytes)}")
    return data


def binary_kind(data: bytes) -> str | None:
    """What a binary file's signature says it is (``a PDF``), or None for anything else."""
    head = data.lstrip()[:8]
    return next((what for signature, what in _SIGNATURES if head.startswith(signature)), None)


def _binary(data: bytes, shown: str) -> None:
    what = binary_kind(data)
    if what:
        raise SourceError(f"{shown} is {what}, not text; convert it to text first")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: every other byte of ASCII text is NUL."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode(data: bytes, shown: str, warnings: list[str]) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise SourceError(f"{shown} starts with a {codec.upper()} mark but cannot be decoded as it") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise SourceError(f"{shown} looks binary (it contains NUL bytes), not text")
        warnings.append(f"{shown}: no byte-order mark; read as UTF-16")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    controls = sum(b < 9 or 13 < b < 32 or b == 127 for b in data[:65536])
    if controls > 0.05 * min(len(data), 65536):
        raise SourceError(f"{shown} looks binary (undecodable bytes), not text")
    codec = "cp1252" if _cp1252_ok(data) else "latin-1"
    warnings.append(f"{shown}: not valid UTF-8; read as {'Windows-1252' if codec == 'cp1252' else 'Latin-1'}")
    return data.decode(codec)


def _cp1252_ok(data: bytes) -> bool:
    """cp1252 leaves five bytes undefined; text using them is Latin-1."""
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def load_bytes(path: pathlib.Path, shown: str, max_bytes: int = 20_000_000) -> bytes:
    """A source file's bytes; SourceError naming `shown` when it is missing, a folder, unreadable, too large or empty."""
    data = _read_bytes(pathlib.Path(path), shown, max_bytes)
    if not data.strip():
        raise SourceError(f"{shown} is empty")
    return data


def load_text(path: pathlib.Path, shown: str, max_bytes: int = 20_000_000) -> tuple[str, tuple[str, ...]]:
    """Read a source file as text; raise SourceError naming `shown` when it cannot be used."""
    return decode_text(load_bytes(path, shown, max_bytes), shown)


def decode_text(data: bytes, shown: str) -> tuple[str, tuple[str, ...]]:
    """A text file's bytes -> its text (BOMs, UTF-16 without one, cp1252, newlines) and warnings."""
    if not data.strip():
        raise SourceError(f"{shown} is empty")
    _binary(data, shown)
    warnings: list[str] = []
    text = _decode(data, shown, warnings)
    if "\x00" in text:
        raise SourceError(f"{shown} looks binary (it contains NUL characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n")  # page breaks from PDF-to-text converters
    text, removed = _CONTROL.subn("", text)
    if removed:
        warnings.append(f"{shown}: {removed} control character(s) removed")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SourceError(f"{shown} is empty (only whitespace)")
    return text, tuple(warnings)
