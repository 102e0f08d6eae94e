"""The importer: directives as text, Word, OpenDocument, PDF or scans in, content files out
(``bantin import``, ``bantin new``).

Faithful first: every sentence of the source is kept, in order, word for word;
a field the text does not give is null, and a field taken from the body rather
than the header says so, with its sentence, in ``inferred``.
"""

from __future__ import annotations

from .convert import Conversion, convert
from .docx import read_docx
from .emit import directive_file, skeleton, slogan_file
from .run import report, run_import
from .sources.read import read_source
from .source import Source, text_source

__all__ = [
    "Conversion",
    "Source",
    "convert",
    "directive_file",
    "read_docx",
    "read_source",
    "report",
    "run_import",
    "skeleton",
    "slogan_file",
    "text_source",
]
