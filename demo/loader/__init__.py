"""Reads the demo's data (demo/data/*.yaml) into the database, one module per kind of content; dates in
the data are relative to the moment of loading (dates.py)."""
