"""The Textual side's shared pieces: which screen shows a View (`screen_map`), the
themes (`themes`), the crash report (`crash`), and the few Textual internals the
simulator leans on, in one place checked against Textual's version (`textual_private`)."""
