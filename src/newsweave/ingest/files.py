"""Reading local files with a size cap: plain, gzipped, stdin."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError


def read_capped(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read at most max_bytes; more is an error, not a silent cut."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            source, f"too large: over {max_bytes:,} bytes (raise --max-file-bytes to accept it)"
        )
    return data


def gunzip_capped(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing truncated or corrupt streams and oversized output."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            return read_capped(gz, source, max_bytes)
    except EOFError:
        raise InputError(
            source, "truncated gzip: the file ends before the compressed stream does"
        ) from None
    except (OSError, zlib.error) as e:
        raise InputError(source, f"not a valid gzip file ({e})") from None


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a local file (decompressed when it ends in .gz)."""
    try:
        size = path.stat().st_size
        if size > max_bytes and not path.name.endswith(".gz"):
            raise InputError(
                source,
                f"too large: {size:,} bytes, over the {max_bytes:,} byte cap "
                "(raise --max-file-bytes to accept it)",
            )
        with path.open("rb") as f:
            data = read_capped(f, source, max_bytes)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    if path.name.endswith(".gz"):
        data = gunzip_capped(data, source, max_bytes)
    return data
