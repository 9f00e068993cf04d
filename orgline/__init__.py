"""orgline: sourced, time-aware histories of organizations, read from prose.

The public Python API is the :class:`Project` object; the CLI (``orgline ...``) is a thin
layer over it.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
