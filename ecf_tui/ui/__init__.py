"""The Textual side's shared pieces: which screen shows a View (`screen_map`), the
themes (`themes`), and the few Textual internals the simulator leans on, in one place
checked against Textual's version (`textual_private`)."""
