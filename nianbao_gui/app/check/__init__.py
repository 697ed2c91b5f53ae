"""体检: the panel, its rows and the live re-check."""
