"""The report's sections, one module each: build(...) returns Section objects (page.py)."""
