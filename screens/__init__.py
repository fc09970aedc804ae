"""Provides the Textual screens, one per step of the procedure."""
