"""Provides `ecf-tui serve`: the simulator in a web browser for a class, each browser tab
a session of its own, on textual-serve (the optional extra `ecf-tui[serve]`) hardened:
loopback by default, a foreign page's requests refused, a minimal environment per
session, a cap on sessions, no debug mode and nothing typed in its log."""

__all__: list[str] = []
