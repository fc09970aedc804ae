"""Provides ecf-tui: a terminal simulator of linking a CM/ECF account to a PACER account."""

__version__ = "0.1.0"
