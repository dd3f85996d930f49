"""Readers that turn dataset files into LossReports, and detection of a file's format.

Pure Python (no Qt, no database); every problem with a file is an ImportFormatError naming
the file, the record and the field.

The names below are loaded when first asked for: a module that only needs one reader, or
only `result.ReadResult`, does not load every format with the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.formats.detect import FORMATS, detect_format
    from desktop_app.core.formats.petroivaniuk import (
        read_petroivaniuk,
        read_petroivaniuk_csv,
        read_petroivaniuk_json,
    )
    from desktop_app.core.formats.russianwarship import read_russianwarship

_WHERE = {
    "FORMATS": "detect",
    "detect_format": "detect",
    "read_petroivaniuk": "petroivaniuk",
    "read_petroivaniuk_csv": "petroivaniuk",
    "read_petroivaniuk_json": "petroivaniuk",
    "read_russianwarship": "russianwarship",
}

__all__ = [
    "FORMATS",
    "detect_format",
    "read_petroivaniuk",
    "read_petroivaniuk_csv",
    "read_petroivaniuk_json",
    "read_russianwarship",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
