"""Readers that turn dataset files into LossReports, and detection of a file's format.

Pure Python (no Qt, no database); every problem with a file is an ImportFormatError naming
the file, the record and the field.
"""

from __future__ import annotations

from desktop_app.core.formats.detect import FORMATS, detect_format
from desktop_app.core.formats.petroivaniuk import (
    read_petroivaniuk,
    read_petroivaniuk_csv,
    read_petroivaniuk_json,
)
from desktop_app.core.formats.russianwarship import read_russianwarship

__all__ = [
    "FORMATS",
    "detect_format",
    "read_petroivaniuk",
    "read_petroivaniuk_csv",
    "read_petroivaniuk_json",
    "read_russianwarship",
]
