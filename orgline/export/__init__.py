"""Exports generated from the model; ``facts`` is the interchange format (DESIGN.md s.4)."""
from .facts import write_facts

FORMATS = {"facts": write_facts}

__all__ = ["FORMATS", "write_facts"]
