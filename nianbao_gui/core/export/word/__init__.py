"""The Word (.docx) format in the official layout (GB/T 9704-2012), with python-docx.

``writer.build_document`` builds the document in memory (``core.export.export_bytes`` saves
it); ``styles`` and ``page`` write the official layout's values (typeset/) as Word XML,
``fonttable`` what Word does when a font is missing, ``xml`` small lxml helpers.
"""
