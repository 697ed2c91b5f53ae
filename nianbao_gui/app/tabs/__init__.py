"""The tabs of the report editor, one file per tab."""
