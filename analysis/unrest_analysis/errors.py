"""The one error the report raises for bad input: a missing, unreadable or malformed output file.

`python3 -m unrest_analysis report DIR` (and `unrest report DIR`) prints its message on one line and
exits with status 2; nothing else reaches the user as a traceback.
"""

from __future__ import annotations


class ReportError(Exception):
    """Bad input to the report: the message names the file and what was expected."""
