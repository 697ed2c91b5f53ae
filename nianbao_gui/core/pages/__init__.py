"""The pages of a report: where every line and every page breaks (no Qt).

``paginate(report, metrics, options)`` lays the report out on the GB/T 9704 grid (22 lines
of 28 characters on A4) with the Chinese line-breaking rules the exported .docx asks for.
The PDF export, the window's preview and print, and the 【版面】 checks all draw from this
one layout. See docs/page-layout.md for where Word and LibreOffice differ from it.
"""

from __future__ import annotations

from .geometry import Geometry
from .metrics import FontKey, Metrics, NominalMetrics
from .paginate import Line, Page, PageLayout, Span, paginate

__all__ = [
    "FontKey",
    "Geometry",
    "Line",
    "Metrics",
    "NominalMetrics",
    "Page",
    "PageLayout",
    "Span",
    "paginate",
]
